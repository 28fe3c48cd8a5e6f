#include "extractors/number_candidates.h"

#include <algorithm>
#include <cstdint>

#include "engine/byte_bitmap.h"
#include "engine/byte_scan.h"
#include "extractors/word_keys.h"

namespace claimgraph {

namespace {

// RE2's \b word characters (ASCII only).
constexpr bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// RE2's \s.
bool IsNumberSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

constexpr char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether the word text[start, end) is one of words, case-insensitively.
template <size_t N>
bool IsOneOf(std::string_view text, size_t start, size_t end, const std::string_view (&words)[N]) {
  const size_t size = end - start;
  for (std::string_view w : words) {
    if (w.size() != size) continue;
    size_t i = 0;
    while (i < size && Lower(text[start + i]) == w[i]) ++i;
    if (i == size) return true;
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

// Which (length, first two letters) a number word has: most words of a
// text share an initial with some number word, and this test turns nearly
// all of them away before any comparison.
struct NumberWordFilter {
  static constexpr size_t kBits = (kMaxNumberWord - kMinNumberWord + 1) * 26 * 26;
  uint64_t bits[(kBits + 63) / 64] = {};
  static constexpr size_t Key(size_t size, char a, char b) {
    return ((size - kMinNumberWord) * 26 + static_cast<size_t>(a - 'a')) * 26 +
           static_cast<size_t>(b - 'a');
  }
  constexpr NumberWordFilter() {
    for (std::string_view w : kNumberWords) {
      const size_t key = Key(w.size(), w[0], w[1]);
      bits[key / 64] |= uint64_t{1} << (key % 64);
    }
  }
  // REQUIRES: size in [kMinNumberWord, kMaxNumberWord]; a and b lower case.
  constexpr bool MayBe(size_t size, char a, char b) const {
    if (a < 'a' || a > 'z' || b < 'a' || b > 'z') return false;
    const size_t key = Key(size, a, b);
    return (bits[key / 64] >> (key % 64)) & 1;
  }
};
constexpr NumberWordFilter kNumberWordFilter;

bool IsNumberWord(std::string_view text, size_t start, size_t end) {
  const size_t size = end - start;
  if (size < kMinNumberWord || size > kMaxNumberWord) return false;
  if (!kNumberWordFilter.MayBe(size, Lower(text[start]), Lower(text[start + 1]))) return false;
  return IsOneOf(text, start, end, kNumberWords);
}

// The end of the word at pos, or of its first 10 bytes (longer than any
// number word).
size_t WordEnd(std::string_view text, size_t pos) {
  const size_t limit = std::min(text.size(), pos + 10);
  while (pos < limit && IsWordChar(text[pos])) ++pos;
  return pos;
}

// Byte classes for the scan.
enum : uint8_t { kDigitByte = 1, kDotByte = 2 };

struct ByteClasses {
  uint8_t of[256] = {};
  constexpr ByteClasses() {
    for (int i = 0; i < 256; ++i) {
      const char c = static_cast<char>(i);
      uint8_t bits = 0;
      if (IsDigit(c)) bits |= kDigitByte;
      if (c == '.') bits |= kDotByte;
      of[i] = bits;
    }
  }
};
constexpr ByteClasses kClasses;

// The end of a word candidate starting at pos (a word start) whose word
// ends at `end`, 0 when none: a number word, or "a" then spaces then a
// counted word ("a few").
size_t WordCandidateEnd(std::string_view text, size_t pos, size_t end) {
  if (end - pos == 1 && Lower(text[pos]) == 'a') {
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
  const auto classes = [&](size_t i) { return kClasses.of[static_cast<unsigned char>(text_[i])]; };
  for (size_t p = NextSetBit(marks_, pos); p < text_.size(); p = NextSetBit(marks_, p + 1)) {
    const uint8_t c = classes(p);
    if (c & kDigitByte) return NumberCandidate{p, p + 1};
    if (c & kDotByte) return NumberCandidate{p, p + 2};  // marked: a digit follows
    // A word start. A word with a digit in it is no number word: that digit
    // is the next mark.
    const size_t end = RunEnd<kRunLetters | kRunUnderscore>(text_, p + 1);
    if (end < text_.size() && (classes(end) & kDigitByte)) continue;
    if (const size_t stop = WordCandidateEnd(text_, p, end)) return NumberCandidate{p, stop};
  }
  return std::nullopt;
}

std::optional<NumberCandidate> NextNumberCandidate(std::string_view text, size_t pos) {
  return NumberCandidateScan(text).Next(pos);
}

}  // namespace claimgraph
