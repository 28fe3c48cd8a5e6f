// QuantityRecognizer: finds money, percentages, percentage and basis points,
// multiples, counts and plain numbers, with qualifiers, ranges, negatives
// and parenthetical equivalents, and resolves each to a normalized value.
//
//   "more than $225 billion"      money 2.25e11 USD, at_least [2.25e11, inf)
//   "nearly $26 billion"          money 2.6e10 USD, approx [2.34e10, 2.6e10]
//   "$1.2 billion"                money 1.2e9 USD, exact [1.15e9, 1.25e9]
//   "EUR 13.1 mn", "75 USD million", "1.7 bln euro ( $ 2.182 bln )"
//   "tens of billions of dollars" money, range [1e10, 1e11], vague
//   "30%", "5 pp", "several hundred basis points", "2.5x", "3,200 employees"
//
// One pass over the text finds where numbers can start (a hand-written scan
// that equals an RE2 pattern, number_candidates.h); the NumberParser reads
// each; short phrase lists from the lexicon read the words around it. See
// docs/QUANTITIES.md for the value rules.
//
// Thread safety: a const QuantityRecognizer may be shared across threads.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "engine/mention.h"
#include "engine/status.h"
#include "extractors/quantity_lexicon.h"

namespace claimgraph {

class NumberParser;

class QuantityRecognizer {
 public:
  // REQUIRES: numbers outlives the recognizer.
  static Result<std::unique_ptr<QuantityRecognizer>> Create(const QuantityLexicon& lexicon,
                                                            const NumberParser& numbers);
  ~QuantityRecognizer();
  QuantityRecognizer(const QuantityRecognizer&) = delete;
  QuantityRecognizer& operator=(const QuantityRecognizer&) = delete;

  // Appends the quantity mentions of `text` to *out in text order.
  void Recognize(std::string_view text, std::vector<Mention>* out) const;

 private:
  QuantityRecognizer();
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace claimgraph
