// Source reliability from iterative truth discovery on small hand-made cases.
#include "graph/truth_discovery.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "graph/fact_maker.h"

namespace claimgraph::truth_discovery_test {

namespace {

using testing::MakeQuantity;

// Sources A, B and C state the same revenue for three companies; D states
// a different value for X; E alone states W's.
std::vector<StoredClaim> MajorityAndDissenter() {
  std::vector<StoredClaim> claims;
  for (std::string company : {"X", "Y", "Z"}) {
    for (std::string source : {"A", "B", "C"}) {
      claims.push_back(MakeQuantity(company + source, source, "2025-11-01", company, "revenue",
                                    1.2e9, "$1.2 billion"));
    }
  }
  claims.push_back(MakeQuantity("XD", "D", "2025-11-01", "X", "revenue", 3.4e9, "$3.4 billion"));
  claims.push_back(MakeQuantity("solo", "E", "2025-11-01", "W", "revenue", 5e9, "$5 billion"));
  return claims;
}

const SourceScore& Score(const std::vector<SourceScore>& scores, const std::string& source) {
  auto it = std::find_if(scores.begin(), scores.end(),
                         [&](const SourceScore& s) { return s.source == source; });
  REQUIRE(it != scores.end());
  return *it;
}

std::vector<SourceScore> Run(const std::vector<StoredClaim>& claims, TruthStats* stats) {
  StringTable strings;
  auto facts = testing::Facts(claims, &strings);
  auto findings = FindContradictions(facts, strings, AnalysisContext{});
  return ScoreSources(facts, strings, findings, TruthOptions{}, stats);
}

}  // namespace

TEST_CASE("A source that agrees with the majority scores higher than one that contradicts it",
          "[contradictions][truth]") {
  TruthStats stats;
  auto scores = Run(MajorityAndDissenter(), &stats);
  const SourceScore& a = Score(scores, "A");
  const SourceScore& d = Score(scores, "D");
  const SourceScore& e = Score(scores, "E");
  CHECK(a.reliability > e.reliability);
  CHECK(e.reliability > d.reliability);
  CHECK(a.claims == 3);
  CHECK(a.corroborated == 3);
  CHECK(a.contradicted == 1);  // D opposes A's value for X
  CHECK(a.unique == 0);
  CHECK(d.corroborated == 0);
  CHECK(d.contradicted == 1);
  CHECK(e.unique == 1);
  CHECK(scores.front().source == "A");  // ties broken by source key
  CHECK(scores.back().source == "D");
}

TEST_CASE("Truth discovery converges and is deterministic", "[contradictions][truth]") {
  TruthStats stats;
  auto first = Run(MajorityAndDissenter(), &stats);
  CHECK(stats.converged);
  CHECK(stats.iterations > 1);
  CHECK(stats.iterations < TruthOptions{}.max_iterations);
  auto claims = MajorityAndDissenter();
  std::reverse(claims.begin(), claims.end());
  TruthStats again;
  auto second = Run(claims, &again);
  REQUIRE(first.size() == second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].source == second[i].source);
    CHECK(first[i].reliability == Approx(second[i].reliability).epsilon(1e-9));
  }
}

TEST_CASE("Without any evidence a source keeps its prior", "[contradictions][truth]") {
  StoredClaim c;
  c.claim.claim_id = "x";
  c.claim.doc_id = "d";
  c.claim.kind = ClaimKind::kStatus;
  TruthStats stats;
  auto scores = Run({c}, &stats);
  REQUIRE(scores.size() == 1);
  CHECK(scores[0].source == "doc:d");
  CHECK(scores[0].not_compared == 1);
  CHECK(scores[0].reliability == Approx(TruthOptions{}.prior_reliability));
}

}  // namespace claimgraph::truth_discovery_test
