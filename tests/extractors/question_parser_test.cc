// QuestionParser and the entity resolver, against the bundled catalog and
// schemas/questions.json, plus the data-driven cases in
// corpus/cases/questions.jsonl (format at the top of RunCase below).
#include "extractors/question_parser.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "extractors/entity_catalog.h"
#include "extractors/entity_resolver.h"
#include "test_paths.h"

namespace claimgraph::question_parser_test {

namespace {

using nlohmann::json;
using Ids = std::vector<std::string>;

std::string SchemaDir() { return testing::SourceDir() + "/schemas"; }

const EntityCatalog& Catalog() {
  static const EntityCatalog catalog = [] {
    EntityCatalog c;
    Status s = c.AddFile(SchemaDir() + "/catalog.json");
    INFO(s.ToString());
    REQUIRE(s.ok());
    return c;
  }();
  return catalog;
}

const QuestionParser& Parser() {
  static const std::unique_ptr<QuestionParser> parser = [] {
    auto created = QuestionParser::Create(SchemaDir(), &Catalog());
    INFO(created.status().ToString());
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return *parser;
}

ParsedQuestion Ask(const std::string& question) { return Parser().Parse(question); }

std::set<std::string> AllSubjects(const ParsedQuestion& q) {
  std::set<std::string> out;
  for (const ClaimScope& s : q.query.scopes) out.insert(s.subjects.begin(), s.subjects.end());
  return out;
}

bool Has(const Ids& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  REQUIRE(out.good());
}

// A schema dir holding metrics.json and the given questions.json.
std::string CreateError(const testing::TempDir& dir, const std::string& questions) {
  WriteFile(dir.path() + "/metrics.json", testing::ReadFileOrFail(SchemaDir() + "/metrics.json"));
  WriteFile(dir.path() + "/questions.json", questions);
  auto created = QuestionParser::Create(dir.path(), &Catalog());
  return created.ok() ? "OK" : created.status().message();
}

}  // namespace

TEST_CASE("The AMZN chips question gives each Amazon chip and the chip business",
          "[question_parser]") {
  ParsedQuestion q = Ask("what is claimed about AMZN chips");
  INFO(q.error);
  REQUIRE(q.error.empty());
  CHECK(q.entities == Ids{"AMZN"});
  CHECK(q.topics == Ids{"chips"});
  CHECK(q.unknown.empty());
  std::set<std::string> products;
  const ClaimScope* business = nullptr;
  for (const ClaimScope& s : q.query.scopes) {
    for (const std::string& id : s.subjects) CHECK(id.rfind("AMZN", 0) == 0);
    CHECK(s.metrics.empty());
    if (s.evidence_words.empty()) {
      REQUIRE(s.subjects.size() == 1);
      CHECK(s.label == Catalog().Find(s.subjects[0])->name);
      products.insert(s.subjects[0]);
    } else {
      business = &s;
    }
  }
  for (const char* id :
       {"AMZN/trainium", "AMZN/trainium2", "AMZN/trainium3", "AMZN/trainium4", "AMZN/inferentia",
        "AMZN/inferentia2", "AMZN/graviton", "AMZN/graviton3", "AMZN/graviton4"}) {
    CHECK(products.count(id) == 1);
  }
  CHECK(products.count("AMZN/s3") == 0);  // a cloud service, not a chip
  CHECK(products.count("AMZN/nova") == 0);
  REQUIRE(business != nullptr);
  CHECK(business->subjects == Ids{"AMZN", "AMZN/aws"});
  CHECK(Has(business->evidence_words, "chip"));
  CHECK(Has(business->evidence_words, "silicon"));
  CHECK(q.query.scopes.size() == products.size() + 1);
}

TEST_CASE("Asking what Nvidia claims adds its people as speakers", "[question_parser]") {
  ParsedQuestion q = Ask("what does Nvidia claim");
  REQUIRE(q.error.empty());
  CHECK(q.entities == Ids{"NVDA"});
  CHECK(q.unknown.empty());
  REQUIRE(q.query.scopes.size() == 1);
  const ClaimScope& s = q.query.scopes[0];
  CHECK(s.subjects.front() == "NVDA");
  CHECK(Has(s.subjects, "NVDA/h100"));
  CHECK(Has(s.subjects, "NVDA/blackwell"));
  CHECK_FALSE(Has(s.subjects, "person/jensen-huang"));
  CHECK(s.speakers == Ids{"person/jensen-huang"});
  // Without a speech verb the question is about Nvidia, not by its people.
  CHECK(Ask("claims about Nvidia").query.scopes.at(0).speakers.empty());
}

TEST_CASE("A product with a since date gives only that product and the start date",
          "[question_parser]") {
  ParsedQuestion q = Ask("claims about Trainium3 since 2026-01-01");
  REQUIRE(q.error.empty());
  CHECK(q.entities == Ids{"AMZN/trainium3"});
  REQUIRE(q.query.scopes.size() == 1);
  CHECK(q.query.scopes[0].subjects == Ids{"AMZN/trainium3"});
  CHECK(q.query.scopes[0].label == "Trainium3");
  CHECK(q.query.since == "2026-01-01");
  CHECK(q.query.until.empty());
  CHECK(q.query.period.empty());
  CHECK(q.unknown.empty());
}

TEST_CASE("Names aliases tickers and possessives resolve to catalog entities",
          "[question_parser]") {
  CHECK(Ask("Amazon margins").entities == Ids{"AMZN"});
  CHECK(Ask("amzn margins").entities == Ids{"AMZN"});
  CHECK(Ask("Amazon's margins").entities == Ids{"AMZN"});
  CHECK(Ask("AWS margins").entities == Ids{"AMZN/aws"});
  CHECK(Ask("AWS\xE2\x80\x99s margins").entities == Ids{"AMZN/aws"});
  CHECK(Ask("what about amazon web services margins").entities == Ids{"AMZN/aws"});
  CHECK(Ask("Trainium claims").entities == Ids{"AMZN/trainium"});
  CHECK(Ask("Trainium 2 claims").entities == Ids{"AMZN/trainium2"});
  CHECK(Ask("Amazon and Nvidia margins").entities == Ids{"AMZN", "NVDA"});
  ParsedQuestion aws = Ask("AWS margins");
  REQUIRE(aws.query.scopes.size() == 1);
  CHECK(aws.query.scopes[0].subjects == Ids{"AMZN/aws"});
  CHECK(Has(aws.query.scopes[0].metrics, "operating_margin"));
}

TEST_CASE("A one-word name that is also a question word must be written as the catalog does",
          "[question_parser]") {
  ParsedQuestion lower = Ask("what is claimed about margins on Nvidia now");
  CHECK(lower.entities == Ids{"NVDA"});
  CHECK(lower.unknown.empty());
  CHECK(Ask("ON revenue").entities == Ids{"ON"});
  CHECK(Ask("NOW revenue").entities == Ids{"NOW"});
}

TEST_CASE("Words the parser does not understand are reported as written", "[question_parser]") {
  ParsedQuestion q = Ask("what is claimed about AMZN Frobnicate chips?");
  CHECK(q.error.empty());
  CHECK(q.entities == Ids{"AMZN"});
  CHECK(q.unknown == Ids{"Frobnicate"});
}

TEST_CASE("A question with no entity or topic gets an error saying what to try",
          "[question_parser]") {
  ParsedQuestion q = Ask("blorp the zzyzx");
  CHECK(q.error.find("no company, product or topic recognized in \"blorp the zzyzx\"") == 0);
  CHECK(q.error.find("AMZN") != std::string::npos);
  CHECK(q.error.find("chips") != std::string::npos);
  CHECK(q.query.scopes.empty());
  CHECK(q.unknown == Ids{"blorp", "zzyzx"});
  CHECK_FALSE(Ask("").error.empty());
}

TEST_CASE("A topic without matching products still scopes the business by its words",
          "[question_parser]") {
  ParsedQuestion q = Ask("Amazon gpus");  // Amazon has no product of category gpu
  REQUIRE(q.error.empty());
  REQUIRE(q.query.scopes.size() == 1);
  CHECK(q.query.scopes[0].subjects == Ids{"AMZN", "AMZN/aws"});
  CHECK(Has(q.query.scopes[0].evidence_words, "gpu"));
}

TEST_CASE("Metric topics scope an entity or any subject to the metric family",
          "[question_parser]") {
  ParsedQuestion nvda = Ask("Nvidia margins");
  REQUIRE(nvda.query.scopes.size() == 1);
  CHECK(nvda.query.scopes[0].subjects.front() == "NVDA");
  CHECK(Has(nvda.query.scopes[0].metrics, "operating_margin"));
  CHECK(Has(nvda.query.scopes[0].metrics, "gross_margin"));
  CHECK_FALSE(Has(nvda.query.scopes[0].metrics, "revenue"));
  ParsedQuestion any = Ask("what is claimed about cash flow");
  REQUIRE(any.query.scopes.size() == 1);
  CHECK(any.query.scopes[0].subjects.empty());
  CHECK(any.query.scopes[0].metrics == Ids{"free_cash_flow", "operating_cash_flow"});
  CHECK(Ask("free cash flow").query.scopes.at(0).metrics == Ids{"free_cash_flow"});
}

TEST_CASE("A topic added to a copied questions file works without code changes",
          "[question_parser]") {
  CHECK(Ask("Microsoft consoles").unknown == Ids{"consoles"});
  testing::TempDir dir;
  REQUIRE(CreateError(dir, R"({"stop_words": ["what", "about"],
      "topics": [{"name": "consoles", "words": ["console", "consoles", "gaming"],
                  "categories": ["device"], "evidence_words": ["console", "consoles"]},
                 {"name": "margins", "words": ["margins"], "metric_families": ["margins"]}]})") ==
          "OK");
  auto parser = QuestionParser::Create(dir.path(), &Catalog());
  REQUIRE(parser.ok());
  ParsedQuestion q = (*parser)->Parse("what about Microsoft consoles");
  CHECK(q.unknown.empty());
  CHECK(q.topics == Ids{"consoles"});
  REQUIRE(q.query.scopes.size() == 2);
  CHECK(q.query.scopes[0].subjects == Ids{"MSFT/xbox"});
  CHECK(q.query.scopes[1].evidence_words == Ids{"console", "consoles"});
  CHECK(Has((*parser)->Parse("Microsoft margins").query.scopes.at(0).metrics, "net_margin"));
  CHECK((*parser)->Parse("Microsoft chips").unknown == Ids{"chips"});
}

TEST_CASE("A malformed questions file is an error naming the file and field", "[question_parser]") {
  testing::TempDir dir;
  const std::string file = dir.path() + "/questions.json";
  CHECK(CreateError(dir, R"({"topics": [)") == file + ": not a valid JSON object");
  CHECK(CreateError(dir, R"({"stopwords": []})").find(file + ": unknown key \"stopwords\"") == 0);
  CHECK(CreateError(dir, R"({"stop_words": ["the", 3]})") ==
        file + ": stop_words[1]: must be a string with a letter or digit");
  CHECK(CreateError(dir, R"({"stop_words": ["the", "of", "The"]})") ==
        file + ": stop_words[2]: \"the\" is already listed at " + file + ": stop_words[0]");
  CHECK(CreateError(dir, R"({"topics": [{"name": "m", "words": ["m"],
      "metric_families": ["marginz"]}]})") ==
        file + ": topics[0].metric_families[0]: \"marginz\" is not a family of metrics.json");
  CHECK(CreateError(dir, R"({"topics": [{"name": "m", "words": ["m"], "metrics": ["fcf"]}]})") ==
        file + ": topics[0].metrics[0]: \"fcf\" is not a metric of metrics.json");
  CHECK(CreateError(dir, R"({"topics": [{"name": "c", "words": ["c"], "categories": ["gpus"],
      "evidence_words": ["gpu"]}]})") ==
        file + ": topics[0].categories[0]: \"gpus\" is not a catalog category");
  CHECK(CreateError(dir, R"({"topics": [{"name": "c", "words": ["c"], "categories": ["gpu"]}]})")
            .find(file + ": topics[0]: needs") == 0);
  CHECK(CreateError(dir, R"({"modalities": {"forecats": ["forecast"]}})") ==
        file + ": modalities: unknown modality \"forecats\"");
  auto missing = QuestionParser::Create(dir.path() + "/nowhere", &Catalog());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().find("nowhere/questions.json") != std::string::npos);
}

