// Anaphora for the entity layer: short forms that refer back to a company
// mentioned earlier in the same document.
//
//   "the company", "the group", "the firm", "the corporation" (any case,
//   possessive included: "the company's"; not "the group of ...")
//   "its" / "Its"
//
// Each resolves to the most recent company before it: a company mention,
// or the company that owns a mentioned segment or employs a mentioned
// person. An anaphor before any company is dropped.
//
// Pure functions; thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/entity.h"
#include "extractors/entity_words.h"

namespace claimgraph {

// The company a mention stands for when a later anaphor refers back
// (id, name and discovered set; the rest ignored), or nullopt when none.
using CompanyOfMention = std::function<std::optional<EntityMention>(const EntityMention&)>;

// Adds the anaphors of text to mentions, which must be sorted and
// non-overlapping and stay so; anaphors never overlap a mention.
// REQUIRES: words == FindWords(text) (entity_words.h).
void AddAnaphors(std::string_view text, const std::vector<TextSpan>& words,
                 const CompanyOfMention& company_of, std::vector<EntityMention>* mentions);

}  // namespace claimgraph
