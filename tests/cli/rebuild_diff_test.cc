#include "cli/rebuild_diff.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace claimgraph::rebuild_diff_test {

namespace {

Finding MakeFinding(FindingLabel label, const std::string& a, const std::string& b,
                    FindingKind kind = FindingKind::kNumeric) {
  Finding f;
  f.kind = kind;
  f.label = label;
  f.subject = "AMZN";
  f.a_claim_id = a;
  f.b_claim_id = b;
  return f;
}

std::vector<std::string> Pairs(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.a_claim_id + "-" + f.b_claim_id);
  return out;
}

}  // namespace

TEST_CASE("the rebuild diff finds genuine findings new and gone in their own order",
          "[diff][parallel]") {
  const auto kConflict = FindingLabel::kConflict;
  cli::PreviousRun previous;
  previous.has_snapshot = true;
  previous.claim_ids = {1, 2, 3, 5};
  previous.analysis.findings = {
      MakeFinding(kConflict, "0009", "0001"),  // gone
      MakeFinding(kConflict, "0002", "0003"),  // kept, its claims given the other way round now
      MakeFinding(FindingLabel::kScale, "0004", "0005"),             // not genuine: never listed
      MakeFinding(kConflict, "0006", "0007"),                        // kept, listed twice now
      MakeFinding(kConflict, "0000", "0001"),                        // gone
      MakeFinding(kConflict, "0008", "0008", FindingKind::kStance),  // a stance now: gone
  };
  Analysis now;
  now.findings = {
      MakeFinding(kConflict, "0007", "0006"),
      MakeFinding(kConflict, "0003", "0002"),
      MakeFinding(kConflict, "0005", "0004"),  // new: the same claims, now genuine
      MakeFinding(kConflict, "0006", "0007"),
      MakeFinding(kConflict, "0001", "0000x"),  // new
      MakeFinding(kConflict, "0008", "0008"),   // new: numeric, not the stance
      MakeFinding(FindingLabel::kScale, "0009", "0001"),
      MakeFinding(kConflict, "0001", "0000x"),  // new, twice: both listed
  };
  const std::vector<uint64_t> ids = {2, 3, 4, 6};
  const cli::RunDiff d = cli::DiffRuns(previous, now, ids);
  CHECK(d.has_previous);
  CHECK(d.claims_added == 2);    // 4, 6
  CHECK(d.claims_removed == 2);  // 1, 5
  CHECK(Pairs(d.new_contradictions) ==
        std::vector<std::string>{"0005-0004", "0001-0000x", "0008-0008", "0001-0000x"});
  CHECK(Pairs(d.resolved) == std::vector<std::string>{"0009-0001", "0000-0001", "0008-0008"});
  CHECK(d.resolved[2].kind == FindingKind::kStance);
}

TEST_CASE("the rebuild diff of a first run lists every genuine finding as new", "[diff]") {
  cli::PreviousRun previous;  // no snapshot
  Analysis now;
  for (int i = 0; i < 500; ++i) {
    now.findings.push_back(MakeFinding(i % 3 ? FindingLabel::kConflict : FindingLabel::kScale,
                                       std::to_string(1000 - i), std::to_string(i)));
  }
  const cli::RunDiff d = cli::DiffRuns(previous, now, {});
  CHECK_FALSE(d.has_previous);
  REQUIRE(d.new_contradictions.size() == 333);
  CHECK(d.new_contradictions.front().a_claim_id == "999");  // the input's order
  CHECK(d.new_contradictions.back().a_claim_id == "501");
  CHECK(d.resolved.empty());
}

}  // namespace claimgraph::rebuild_diff_test
