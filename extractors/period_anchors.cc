#include "extractors/period_anchors.h"

#include <cstdint>
#include <initializer_list>
#include <utility>

#include "engine/byte_scan.h"
#include "extractors/ascii.h"

namespace claimgraph {

namespace {

// RE2's \b word characters (ASCII only).
constexpr bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// A word boundary at pos, given that the byte before pos is a word char.
bool EndsWord(std::string_view text, size_t pos) {
  return pos >= text.size() || !IsWordChar(text[pos]);
}

// The length of `lower` (lower-case ASCII) at pos, case-insensitively,
// when it is there and a word ends after it; 0 otherwise.
size_t WordAt(std::string_view text, size_t pos, std::string_view lower) {
  if (text.size() - pos < lower.size()) return 0;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (AsciiLower(text[pos + i]) != lower[i]) return 0;
  }
  return EndsWord(text, pos + lower.size()) ? lower.size() : 0;
}

// The first of `forms` (tried in order, as the pattern's alternation and
// greedy optionals do) that is a whole word at pos.
size_t FirstWordAt(std::string_view text, size_t pos,
                   std::initializer_list<std::string_view> forms) {
  for (std::string_view form : forms) {
    if (size_t n = WordAt(text, pos, form)) return n;
  }
  return 0;
}

// Group 1: "q3", "3q", "h1", "2h" (no boundary after: "3Q25").
size_t CodeAt(std::string_view text, size_t pos) {
  if (text.size() - pos < 2) return 0;
  const char a = AsciiLower(text[pos]);
  const char b = AsciiLower(text[pos + 1]);
  const bool match = (a == 'q' && b >= '1' && b <= '4') || (a >= '1' && a <= '4' && b == 'q') ||
                     (a == 'h' && (b == '1' || b == '2')) || ((a == '1' || a == '2') && b == 'h');
  return match ? 2 : 0;
}

// Group 2: "fy" (no boundary after: "FY2025") or the word "fiscal".
size_t FiscalAt(std::string_view text, size_t pos) {
  if (text.size() - pos >= 2 && AsciiLower(text[pos]) == 'f' && AsciiLower(text[pos + 1]) == 'y')
    return 2;
  return WordAt(text, pos, "fiscal");
}

constexpr uint32_t Key3(char a, char b, char c) {
  return static_cast<uint32_t>(static_cast<unsigned char>(a)) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(b)) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(c));
}

// Group 3: a month name, long form first.
size_t MonthAt(std::string_view text, size_t pos) {
  if (text.size() - pos < 3) return 0;
  switch (Key3(AsciiLower(text[pos]), AsciiLower(text[pos + 1]), AsciiLower(text[pos + 2]))) {
    case Key3('j', 'a', 'n'):
      return FirstWordAt(text, pos, {"january", "jan"});
    case Key3('f', 'e', 'b'):
      return FirstWordAt(text, pos, {"february", "feb"});
    case Key3('m', 'a', 'r'):
      return FirstWordAt(text, pos, {"march", "mar"});
    case Key3('a', 'p', 'r'):
      return FirstWordAt(text, pos, {"april", "apr"});
    case Key3('m', 'a', 'y'):
      return FirstWordAt(text, pos, {"may"});
    case Key3('j', 'u', 'n'):
      return FirstWordAt(text, pos, {"june", "jun"});
    case Key3('j', 'u', 'l'):
      return FirstWordAt(text, pos, {"july", "jul"});
    case Key3('a', 'u', 'g'):
      return FirstWordAt(text, pos, {"august", "aug"});
    case Key3('s', 'e', 'p'):
      return FirstWordAt(text, pos, {"september", "sept", "sep"});
    case Key3('o', 'c', 't'):
      return FirstWordAt(text, pos, {"october", "oct"});
    case Key3('n', 'o', 'v'):
      return FirstWordAt(text, pos, {"november", "nov"});
    case Key3('d', 'e', 'c'):
      return FirstWordAt(text, pos, {"december", "dec"});
    default:
      return 0;
  }
}

