#include "extractors/period_lexicon.h"

#include <array>

#include "extractors/ascii.h"

namespace claimgraph {
namespace {

struct MonthName {
  std::string_view full;
  std::string_view abbrev;
};

constexpr std::array<MonthName, 12> kMonths = {{
    {"january", "jan"},
    {"february", "feb"},
    {"march", "mar"},
    {"april", "apr"},
    {"may", "may"},
    {"june", "jun"},
    {"july", "jul"},
    {"august", "aug"},
    {"september", "sep"},
    {"october", "oct"},
    {"november", "nov"},
    {"december", "dec"},
}};

}  // namespace

std::string_view TimeUnitName(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDay:
      return "day";
    case TimeUnit::kWeek:
      return "week";
    case TimeUnit::kMonth:
      return "month";
    case TimeUnit::kQuarter:
      return "quarter";
    case TimeUnit::kYear:
      return "year";
  }
  return "";
}

char TimeUnitLetter(TimeUnit unit) { return TimeUnitName(unit)[0]; }

bool PeriodText::IsWordByte(size_t pos) const {
  if (pos >= text_.size()) return false;
  const char c = AsciiLower(text_[pos]);
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool PeriodText::IsDigit(size_t pos) const {
  return pos < text_.size() && text_[pos] >= '0' && text_[pos] <= '9';
}

size_t PeriodText::SpaceAt(size_t pos) const {
  if (pos >= text_.size()) return 0;
  const char c = text_[pos];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  if (text_.substr(pos, 2) == "\xC2\xA0") return 2;
  return 0;
}

size_t PeriodText::SpaceBefore(size_t pos) const {
  if (pos == 0 || pos > text_.size()) return 0;
  const char c = text_[pos - 1];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  if (pos >= 2 && text_.substr(pos - 2, 2) == "\xC2\xA0") return 2;
  return 0;
}

size_t PeriodText::SkipSpaces(size_t pos) const {
  while (size_t n = SpaceAt(pos)) pos += n;
  return pos;
}

size_t PeriodText::SkipSpacesBack(size_t pos) const {
  while (size_t n = SpaceBefore(pos)) pos -= n;
  return pos;
}

size_t PeriodText::DashAt(size_t pos) const {
  if (pos >= text_.size()) return 0;
  if (text_[pos] == '-') return 1;
  const std::string_view three = text_.substr(pos, 3);
  return (three == "\xE2\x80\x93" || three == "\xE2\x80\x94") ? 3 : 0;
}

size_t PeriodText::DashBefore(size_t pos) const {
  if (pos == 0 || pos > text_.size()) return 0;
  if (text_[pos - 1] == '-') return 1;
  return pos >= 3 && DashAt(pos - 3) == 3 ? 3 : 0;
}

size_t PeriodText::ApostropheAt(size_t pos) const {
  if (pos >= text_.size()) return 0;
  if (text_[pos] == '\'') return 1;
  return text_.substr(pos, 3) == "\xE2\x80\x99" ? 3 : 0;
}

Word PeriodText::WordAt(size_t pos) const {
  Word word{pos, pos};
  if (pos > 0 && IsWordByte(pos - 1)) return word;  // not at a word start
  while (IsWordByte(word.end)) ++word.end;
  return word;
}

Word PeriodText::WordEndingAt(size_t end) const {
  Word word{end, end};
  if (IsWordByte(end)) return word;  // not at a word end
  while (word.start > 0 && IsWordByte(word.start - 1)) --word.start;
  return word;
}

bool PeriodText::Is(Word word, std::string_view lower) const {
  return !word.empty() && EqualsAsciiLower(Slice(word), lower);
}

bool PeriodText::IsAny(Word word, std::initializer_list<std::string_view> options) const {
  for (std::string_view option : options) {
    if (Is(word, option)) return true;
  }
  return false;
}

bool PeriodText::StartsUpper(Word word) const {
  return !word.empty() && text_[word.start] >= 'A' && text_[word.start] <= 'Z';
}

std::optional<int> PeriodText::SmallNumberAt(Word word, size_t max_digits) const {
  if (word.empty() || word.end - word.start > max_digits) return std::nullopt;
  int value = 0;
  for (size_t i = word.start; i < word.end; ++i) {
    if (!IsDigit(i)) return std::nullopt;
    value = value * 10 + (text_[i] - '0');
  }
  return value;
}

int MonthFromName(std::string_view word) {
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (EqualsAsciiLower(word, kMonths[i].full) || EqualsAsciiLower(word, kMonths[i].abbrev)) {
      return static_cast<int>(i) + 1;
    }
  }
  return EqualsAsciiLower(word, "sept") ? 9 : 0;
}

bool IsFullMonthName(std::string_view word) {
  for (const MonthName& month : kMonths) {
    if (EqualsAsciiLower(word, month.full)) return true;
  }
  return false;
}

int OrdinalFromWord(std::string_view word) {
  static constexpr std::array<std::string_view, 4> kWords = {"first", "second", "third", "fourth"};
  static constexpr std::array<std::string_view, 4> kShort = {"1st", "2nd", "3rd", "4th"};
  for (size_t i = 0; i < kWords.size(); ++i) {
    if (EqualsAsciiLower(word, kWords[i]) || EqualsAsciiLower(word, kShort[i])) {
      return static_cast<int>(i) + 1;
    }
  }
  return EqualsAsciiLower(word, "final") ? 4 : 0;
}

std::optional<TimeUnit> TimeUnitFromWord(std::string_view word, bool* plural) {
  struct Entry {
    std::string_view singular;
    TimeUnit unit;
  };
  static constexpr std::array<Entry, 7> kUnits = {{
      {"day", TimeUnit::kDay},
      {"week", TimeUnit::kWeek},
      {"month", TimeUnit::kMonth},
      {"quarter", TimeUnit::kQuarter},
      {"qtr", TimeUnit::kQuarter},
      {"year", TimeUnit::kYear},
      {"yr", TimeUnit::kYear},
  }};
  const bool is_plural = !word.empty() && AsciiLower(word.back()) == 's';
  const std::string_view stem = is_plural ? word.substr(0, word.size() - 1) : word;
  for (const Entry& entry : kUnits) {
    if (EqualsAsciiLower(stem, entry.singular)) {
      if (plural != nullptr) *plural = is_plural;
      return entry.unit;
    }
  }
  return std::nullopt;
}

int ExpandTwoDigitYear(int yy) { return yy <= 69 ? 2000 + yy : 1900 + yy; }

}  // namespace claimgraph
