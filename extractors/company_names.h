// Company names as the discovery rules see them: runs of capitalized words,
// legal suffixes ("Oyj", "Inc.", "Holdings"), and the words that cannot
// begin or continue a company name ("The", "Monday", "CEO").
//
// Pure functions over a text; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/entity_words.h"

namespace claimgraph {

// A name found in a text: the whole span ("Wärtsilä Oyj Abp") and the short
// name without legal suffixes ("Wärtsilä").
struct CompanyName {
  TextSpan span;
  std::string short_name;
};

// Written exactly so: "Inc", "Inc.", "Corp", "Oyj", "Abp", "AB", "ASA",
// "plc", "Ltd", "AG", "SA", "NV", "SE", "GmbH", "Group", "Holdings"...
bool IsLegalSuffix(std::string_view word);
// All legal suffixes, as written.
std::vector<std::string_view> LegalSuffixes();
// Words that cannot be part of a company name: function words, days,
// months, titles ("CEO", "Chief").
bool IsNameStopWord(std::string_view word);

// Splits text[span] into words at runs of spaces and tabs; a comma ending
// a word is not part of it.
std::vector<TextSpan> SplitNameWords(std::string_view text, TextSpan span);

// The capitalized words (legal suffixes and "&" allowed) of the name that
// ends just before pos, skipping spaces and one "(" or "," first; at most
// a few words, in text order. Empty when none.
std::vector<TextSpan> NameWordsBefore(std::string_view text, size_t pos);

enum class NameAnchor {
  kStart,  // the name starts at the first word: cut it at the first stop word
  kEnd,    // the name ends at the last word: keep the words after the last stop word
};
// The name made of `words` after removing stop words as `anchor` says, at
// most a few words long. nullopt when no short name is left.
std::optional<CompanyName> NameFromWords(std::string_view text, std::vector<TextSpan> words,
                                         NameAnchor anchor);

}  // namespace claimgraph
