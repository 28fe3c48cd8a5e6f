// `claimgraph rebuild` with real processes on real stores: what it
// re-extracts, the diff it reports, the snapshot commands read, and that a
// rebuild killed with SIGKILL leaves the previous generation serving while
// readers never see a half-built one.
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_run.h"
#include "store_dump.h"
#include "test_paths.h"

namespace claimgraph::rebuild_test {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Claimgraph;
using testing::ClaimgraphProcess;
using testing::Run;

// Bound of the loops that poll a running rebuild (a count, not a timer).
constexpr int kMaxPolls = 20000;

json RunJson(const std::string& args) {
  Run r = Claimgraph(args);
  INFO(args << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  json j = json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

json Rebuild(const std::string& db, const std::string& extra = "") {
  return RunJson("rebuild --db " + db + " --format json --no-progress " + extra);
}

json Stats(const std::string& db) { return RunJson("stats --format json --db " + db); }

void IngestSeeds(const std::string& db) {
  Run r = Claimgraph("ingest --no-progress --db " + db + " " + testing::SourceDir() +
                     "/corpus/articles");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// A JSONL document from `source` putting Amazon's backlog at `backlog`
// (the dollar figure as written, in billions).
std::string BacklogDoc(const std::string& id, const std::string& source,
                       const std::string& backlog) {
  return json{{"id", id},
              {"source", source},
              {"published", "2026-05-01"},
              {"text", "Amazon said its backlog reached $" + backlog +
                           " billion at the end of the quarter."}}
             .dump() +
         "\n";
}

void IngestText(const std::string& db, const std::string& jsonl) {
  Run r = Claimgraph("ingest --no-progress --db " + db + " -", jsonl);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// `n` generated documents as one JSON Lines text.
std::string GeneratedCorpus(size_t n) {
  std::string corpus;
  for (const std::string& line : testing::SeedCorpusLines(n)) corpus += line;
  return corpus;
}

// The claims joined to `claim_id` by a contradicts edge, per `graph neighbors`.
std::vector<std::string> Contradicting(const std::string& db, const std::string& claim_id) {
  Run r = Claimgraph("graph neighbors --edge contradicts --format jsonl --db " + db +
                     " claim:" + claim_id);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> ids;
  for (const json& j : testing::JsonLines(r.out)) ids.push_back(j["id"].get<std::string>());
  return ids;
}

// A copy of schemas/ with one metric synonym added: a different ruleset.
std::string ChangedSchemas(const std::string& dir) {
  fs::copy(testing::SourceDir() + "/schemas", dir, fs::copy_options::recursive);
  const std::string path = dir + "/metrics.json";
  std::string text = testing::ReadFileOrFail(path);
  const std::string anchor = "\"synonyms\": [\"revenue\", ";
  const size_t at = text.find(anchor);
  REQUIRE(at != std::string::npos);
  text.insert(at + anchor.size(), "\"takings\", ");
  std::ofstream(path, std::ios::trunc) << text;
  return dir;
}

}  // namespace

TEST_CASE("Rebuild re-extracts what the rules changed and reports what changed since the last run",
          "[cli][rebuild][parallel]") {
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/db";
  IngestSeeds(db);
  CHECK(Stats(db)["generation"] == 1);
  CHECK(Stats(db)["snapshot"] == "none");

  json first = Rebuild(db);
  CHECK(first["generation"] == 2);
  CHECK(first["reextracted"] == 0);  // ingested with these very rules
  CHECK(first["current"] == 5);
  CHECK(first["into"] == "copy");  // nothing to re-extract: a copy
  CHECK(first["has_previous"] == false);
  CHECK(first["claims"] == Stats(db)["claims"]);
  CHECK(first["contradictions"].get<int>() >= 1);  // the seeds' backlog conflict
  CHECK(first["graph_vertices"].get<int>() > 50);
  json stats = Stats(db);
  CHECK(stats["generation"] == 2);
  CHECK(stats["snapshot"] == "current");

  json again = Rebuild(db);
  CHECK(again["generation"] == 3);
  CHECK(again["has_previous"] == true);
  CHECK(again["claims_added"] == 0);
  CHECK(again["claims_removed"] == 0);
  CHECK(again["new_contradictions_count"] == 0);
  CHECK(again["resolved_count"] == 0);
  CHECK_FALSE(fs::exists(db + "/gen-000001"));  // two generations are kept, no more
  CHECK(fs::exists(db + "/gen-000002"));

  const std::string schemas = ChangedSchemas(tmp.path() + "/schemas");
  json changed =
      RunJson("--schemas " + schemas + " rebuild --db " + db + " --format json --no-progress");
  CHECK(changed["reextracted"] == 5);
  CHECK(changed["current"] == 0);
  CHECK(changed["into"] == "empty");  // every claim from other rules: written anew
  json full = Rebuild(db, "--full");
  CHECK(full["reextracted"] == 5);
  CHECK(full["claims"] == first["claims"]);
  CHECK(full["into"] == "empty");

  // Two wires disagree: a new contradiction; one corrects itself: resolved.
  IngestText(db, BacklogDoc("wire-a", "Wire A", "100") + BacklogDoc("wire-b", "Wire B", "300"));
  json added = Rebuild(db);
  CHECK(added["claims_added"] == 2);
  CHECK(added["claims_removed"] == 0);
  REQUIRE(added["new_contradictions_count"] == 1);
  const json& found = added["new_contradictions"][0];
  CHECK(found["subject"] == "AMZN");
  CHECK(found["metric"] == "backlog");
  CHECK(found["explanation"].get<std::string>().find("Wire B") != std::string::npos);
  IngestText(db, BacklogDoc("wire-b", "Wire B", "100.0"));  // a new value span: a new claim id
  json resolved = Rebuild(db);
  CHECK(resolved["claims_added"] == 1);
  CHECK(resolved["claims_removed"] == 1);
  CHECK(resolved["new_contradictions_count"] == 0);
  CHECK(resolved["resolved_count"] == 1);
  Run check = Claimgraph("check --db " + db);
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
}

TEST_CASE("Commands answer from the rebuild's snapshot and from the store once it changed",
          "[cli][rebuild]") {
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/db";
  IngestSeeds(db);
  Rebuild(db);
  Run fresh = Claimgraph("contradictions --format jsonl --db " + db);
  REQUIRE(fresh.exit_code == 0);
  CHECK(fresh.err.find("snapshot") == std::string::npos);
  const std::vector<json> conflicts = testing::JsonLines(fresh.out);
  const size_t before = conflicts.size();
  REQUIRE(before >= 1);
  // The graph snapshot carries the analysis: conflicting claims are linked.
  const std::string a = conflicts[0]["a"]["claim_id"].get<std::string>();
  const std::string b = conflicts[0]["b"]["claim_id"].get<std::string>();
  CHECK(Contradicting(db, a) == std::vector<std::string>{"claim:" + b});

  // A corrupted snapshot is reported and the answer computed from the store.
  const std::string analysis = db + "/gen-000002/snapshot/analysis.bin";
  REQUIRE(fs::exists(analysis));
  std::ofstream(analysis, std::ios::trunc) << "{not an analysis";
  Run corrupt = Claimgraph("contradictions --format jsonl --db " + db);
  CHECK(corrupt.exit_code == 0);
  CHECK(corrupt.err.find("analysis.bin") != std::string::npos);
  CHECK(testing::JsonLines(corrupt.out).size() == before);

  // consistency reads the small scores file; damaged, it is reported too.
  Run scores = Claimgraph("consistency --format jsonl --db " + db);
  REQUIRE(scores.exit_code == 0);
  CHECK(scores.err.empty());
  std::ofstream(db + "/gen-000002/snapshot/sources.bin", std::ios::trunc) << "{bad";
  Run scores_again = Claimgraph("consistency --format jsonl --db " + db);
  CHECK(scores_again.exit_code == 0);
  CHECK(scores_again.err.find("sources.bin") != std::string::npos);
  CHECK(testing::JsonLines(scores_again.out) == testing::JsonLines(scores.out));

  // A rebuild cannot diff against a damaged previous run: it fails naming
  // the file, and the previous generation keeps serving.
  Run damaged = Claimgraph("rebuild --no-progress --db " + db);
  CHECK(damaged.exit_code == 1);
  CHECK(damaged.err.find("analysis.bin") != std::string::npos);
  CHECK(testing::ReadFileOrFail(db + "/SNAPSHOT") == "gen-000002\n");
  CHECK(Stats(db)["snapshot"] == "current");

  // After an ingest the snapshot is stale: the store is analyzed instead,
  // so the new document's contradiction shows at once.
  IngestText(db, BacklogDoc("wire-a", "Wire A", "100") + BacklogDoc("wire-b", "Wire B", "300"));
  Run stale = Claimgraph("contradictions --format jsonl --db " + db);
  CHECK(stale.exit_code == 0);
  CHECK(stale.err.find("changed since the last rebuild") != std::string::npos);
  CHECK(testing::JsonLines(stale.out).size() > before);
  CHECK(Stats(db)["snapshot"] == "stale");
  // A graph built on the spot carries the links too.
  CHECK(Contradicting(db, a) == std::vector<std::string>{"claim:" + b});
}

TEST_CASE("A rebuild into an empty generation writes the store and snapshot a copy would",
          "[cli][rebuild]") {
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/db";
  // Two rulesets: the seeds under changed rules (re-extracted), generated
  // documents and the conflicts corpus under the current ones (kept).
  const std::string schemas = ChangedSchemas(tmp.path() + "/schemas");
  Run seeds = Claimgraph("--schemas " + schemas + " ingest --no-progress --db " + db + " " +
                         testing::SourceDir() + "/corpus/articles");
  INFO(seeds.err);
  REQUIRE(seeds.exit_code == 0);
  const size_t n = 60;
  IngestText(db, GeneratedCorpus(n));
  Run conflicts = Claimgraph("ingest --no-progress --db " + db + " " + testing::SourceDir() +
                             "/corpus/conflicts/0*.jsonl " + testing::SourceDir() +
                             "/corpus/conflicts/1*.jsonl");
  INFO(conflicts.err);
  REQUIRE(conflicts.exit_code == 0);
  const std::string copy = tmp.path() + "/copy", empty = tmp.path() + "/empty";
  fs::copy(db, copy, fs::copy_options::recursive);
  fs::copy(db, empty, fs::copy_options::recursive);
  const uint64_t documents = Stats(db)["documents"].get<uint64_t>();

  auto same_snapshot = [](const std::string& a, const std::string& b) {
    for (const char* file : {"analysis.bin", "sources.bin", "graph.bin", "claim_ids.bin"}) {
      INFO(file);
      const std::string want = testing::ReadFileOrFail(a + "/snapshot/" + file);
      CHECK(want.size() > 0);
      CHECK(want == testing::ReadFileOrFail(b + "/snapshot/" + file));
    }
  };
  auto generation_dir = [](const std::string& store, const json& report) {
    char name[32];
    std::snprintf(name, sizeof(name), "/gen-%06d", report["generation"].get<int>());
    return store + name;
  };

  SECTION("rules changed for some documents: the rest are carried over as stored") {
    json by_copy = Rebuild(copy, "--into copy");
    // Tiny chunks: many loads stacked over each other, then compacted.
    json by_empty = Rebuild(empty, "--into empty --chunk-mb 0.02");
    CHECK(by_copy["into"] == "copy");
    CHECK(by_empty["into"] == "empty");
    CHECK(by_empty["chunks"].get<int>() > 3);
    CHECK(by_empty["reextracted"] == 5);
    CHECK(by_copy["reextracted"] == 5);
    CHECK(by_empty["current"] == documents - 5);
    CHECK(by_empty["claims"] == by_copy["claims"]);
    CHECK(by_empty["contradictions"].get<int>() >= 1);
    CHECK(by_empty["contradictions"] == by_copy["contradictions"]);
    testing::RequireEqualStores(testing::DumpStore(copy), testing::DumpStore(empty));
    same_snapshot(generation_dir(copy, by_copy), generation_dir(empty, by_empty));
    // The merged runs went straight to the bottom level with sequence
    // number 0: nothing stacked in level 0 for readers to merge, and no
    // reason for RocksDB to rewrite them ("default" holds the format
    // marker, flushed on its own).
    const std::vector<testing::TableFileInfo> files = testing::TableFiles(empty);
    CHECK(files.size() > 10);
    for (const testing::TableFileInfo& f : files) {
      INFO(f.family << " level " << f.level);
      if (f.family == "default") continue;
      CHECK(f.level == 6);
      CHECK(f.largest_seqno == 0);
    }
    Run check = Claimgraph("check --db " + empty);
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    // The carried-over documents keep their claims: a second rebuild finds
    // nothing to re-extract and nothing changed.
    json again = Rebuild(empty);
    CHECK(again["reextracted"] == 0);
    CHECK(again["claims_added"] == 0);
    CHECK(again["claims_removed"] == 0);
  }

  SECTION("--full, on two threads") {
    json by_copy = Rebuild(copy, "--full --into copy --threads 2");
    json by_empty = Rebuild(empty, "--full --threads 2 --chunk-mb 0.05");
    CHECK(by_empty["into"] == "empty");
    CHECK(by_empty["reextracted"] == documents);
    CHECK(by_empty["current"] == 0);
    CHECK(by_empty["chunks"].get<int>() > 1);
    testing::RequireEqualStores(testing::DumpStore(copy), testing::DumpStore(empty));
    same_snapshot(generation_dir(copy, by_copy), generation_dir(empty, by_empty));
    Run query = Claimgraph("query --entity AMZN --format jsonl --db " + empty);
    CHECK(query.exit_code == 0);
    CHECK(testing::JsonLines(query.out).size() > 10);
  }
}

TEST_CASE("A rebuild into an empty generation that cannot write its chunks changes nothing",
          "[cli][rebuild]") {
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/db";
  IngestText(db, GeneratedCorpus(200));
  json base = Rebuild(db);
  REQUIRE(base["generation"] == 2);
  const json before = Stats(db);

  // ulimit -f 64: no file may grow past 64 KB, as if the disk filled up
  // while the chunks' table files were written.
  const std::string out = tmp.path() + "/out", err = tmp.path() + "/err";
  const std::string cmd = "bash -c 'ulimit -f 64; exec " + testing::BinaryPath() +
                          " rebuild --full --no-progress --chunk-mb 1 --db " + db + "' >" + out +
                          " 2>" + err;
  const int status = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
  const std::string errors = testing::ReadFileOrFail(err);
  INFO(errors);
  CHECK(errors.find("File too large") != std::string::npos);
  CHECK(std::count(errors.begin(), errors.end(), '\n') <= 3);  // not one line per document

  json after = Stats(db);
  CHECK(after["generation"] == 2);  // the previous generation still serves
  CHECK(after["snapshot"] == "current");
  CHECK(after["documents"] == before["documents"]);
  CHECK(after["claims"] == before["claims"]);
  for (const auto& e : fs::directory_iterator(db)) {
    INFO(e.path());
    CHECK(e.path().filename().string().rfind("bulk-", 0) != 0);  // temporary files removed
  }
  CHECK(Claimgraph("check --db " + db).exit_code == 0);
  json again = Rebuild(db, "--full");
  CHECK(again["generation"] == 3);
  CHECK(again["claims"] == before["claims"]);
}

TEST_CASE("A rebuild killed with SIGKILL leaves the previous generation serving",
          "[cli][rebuild][slow]") {
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/db";
  const size_t n = 1500;
  IngestText(db, GeneratedCorpus(n));
  json base = Rebuild(db);
  REQUIRE(base["generation"] == 2);

  // Kill points: as soon as the new generation exists; once re-extraction
  // has written to the log of a copy, or has finished into an empty
  // generation (its chunks being merged and loaded); and once its snapshot
  // directory exists.
  const std::string next = db + "/gen-000003";
  auto has_file = [&](const std::string& extension, uintmax_t min_size) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(next + "/db", ec)) {
      if (e.path().extension() == extension && e.file_size(ec) >= min_size) return true;
    }
    return false;
  };
  struct KillPoint {
    std::string name;
    std::vector<std::string> options;
    std::function<bool()> reached;
  };
  const std::vector<KillPoint> points = {
      {"staging", {}, [&] { return fs::exists(next); }},
      {"extracting into a copy", {"--into", "copy"}, [&] { return has_file(".log", 64u << 10); }},
      // An empty generation has no table file until re-extraction ends:
      // then the format marker is flushed and the merged chunks loaded.
      {"merging chunks", {"--chunk-mb", "0.5"}, [&] { return has_file(".sst", 0); }},
      {"snapshot", {}, [&] { return fs::exists(next + "/snapshot"); }}};
  for (const auto& [name, options, reached] : points) {
    DYNAMIC_SECTION("killed while " << name) {
      std::vector<std::string> args = {"rebuild", "--db", db, "--full", "--no-progress"};
      args.insert(args.end(), options.begin(), options.end());
      ClaimgraphProcess rebuild(args, tmp.path());
      int polls = 0;
      while (rebuild.Running() && !reached() && ++polls < kMaxPolls) usleep(1000);
      REQUIRE(polls < kMaxPolls);
      rebuild.Kill();
      rebuild.Wait();

      json stats = Stats(db);
      CHECK(stats["documents"] == n);
      if (name != "snapshot") {
        CHECK(stats["generation"] == 2);  // the previous generation still serves
      }
      if (stats["generation"] == 2) {
        CHECK(stats["snapshot"] == "current");  // with its snapshot
      } else {
        CHECK(stats["generation"] == 3);  // it finished before the kill landed
      }
      Run check = Claimgraph("check --db " + db);
      INFO(check.out << check.err);
      CHECK(check.exit_code == 0);
      Run contradictions = Claimgraph("contradictions --format jsonl --db " + db);
      CHECK(contradictions.exit_code == 0);

      json done = Rebuild(db);  // running it again completes the job
      CHECK(done["documents"] == n);
      CHECK(Stats(db)["snapshot"] == "current");
      CHECK(Claimgraph("check --db " + db).exit_code == 0);
    }
  }
}

TEST_CASE("Readers during a rebuild see one whole generation at a time",
          "[cli][rebuild][slow][parallel]") {
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/db";
  const size_t n = 1500;
  IngestText(db, GeneratedCorpus(n));
  const json before = Stats(db);
  ClaimgraphProcess rebuild({"rebuild", "--db", db, "--full", "--no-progress"}, tmp.path());
  int runs = 0;
  int last_generation = 1;
  bool saw_old = false, saw_new = false;
  while (++runs < 400) {
    const bool was_running = rebuild.Running();
    json stats = Stats(db);  // REQUIREs exit 0
    const int generation = stats["generation"].get<int>();
    CHECK(generation >= last_generation);  // never back to an older one
    last_generation = generation;
    CHECK(stats["documents"] == before["documents"]);
    CHECK(stats["claims"] == before["claims"]);  // same rules: same claims, whole
    saw_old |= generation == 1;
    if (generation == 2) {
      saw_new = true;
      CHECK(stats["snapshot"] == "current");  // published only once complete
    }
    if (!was_running) break;
  }
  CHECK(saw_old);  // readers answered while the rebuild ran
  CHECK(saw_new);
}

}  // namespace claimgraph::rebuild_test
