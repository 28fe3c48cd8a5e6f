// Numbers written with digits: grouping ("1,259.6", "40 000", Indian
// "12,34,567.89"), comma decimals ("5,00"), leading points (".08"),
// exponents ("1.3e6", "1.1^23"), fractions ("3/4", "2 1/4") and scale
// suffixes or words ("10k", "1.2 bn", "2 million", "13 lakh crore").
// Internal to extractors/; callers use NumberParser.
#pragma once

#include <cstddef>
#include <string_view>

#include "extractors/number_parser.h"
#include "extractors/number_words.h"

namespace claimgraph {

// Scans the unsigned digit number at text[pos] (a digit, or '.' before a
// digit) and any scale after it. The number may be directly followed by
// letters that are not a scale ("180ml"): it then ends before them and the
// caller decides. Returns false, leaving *out untouched, when there is no
// number: an ordinal ("4th"), a '.' after a digit, or over 60 digits.
// Sets start, end, value, precision and has_scale.
bool ScanDigitNumber(std::string_view text, size_t pos, ScaleContext context,
                     const NumberWords& words, ParsedNumber* out);

}  // namespace claimgraph
