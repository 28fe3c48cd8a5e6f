// The seed articles against their hand-written golden mentions
// (corpus/golden/seed_mentions.jsonl): every golden money, percent, basis
// point and period mention must be found with its values (recall), and every
// money, percent and basis point mention found must be a golden one
// (precision). Each miss is listed.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/document_reader.h"
#include "extractors/annotator.h"
#include "mention_expect.h"
#include "test_paths.h"

namespace claimgraph::annotator_golden_test {

namespace {

size_t NthOccurrence(const std::string& text, const std::string& needle, int n) {
  size_t at = text.find(needle);
  while (n-- > 0 && at != std::string::npos) at = text.find(needle, at + 1);
  return at;
}

std::map<std::string, Document> ReadSeeds() {
  std::map<std::string, Document> docs;
  DocumentReader reader({testing::SourceDir() + "/corpus/articles"}, ReaderOptions());
  Document doc;
  ReadError err;
  DocumentReader::Outcome o;
  while ((o = reader.Next(&doc, &err)) != DocumentReader::Outcome::kEnd) {
    REQUIRE(o == DocumentReader::Outcome::kDocument);
    docs[doc.id] = doc;
  }
  return docs;
}

}  // namespace

TEST_CASE("Seed articles yield their golden mentions", "[golden][corpus]") {
  auto annotator = Annotator::Create(testing::SourceDir() + "/schemas");
  REQUIRE(annotator.ok());
  std::map<std::string, Document> docs = ReadSeeds();
  REQUIRE(docs.size() == 5);
  std::map<std::string, std::vector<Mention>> found;
  for (const auto& [id, doc] : docs) found[id] = (*annotator)->Annotate(doc);

  std::ifstream in(testing::SourceDir() + "/corpus/golden/seed_mentions.jsonl");
  REQUIRE(in);
  std::set<const Mention*> golden_hits;
  std::string report;
  std::string line;
  int total = 0;
  int hits = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++total;
    auto g = nlohmann::json::parse(line);
    const Document& doc = docs.at(g["doc"].get<std::string>());
    std::string text = g["text"].get<std::string>();
    size_t at = NthOccurrence(doc.text, text, g.value("occurrence", 0));
    REQUIRE(at != std::string::npos);
    const Mention* m = testing::Covering(found[doc.id], at, at + text.size());
    std::string why = m ? testing::Mismatch(g, *m) : "not found";
    if (why.empty()) {
      ++hits;
      golden_hits.insert(m);
    } else {
      report += "\nmiss " + doc.id + " \"" + text + "\": " + why +
                (m ? " (got " + testing::Describe(*m, doc.text) + ")" : "");
    }
  }
  int extra = 0;
  for (const auto& [id, mentions] : found) {
    for (const Mention& m : mentions) {
      bool typed = m.type == MentionType::kMoney || m.type == MentionType::kPercent ||
                   m.type == MentionType::kBasisPoints || m.type == MentionType::kPercentagePoints;
      if (typed && !golden_hits.count(&m)) {
        ++extra;
        report += "\nnot golden " + id + ": " + testing::Describe(m, docs[id].text);
      }
      CHECK(m.end <= docs[id].prose_end);  // nothing from the metadata trailer
    }
  }
  INFO(report);
  INFO("recall " << hits << "/" << total << ", extra typed mentions " << extra);
  CHECK(hits == total);
  CHECK(extra == 0);
}

}  // namespace claimgraph::annotator_golden_test
