// NumberParser: finds and resolves numbers written in digits or in words.
//
// Handles digit groups ("1,259.6", "40 000", "1\u202f234", Indian
// "12,34,567.89"), comma decimals ("5,00", "1,3"), signs ("-4/5", "minus
// five"), fractions ("3/4", "two thirds", "one over three"), exponents
// ("1e10", "1.1^23"), scale suffixes and words (k, M, MM, G, bn, mn, mln,
// bln, tn, tln, thousand, million, billion, trillion, lakh, crore, dozen) and
// spelled numbers ("one hundred and sixty-one", "twenty-one trillion three
// hundred"). Vague magnitudes ("tens of billions", "several hundred",
// "hundreds of millions", "dozens") resolve to an interval with vague=true.
//
// Thread safety: a const NumberParser may be shared by any number of threads;
// construct once (it builds its word table) and reuse. Both calls are
// allocation-free apart from FindAll's result vector.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace claimgraph {

struct ParsedNumber {
  size_t start = 0;  // byte offset of the first byte of the number (or sign)
  size_t end = 0;    // byte offset just past the last byte consumed
  double value = 0;  // resolved value, scale applied ("1.2 bn" -> 1.2e9)
  // Half the unit of the last stated digit, scale applied: "1.2 billion" ->
  // 0.05e9, "26" -> 0.5, "4.800" -> 0.0005, "1.3e6" -> 0.05e6. Spelled
  // integers use the place of their last word: "sixty-one" -> 0.5, "two
  // million" -> 0.5e6. Zero when the value is exact by construction
  // (fractions "3/4", "two thirds", "1 over 3"; powers "1.1^23"). For vague
  // numbers, (high - low) / 2.
  double precision = 0.5;
  // The digits themselves are at least partly written in words ("two",
  // "a half", "1 over three"). A scale or sign word alone ("2 million",
  // "minus 5") does not make a number spelled.
  bool spelled = false;
  bool has_scale = false;  // a scale word or suffix was applied
  // Vague magnitudes: value is the low end; [low, high] the interval. Each
  // plural scale spans one order of magnitude: "tens of billions" [1e10,
  // 1e11], "hundreds of millions" [1e8, 1e9], "thousands" [1e3, 1e4];
  // "dozens" [24, 144]; a count word times the scales after it: "several"
  // [3, 9] ("several hundred" [300, 900]), "a few"/"few" [2, 5] ("a few
  // thousand" [2000, 5000]), "a couple (of)" [2, 3]. For exact numbers
  // low == high == value.
  bool vague = false;
  double low = 0;
  double high = 0;
};

// How to treat ambiguous one-letter scale suffixes.
enum class ScaleContext {
  // Plain text: "10M", "1MM", "10k", "2.33 k", "10G" are scaled, and so
  // are "1.2b" and "3T" when glued; spaced "2 b" or "3 T" are not. A
  // lower-case "m", "mm" or "t" after digits ("1m", "180mm", "5t") is a
  // unit (metres, millimetres, tonnes), not a scale.
  kPlain,
  // After or before a currency: "$5m", "EUR 3.2 m", "USD 1b", "$1mm" are
  // scaled as well.
  kMoney,
};

class NumberParser {
 public:
  NumberParser();
  ~NumberParser();
  NumberParser(const NumberParser&) = delete;
  NumberParser& operator=(const NumberParser&) = delete;

  // Parses the longest number that starts exactly at text[pos] (a digit, a
  // sign, a '.', or a number word at a word boundary). Scale words that
  // follow ("1.2 billion", "5 mn") are consumed. The number may end right
  // before letters that are not a scale ("180ml", "50bps", and "1m" in
  // kPlain): out->end stops before them and the caller decides what the
  // unit means. Returns false, leaving *out untouched, when no number
  // starts there, including ordinals ("4th", "twenty-second", "a first"),
  // a lone "a"/"an"/"and", and a hyphen glued to a preceding word
  // ("SCP-173": the number starts at "173"). A sign separated by spaces
  // ("- 10 k") counts only at the start of the text or after '(', '[',
  // '{', '=' or ':', so list bullets and dashes are not signs.
  // REQUIRES: pos <= text.size(). The result holds offsets, no pointers.
  bool ParseAt(std::string_view text, size_t pos, ScaleContext context, ParsedNumber* out) const;

  // Every number in text, left to right, non-overlapping, longest first,
  // read as ParseAt(kPlain) reads them. Digits glued to letters on either
  // side ("180ml", "29km", "4th", "A320", "1m") are not numbers; dotted
  // or slashed sequences ("192.168.1.2", "3/4/2020") are one number per
  // part; "X over Y" is a ratio only when no word follows Y ("2000 over 3"
  // but not "$2000 over 3 years").
  std::vector<ParsedNumber> FindAll(std::string_view text) const;

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace claimgraph