// Group 4: a time unit word, plural first.
size_t UnitWordAt(std::string_view text, size_t pos) {
  switch (AsciiLower(text[pos])) {
    case 'd':
      return FirstWordAt(text, pos, {"days", "day"});
    case 'w':
      return FirstWordAt(text, pos, {"weeks", "week"});
    case 'm':
      return FirstWordAt(text, pos, {"months", "month"});
    case 'q':
      return FirstWordAt(text, pos, {"quarters", "quarter", "qtrs", "qtr"});
    case 'y':
      return FirstWordAt(text, pos, {"years", "year", "yrs", "yr", "ytd"});
    case 'h':
      return FirstWordAt(text, pos, {"half"});
    case 'p':
      return FirstWordAt(text, pos, {"period"});
    default:
      return 0;
  }
}

// Group 5: a 19xx or 20xx year as a whole word.
size_t YearAt(std::string_view text, size_t pos) {
  if (text.size() - pos < 4) return 0;
  const bool century =
      (text[pos] == '1' && text[pos + 1] == '9') || (text[pos] == '2' && text[pos + 1] == '0');
  if (!century || !IsAsciiDigit(text[pos + 2]) || !IsAsciiDigit(text[pos + 3])) return 0;
  return EndsWord(text, pos + 4) ? 4 : 0;
}

using Rule = size_t (*)(std::string_view, size_t);

// The groups whose words can begin with byte c (lower-cased), as bits.
constexpr uint8_t GroupsStartingWith(char c) {
  auto bit = [](PeriodAnchorGroup g) { return static_cast<uint8_t>(1u << static_cast<int>(g)); };
  uint8_t bits = 0;
  if (c == 'q' || c == 'h' || (c >= '1' && c <= '4')) bits |= bit(PeriodAnchorGroup::kCode);
  if (c == 'f') bits |= bit(PeriodAnchorGroup::kFiscal);
  for (char m : std::string_view("jfmasond")) {
    if (c == m) bits |= bit(PeriodAnchorGroup::kMonth);
  }
  for (char w : std::string_view("dwmqyhp")) {
    if (c == w) bits |= bit(PeriodAnchorGroup::kWord);
  }
  if (c == '1' || c == '2') bits |= bit(PeriodAnchorGroup::kYear);
  return bits;
}

struct StartTable {
  uint8_t groups[256] = {};
  bool word[256] = {};
  constexpr StartTable() {
    for (int i = 0; i < 256; ++i) {
      const char c = static_cast<char>(i);
      groups[i] = GroupsStartingWith(AsciiLower(c));
      word[i] = IsWordChar(c);
    }
  }
};
constexpr StartTable kStarts;

std::optional<PeriodAnchor> AnchorAt(std::string_view text, size_t pos, uint8_t groups) {
  // In the pattern's order: the first group that matches wins.
  constexpr std::pair<Rule, PeriodAnchorGroup> kRules[] = {{CodeAt, PeriodAnchorGroup::kCode},
                                                           {FiscalAt, PeriodAnchorGroup::kFiscal},
                                                           {MonthAt, PeriodAnchorGroup::kMonth},
                                                           {UnitWordAt, PeriodAnchorGroup::kWord},
                                                           {YearAt, PeriodAnchorGroup::kYear}};
  for (const auto& [rule, group] : kRules) {
    if ((groups >> static_cast<int>(group) & 1) == 0) continue;
    if (size_t n = rule(text, pos)) return PeriodAnchor{pos, pos + n, group};
  }
  return std::nullopt;
}

}  // namespace

bool PeriodAnchorScanApplies(std::string_view text) {
  return text.find("\xC5\xBF") == std::string_view::npos &&
         text.find("\xE2\x84\xAA") == std::string_view::npos;
}

std::optional<PeriodAnchor> NextPeriodAnchor(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  bool after_word = pos > 0 && pos <= text.size() && kStarts.word[byte(pos - 1)];
  for (size_t p = pos; p < text.size(); ++p) {
    const bool word = kStarts.word[byte(p)];
    if (word && !after_word) {
      if (const uint8_t groups = kStarts.groups[byte(p)]) {
        if (auto anchor = AnchorAt(text, p, groups)) return anchor;
      }
      // No anchor starts inside a word: go to its last byte.
      p = RunEnd<kRunLetters | kRunDigits | kRunUnderscore>(text, p + 1) - 1;
    }
    after_word = word;
  }
  return std::nullopt;
}

}  // namespace claimgraph