TEST_CASE("ResolveEntityName matches ids tickers names and aliases ignoring case",
          "[question_parser]") {
  CHECK(ResolveEntityName(Catalog(), "Amazon") == Ids{"AMZN"});
  CHECK(ResolveEntityName(Catalog(), "  amzn ") == Ids{"AMZN"});
  CHECK(ResolveEntityName(Catalog(), "amazon web services") == Ids{"AMZN/aws"});
  CHECK(ResolveEntityName(Catalog(), "amzn/TRAINIUM3") == Ids{"AMZN/trainium3"});
  CHECK(ResolveEntityName(Catalog(), "Jensen Huang") == Ids{"person/jensen-huang"});
  CHECK(ResolveEntityName(Catalog(), "Amazon Web").empty());
  CHECK(ResolveEntityName(Catalog(), " ").empty());
  EntityCatalog catalog;
  REQUIRE(catalog
              .AddJson(R"({"companies": [{"id": "beta", "name": "Beta", "aliases": ["ACME"]},
                                         {"id": "acme", "name": "Acme Corp"},
                                         {"id": "ACME", "name": "Acme"}]})",
                       "test.json")
              .ok());
  CHECK(ResolveEntityName(catalog, "ACME") == Ids{"ACME", "acme", "beta"});
}

TEST_CASE("EntityWithDescendants lists segments products and generations without people",
          "[question_parser]") {
  Ids amazon = EntityWithDescendants(Catalog(), "AMZN");
  REQUIRE(amazon.size() > 10);
  CHECK(amazon.front() == "AMZN");
  CHECK(std::set<std::string>(amazon.begin(), amazon.end()).size() == amazon.size());
  for (const std::string& id : amazon) {
    CHECK(id.rfind("AMZN", 0) == 0);
    CHECK(Catalog().Find(id)->type != EntityType::kPerson);
  }
  auto at = [&](const char* id) { return std::find(amazon.begin(), amazon.end(), id); };
  CHECK(at("AMZN/aws") != amazon.end());
  CHECK(at("AMZN/trainium") < at("AMZN/trainium2"));
  CHECK(at("AMZN/trainium2") < at("AMZN/trainium4"));
  CHECK(EntityWithDescendants(Catalog(), "AMZN/trainium") ==
        Ids{"AMZN/trainium", "AMZN/trainium2", "AMZN/trainium3", "AMZN/trainium4"});
  CHECK(EntityWithDescendants(Catalog(), "person/andy-jassy") == Ids{"person/andy-jassy"});
}

