// `claimgraph contradictions` and `claimgraph consistency` on real stores:
// the seed articles and corpus/conflicts with its expectations file.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "cli_run.h"
#include "engine/store.h"
#include "extractors/entity_catalog.h"
#include "extractors/metric_lexicon.h"
#include "graph/analysis_codec.h"
#include "test_paths.h"

namespace claimgraph::analysis_cli_test {

namespace {

using nlohmann::json;
using testing::Claimgraph;
using testing::Run;

void Ingest(const std::string& db, const std::string& inputs) {
  Run r = Claimgraph("ingest --db " + db + " --no-progress " + inputs);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

std::vector<json> Rows(const std::string& args) {
  Run r = Claimgraph(args);
  INFO(args << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return testing::JsonLines(r.out);
}

std::string ConflictInputs() {
  std::string inputs;
  std::vector<std::string> files;
  for (const auto& e :
       std::filesystem::directory_iterator(testing::SourceDir() + "/corpus/conflicts")) {
    if (e.path().filename() != "expected.jsonl") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) inputs += " " + f;
  return inputs;
}

double Amount(const json& claim) {
  const json& v = claim["value"];
  return v.is_object() && v["amount"].is_number() ? v["amount"].get<double>() : NAN;
}

bool Near(double x, double y) { return std::fabs(x - y) <= 1e-6 * std::max(1.0, std::fabs(y)); }

// True when row compares claims with the two amounts (either order).
bool Between(const json& row, double x, double y) {
  const double a = Amount(row["a"]);
  const double b = Amount(row["b"]);
  return (Near(a, x) && Near(b, y)) || (Near(a, y) && Near(b, x));
}

// Rows about `e`'s subject (and metric / kind when given).
std::vector<json> Matching(const std::vector<json>& rows, const json& e) {
  std::vector<json> out;
  for (const json& row : rows) {
    if (row["subject"] != e["subject"]) continue;
    if (e.contains("kind") && row["kind"] != e["kind"]) continue;
    if (e.contains("metric") && row["metric"] != e["metric"]) continue;
    if (e.contains("values") && !Between(row, e["values"][0], e["values"][1])) continue;
    out.push_back(row);
  }
  return out;
}

}  // namespace

TEST_CASE("The seeds show Amazon's backlog below AWS's as a conflict", "[contradictions][cli]") {
  testing::TempDir dir;
  const std::string db = dir.path() + "/db";
  Ingest(db, testing::SourceDir() + "/corpus/articles");
  std::vector<json> rows = Rows("contradictions --db " + db + " --format jsonl");
  bool found = false;
  for (const json& row : rows) {
    CHECK(row["label"] == "conflict");
    if (row["kind"] != "numeric" || row["metric"] != "backlog") continue;
    found = true;
    CHECK(row["subject"] == "AMZN");
    CHECK(row["other_subject"] == "AMZN/aws");
    CHECK(Between(row, 225e9, 364e9));
    CHECK(row["a"]["source_key"].get<std::string>().rfind("doc:002", 0) == 0);
    CHECK(row["b"]["source_key"].get<std::string>().rfind("doc:000", 0) == 0);
    CHECK(row["a"]["evidence"]["text"].get<std::string>().find("$225 billion") !=
          std::string::npos);
    const std::string why = row["explanation"];
    CHECK_THAT(why, Catch::Contains("(AMZN)") && Catch::Contains("(AMZN/aws)"));
    CHECK_THAT(why, Catch::Contains("Trainium (AMZN/trainium) revenue_commitments"));
  }
  CHECK(found);
  // The $20 billion run rate and the hypothetical $50 billion are never compared.
  for (const json& row : Rows("contradictions --all --db " + db + " --format jsonl")) {
    CHECK_FALSE(Between(row, 20e9, 50e9));
  }
  CHECK(
      Rows("contradictions --db " + db + " --entity NVDA --metric backlog --format jsonl").empty());
  CHECK(Rows("contradictions --db " + db + " --entity Amazon --metric backlog --format jsonl")
            .size() == 1);
}

TEST_CASE("Consistency scores every seed document as its own source", "[contradictions][cli]") {
  testing::TempDir dir;
  const std::string db = dir.path() + "/db";
  Ingest(db, testing::SourceDir() + "/corpus/articles");
  std::vector<json> rows = Rows("consistency --db " + db + " --format jsonl");
  REQUIRE(rows.size() == 5);
  for (const json& row : rows) {
    CHECK(row["source"].get<std::string>().rfind("doc:", 0) == 0);
    CHECK(row["reliability"].get<double>() > 0);
    CHECK(row["reliability"].get<double>() < 1);
    CHECK(row["claims"].get<uint64_t>() >= row["corroborated"].get<uint64_t>());
  }
  Run html = Claimgraph("consistency --db " + db + " --format html");
  REQUIRE(html.exit_code == 0);
  CHECK_THAT(html.out, Catch::StartsWith("<!DOCTYPE html>") && Catch::Contains("<style>"));
  CHECK_THAT(html.out, !Catch::Contains("<script") && !Catch::Contains("http"));
  Run report = Claimgraph("contradictions --db " + db + " --format html");
  REQUIRE(report.exit_code == 0);
  CHECK_THAT(report.out, Catch::Contains("$225 billion") && !Catch::Contains("<script"));
}

TEST_CASE("Bad flags are refused with a message", "[contradictions][cli]") {
  testing::TempDir dir;
  const std::string db = dir.path() + "/db";
  Ingest(db, testing::SourceDir() + "/corpus/articles");
  Run r = Claimgraph("contradictions --db " + db + " --metric backlogg");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("unknown metric 'backlogg'"));
  r = Claimgraph("contradictions --db " + db + " --entity Nonexistent");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("unknown entity"));
  r = Claimgraph("consistency --db " + db + " --source Nowhere");
  CHECK(r.exit_code == 1);
  r = Claimgraph("consistency --db " + dir.path() + "/missing");
  CHECK(r.exit_code == 1);
}

TEST_CASE("corpus/conflicts meets its expectations", "[contradictions][cli]") {
  testing::TempDir dir;
  const std::string db = dir.path() + "/db";
  Ingest(db, ConflictInputs());
  const std::vector<json> all = Rows("contradictions --all --db " + db + " --format jsonl");
  const std::vector<json> genuine = Rows("contradictions --db " + db + " --format jsonl");
  std::vector<json> expected = testing::JsonLines(
      testing::ReadFileOrFail(testing::SourceDir() + "/corpus/conflicts/expected.jsonl"));
  REQUIRE(expected.size() >= 12);
  size_t expected_conflicts = 0;
  for (const json& e : expected) {
    INFO(e["case"].get<std::string>());
    const std::vector<json> rows = Matching(all, e);
    if (e["label"].is_null()) {
      CHECK(rows.empty());
      continue;
    }
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["label"] == e["label"]);
    if (e.contains("other_subject")) CHECK(rows[0]["other_subject"] == e["other_subject"]);
    const bool conflict = e["label"] == "conflict";
    expected_conflicts += conflict;
    CHECK(Matching(genuine, e).size() == (conflict ? 1u : 0u));
  }
  CHECK(genuine.size() == expected_conflicts);  // no conflict the file does not expect
  std::vector<json> sources = Rows("consistency --db " + db + " --format jsonl");
  REQUIRE(sources.size() == 3);
}

}  // namespace claimgraph::analysis_cli_test

