// Internal to the claim extractor: the per-document and per-sentence views
// the assembly rules work on. Not part of the library's API.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/claim.h"
#include "engine/document.h"
#include "engine/entity.h"
#include "engine/mention.h"
#include "extractors/claim_rules.h"
#include "extractors/cue_scanner.h"
#include "extractors/entity_catalog.h"
#include "extractors/metric_lexicon.h"
#include "extractors/pattern_rules.h"
#include "extractors/sentence_splitter.h"
#include "extractors/stance_scorer.h"

namespace claimgraph {

struct DocContext {
  const Document* doc = nullptr;
  std::string_view text;  // the whole document text (offsets are into it)
  const ClaimRules* rules = nullptr;
  const EntityCatalog* catalog = nullptr;
  const MetricLexicon* metrics = nullptr;
  const StanceScorer* stance = nullptr;
  const CueScanner* cues = nullptr;             // the cue lists of `rules` the assembler reads
  CueMatches* cue_matches = nullptr;            // scratch for one sentence at a time, reused
  StanceScratch* stance_scratch = nullptr;      // the same for the stance scorer
  std::vector<EntityMention> entities;          // whole document, sorted
  const EntityMention* main_entity = nullptr;   // most mentioned company
  std::vector<PatternMatch> modality_patterns;  // the modality rules' matches, sorted

  // The last person mentioned before `pos`, or nullptr.
  const EntityMention* LastPersonBefore(size_t pos) const;
};

struct SentenceView {
  SentenceSpan span;
  std::vector<const Mention*> values;   // quantities, in order
  std::vector<const Mention*> periods;  // periods, in order
  std::vector<const EntityMention*> entities;
  std::vector<const MetricMention*> metrics;
};

// The half-open clause [start, end) of the sentence that contains pos:
// bounded by the rules' clause breaks.
struct Clause {
  size_t start = 0;
  size_t end = 0;
  bool Contains(size_t pos) const { return pos >= start && pos < end; }
};

// Assembles the claims of one sentence.
class SentenceAssembler {
 public:
  SentenceAssembler(const DocContext& ctx, const SentenceView& s) : ctx_(ctx), s_(s) {}
  void Run(std::vector<Claim>* out);

 private:
  enum class Role { kMain, kPrior, kChange };
  void AssignRoles();
  void QuantityClaim(size_t i, std::vector<Claim>* out);
  bool RelativeClaim(size_t i, std::vector<Claim>* out);
  void StatusClaims(std::vector<Claim>* out);
  void StanceClaim(std::vector<Claim>* out);
  // Relation claims of the rules' relation phrases, clause by clause.
  void RelationClaims(std::vector<Claim>* out);

  Clause ClauseAt(size_t pos) const;
  // The clauses of the sentence, in order (clause breaks excluded).
  std::vector<Clause> Clauses() const;
  // The matches of `m` (one of ctx_.cues' lists) in this sentence that lie
  // within [from, to). The first call scans the sentence for every list at
  // once; valid until the next sentence is scanned.
  std::span<const PhraseMatch> Cues(const PhraseMatcher& m, size_t from, size_t to) const;
  // Whether a value of v's type can be a value of the metric (money for
  // money metrics, counts for count metrics, rates for the rest).
  bool KindFits(const std::string& metric, const Mention& v) const;
  std::string MetricFor(const Mention& v, const Clause& c, int* sign) const;
  // search_end: where to stop looking back for the subject (the value, or
  // the metric verb, so "save Amazon $X" does not make Amazon the saver).
  const EntityMention* SubjectFor(const Mention& v, const Clause& c, const MetricMention* metric,
                                  size_t search_end) const;
  const MetricMention* MetricMentionFor(const std::string& metric, const Mention& v,
                                        const Clause& c) const;
  const Mention* PeriodFor(const Mention& v, const Clause& c, const Mention* prior) const;
  Modality ModalityOf(const Clause& c) const;
  bool NegatedBefore(size_t pos, size_t floor) const;
  // The speaker of what text[start, end) (a value, a verb phrase) states.
  std::optional<Speaker> SpeakerFor(size_t start, size_t end, const Clause& c) const;
  int ChangeDirectionBefore(size_t pos, size_t floor) const;
  Claim NewClaim(ClaimKind kind, const std::string& rule) const;
  // The period mention right before pos (no token between), or after pos
  // (at most one token between: "in"), or nullptr.
  const Mention* PeriodEndingAt(size_t pos) const;
  // Whether the sentence itself mentions the entity (not only the document).
  bool SentenceNames(const EntityMention* e) const;
  const Mention* PeriodStartingAt(size_t pos) const;
  ClaimValue ValueOf(const Mention& m) const;
  void SetSubject(const EntityMention* e, Claim* claim) const;

  const DocContext& ctx_;
  const SentenceView& s_;
  std::vector<Role> roles_;
  std::vector<int> prior_of_;   // index of the prior value for each value, -1 if none
  std::vector<int> change_of_;  // index of the change value for each value, -1 if none
  std::string last_metric_;     // metric of the previous main value (parallel clauses)
  const EntityMention* last_subject_ = nullptr;
  size_t last_value_end_ = 0;
  mutable bool cues_scanned_ = false;
};

// Tokens between two offsets (words separated by spaces), counted up to
// kMaxCountedTokens: callers only ask whether at most 3 stand between, and
// stopping early keeps comparing every pair of values in a long sentence
// cheap.
inline constexpr int kMaxCountedTokens = 4;
int TokensBetween(std::string_view text, size_t from, size_t to);

}  // namespace claimgraph
