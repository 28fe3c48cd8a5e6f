// Source reliability from iterative truth discovery on small hand-made cases.
#include "graph/truth_discovery.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "engine/hash.h"
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

namespace claimgraph::truth_discovery_test {

TEST_CASE("Kept claim ids: canonical ones as numbers, others as text, in string order",
          "[contradictions][truth]") {
  StringTable strings;
  const std::vector<std::string> ids = {"00000000000000ff", "a1",
                                        "ffffffffffffffff", "0000000000000100",
                                        "ABCDEF0123456789", "00000000000000f"};
  std::vector<uint32_t> kept;
  for (const std::string& id : ids) kept.push_back(strings.Keep(id));
  for (size_t i = 0; i < ids.size(); ++i) {
    CHECK(strings.Kept(kept[i]) == ids[i]);
    for (size_t j = 0; j < ids.size(); ++j) {
      INFO(ids[i] << " vs " << ids[j]);
      CHECK(strings.KeptLess(kept[i], kept[j]) == (ids[i] < ids[j]));
    }
  }
  CHECK(strings.KeptNumber(kept[0]) == std::optional<uint64_t>(0xff));
  CHECK(strings.KeptNumber(kept[2]) == std::optional<uint64_t>(UINT64_MAX));
  CHECK_FALSE(strings.KeptNumber(kept[1]).has_value());
  CHECK_FALSE(strings.KeptNumber(kept[4]).has_value());  // upper case is not canonical
  CHECK_FALSE(strings.KeptNumber(kept[5]).has_value());  // 15 digits
}

TEST_CASE("Findings and scores are the same with canonical claim ids and with any others",
          "[contradictions][truth]") {
  // The extractor's ids are 16 hex digits, kept as numbers; hand-made ones
  // like "XA" are kept as text. Renaming every id in an order-preserving
  // way must change nothing but the ids in the findings.
  std::vector<StoredClaim> text_ids = MajorityAndDissenter();
  text_ids.push_back(MakeQuantity("YD", "D", "2025-11-02", "Y", "revenue", 7.5e9, "$7.5 billion"));
  std::vector<std::string> sorted;
  for (const StoredClaim& c : text_ids) sorted.push_back(c.claim.claim_id);
  std::sort(sorted.begin(), sorted.end());
  auto canonical = [&](const std::string& id) {
    const auto rank = std::lower_bound(sorted.begin(), sorted.end(), id) - sorted.begin();
    return HexId(0x1000 + static_cast<uint64_t>(rank) * 977);
  };
  std::vector<StoredClaim> hex_ids = text_ids;
  for (StoredClaim& c : hex_ids) c.claim.claim_id = canonical(c.claim.claim_id);

  StringTable text_strings, hex_strings;
  auto text_facts = testing::Facts(text_ids, &text_strings);
  auto hex_facts = testing::Facts(hex_ids, &hex_strings);
  REQUIRE(hex_strings.KeptNumber(hex_facts[0].claim).has_value());
  REQUIRE_FALSE(text_strings.KeptNumber(text_facts[0].claim).has_value());
  auto text_findings = FindContradictions(text_facts, text_strings, AnalysisContext{});
  auto hex_findings = FindContradictions(hex_facts, hex_strings, AnalysisContext{});
  REQUIRE(text_findings.size() == hex_findings.size());
  size_t genuine = 0;
  for (size_t i = 0; i < text_findings.size(); ++i) {
    genuine += IsGenuine(text_findings[i]);
    CHECK(canonical(text_findings[i].a_claim_id) == hex_findings[i].a_claim_id);
    CHECK(canonical(text_findings[i].b_claim_id) == hex_findings[i].b_claim_id);
    CHECK(text_findings[i].label == hex_findings[i].label);
  }
  CHECK(genuine >= 2);
  auto text_scores = ScoreSources(text_facts, text_strings, text_findings, TruthOptions{});
  auto hex_scores = ScoreSources(hex_facts, hex_strings, hex_findings, TruthOptions{});
  REQUIRE(text_scores.size() == hex_scores.size());
  for (size_t i = 0; i < text_scores.size(); ++i) {
    CHECK(text_scores[i].source == hex_scores[i].source);
    CHECK(text_scores[i].reliability == hex_scores[i].reliability);
    CHECK(text_scores[i].contradicted == hex_scores[i].contradicted);
  }
  CHECK(Score(hex_scores, "D").contradicted == 2);
}

}  // namespace claimgraph::truth_discovery_test