namespace {

Ids List(const json& c, const char* key) { return c.contains(key) ? c[key].get<Ids>() : Ids{}; }

// One line of corpus/cases/questions.jsonl. Checked exactly, empty when
// absent: entities, topics, unknown, modalities, sources, since, until,
// period, limit. "error": a substring of the error (absent: no error).
// "subjects" / "not_subjects": ids that must / must not be in some scope;
// "subject_prefix": every scope subject starts with it; "speakers",
// "metrics", "evidence_words": each must be in some scope.
void RunCase(const json& c) {
  ParsedQuestion q = Ask(c["question"].get<std::string>());
  CHECK(q.entities == List(c, "entities"));
  CHECK(q.topics == List(c, "topics"));
  CHECK(q.unknown == List(c, "unknown"));
  Ids modalities;
  for (Modality m : q.query.modalities) modalities.emplace_back(ModalityName(m));
  CHECK(modalities == List(c, "modalities"));
  CHECK(q.query.sources == List(c, "sources"));
  CHECK(q.query.since == c.value("since", ""));
  CHECK(q.query.until == c.value("until", ""));
  CHECK(q.query.period == c.value("period", ""));
  CHECK(q.query.limit == c.value("limit", size_t{0}));
  if (!c.contains("error")) CHECK(q.error.empty());
  if (c.contains("error")) CHECK(q.error.find(c["error"].get<std::string>()) != std::string::npos);
  std::set<std::string> subjects = AllSubjects(q), speakers, metrics, words;
  for (const ClaimScope& s : q.query.scopes) {
    speakers.insert(s.speakers.begin(), s.speakers.end());
    metrics.insert(s.metrics.begin(), s.metrics.end());
    words.insert(s.evidence_words.begin(), s.evidence_words.end());
  }
  for (const std::string& id : List(c, "subjects")) CHECK(subjects.count(id) == 1);
  for (const std::string& id : List(c, "not_subjects")) CHECK(subjects.count(id) == 0);
  for (const std::string& id : subjects) CHECK(id.rfind(c.value("subject_prefix", ""), 0) == 0);
  for (const std::string& id : List(c, "speakers")) CHECK(speakers.count(id) == 1);
  for (const std::string& id : List(c, "metrics")) CHECK(metrics.count(id) == 1);
  for (const std::string& w : List(c, "evidence_words")) CHECK(words.count(w) == 1);
}

}  // namespace

TEST_CASE("Question cases in corpus give their expected queries", "[question_parser][corpus]") {
  std::ifstream in(testing::SourceDir() + "/corpus/cases/questions.jsonl");
  REQUIRE(in);
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++cases;
    json c = json::parse(line, nullptr, false);
    INFO("questions.jsonl case " << cases << ": " << line);
    REQUIRE(c.is_object());
    RunCase(c);
  }
  CHECK(cases >= 20);
}

}  // namespace claimgraph::question_parser_test
