// Runs every case in corpus/cases/quantities.jsonl through the annotator:
// {"text", "expect": [{"type","text", ...fields}], "exact_types"?: [...]}.
// Each expected mention must be found with exactly its text as span and
// matching fields; with exact_types, no other mention of those types may
// appear. Adding a case needs no C++.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/document.h"
#include "extractors/annotator.h"
#include "mention_expect.h"
#include "test_paths.h"

namespace claimgraph::quantity_cases_test {

namespace {

// Returns the failures of one case, empty when it passes.
std::vector<std::string> RunCase(const Annotator& annotator, const nlohmann::json& c) {
  Document doc;
  doc.text = c.at("text").get<std::string>();
  doc.prose_end = doc.text.size();
  if (c.contains("published")) doc.published = c["published"].get<std::string>();
  std::vector<Mention> mentions = annotator.Annotate(doc);
  std::vector<std::string> failures;
  std::set<const Mention*> matched;
  for (const auto& e : c.at("expect")) {
    std::string want = e.at("text").get<std::string>();
    size_t at = doc.text.find(want);
    const Mention* m = nullptr;
    for (const Mention& cand : mentions) {
      if (at != std::string::npos && cand.start == at && cand.end == at + want.size()) m = &cand;
    }
    if (m == nullptr) {
      failures.push_back("missing \"" + want + "\"");
      continue;
    }
    matched.insert(m);
    std::string why = testing::Mismatch(e, *m);
    if (!why.empty()) failures.push_back("\"" + want + "\": " + why);
  }
  if (c.contains("exact_types")) {
    std::set<std::string> types = c["exact_types"].get<std::set<std::string>>();
    for (const Mention& m : mentions) {
      if (types.count(std::string(MentionTypeName(m.type))) && !matched.count(&m)) {
        failures.push_back("unexpected " + testing::Describe(m, doc.text));
      }
    }
  }
  if (!failures.empty()) {
    std::string all;
    for (const Mention& m : mentions) all += "\n      got " + testing::Describe(m, doc.text);
    failures.back() += all;
  }
  return failures;
}

}  // namespace

TEST_CASE("Quantity cases in corpus resolve to their expected values", "[quantity][corpus]") {
  auto annotator = Annotator::Create(testing::SourceDir() + "/schemas");
  REQUIRE(annotator.ok());
  std::ifstream in(testing::SourceDir() + "/corpus/cases/quantities.jsonl");
  REQUIRE(in);
  std::string line;
  int cases = 0;
  int failed = 0;
  std::string report;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++cases;
    auto c = nlohmann::json::parse(line);
    for (const std::string& f : RunCase(**annotator, c)) {
      ++failed;
      report += "\n" + c["text"].get<std::string>() + "\n    " + f;
    }
  }
  INFO(report);
  CHECK(cases >= 40);
  CHECK(failed == 0);
}

}  // namespace claimgraph::quantity_cases_test
