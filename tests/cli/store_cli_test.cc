// The store's subcommands (ingest, query, ask, show, stats, check) on real
// stores in temporary directories, run as real processes.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli_run.h"
#include "test_paths.h"

namespace claimgraph::store_cli_test {

namespace {

using nlohmann::json;
using testing::Claimgraph;
using testing::Run;

std::string SeedsDir() { return testing::SourceDir() + "/corpus/articles"; }

// The seed articles in file-name order.
std::vector<std::string> SeedPaths() {
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(SeedsDir())) {
    paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string WriteFile(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// One JSON Lines document.
std::string DocLine(const std::string& id, const std::string& text,
                    const std::string& published = "") {
  json doc = {{"id", id}, {"text", text}};
  if (!published.empty()) doc["published"] = published;
  return doc.dump() + "\n";
}

json ParseObject(const std::string& out) {
  json j = json::parse(out, nullptr, false);
  INFO(out);
  REQUIRE(j.is_object());
  return j;
}

// `claimgraph ingest --format json`; returns its summary.
json Ingest(const std::string& db, const std::string& inputs, int expected_exit = 0) {
  Run r = Claimgraph("ingest --db " + db + " --no-progress --format json " + inputs);
  INFO(r.err);
  REQUIRE(r.exit_code == expected_exit);
  return ParseObject(r.out);
}

json Stats(const std::string& db) {
  Run r = Claimgraph("stats --db " + db + " --format json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return ParseObject(r.out);
}

void RequireConsistent(const std::string& db) {
  Run r = Claimgraph("check --db " + db + " --format json");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  json report = ParseObject(r.out);
  CHECK(report["ok"] == true);
  CHECK(report["problems"].empty());
}

// Claims (JSON Lines) of `query ARGS` or `ask ARGS`, which must succeed.
std::vector<json> Claims(const std::string& command_and_args) {
  Run r = Claimgraph(command_and_args + " --format jsonl");
  INFO(command_and_args << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return testing::JsonLines(r.out);
}

std::set<std::string> Values(const std::vector<json>& claims, const json::json_pointer& field) {
  std::set<std::string> values;
  for (const json& c : claims) values.insert(c.at(field).get<std::string>());
  return values;
}
std::set<std::string> SubjectIds(const std::vector<json>& claims) {
  return Values(claims, json::json_pointer("/subject/id"));
}
std::set<std::string> DocIds(const std::vector<json>& claims) {
  return Values(claims, json::json_pointer("/doc_id"));
}
std::set<std::string> ClaimIds(const std::vector<json>& claims) {
  return Values(claims, json::json_pointer("/claim_id"));
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A store of the five seed articles, in a directory removed at the end.
class SeedStore {
 public:
  SeedStore() : db_(tmp_.path() + "/db") { Ingest(db_, SeedsDir()); }
  const std::string& db() const { return db_; }
  std::string Query(const std::string& args) const { return "query --db " + db_ + " " + args; }
  std::string Ask(const std::string& question) const {
    return "ask --db " + db_ + " \"" + question + "\"";
  }

 private:
  testing::TempDir tmp_;
  std::string db_;
};

const char kAmazonRevenue[] = "Amazon said revenue rose 5% to $10 billion in the quarter.";
const char kNvidiaRevenue[] = "Nvidia said revenue rose 7% to $30 billion in the quarter.";

}  // namespace

TEST_CASE("Ingesting the same documents twice changes nothing the second time", "[cli][store]") {
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/db";
  json first = Ingest(db, SeedsDir());
  CHECK(first["ingested"] == 5);
  CHECK(first["added"] == 5);
  CHECK(first["skipped"] == 0);
  CHECK(first["errors"] == 0);
  const uint64_t claims = first["claims"].get<uint64_t>();
  CHECK(claims > 0);
  json before = Stats(db);
  CHECK(before["documents"] == 5);
  CHECK(before["claims"] == claims);

  json second = Ingest(db, SeedsDir());
  CHECK(second["ingested"] == 0);
  CHECK(second["added"] == 0);
  CHECK(second["replaced"] == 0);
  CHECK(second["skipped"] == 5);
  CHECK(second["claims"] == 0);
  json after = Stats(db);
  for (const char* key : {"documents", "claims", "entities", "claims_by_kind", "claims_by_metric",
                          "claims_by_modality"}) {
    INFO(key);
    CHECK(after[key] == before[key]);
  }
  RequireConsistent(db);
}

TEST_CASE("A document ingested again with new text replaces its old claims", "[cli][store]") {
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/db";
  const std::string steady = DocLine("steady", "Microsoft said revenue rose 3% to $60 billion.");
  Ingest(db, WriteFile(tmp.path() + "/v1.jsonl", DocLine("d1", kAmazonRevenue) + steady));
  const std::vector<json> old_claims = Claims("query --db " + db + " --entity AMZN");
  REQUIRE(DocIds(old_claims) == std::set<std::string>{"d1"});

  const std::string v2 =
      WriteFile(tmp.path() + "/v2.jsonl", DocLine("d1", kNvidiaRevenue) + steady);
  json summary = Ingest(db, v2);
  CHECK(summary["replaced"] == 1);
  CHECK(summary["added"] == 0);
  CHECK(summary["skipped"] == 1);
  CHECK(summary["ingested"] == 1);

  CHECK(Claims("query --db " + db + " --entity AMZN").empty());
  const std::vector<json> new_claims = Claims("query --db " + db + " --entity NVDA");
  CHECK(DocIds(new_claims) == std::set<std::string>{"d1"});
  for (const std::string& id : ClaimIds(old_claims)) {
    Run gone = Claimgraph("show --db " + db + " " + id);
    INFO(id);
    CHECK(gone.exit_code == 1);
  }

  Run extracted = Claimgraph("extract " + v2);
  REQUIRE(extracted.exit_code == 0);
  json stats = Stats(db);
  CHECK(stats["documents"] == 2);
  CHECK(stats["claims"] == testing::JsonLines(extracted.out).size());
  RequireConsistent(db);
}

TEST_CASE("Bad documents in a batch are reported by file and line and the rest is stored",
          "[cli][store]") {
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/db";
  const std::string batch = WriteFile(tmp.path() + "/batch.jsonl",
                                      DocLine("good1", kAmazonRevenue) + "{broken\n" +
                                          DocLine("empty", "") + DocLine("good2", kNvidiaRevenue));
  Run r = Claimgraph("ingest --db " + db + " --no-progress --format json " + batch);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "batch.jsonl:2: malformed JSON"));
  CHECK(Contains(r.err, "batch.jsonl:3"));
  CHECK(Contains(r.err, "empty document"));
  json summary = ParseObject(r.out);
  CHECK(summary["ingested"] == 2);
  CHECK(summary["errors"] == 2);
  CHECK(Stats(db)["documents"] == 2);
  CHECK(Claimgraph("show --db " + db + " good1").exit_code == 0);
  CHECK(Claimgraph("show --db " + db + " good2").exit_code == 0);
  CHECK(Claimgraph("show --db " + db + " empty").exit_code == 1);
  RequireConsistent(db);
}

TEST_CASE("Query finds a company by ticker name or alias and includes its products unless exact",
          "[cli][store]") {
  SeedStore store;
  const std::vector<json> by_ticker = Claims(store.Query("--entity AMZN"));
  const std::vector<json> by_name = Claims(store.Query("--entity Amazon"));
  CHECK(ClaimIds(by_ticker) == ClaimIds(by_name));
  const std::set<std::string> subjects = SubjectIds(by_ticker);
  CHECK(subjects.count("AMZN") == 1);
  CHECK(subjects.count("AMZN/aws") == 1);
  CHECK(subjects.count("AMZN/trainium") == 1);
  for (const std::string& s : subjects) {
    INFO(s);
    CHECK((s == "AMZN" || StartsWith(s, "AMZN/")));
  }

  const std::vector<json> exact = Claims(store.Query("--entity AMZN --exact"));
  CHECK(SubjectIds(exact) == std::set<std::string>{"AMZN"});
  CHECK(exact.size() < by_ticker.size());

  CHECK(ClaimIds(Claims(store.Query("--entity Amazon.com"))) == ClaimIds(by_ticker));  // alias

  const std::vector<json> aws = Claims(store.Query("--entity AWS"));
  CHECK(SubjectIds(aws) == std::set<std::string>{"AMZN/aws"});
  CHECK(ClaimIds(Claims(store.Query("--entity \"amazon web services\""))) == ClaimIds(aws));

  const std::vector<json> trainium = Claims(store.Query("--entity Trainium"));
  CHECK(SubjectIds(trainium).count("AMZN/trainium") == 1);
  for (const std::string& s : SubjectIds(trainium)) {
    INFO(s);
    CHECK(StartsWith(s, "AMZN/trainium"));
  }
  CHECK(SubjectIds(Claims(store.Query("--entity Trainium --exact"))) ==
        std::set<std::string>{"AMZN/trainium"});

  Run unknown = Claimgraph(store.Query("--entity Zzyzx"));
  CHECK(unknown.exit_code == 1);
  CHECK(Contains(unknown.err, "unknown entity 'Zzyzx'"));
}

TEST_CASE("Query lines follow the claim schema and CSV has a header and quoted evidence",
          "[cli][store]") {
  SeedStore store;
  const std::vector<json> claims = Claims(store.Query("--entity AMZN"));
  REQUIRE_FALSE(claims.empty());
  const json schema =
      json::parse(testing::ReadFileOrFail(testing::SourceDir() + "/schemas/claim.schema.json"));
  for (const json& c : claims) {
    for (const json& key : schema["required"]) {
      INFO(c.dump() << "\nmissing " << key);
      CHECK(c.contains(key.get<std::string>()));
    }
    CHECK(c["subject"].contains("id"));
    CHECK(c["evidence"]["text"].is_string());
  }

  Run csv = Claimgraph(store.Query("--entity AMZN --format csv"));
  REQUIRE(csv.exit_code == 0);
  const std::string header = csv.out.substr(0, csv.out.find('\n'));
  CHECK(StartsWith(header, "claim_id,doc_id,kind,"));
  CHECK(Contains(header, ",evidence"));
  size_t quoted_fields = 0;
  for (const json& c : claims) {
    const std::string evidence = c["evidence"]["text"].get<std::string>();
    std::string field = evidence;
    if (evidence.find_first_of(",\"\n") != std::string::npos) {
      field = "\"";
      for (char ch : evidence) field += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      field += "\"";
      ++quoted_fields;
    }
    INFO(field);
    CHECK(Contains(csv.out, "\n" + c["claim_id"].get<std::string>() + ","));
    CHECK(Contains(csv.out, "," + field + "\n"));
  }
  CHECK(quoted_fields > 0);
}

TEST_CASE("Query rejects an unknown metric with near names and exit status 2", "[cli][store]") {
  SeedStore store;
  Run r = Claimgraph(store.Query("--metric revenu"));
  CHECK(r.exit_code == 2);
  CHECK(Contains(r.err, "unknown metric 'revenu'"));
  CHECK(Contains(r.err, "did you mean: revenue"));
  CHECK(r.out.empty());
  const std::vector<json> backlog = Claims(store.Query("--metric backlog"));
  REQUIRE_FALSE(backlog.empty());
  for (const json& c : backlog) CHECK(c["metric"] == "backlog");
}

TEST_CASE("Query since and until filter on the date a document was published", "[cli][store]") {
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/db";
  Ingest(db,
         WriteFile(tmp.path() + "/dated.jsonl",
                   DocLine("jan", kAmazonRevenue, "2026-01-15") +
                       DocLine("mar", "Amazon said revenue rose 6% to $11 billion.",
                               "2026-03-10T09:30:00Z") +
                       DocLine("jun", "Amazon said revenue rose 7% to $12 billion.", "2026-06-20") +
                       DocLine("undated", "Amazon said revenue rose 8% to $13 billion.")));
  auto docs = [&](const std::string& filters) {
    return DocIds(Claims("query --db " + db + " --entity AMZN " + filters));
  };
  using Set = std::set<std::string>;
  CHECK(docs("") == Set{"jan", "mar", "jun", "undated"});
  CHECK(docs("--since 2026-03-01") == Set{"mar", "jun"});
  CHECK(docs("--since 2026-03-10") == Set{"mar", "jun"});
  CHECK(docs("--until 2026-03-10") == Set{"jan", "mar"});
  CHECK(docs("--since 2026-02-01 --until 2026-04-01") == Set{"mar"});
  CHECK(docs("--since 2027-01-01").empty());
  Run bad = Claimgraph("query --db " + db + " --since 2026-13-45");
  CHECK(bad.exit_code == 2);
  CHECK(Contains(bad.err, "YYYY-MM-DD"));
}

TEST_CASE("Ask about AMZN chips answers with Amazon's chips from the seed articles",
          "[cli][store]") {
  SeedStore store;
  const std::vector<json> claims = Claims(store.Ask("what is claimed about AMZN chips"));
  REQUIRE_FALSE(claims.empty());
  CHECK(DocIds(claims).size() >= 4);
  const std::vector<std::string> chip_products = {"AMZN/trainium", "AMZN/inferentia",
                                                  "AMZN/graviton"};
  const std::vector<std::string> chip_words = {
      "chip", "silicon", "semiconductor", "accelerator", "processor", "cpu",
      "gpu",  "asic",    "trainium",      "inferentia",  "graviton"};
  size_t product_claims = 0;
  for (const json& c : claims) {
    const std::string subject =
        c["subject"]["id"].is_string() ? c["subject"]["id"].get<std::string>() : "";
    const std::string evidence = Lower(c["evidence"]["text"].get<std::string>());
    INFO(subject << ": " << evidence);
    bool product = false;
    for (const std::string& p : chip_products) product = product || StartsWith(subject, p);
    product_claims += product;
    if (product) continue;
    CHECK((subject == "AMZN" || subject == "AMZN/aws"));
    bool mentions_chips = false;
    for (const std::string& w : chip_words)
      mentions_chips = mentions_chips || Contains(evidence, w);
    CHECK(mentions_chips);
  }
  CHECK(product_claims > 0);

  Run table = Claimgraph(store.Ask("what is claimed about AMZN chips"));
  REQUIRE(table.exit_code == 0);
  CHECK(Contains(table.out, "understood: entity Amazon (AMZN); topic chips;"));
}

TEST_CASE("Ask answers the same from the term index as from reading every claim", "[cli][store]") {
  SeedStore store;
  // With other rules than the store's claims carry, the term index cannot
  // be trusted and `ask` reads every Amazon claim instead.
  testing::TempDir tmp;
  const std::string other = tmp.path() + "/schemas";
  std::filesystem::copy(testing::SourceDir() + "/schemas", other,
                        std::filesystem::copy_options::recursive);
  std::ofstream(other + "/rules.json", std::ios::app) << "\n";
  const json stats = Stats(store.db());
  REQUIRE(stats.contains("claims_by_ruleset"));
  REQUIRE(stats["claims_by_ruleset"].size() == 1);
  CHECK(stats["claims_by_ruleset"].begin().value() == stats["claims"]);
  for (const char* question : {"what is claimed about AMZN chips", "AWS chips", "Amazon cloud",
                               "Amazon models", "Nvidia gpus", "what is claimed about chips"}) {
    INFO(question);
    Run indexed = Claimgraph(store.Ask(question) + " --format jsonl --limit 0");
    Run scanned =
        Claimgraph("--schemas " + other + " " + store.Ask(question) + " --format jsonl --limit 0");
    REQUIRE(indexed.exit_code == 0);
    REQUIRE(scanned.exit_code == 0);
    CHECK_FALSE(indexed.out.empty());
    CHECK(indexed.out == scanned.out);
  }
}

TEST_CASE("Ask what Nvidia claims answers about Nvidia", "[cli][store]") {
  SeedStore store;
  Run table = Claimgraph(store.Ask("what does Nvidia claim"));
  INFO(table.err);
  REQUIRE(table.exit_code == 0);
  CHECK(Contains(table.out, "understood: entity Nvidia (NVDA);"));
  const std::vector<json> claims = Claims(store.Ask("what does Nvidia claim"));
  REQUIRE_FALSE(claims.empty());
  CHECK(SubjectIds(claims).count("NVDA") == 1);
  for (const json& c : claims) {
    const std::string subject = c["subject"]["id"].get<std::string>();
    INFO(c.dump());
    CHECK((subject == "NVDA" || StartsWith(subject, "NVDA/") || c["speaker"].is_object()));
  }
}

TEST_CASE("Ask about Trainium3 since a date keeps only documents published since then",
          "[cli][store]") {
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/db";
  const std::vector<std::string> dates = {"2025-12-01", "2026-01-01", "2026-01-20", "2025-11-02",
                                          "2026-02-15"};
  const std::vector<std::string> seeds = SeedPaths();
  REQUIRE(seeds.size() == dates.size());
  std::string lines;
  for (size_t i = 0; i < seeds.size(); ++i) {
    lines += DocLine("seed-" + dates[i], testing::ReadFileOrFail(seeds[i]), dates[i]);
  }
  Ingest(db, WriteFile(tmp.path() + "/seeds.jsonl", lines));
  auto ask = [&](const std::string& q) { return Claims("ask --db " + db + " \"" + q + "\""); };

  const std::vector<json> all = ask("claims about Trainium3");
  CHECK(SubjectIds(all) == std::set<std::string>{"AMZN/trainium3"});
  CHECK(DocIds(all).count("seed-2025-12-01") == 1);  // so the date filter has work to do

  const std::vector<json> since = ask("claims about Trainium3 since 2026-01-01");
  REQUIRE_FALSE(since.empty());
  CHECK(SubjectIds(since) == std::set<std::string>{"AMZN/trainium3"});
  for (const std::string& doc : DocIds(since)) {
    INFO(doc);
    CHECK(doc.substr(5) >= "2026-01-01");
  }
  CHECK(DocIds(since).count("seed-2026-01-01") == 1);  // the day itself is included
}

TEST_CASE("Ask says what it did not understand in a question it cannot answer", "[cli][store]") {
  SeedStore store;
  Run r = Claimgraph(store.Ask("zxqv blorf wibble"));
  CHECK(r.exit_code != 0);
  CHECK(Contains(r.err, "zxqv"));
  CHECK(Contains(r.err, "no company, product or topic recognized"));
  CHECK(r.out.empty());
}

TEST_CASE("Show prints a claim with its evidence and document", "[cli][store]") {
  SeedStore store;
  const std::vector<json> backlog = Claims(store.Query("--metric backlog"));
  REQUIRE_FALSE(backlog.empty());
  const json& claim = backlog.front();
  Run r = Claimgraph("show --db " + store.db() + " " + claim["claim_id"].get<std::string>());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(StartsWith(r.out, "claim " + claim["claim_id"].get<std::string>()));
  CHECK(Contains(r.out, "metric     backlog"));
  CHECK(Contains(r.out, "document   " + claim["doc_id"].get<std::string>()));
  CHECK(Contains(r.out, "evidence   \"" + claim["evidence"]["text"].get<std::string>() + "\""));

  Run j = Claimgraph("show --db " + store.db() + " --format json " +
                     claim["claim_id"].get<std::string>());
  REQUIRE(j.exit_code == 0);
  CHECK(ParseObject(j.out) == claim);
}

TEST_CASE("Show marks a document's evidence sentences when output is not a terminal",
          "[cli][store]") {
  SeedStore store;
  const std::string doc = "002_ae4ab1cda1a06cd6.txt";
  Run r = Claimgraph("show --db " + store.db() + " " + doc);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(StartsWith(r.out, "document " + doc));
  CHECK(Contains(r.out, "[[1: "));
  CHECK(Contains(r.out, "]]"));
  CHECK_FALSE(Contains(r.out, "\033["));
  Run j = Claimgraph("show --db " + store.db() + " --format json " + doc);
  REQUIRE(j.exit_code == 0);
  const std::vector<json> claims = testing::JsonLines(j.out);
  REQUIRE_FALSE(claims.empty());
  CHECK(DocIds(claims) == std::set<std::string>{doc});
  for (const json& c : claims) {
    INFO(c["evidence"]["text"]);
    CHECK(Contains(r.out, c["evidence"]["text"].get<std::string>() + "]]"));
    CHECK(Contains(r.out, c["claim_id"].get<std::string>()));
  }
  CHECK(Contains(r.out, std::to_string(claims.size()) + " claims"));
}

TEST_CASE("Show of an unknown id exits 1 with a clear message", "[cli][store]") {
  SeedStore store;
  Run r = Claimgraph("show --db " + store.db() + " nonexistent");
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "no claim or document with id 'nonexistent'"));
  CHECK(r.out.empty());
}

TEST_CASE("Stats reports documents and claims as ingested", "[cli][store]") {
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/db";
  json summary = Ingest(db, SeedsDir());
  json stats = Stats(db);
  CHECK(stats["documents"] == 5);
  CHECK(stats["claims"] == summary["claims"]);
  uint64_t by_kind = 0;
  for (const auto& [kind, n] : stats["claims_by_kind"].items()) by_kind += n.get<uint64_t>();
  CHECK(by_kind == stats["claims"].get<uint64_t>());
  Run table = Claimgraph("stats --db " + db);
  REQUIRE(table.exit_code == 0);
  CHECK(Contains(table.out, "claims by kind:"));
}

TEST_CASE("Readers on a missing store exit 1 and say to run ingest", "[cli][store]") {
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/missing";
  for (const std::string& command :
       {std::string("stats"), std::string("query --entity AMZN"), std::string("check"),
        std::string("show abc"), std::string("ask \"what does Nvidia claim\"")}) {
    Run r = Claimgraph(command + " --db " + db);
    INFO(command << ": " << r.err);
    CHECK(r.exit_code == 1);
    CHECK(Contains(r.err, "no claimgraph store at " + db));
    CHECK(Contains(r.err, "claimgraph ingest --db " + db));
  }
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("A directory that is not a store is refused and left untouched", "[cli][store]") {
  testing::TempDir tmp;
  const std::string dir = tmp.path() + "/notes";
  std::filesystem::create_directory(dir);
  WriteFile(dir + "/random.txt", "my notes\n");
  const std::string input = WriteFile(tmp.path() + "/doc.jsonl", DocLine("d1", kAmazonRevenue));

  Run writer = Claimgraph("ingest --db " + dir + " --no-progress " + input);
  CHECK(writer.exit_code == 1);
  CHECK(Contains(writer.err, dir + " exists and is not a claimgraph store"));
  for (const std::string& command : {std::string("stats"), std::string("query --entity AMZN")}) {
    Run reader = Claimgraph(command + " --db " + dir);
    INFO(command << ": " << reader.err);
    CHECK(reader.exit_code == 1);
    CHECK(Contains(reader.err, dir));
  }

  std::vector<std::string> entries;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    entries.push_back(e.path().filename().string());
  }
  CHECK(entries == std::vector<std::string>{"random.txt"});
  CHECK(testing::ReadFileOrFail(dir + "/random.txt") == "my notes\n");
}

}  // namespace claimgraph::store_cli_test
