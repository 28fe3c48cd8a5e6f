// ClaimRules: the cue phrases of schemas/rules.json, compiled into phrase
// matchers for the claim assembler. Loaded once; immutable; share freely.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/claim.h"
#include "engine/status.h"
#include "extractors/phrase_matcher.h"
#include "extractors/relation_extractor.h"

namespace claimgraph {

struct ClaimRules {
  PhraseMatcher clause_breaks;
  PhraseMatcher hypothetical, conditional, forecast, guidance, target, estimate, opinion;
  PhraseMatcher negation;
  PhraseMatcher speaker_verbs, speaker_sources, pronouns;
  PhraseMatcher change;        // id: 1 up, 2 down (ids must be >= 0)
  PhraseMatcher prior_before;  // "from" before the prior value
  PhraseMatcher prior_after;   // "compared with", "from", "versus" before the prior
  PhraseMatcher comparatives;
  PhraseMatcher status;  // id: index into status_names
  std::vector<std::string> status_names;
  PhraseMatcher metric_verbs;  // id: index into metric_verb_ids
  std::vector<std::string> metric_verb_ids;
  std::vector<std::string> score_labels;  // lower-cased
  double stance_min_abs_score = 0.5;
  RelationExtractor relations;  // the "relations" section

  // Parses rules JSON; errors name `origin` and the field.
  static Result<ClaimRules> Parse(std::string_view json_text, std::string_view origin);
  static Result<ClaimRules> Load(const std::string& path);
};

// Every match of `m` in text[from, to), scanning word starts left to right.
std::vector<PhraseMatch> FindAll(const PhraseMatcher& m, std::string_view text, size_t from,
                                 size_t to);

}  // namespace claimgraph
