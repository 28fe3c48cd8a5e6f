// PeriodLexicon: the words period expressions are built from (month names,
// ordinals, time units, cue words) and byte-level scanning over prose
// (spaces, dashes, apostrophes, word edges). Internal to extractors/.
//
// All functions are pure and thread-safe. Matching is ASCII
// case-insensitive; multi-byte dashes (U+2013, U+2014), the right single
// quote (U+2019) and the no-break space (U+00A0) are understood.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace claimgraph {

enum class TimeUnit { kDay, kWeek, kMonth, kQuarter, kYear };

// "day", "week", "month", "quarter", "year".
std::string_view TimeUnitName(TimeUnit unit);
// 'd', 'w', 'm', 'q', 'y': the letter used in relative offsets ("-1y").
char TimeUnitLetter(TimeUnit unit);

// A word of prose: [start, end) byte offsets; empty when start == end.
struct Word {
  size_t start = 0;
  size_t end = 0;
  bool empty() const { return start == end; }
};

// Scanning over one text. Holds a view: REQUIRES the text outlives it.
class PeriodText {
 public:
  explicit PeriodText(std::string_view text) : text_(text) {}
  std::string_view text() const { return text_; }
  size_t size() const { return text_.size(); }

  bool IsWordByte(size_t pos) const;  // ASCII letter or digit
  bool IsDigit(size_t pos) const;
  // Bytes of white space (including U+00A0) starting at / ending at pos.
  size_t SpaceAt(size_t pos) const;
  size_t SpaceBefore(size_t pos) const;
  size_t SkipSpaces(size_t pos) const;      // forward past white space
  size_t SkipSpacesBack(size_t pos) const;  // backward past white space
  // Bytes of a dash ('-', U+2013, U+2014) at / ending at pos; 0 if none.
  size_t DashAt(size_t pos) const;
  size_t DashBefore(size_t pos) const;
  // Bytes of an apostrophe (' or U+2019) at pos; 0 if none.
  size_t ApostropheAt(size_t pos) const;

  // The run of word bytes starting at pos / ending at end (may be empty).
  Word WordAt(size_t pos) const;
  Word WordEndingAt(size_t end) const;
  // The word after / before white space from pos.
  Word NextWord(size_t pos) const { return WordAt(SkipSpaces(pos)); }
  Word PrevWord(size_t pos) const { return WordEndingAt(SkipSpacesBack(pos)); }
  std::string_view Slice(Word word) const {
    return text_.substr(word.start, word.end - word.start);
  }
  // True when `word` spells `lower` (a lower-case ASCII word), any case.
  bool Is(Word word, std::string_view lower) const;
  // True when Is() holds for any of `options`.
  bool IsAny(Word word, std::initializer_list<std::string_view> options) const;
  bool StartsUpper(Word word) const;

  // A number of exactly 1..max_digits digits forming a whole word at pos.
  std::optional<int> SmallNumberAt(Word word, size_t max_digits) const;

 private:
  std::string_view text_;
};

// 1..12 for a month name or its abbreviation ("Sept", "sep"); 0 otherwise.
int MonthFromName(std::string_view word);
// True when word is a full month name ("June"), not an abbreviation.
bool IsFullMonthName(std::string_view word);
// 1..4 for first/second/third/fourth/1st/2nd/3rd/4th, 4 for "final";
// 0 otherwise.
int OrdinalFromWord(std::string_view word);
// A time unit word, singular or plural ("years", "qtr", "yrs"); plural set
// when it ended in 's'.
std::optional<TimeUnit> TimeUnitFromWord(std::string_view word, bool* plural = nullptr);
// Two-digit years: 00..69 -> 2000s, 70..99 -> 1900s.
int ExpandTwoDigitYear(int yy);

}  // namespace claimgraph
