// Fractions written in words: "two thirds", "a half", "one and a half",
// "three twenty-firsts", "one hundred and three quarters", "half a dozen".
// Internal to extractors/; callers use NumberParser.
#pragma once

#include <cstddef>
#include <string_view>

#include "extractors/number_words.h"

namespace claimgraph {

// Reads t[0..n) (tokens of `text`) as a fraction ending at its first ordinal
// word, plus a following scale ("one and a half million", "half a dozen").
//
// The denominator is the longest ordinal compound before the ordinal
// ("twenty twenty fifths" = 20/25, "one one hundred fifth" = 1/105); when
// that leaves no numerator, it shrinks to the words after the first scale
// word ("one hundred thirty fifths" = 100/35) or to the ordinal alone
// ("twenty fifths" = 20/5). With an "and" in the numerator, the part after
// the last "and" is a proper fraction added to the part before ("one hundred
// and three quarters" = 100.75) unless it is not smaller than the
// denominator ("one hundred and thirty fifths" = 130/5). A singular ordinal
// needs a numerator of one ("two millionth" is no fraction); "first" and
// "second" alone are never denominators; "quarters" must be a proper
// fraction and not follow a time word ("the last three quarters").
//
// Returns the number of tokens used and sets *value, or returns 0.
size_t ParseWordFraction(std::string_view text, const WordToken* t, size_t n, double* value);

}  // namespace claimgraph
