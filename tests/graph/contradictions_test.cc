// Labels of FindContradictions on hand-made claims.
#include "graph/contradictions.h"

#include <catch2/catch.hpp>

#include "graph/fact_maker.h"

namespace claimgraph::contradictions_test {

namespace {

using testing::MakeQuantity;
using testing::MakeStance;

AnalysisContext Context() {
  AnalysisContext c;
  c.parent_of = {{"AMZN/aws", "AMZN"}, {"AMZN/trainium", "AMZN"}};
  c.additive_metrics = {"backlog", "revenue", "revenue_commitments"};
  c.display_names = {{"AMZN", "Amazon"}, {"AMZN/aws", "AWS"}, {"AMZN/trainium", "Trainium"}};
  return c;
}

std::vector<Finding> Find(const std::vector<StoredClaim>& claims) {
  StringTable strings;
  return FindContradictions(testing::Facts(claims, &strings), strings, Context());
}

// A reported USD revenue claim of ACME from `source`.
StoredClaim Revenue(const std::string& id, const std::string& source, double amount,
                    const std::string& text, Qualifier q = Qualifier::kExact) {
  return MakeQuantity(id, source, "2025-11-01", "ACME", "revenue", amount, text, q);
}

// The label of the one finding between claims a and b (either order);
// "none" when there is none.
std::string LabelBetween(const std::vector<Finding>& findings, const std::string& a,
                         const std::string& b) {
  std::string label = "none";
  for (const Finding& f : findings) {
    if ((f.a_claim_id == a && f.b_claim_id == b) || (f.a_claim_id == b && f.b_claim_id == a)) {
      label = std::string(FindingLabelName(f.label));
    }
  }
  return label;
}

size_t Genuine(const std::vector<Finding>& findings) {
  return static_cast<size_t>(std::count_if(findings.begin(), findings.end(), IsGenuine));
}

}  // namespace

TEST_CASE("Values within their digits' precision are rounding, apart they conflict",
          "[contradictions]") {
  auto f =
      Find({Revenue("a", "A", 1.2e9, "$1.2 billion"), Revenue("b", "B", 1.23e9, "$1.23 billion")});
  CHECK(LabelBetween(f, "a", "b") == "rounding");
  CHECK(Genuine(f) == 0);
  f = Find({Revenue("a", "A", 1.2e9, "$1.2 billion"), Revenue("b", "B", 1.2e9, "$1,200 million")});
  CHECK(LabelBetween(f, "a", "b") == "agree");
  f = Find({Revenue("a", "A", 1.2e9, "$1.2 billion"), Revenue("b", "B", 1.5e9, "$1.5 billion")});
  CHECK(LabelBetween(f, "a", "b") == "conflict");
  REQUIRE(Genuine(f) == 1);
  CHECK(f[0].a_count + f[0].b_count == 2);
}

TEST_CASE("A million written for a billion is labelled scale", "[contradictions]") {
  auto f =
      Find({Revenue("a", "A", 1.2e9, "$1.2 billion"), Revenue("b", "B", 1.2e6, "$1.2 million")});
  CHECK(LabelBetween(f, "a", "b") == "scale");
  CHECK(Genuine(f) == 0);
}

TEST_CASE("Approximate and open-ended values are compared as intervals", "[contradictions]") {
  auto f = Find({Revenue("a", "A", 1.2e9, "$1.2 billion"),
                 Revenue("b", "B", 1.3e9, "about $1.3 billion", Qualifier::kApprox)});
  CHECK(LabelBetween(f, "a", "b") == "rounding");
  f = Find({Revenue("a", "A", 2.5e10, "$25 billion"),
            Revenue("b", "B", 2e10, "more than $20 billion", Qualifier::kAtLeast)});
  CHECK(Genuine(f) == 0);
  f = Find({Revenue("a", "A", 2.5e10, "$25 billion"),
            Revenue("b", "B", 2e10, "up to $20 billion", Qualifier::kAtMost)});
  CHECK(LabelBetween(f, "a", "b") == "conflict");
  StoredClaim range = Revenue("b", "B", 1.5e7, "$10-$20 million", Qualifier::kRange);
  range.claim.value->quantity.low = 1e7;
  range.claim.value->quantity.high = 2e7;
  f = Find({Revenue("a", "A", 1.8e7, "$18 million"), range});
  CHECK(Genuine(f) == 0);
  f = Find({Revenue("a", "A", 2.5e7, "$25 million"), range});
  CHECK(LabelBetween(f, "a", "b") == "conflict");
}

TEST_CASE("Different periods are never a conflict", "[contradictions]") {
  auto q3 = MakeQuantity("a", "A", "2025-11-01", "ACME", "revenue", 1.37e10, "$13.7 billion",
                         Qualifier::kExact, Modality::kReported, "2025-Q3");
  auto nine = MakeQuantity("b", "B", "2025-11-01", "ACME", "revenue", 3.98e10, "$39.8 billion",
                           Qualifier::kExact, Modality::kReported, "2025-9M");
  auto f = Find({q3, nine});
  CHECK(LabelBetween(f, "a", "b") == "period_mismatch");
  CHECK(Genuine(f) == 0);
}

TEST_CASE("Hypothetical and negated claims are not compared with reported ones",
          "[contradictions]") {
  auto run_rate = MakeQuantity("a", "", "", "AMZN", "revenue_run_rate", 2e10,
                               "more than a $20 billion", Qualifier::kAtLeast);
  auto would_be = MakeQuantity("b", "", "", "AMZN", "revenue_run_rate", 5e10, "$50 billion",
                               Qualifier::kExact, Modality::kHypothetical);
  CHECK(Find({run_rate, would_be}).empty());
  auto negated = Revenue("c", "B", 3e10, "$30 billion");
  negated.claim.negated = true;
  CHECK(Find({Revenue("a", "A", 2.81e10, "$28.1 billion"), negated}).empty());
}

TEST_CASE("A source's own earlier or same-day values are not conflicts", "[contradictions]") {
  auto early = MakeQuantity("a", "X", "2025-09-03", "ACME", "backlog", 5.99e10, "$59.9 billion");
  auto late = MakeQuantity("b", "X", "2025-09-20", "ACME", "backlog", 6.34e10, "$63.4 billion");
  auto other = MakeQuantity("c", "Y", "2025-09-21", "ACME", "backlog", 6.34e10, "$63.4 billion");
  auto f = Find({early, late, other});
  CHECK(LabelBetween(f, "b", "a") == "stale");
  CHECK(LabelBetween(f, "c", "b") == "agree");
  CHECK(Genuine(f) == 0);
  auto same_day = MakeQuantity("d", "X", "2025-09-03", "ACME", "backlog", 7e10, "$70 billion");
  f = Find({early, same_day});
  CHECK(LabelBetween(f, "a", "d") == "same_source");
  CHECK(Genuine(f) == 0);
}

TEST_CASE("A later reported value beats or misses a forecast", "[contradictions]") {
  auto guide = MakeQuantity("g", "A", "2025-09-05", "ACME", "revenue", 1.74e10, "$17.4 billion",
                            Qualifier::kExact, Modality::kGuidance, "2025-Q4");
  auto above = MakeQuantity("r", "B", "2025-12-12", "ACME", "revenue", 1.8e10, "$18.0 billion",
                            Qualifier::kExact, Modality::kReported, "2025-Q4");
  auto below = MakeQuantity("r", "B", "2025-12-12", "ACME", "revenue", 1.6e10, "$16.0 billion",
                            Qualifier::kExact, Modality::kReported, "2025-Q4");
  CHECK(LabelBetween(Find({guide, above}), "r", "g") == "beat");
  CHECK(LabelBetween(Find({guide, below}), "r", "g") == "miss");
  CHECK(Genuine(Find({guide, below})) == 0);
}

TEST_CASE("A company's additive total below its segment's is a conflict", "[contradictions]") {
  auto amazon = MakeQuantity("p", "", "", "AMZN", "backlog", 2.25e11, "$225 billion");
  amazon.claim.doc_id = "002";
  auto aws = MakeQuantity("s", "", "", "AMZN/aws", "backlog", 3.64e11, "$364 billion");
  aws.claim.doc_id = "000";
  auto trainium = MakeQuantity("t", "", "", "AMZN/trainium", "revenue_commitments", 2.25e11,
                               "more than $225 billion", Qualifier::kAtLeast);
  trainium.claim.doc_id = "000";
  auto f = Find({amazon, aws, trainium});
  REQUIRE(LabelBetween(f, "p", "s") == "conflict");
  const Finding& c = *std::find_if(f.begin(), f.end(), IsGenuine);
  CHECK(c.subject == "AMZN");
  CHECK(c.other_subject == "AMZN/aws");
  CHECK_THAT(c.explanation, Catch::Contains("Amazon (AMZN)") && Catch::Contains("AWS (AMZN/aws)"));
  CHECK_THAT(c.explanation, Catch::Contains("Trainium (AMZN/trainium) revenue_commitments"));
  // Values in other documents, before and after these, are not hints: the
  // hint comes from the other claim's own document.
  auto before = MakeQuantity("n1", "", "", "ACME", "revenue", 2.25e11, "$225 billion");
  before.claim.doc_id = "001";
  auto after = MakeQuantity("n2", "", "", "ACME", "backlog", 3.64e11, "$364 billion");
  after.claim.doc_id = "003";
  for (const auto& claims : {std::vector<StoredClaim>{before, amazon, aws, trainium, after},
                             std::vector<StoredClaim>{amazon, aws, after, trainium, before}}) {
    auto g = Find(claims);
    REQUIRE(LabelBetween(g, "p", "s") == "conflict");
    const Finding& h = *std::find_if(g.begin(), g.end(), IsGenuine);
    CHECK_THAT(h.explanation, Catch::Contains("Trainium (AMZN/trainium) revenue_commitments"));
    CHECK_THAT(h.explanation, !Catch::Contains("ACME"));
  }
  auto bigger = MakeQuantity("p", "", "", "AMZN", "backlog", 5e11, "$500 billion");
  CHECK(Find({bigger, aws}).empty());
  auto margin = MakeQuantity("p", "A", "", "AMZN", "operating_margin", 11.1, "11.1%");
  auto aws_margin = MakeQuantity("s", "B", "", "AMZN/aws", "operating_margin", 34.6, "34.6%");
  CHECK(Find({margin, aws_margin}).empty());
}

TEST_CASE("Opposite stances from different sources conflict", "[contradictions]") {
  auto f = Find({MakeStance("a", "A", "PLTR", 0.8), MakeStance("b", "B", "PLTR", -0.6)});
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == FindingKind::kStance);
  CHECK(IsGenuine(f[0]));
  f = Find({MakeStance("a", "A", "PLTR", 0.8), MakeStance("b", "A", "PLTR", -0.6)});
  CHECK(Genuine(f) == 0);
}

TEST_CASE("Findings stay bounded and count every claim of a large group", "[contradictions]") {
  std::vector<StoredClaim> claims;
  const int billions[] = {1, 4, 9};  // [0.5, 1.5], [3.5, 4.5], [8.5, 9.5] billion
  for (int i = 0; i < 3000; ++i) {
    const int b = billions[i % 3];
    claims.push_back(Revenue("c" + std::to_string(i), "S" + std::to_string(i % 50), b * 1e9,
                             "$" + std::to_string(b) + " billion"));
  }
  auto f = Find(claims);
  CHECK(f.size() <= 6);
  uint64_t in_conflict = 0;
  for (const Finding& x : f) {
    if (IsGenuine(x)) in_conflict += x.a_count + x.b_count;
  }
  CHECK(Genuine(f) == 3);
  CHECK(in_conflict == 2 * 3000);  // each cluster appears in two of the three pairs
}

}  // namespace claimgraph::contradictions_test