namespace claimgraph::analysis_cli_test {

TEST_CASE("An analysis written straight to its file equals AnalyzeStore's",
          "[contradictions][cli]") {
  // The rebuild's path (WriteStoreAnalysis: compact findings, made one at a
  // time) against the in-memory one, on every conflict case and the seeds.
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/db";
  Ingest(db, ConflictInputs() + " " + testing::SourceDir() + "/corpus/articles");
  auto store = Store::Open(db, StoreOptions{.read_only = true});
  REQUIRE(store.ok());
  EntityCatalog catalog;
  REQUIRE(catalog.AddFile(testing::SourceDir() + "/schemas/catalog.json").ok());
  auto lexicon = MetricLexicon::Load(testing::SourceDir() + "/schemas/metrics.json");
  REQUIRE(lexicon.ok());
  AnalysisContext context;  // parents and additive metrics, for the parent findings
  for (const CatalogEntity& e : catalog.entities()) {
    const bool part = e.type == EntityType::kSegment || e.type == EntityType::kProduct;
    if (part && !e.parent.empty()) context.parent_of[e.id] = e.parent;
  }
  for (const MetricDef& m : lexicon->metrics()) {
    if (m.additive) context.additive_metrics.insert(m.id);
  }

  auto expected = AnalyzeStore(**store, context);
  REQUIRE(expected.ok());
  REQUIRE(WriteAnalysisFile(tmp.path() + "/expected.bin", *expected).ok());
  std::vector<Finding> seen;
  auto written = WriteStoreAnalysis(**store, context, tmp.path() + "/written.bin",
                                    [&seen](const Finding& f) { seen.push_back(f); });
  REQUIRE(written.ok());

  const std::string bytes = testing::ReadFileOrFail(tmp.path() + "/expected.bin");
  CHECK(testing::ReadFileOrFail(tmp.path() + "/written.bin") == bytes);
  CHECK(EncodeAnalysis({seen, expected->sources, expected->stats}) == bytes);
  CHECK(written->findings == expected->findings.size());
  // The order is the one the format has always had: by kind, subject,
  // metric, period, label and the two claim ids, on the findings in full.
  CHECK(std::is_sorted(
      expected->findings.begin(), expected->findings.end(), [](const Finding& x, const Finding& y) {
        return std::tie(x.kind, x.subject, x.metric, x.period, x.label, x.a_claim_id,
                        x.b_claim_id) <
               std::tie(y.kind, y.subject, y.metric, y.period, y.label, y.a_claim_id, y.b_claim_id);
      }));
  CHECK(written->genuine == static_cast<uint64_t>(std::count_if(
                                expected->findings.begin(), expected->findings.end(), IsGenuine)));
  CHECK(written->sources.size() == expected->sources.size());
  CHECK(written->stats.iterations == expected->stats.iterations);
  // The comparison means something only if the cases give many kinds of
  // findings, and some explanations were extended by match hints.
  std::set<FindingLabel> labels;
  for (const Finding& f : seen) labels.insert(f.label);
  CHECK(labels.size() >= 6);
  CHECK(written->genuine >= 5);
  CHECK(WriteStoreAnalysis(**store, context, tmp.path() + "/no/such/dir/a.bin").status().code() ==
        Status::Code::kIOError);
}

}  // namespace claimgraph::analysis_cli_test
