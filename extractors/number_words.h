// The number-word lexicon and word tokenizer behind NumberParser, plus the
// byte-level scanning primitives shared by the digit and word scanners.
// Internal to extractors/; callers use NumberParser.
//
// Thread safety: a const NumberWords may be shared by any number of threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractors/ascii.h"

namespace claimgraph {

// Bytes of the horizontal space at text[i]: ' ', '\t', U+00A0, U+2009 or
// U+202F. Zero when there is none (or i is past the end).
size_t HSpaceLen(std::string_view text, size_t i);

// The first index at or after i that is not horizontal space.
size_t SkipHSpace(std::string_view text, size_t i);

// End of the run of ASCII letters starting at i (i itself when none).
size_t AsciiWordEnd(std::string_view text, size_t i);

// True when text[i, i + word.size()) equals the lower-case `word`
// case-insensitively and is not followed by a letter or digit.
bool MatchesWordAt(std::string_view text, size_t i, std::string_view word);

enum class WordKind : uint8_t {
  kZero,      // zero, nought, naught
  kUnit,      // one..nine
  kTeen,      // ten..nineteen
  kTens,      // twenty..ninety
  kHundred,   // hundred
  kBigScale,  // thousand, million, billion, trillion, lakh(s), crore(s)
  kDozen,     // dozen(s), dz(s), doz(s)
  kOrdinal,   // fraction denominators: third, fifths, half, quarter, ...
  kAnd,
  kArticle,  // a, an
  kPoint,    // decimal point
  kOf,
  kVague,    // tens, hundreds, thousands, millions, billions, trillions
  kSeveral,  // several
  kFew,      // few
  kCouple,   // couple
};

// How an ordinal combines with the words before it.
enum class OrdinalClass : uint8_t {
  kNone,
  kUnit,     // first..ninth: "twenty-first"
  kTeen,     // tenth..nineteenth
  kTens,     // twentieth..ninetieth
  kScale,    // hundredth, thousandth, millionth, ...
  kHalf,     // half, halves
  kQuarter,  // quarter, quarters
};

struct WordInfo {
  WordKind kind = WordKind::kUnit;
  double value = 0;  // the number, scale or denominator the word stands for
  bool plural = false;
  OrdinalClass ordinal = OrdinalClass::kNone;
};

// One number word found by TokenizeNumberWords.
struct WordToken {
  const WordInfo* info = nullptr;  // points into the NumberWords table
  size_t start = 0;
  size_t end = 0;
  bool hyphen_before = false;  // joined to the previous token by '-'
  WordKind kind() const { return info->kind; }
  double value() const { return info->value; }
};

class NumberWords {
 public:
  NumberWords();
  NumberWords(const NumberWords&) = delete;
  NumberWords& operator=(const NumberWords&) = delete;

  // The entry for `word` (ASCII letters, any case), or nullptr. The pointer
  // lives as long as this object.
  const WordInfo* Lookup(std::string_view word) const;

  // Cheap pre-filter: false when `word` cannot begin a spelled number
  // ("one", "a", "half", "minus", "hundreds", ...). May return true for
  // words that then fail to parse.
  bool MaybeStarter(std::string_view word) const;

 private:
  struct Slot {
    char key[15] = {};
    uint8_t len = 0;
    WordInfo info;
  };
  static constexpr size_t kSlots = 512;

  void Add(std::string_view word, WordInfo info, bool starter);
  void AddStarterKey(std::string_view word);

  Slot slots_[kSlots];
  // Bit `len` of starter_lengths_[first][second] is set when a starter word
  // of that length begins with those two letters (second == 26: one letter).
  uint16_t starter_lengths_[26][27] = {};
};

// Reads consecutive lexicon words starting at text[pos] (which must begin a
// word), separated by horizontal space and/or one hyphen, into out[0..max).
// Stops before the first unknown word or a word glued to a digit. Returns
// the number of tokens read.
size_t TokenizeNumberWords(std::string_view text, size_t pos, const NumberWords& words,
                           WordToken* out, size_t max);

}  // namespace claimgraph
