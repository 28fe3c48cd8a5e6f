// RelationExtractor: finds "X <verb phrase> Y" relations between entity
// mentions in one clause ("Anthropic runs on Trainium" -> anthropic runs_on
// AMZN/trainium), with the verb phrases of the "relations" section of
// schemas/rules.json. The format is described in schemas/README.md; the
// rules in docs/CLAIMS.md.
//
// For each relation phrase in the clause (longest match, case-insensitive,
// whole words, never inside an entity mention):
//   - the entity before it is the nearest mention ending before the phrase,
//     with at most `max_before_words` words between, each one of
//     `before_words` or an adverb ending in "ly" ("Nvidia recently
//     dethroned", "Amazon does not use");
//   - the entity after it is the first mention starting after the phrase,
//     with at most `max_after_words` words between; a possessive there
//     ("Amazon's Trainium", "its Trainium") gives way to the entity it
//     qualifies when one follows within the same limit;
//   - for `phrases` the entity before is the subject; for `reverse_phrases`
//     ("powers", "used by") the entity after is.
// Only words and spaces may stand between an entity and the phrase (no
// punctuation), people are never either side, subject and object differ,
// and each side must be of the rule's types. A rule with `as_role` also
// reads "... Y as Z's <role>": the role phrase of some rule names a second
// relation of the `as_role` side to Z ("Nvidia dethroned Apple as TSMC's
// largest customer": NVDA displaced AAPL, NVDA customer_of TSM).
//
// Thread safety: immutable after Parse; a const RelationExtractor may be
// shared across threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/entity.h"
#include "engine/status.h"
#include "extractors/phrase_matcher.h"

namespace claimgraph {

// One relation stated in a clause. The pointers point into the mentions
// given to RelationExtractor::Find and live as long as they do.
struct RelationMatch {
  std::string relation;  // the rule id: "runs_on", "customer_of"
  const EntityMention* subject = nullptr;
  const EntityMention* object = nullptr;
  size_t verb_start = 0;   // the verb phrase that states it (for a role
  size_t verb_end = 0;     // relation, the verb of the main relation)
  size_t before_end = 0;   // end of the entity before the verb phrase
  bool from_role = false;  // read from "as Z's <role>"
};

class RelationExtractor {
 public:
  // An extractor without rules: finds nothing.
  RelationExtractor() = default;

  // Reads the "relations" object of a rules JSON document (schemas/
  // rules.json); a document without one gives an empty extractor. Errors
  // name `origin` and the field: "rules.json: relations.rules[3].as_role:
  // must be \"subject\" or \"object\"", a repeated id or phrase names both
  // places, an unknown key is an error (keys starting with '$' are notes).
  static Result<RelationExtractor> Parse(std::string_view json_text, std::string_view origin);

  // The relations stated in text[start, end) (one clause), in the order of
  // their verb phrases; a role relation follows its main relation.
  // entities: mentions sorted by start and non-overlapping; those outside
  // [start, end) are ignored.
  std::vector<RelationMatch> Find(std::string_view text, size_t start, size_t end,
                                  const std::vector<const EntityMention*>& entities) const;

  bool empty() const { return rules_.empty(); }

 private:
  friend struct RelationParser;
  enum class RoleSide { kNone, kSubject, kObject };
  struct Rule {
    std::string id;
    RoleSide as_role = RoleSide::kNone;
    unsigned types[2] = {0, 0};  // subject, object: bit per EntityType
  };
  // The relations of the phrase match pm, appended to *out.
  void MatchAt(std::string_view text, const PhraseMatch& pm, size_t end,
               const std::vector<const EntityMention*>& in, std::vector<RelationMatch>* out) const;
  // The role relation read after `after` ("as TSMC's largest customer"):
  // sets *owner to Z and returns the rule index, or -1.
  int RoleAfter(std::string_view text, const EntityMention& after, size_t end,
                const std::vector<const EntityMention*>& in, const EntityMention** owner) const;
  // Only before_words (or adverbs), at most max_before_words, in [from, to).
  bool GapBeforeOk(std::string_view text, size_t from, size_t to) const;
  static bool Fits(const Rule& rule, const EntityMention& subject, const EntityMention& object);

  std::vector<Rule> rules_;
  PhraseMatcher phrases_;            // id: 2 * rule index, + 1 for a reverse phrase
  PhraseStartFilter phrase_starts_;  // of phrases_, once they are all in
  PhraseMatcher roles_;              // id: rule index
  PhraseMatcher role_connectors_;
  std::vector<std::string> before_words_;  // lower-cased, sorted
  int max_before_words_ = 3;
  int max_after_words_ = 3;
  int max_role_words_ = 2;
};

}  // namespace claimgraph
