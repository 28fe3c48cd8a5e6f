#include "extractors/number_candidates.h"

#include <algorithm>
#include <cstdint>

#include "engine/byte_bitmap.h"
#include "engine/byte_scan.h"
#include "extractors/ascii.h"
#include "extractors/word_keys.h"

namespace claimgraph {

namespace {

// RE2's \s.
bool IsNumberSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// Whether the word text[start, end) is one of words, case-insensitively.
template <size_t N>
bool IsOneOf(std::string_view text, size_t start, size_t end, const std::string_view (&words)[N]) {
  const std::string_view word = text.substr(start, end - start);
  for (std::string_view w : words) {
    if (EqualsAsciiLower(word, w)) return true;
  }
  return false;
}

// The number words of the pattern, as whole words.
constexpr std::string_view kNumberWords[] = {
    "one",      "two",      "six",      "ten",      "zero",      "four",     "five",
    "nine",     "tens",     "three",    "seven",    "eight",     "forty",    "fifty",
    "sixty",    "dozen",    "eleven",   "twelve",   "twenty",    "thirty",   "eighty",
    "ninety",   "dozens",   "fifteen",  "sixteen",  "seventy",   "hundred",  "million",
    "billion",  "several",  "thirteen", "fourteen", "eighteen",  "nineteen", "thousand",
    "trillion", "hundreds", "millions", "billions", "seventeen", "thousands"};
// The words that "a" counts ("a few", "a million").
constexpr std::string_view kCountedWords[] = {"hundred",  "thousand", "million", "billion",
                                              "trillion", "dozen",    "few",     "couple"};
constexpr size_t kMinNumberWord = 3;
constexpr size_t kMaxNumberWord = 9;

// Whether text[start, end) is a number word. The scan has already dropped
// the words whose length and first two letters no number word has
// (kCandidateKeys below), so this compares the few that are left.
bool IsNumberWord(std::string_view text, size_t start, size_t end) {
  const size_t size = end - start;
  return size >= kMinNumberWord && size <= kMaxNumberWord &&
         IsOneOf(text, start, end, kNumberWords);
}

// The end of the word at pos, or of its first 10 bytes (longer than any
// number word).
size_t WordEnd(std::string_view text, size_t pos) {
  const size_t limit = std::min(text.size(), pos + 10);
  while (pos < limit && IsRunByte<kRunLetters | kRunDigits | kRunUnderscore>(text[pos])) ++pos;
  return pos;
}

// The end of a word candidate starting at pos (a word start) whose word
// ends at `end`, 0 when none: a number word, or "a" then spaces then a
// counted word ("a few").
size_t WordCandidateEnd(std::string_view text, size_t pos, size_t end) {
  if (end - pos == 1 && AsciiLower(text[pos]) == 'a') {
    size_t next = end;
    while (next < text.size() && IsNumberSpace(text[next])) ++next;
    if (next == end) return 0;
    const size_t next_end = WordEnd(text, next);
    return IsOneOf(text, next, next_end, kCountedWords) ? next_end : 0;
  }
  return IsNumberWord(text, pos, end) ? end : 0;
}

// The keys (length, first two bytes) of the words WordCandidateEnd may
// accept: a number word, or "a" (a word of one letter).
struct CandidateKeys : WordKeys {
  constexpr CandidateKeys() {
    for (std::string_view w : kNumberWords) AddWord(w);
    Add(1, 'a', ' ');
  }
};
constexpr CandidateKeys kCandidateKeys;

}  // namespace

bool NumberCandidateScanApplies(std::string_view text) {
  return text.find("\xC5\xBF") == std::string_view::npos;
}

NumberCandidateScan::NumberCandidateScan(std::string_view text) : text_(text) {
  // marks = digits | dots before a digit | word starts (of \b's words)
  // whose run of letters may be a number word or "a".
  std::vector<uint64_t> digits;
  std::vector<uint64_t> dots;
  KindBitmap<kRunDigits>(text, &digits);
  ByteBitmap(text, '.', &dots);
  std::vector<uint64_t> letters;
  KindBitmap<kRunLetters | kRunUnderscore>(text, &letters);
  KindBitmap<kRunLetters | kRunDigits | kRunUnderscore>(text, &marks_);
  KeepRunStarts(&marks_);
  FilterWordStarts(text, letters, kCandidateKeys, &marks_);
  for (size_t w = 0; w < marks_.size(); ++w) {
    // The digit bits one byte on: bit i says text[i + 1] is a digit.
    const uint64_t next_digit = w + 1 < digits.size() ? digits[w + 1] << 63 : 0;
    const uint64_t digit_after = (digits[w] >> 1) | next_digit;
    marks_[w] |= digits[w] | (dots[w] & digit_after);
  }
}

std::optional<NumberCandidate> NumberCandidateScan::Next(size_t pos) const {
  for (size_t p = NextSetBit(marks_, pos); p < text_.size(); p = NextSetBit(marks_, p + 1)) {
    if (IsAsciiDigit(text_[p])) return NumberCandidate{p, p + 1};
    if (text_[p] == '.') return NumberCandidate{p, p + 2};  // marked: a digit follows
    // A word start. A word with a digit in it is no number word: that digit
    // is the next mark.
    const size_t end = RunEnd<kRunLetters | kRunUnderscore>(text_, p + 1);
    if (end < text_.size() && IsAsciiDigit(text_[end])) continue;
    if (const size_t stop = WordCandidateEnd(text_, p, end)) return NumberCandidate{p, stop};
  }
  return std::nullopt;
}

std::optional<NumberCandidate> NextNumberCandidate(std::string_view text, size_t pos) {
  return NumberCandidateScan(text).Next(pos);
}

}  // namespace claimgraph
