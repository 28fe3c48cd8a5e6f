// Spelling rules shared by the metric lexicon (duplicate checks) and the
// metric recognizer (matching): how a synonym is normalized and which
// variants of it also match.
#pragma once

#include <string>
#include <string_view>

namespace claimgraph {

// ASCII lower case, runs of whitespace and hyphens between letters or digits
// folded to one space, trimmed: "Operating-Profit " -> "operating profit".
// Returns "" when the phrase has no ASCII letter or digit.
std::string NormalizeMetricPhrase(std::string_view phrase);

// The English plural of a normalized phrase's last word: "revenue" ->
// "revenues", "capital expenditure" -> "capital expenditures", "capacity" ->
// "capacities", "loss" -> "losses". Returns "" when the last word does not
// end in a letter ("r&d", "p/e") or already ends in a single s ("sales").
std::string PluralOfMetricPhrase(std::string_view normalized);

}  // namespace claimgraph
