// ScoreSources: per source, how many of its claims other sources
// corroborate or contradict, and a reliability score from iterative truth
// discovery (docs/CONSISTENCY.md, "Source reliability"):
//
//   vote(c)  = sum of t(s) over the distinct sources s that hold value cluster c
//   cred(c)  = (vote(c) + a*p) / (vote(c) + sum over clusters c' in genuine
//              conflict with c of vote(c') + a)
//   t(s)     = (b*r + sum of cred(c) over the clusters s holds) / (b + |clusters of s|)
//
// starting from t(s) = r, and repeated until no reliability moves by more
// than `tolerance` or `max_iterations` rounds ran. A source is reliable when
// its values are held by other reliable sources and not opposed; a value is
// credible when reliable sources hold it. Deterministic: the same facts and
// findings give the same scores, whatever the thread or run.
//
// Thread safety: pure function; safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "graph/claim_fact.h"
#include "graph/contradictions.h"
#include "graph/fact_index.h"

namespace claimgraph {

struct TruthOptions {
  // r: a source's reliability before any evidence. News sources are mostly
  // right, so better than a coin.
  double prior_reliability = 0.8;
  // b: how many claims' worth of weight the prior has, so that a source
  // with one claim cannot jump to 0 or 1.
  double prior_weight = 2.0;
  // p and a: a value's credibility before any votes (a coin), and its
  // weight in votes. An uncontested value held by one source of
  // reliability 0.8 gets (0.8 + 1) / 2.8 = 0.64, by three such sources
  // (2.4 + 1) / 4.4 = 0.77: corroboration counts.
  double prior_credibility = 0.5;
  double credibility_weight = 2.0;
  // Stop when no reliability changes by more than this...
  double tolerance = 1e-9;
  // ...or after this many rounds (a safety net; typical data converge in
  // fewer than 30).
  int max_iterations = 200;
};

struct SourceScore {
  std::string source;         // source key ("Reuters", "doc:<doc_id>")
  uint64_t claims = 0;        // all its claims
  uint64_t corroborated = 0;  // compared claims whose value another source also states
  uint64_t contradicted = 0;  // compared claims opposed by a genuine finding
  uint64_t unique = 0;        // compared claims neither corroborated nor contradicted
  uint64_t not_compared = 0;  // claims without a comparable value (no metric, negated...)
  double reliability = 0;     // t(s), in (0, 1)
};

struct TruthStats {
  int iterations = 0;
  bool converged = false;  // the tolerance was reached within max_iterations
};

// Scores every source that has a fact, sorted by reliability (highest
// first), then source key. A claim can be both corroborated and
// contradicted; unique claims are neither. `findings` are those
// FindContradictions returned for the same facts; only genuine ones
// (IsGenuine) count as contradictions. *stats, when given, says how the
// iteration ended.
std::vector<SourceScore> ScoreSources(const std::vector<ClaimFact>& facts,
                                      const StringTable& strings,
                                      const std::vector<Finding>& findings,
                                      const TruthOptions& options, TruthStats* stats = nullptr);

// The same, from the index already built for these facts (IndexFacts) and
// the fact pairs (a, b) of the genuine findings, for a caller that holds
// them (the analysis written straight to a file). Equal to ScoreSources
// when each claim id names one fact, as in a store.
std::vector<SourceScore> ScoreSourcesOfPairs(
    const std::vector<ClaimFact>& facts, const StringTable& strings, const FactIndex& index,
    const std::vector<std::pair<uint32_t, uint32_t>>& genuine, const TruthOptions& options,
    TruthStats* stats = nullptr);

}  // namespace claimgraph
