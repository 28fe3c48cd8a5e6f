#include "cli/rebuild_diff.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "test_paths.h"

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

// Both parts of the diff, as the rebuild takes them.
cli::RunDiff DiffRuns(const cli::PreviousRun& previous, const Analysis& now,
                      const std::vector<uint64_t>& claim_ids) {
  cli::RunDiff d = cli::DiffFindings(previous, now);
  cli::DiffClaimIds(previous.claim_ids, claim_ids, &d);
  return d;
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
  const cli::RunDiff d = DiffRuns(previous, now, ids);
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
  const cli::RunDiff d = DiffRuns(previous, now, {});
  CHECK_FALSE(d.has_previous);
  REQUIRE(d.new_contradictions.size() == 333);
  CHECK(d.new_contradictions.front().a_claim_id == "999");  // the input's order
  CHECK(d.new_contradictions.back().a_claim_id == "501");
  CHECK(d.resolved.empty());
}

TEST_CASE("the rebuild diff counts claims apart from comparing findings", "[diff]") {
  const auto kConflict = FindingLabel::kConflict;
  cli::PreviousRun previous;
  previous.has_snapshot = true;
  previous.claim_ids = {1, 2, 3, 5, 9};
  previous.analysis.findings = {MakeFinding(kConflict, "0001", "0002"),
                                MakeFinding(kConflict, "0003", "0004")};
  previous.analysis.sources = {{.source = "Wire A", .reliability = 0.5},
                               {.source = "Wire B", .reliability = 0.9}};
  Analysis now;
  now.findings = {MakeFinding(kConflict, "0003", "0004"), MakeFinding(kConflict, "0005", "0006")};
  now.sources = {{.source = "Wire A", .reliability = 0.7}, {.source = "Wire C", .reliability = 1}};
  const std::vector<uint64_t> ids = {2, 3, 4, 6, 7, 8};
  cli::RunDiff two = cli::DiffFindings(previous, now);
  CHECK(two.claims_added == 0);  // not counted yet
  CHECK(two.claims_removed == 0);
  cli::DiffClaimIds(previous.claim_ids, ids, &two);
  CHECK(two.claims_added == 4);    // 4, 6, 7, 8
  CHECK(two.claims_removed == 3);  // 1, 5, 9
  CHECK(Pairs(two.new_contradictions) == std::vector<std::string>{"0005-0006"});
  CHECK(Pairs(two.resolved) == std::vector<std::string>{"0001-0002"});
  REQUIRE(two.moved.size() == 1);
  CHECK(two.moved[0].source == "Wire A");
  CHECK(two.new_sources == 1);
}

TEST_CASE("an analysis file read in small pieces reads as one decoded whole", "[diff]") {
  testing::TempDir tmp;
  Analysis a;
  for (int i = 0; i < 300; ++i) {
    a.findings.push_back(MakeFinding(i % 4 ? FindingLabel::kConflict : FindingLabel::kScale,
                                     std::to_string(i), std::to_string(1000 + i)));
  }
  a.sources = {{.source = "Wire A", .reliability = 0.5}};
  const std::string text = EncodeAnalysis(a);
  const std::string path = tmp.path() + "/analysis.bin";
  std::ofstream(path, std::ios::binary) << text;
  AnalysisSelection genuine;
  genuine.genuine_only = true;
  for (const AnalysisSelection& selection : {AnalysisSelection{}, genuine}) {
    auto whole = DecodeAnalysis(text, selection);
    REQUIRE(whole.ok());
    // Pieces shorter than a line, of a few lines, and larger than the file.
    for (size_t piece : {size_t{1}, size_t{700}, size_t{5000}, text.size() * 2}) {
      INFO(piece);
      auto read = cli::ReadAnalysisFile(path, selection, piece);
      REQUIRE(read.ok());
      CHECK(EncodeAnalysis(*read) == EncodeAnalysis(*whole));
    }
  }
  CHECK(cli::ReadAnalysisFile(path, genuine, 700)->findings.size() == 225);
  // A damaged line far into the file is named by its number.
  std::string damaged = text;
  const size_t line_201 = [&] {
    size_t pos = 0;
    for (int line = 1; line < 201; ++line) pos = damaged.find('\n', pos) + 1;
    return pos;
  }();
  damaged.insert(line_201, "{broken\n");
  std::ofstream(path, std::ios::binary | std::ios::trunc) << damaged;
  auto bad = cli::ReadAnalysisFile(path, {}, 700);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("analysis line 201:") != std::string::npos);
  CHECK(cli::ReadAnalysisFile(tmp.path() + "/missing", {}).status().code() ==
        Status::Code::kNotFound);
}

}  // namespace claimgraph::rebuild_diff_test
