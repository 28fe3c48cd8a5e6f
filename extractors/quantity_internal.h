// Internal to the quantity recognizer: its compiled state and the draft of a
// mention being read. Not part of the library's API.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/mention.h"
#include "extractors/number_parser.h"
#include "extractors/phrase_matcher.h"
#include "extractors/quantity_lexicon.h"
#include "extractors/quantity_recognizer.h"

namespace claimgraph {

// Units written after a number, as PhraseMatcher ids.
enum UnitId : int {
  kUnitPercent = 0,
  kUnitPercentagePoints,
  kUnitBasisPoints,
  kUnitMultiple,
  kUnitMultipleGlued,  // "3x": only without a space
};

// A quantity being read around one number.
struct Draft {
  size_t start = 0;  // whole mention, qualifiers and currency included
  size_t end = 0;
  size_t num_start = 0;  // the number itself
  size_t num_end = 0;
  ParsedNumber number;
  MentionType type = MentionType::kNumber;
  int currency = -1;      // index into Rep::currencies
  bool minor = false;     // value stated in minor units (cents, pence)
  bool has_unit = false;  // a currency or unit was written
  double sign = 1;
  Qualifier qualifier = Qualifier::kExact;
  bool approx_below = false;
  double range_high = 0;  // when qualifier == kRange and not vague
  std::string count_unit;
};

struct QuantityRecognizer::Rep {
  const NumberParser* numbers = nullptr;
  std::unique_ptr<RE2> candidates;
  std::vector<CurrencyEntry> currencies;
  PhraseMatcher currency_prefix;  // id: currency index
  PhraseMatcher currency_suffix;  // id: 2 * index (+1 for a minor unit)
  PhraseMatcher units;            // id: UnitId
  PhraseMatcher scales;           // id: index into kScaleFactors
  PhraseMatcher approx, approx_below, at_least, at_most;
  PhraseMatcher at_least_suffix, at_most_suffix, negative;
  PhraseMatcher percent_of, between, from, articles, before_article_cue;
  std::unordered_set<std::string> stopwords;
  double approx_width = 0.1;

  // Reads the quantity whose number starts at `pos` into *d. Returns false
  // when no quantity starts there (a number glued inside a token, a lone
  // "one"). allow_glued: accept a number right after "4-" (range ends).
  bool ReadOne(std::string_view text, size_t pos, bool allow_glued, Draft* d) const;
  // Extends *d into a range when another compatible quantity follows
  // ("$10-$20 million", "between 5 and 10 percent").
  void TryRange(std::string_view text, Draft* d) const;
  // "3 dollars 50 cents", "thirteen dollars and forty-five cents".
  void TryMinorTail(std::string_view text, Draft* d) const;
  void ApplyQualifiers(std::string_view text, Draft* d) const;
  Mention ToMention(const Draft& d) const;

 private:
  bool ReadCurrency(std::string_view text, Draft* d) const;
  bool ReadSuffixCurrency(std::string_view text, size_t at, Draft* d) const;
  void ReadUnit(std::string_view text, Draft* d) const;
  bool ReadCount(std::string_view text, Draft* d) const;
  size_t JoinSplitDecimal(std::string_view text, Draft* d) const;
  double ScaleAt(std::string_view text, size_t at, size_t* end) const;
};

// Scale factors indexed by the `scales` matcher's ids.
extern const double kScaleFactors[];

}  // namespace claimgraph
