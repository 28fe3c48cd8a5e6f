// FindContradictions: where claims agree and disagree, with a label and an
// explanation for every pair of value clusters compared. The method is
// described in docs/CONSISTENCY.md.
//
// Facts are grouped by subject, metric, aligned period, unit dimension and
// modality class, and each group is split into clusters of mutually
// consistent intervals (graph/fact_index.h). Findings then compare:
//   - clusters of one group (conflict, scale, same_source, stale, and the
//     consistent agree/rounding within a cluster held by several sources);
//   - forecasts with reported values of the same period (beat, miss, met);
//   - a company with its segments and products on additive metrics
//     (conflict iff the parent's high end is below the part's low end);
//   - the same metric in overlapping periods of one year (period_mismatch);
//   - opposite stances on one entity and topic from different sources.
// Hypothetical and conditional claims are compared only with each other,
// negated claims never. The number of findings is bounded by the number of
// clusters, never by pairs of claims; a_count/b_count say how many claims
// each side stands for.
//
// Thread safety: pure functions; safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/claim_fact.h"

namespace claimgraph {

// What the analysis knows beyond the claims. Built by the CLI from the
// entity catalog and the metric lexicon (cli/analysis_source.h).
struct AnalysisContext {
  // Segment or product id -> its company id ("AMZN/aws" -> "AMZN").
  std::unordered_map<std::string, std::string> parent_of;
  // Metrics whose values add up over parts ("revenue", "backlog"):
  // schemas/metrics.json entries with "additive": true.
  std::set<std::string> additive_metrics;
  // Entity id -> display name ("AMZN/aws" -> "AWS") for explanations.
  std::unordered_map<std::string, std::string> display_names;
};

enum class FindingKind { kNumeric, kStance };

enum class FindingLabel {
  kConflict,        // genuine disagreement between sources
  kScale,           // values a factor of 1000^k apart: a scale word slipped
  kStale,           // a source's earlier value, superseded by its later one
  kSameSource,      // one source gives two values on one date
  kPeriodMismatch,  // different but overlapping periods: not compared
  kBeat,            // reported above an earlier forecast
  kMiss,            // reported below an earlier forecast
  kMet,             // reported within an earlier forecast
  kRounding,        // consistent within the precision of the digits
  kAgree,           // the same value from several sources
};

std::string_view FindingKindName(FindingKind kind);
std::string_view FindingLabelName(FindingLabel label);
// nullopt for an unknown name.
std::optional<FindingKind> FindingKindFromName(std::string_view name);
std::optional<FindingLabel> FindingLabelFromName(std::string_view name);

struct Finding {
  FindingKind kind = FindingKind::kNumeric;
  FindingLabel label = FindingLabel::kConflict;
  std::string subject;        // the subject of claim a
  std::string other_subject;  // claim b's subject when it differs (a segment or product)
  std::string metric;         // stances: the topic, empty for the entity as a whole
  std::string period;         // aligned period key of claim a; empty for stances
  std::string a_claim_id;     // representative claims of the two sides
  std::string b_claim_id;
  uint64_t a_count = 0;  // claims on each side (a side's cluster, or a stance side)
  uint64_t b_count = 0;
  std::string explanation;  // one or two sentences for people
};

// True for a disagreement a reader should look at: label kConflict (numeric
// or stance). Every other label is consistent or explained.
inline bool IsGenuine(const Finding& f) { return f.label == FindingLabel::kConflict; }

// Every labelled finding over `facts`, sorted by kind, subject, metric,
// period, label and claim ids (deterministic). `strings` is the table the
// facts were interned into. Never fails: facts that cannot be compared are
// simply not part of any finding.
std::vector<Finding> FindContradictions(const std::vector<ClaimFact>& facts,
                                        const StringTable& strings, const AnalysisContext& context);

}  // namespace claimgraph
