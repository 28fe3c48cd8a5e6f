// StanceLexicon: the parsed form of schemas/stance.json (format in
// schemas/README.md), the data StanceScorer runs on. Internal to
// extractors/; callers use StanceScorer.
//
// Thread safety: a plain value; immutable once parsed.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"

namespace claimgraph {

enum class StanceCue {
  kPositive,     // "beat", "record high": good news on its own
  kNegative,     // "miss", "impairment"
  kIncrease,     // "rose", "higher": good unless what rose is a bad thing
  kDecrease,     // "fell", "cut": bad unless what fell is a bad thing
  kUncertainty,  // "may", "volatile"
  kNegator,      // "not", "n't", "failed to"
  kIntensifier,  // "sharply": doubles the adjacent polar cue
  kNeutral,      // "record date": shadows the polar words inside it
  kClauseBreak,  // "but", "while": ends negation and object scope
};

struct StancePhrase {
  std::vector<std::string> tokens;  // as TokenizeForStance splits it
  StanceCue cue = StanceCue::kNeutral;
};

struct StanceLexicon {
  std::vector<StancePhrase> phrases;
  // Single-word nouns whose increase is bad news ("costs", "losses", "debt").
  std::set<std::string, std::less<>> bad_things;
  // Words that end the search for what an increase or decrease applies to
  // ("as", "on", "and"), besides breaks and clause breaks.
  std::set<std::string, std::less<>> object_stops;
  int object_window = 3;    // tokens searched each side for a bad thing
  int negation_window = 3;  // tokens before a polar cue searched for a negator

  // Parses the JSON text; errors name `origin` and the field
  // ("stance.json: negative[2]: \"weak\" is already listed in positive[4]").
  static Result<StanceLexicon> Parse(std::string_view json_text, std::string_view origin);
};

}  // namespace claimgraph
