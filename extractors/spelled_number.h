// Spelled numbers: integers ("two hundred and two thousand"), decimals
// ("nine point nought four"), fractions ("three quarters", see
// word_fraction.h) and vague magnitudes ("tens of billions"). Internal to
// extractors/; callers use NumberParser.
#pragma once

#include <cstddef>
#include <string_view>

#include "extractors/number_parser.h"
#include "extractors/number_words.h"

namespace claimgraph {

// The most tokens one spelled number may span.
inline constexpr size_t kMaxNumberWords = 40;

struct SpelledInteger {
  double value = 0;
  double unit = 1;         // the place value of the last stated word
  bool has_scale = false;  // hundred, thousand, dozen, ... applied
  bool big_scale = false;  // thousand or above applied
};

// Reads the longest well-formed spelled integer at the start of t[0..n):
// "a hundred", "fifty - two", "two thousand and two hundred", "three lakh
// crore". "and" is taken only after a scale word and before a smaller
// number. Returns the number of tokens used, 0 when t[0] starts no integer.
size_t EvalSpelledInteger(const WordToken* t, size_t n, SpelledInteger* out);

// Evaluates all of t[0..n) as one integer, where a lone "a"/"an" is 1 and
// "and" may also join two complete integers ("twenty and three" -> 23).
// Returns false when some token does not fit.
bool EvalWholeInteger(const WordToken* t, size_t n, double* value);

// Parses the spelled number whose first word starts at text[pos]; sets
// start, end, value, precision, spelled, has_scale, vague, low, high. Returns
// false, leaving *out untouched, when no number starts there.
bool ParseSpelledNumber(std::string_view text, size_t pos, const NumberWords& words,
                        ParsedNumber* out);

}  // namespace claimgraph
