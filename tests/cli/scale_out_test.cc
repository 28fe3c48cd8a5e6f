// The scale-out path run locally with real processes: concurrent
// `extract --with-documents` map tasks, partitioning by doc-id range,
// `sst` per partition, `load-sst` of every shard; and `ingest --bulk`.
// Each store must equal, key for key in every column family, the store one
// `claimgraph ingest` builds from the same input files.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_run.h"
#include "store_dump.h"
#include "test_paths.h"

namespace claimgraph::scale_out_test {

namespace {

using nlohmann::json;
using testing::Claimgraph;
using testing::ClaimgraphProcess;
using testing::DumpStore;
using testing::FamilyKeys;
using testing::RequireEqualStores;
using testing::Run;
using testing::StoreDump;
using testing::TempDir;

constexpr size_t kShards = 3;

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l.back() == '\n' ? l : l + "\n";
  return out;
}

// The seed corpus plus corpus/conflicts, split into kShards input files
// (round robin, so every shard spans the whole id range). Returns the
// paths.
std::vector<std::string> WriteInputShards(const std::string& dir, size_t seed_docs) {
  std::vector<std::string> lines = testing::SeedCorpusLines(seed_docs);
  std::vector<std::string> files;
  for (const auto& e :
       std::filesystem::directory_iterator(testing::SourceDir() + "/corpus/conflicts")) {
    if (e.path().filename() != "expected.jsonl") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    std::ifstream in(f);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) lines.push_back(line);
    }
  }
  std::vector<std::string> shards(kShards), paths;
  for (size_t i = 0; i < lines.size(); ++i) shards[i % kShards] += Lines({lines[i]});
  for (size_t k = 0; k < kShards; ++k) {
    paths.push_back(dir + "/input-" + std::to_string(k) + ".jsonl");
    WriteFile(paths.back(), shards[k]);
  }
  return paths;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += " " + p;
  return out;
}

// Runs one map task per input concurrently; returns their outputs.
std::vector<std::string> MapConcurrently(const std::string& dir,
                                         const std::vector<std::string>& inputs) {
  std::vector<std::unique_ptr<ClaimgraphProcess>> tasks;
  for (size_t k = 0; k < inputs.size(); ++k) {
    const std::string task_dir = dir + "/map-" + std::to_string(k);
    std::filesystem::create_directories(task_dir);
    tasks.push_back(std::make_unique<ClaimgraphProcess>(
        std::vector<std::string>{"extract", "--with-documents", inputs[k]}, task_dir));
  }
  std::vector<std::string> outputs;
  for (auto& task : tasks) {
    const int status = task->Wait();
    INFO(task->Err());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    outputs.push_back(task->Out());
  }
  return outputs;
}

// The shuffle: every document line and the claim lines after it go to the
// partition of its doc-id range; `bounds` are the first ids of partitions
// 1, 2, ... Returns the partition files.
std::vector<std::string> Partition(const std::string& dir, const std::vector<std::string>& mapped,
                                   const std::vector<std::string>& bounds) {
  std::vector<std::string> parts(bounds.size() + 1);
  for (const std::string& output : mapped) {
    std::istringstream in(output);
    size_t current = 0;
    for (std::string line; std::getline(in, line);) {
      json j = json::parse(line);
      if (j.contains("document")) {
        const std::string id = j["document"]["id"].get<std::string>();
        current = static_cast<size_t>(std::upper_bound(bounds.begin(), bounds.end(), id) -
                                      bounds.begin());
      }
      parts[current] += line + "\n";
    }
  }
  std::vector<std::string> paths;
  for (size_t p = 0; p < parts.size(); ++p) {
    paths.push_back(dir + "/partition-" + std::to_string(p) + ".jsonl");
    WriteFile(paths.back(), parts[p]);
  }
  return paths;
}

Run MustRun(const std::string& args, const std::string& stdin_text = "") {
  Run r = Claimgraph(args, stdin_text);
  INFO(args << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

// A shard directory of the given documents, through extract and sst.
std::string MakeShard(const std::string& dir, const std::string& name,
                      const std::vector<std::string>& docs) {
  const std::string input = dir + "/" + name + ".jsonl";
  WriteFile(input, Lines(docs));
  const std::string mapped = dir + "/" + name + ".mapped";
  WriteFile(mapped, MustRun("extract --with-documents " + input).out);
  const std::string out = dir + "/" + name;
  MustRun("sst --out " + out + " " + mapped);
  return out;
}

}  // namespace

TEST_CASE("shards mapped and loaded with load-sst equal one ingest of the same files",
          "[scale][cli]") {
  TempDir tmp;
  const std::string& dir = tmp.path();
  const std::vector<std::string> inputs = WriteInputShards(dir, 90);
  MustRun("ingest --no-progress --db " + dir + "/single" + Join(inputs));
  const StoreDump single = DumpStore(dir + "/single");
  REQUIRE(FamilyKeys(single, "documents") > 90);
  REQUIRE(FamilyKeys(single, "claims") > 90);
  REQUIRE(FamilyKeys(single, "by_term") > 0);  // the seeds say "chips": terms travel too

  const std::vector<std::string> partitions =
      Partition(dir, MapConcurrently(dir, inputs), {"doc-00030", "doc-00060"});
  std::vector<std::unique_ptr<ClaimgraphProcess>> reducers;
  std::vector<std::string> shard_dirs;
  for (size_t p = 0; p < partitions.size(); ++p) {
    shard_dirs.push_back(dir + "/shard-" + std::to_string(p));
    const std::string task_dir = dir + "/reduce-" + std::to_string(p);
    std::filesystem::create_directories(task_dir);
    reducers.push_back(std::make_unique<ClaimgraphProcess>(
        std::vector<std::string>{"sst", "--format", "json", "--out", shard_dirs.back(),
                                 partitions[p]},
        task_dir));
  }
  uint64_t keys = 0;
  for (auto& reducer : reducers) {
    const int status = reducer->Wait();
    INFO(reducer->Err());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    const json summary = json::parse(reducer->Out());
    CHECK(summary["documents"].get<uint64_t>() > 0);
    keys += summary["keys"].get<uint64_t>();
  }
  const Run load = MustRun("load-sst --format json --db " + dir + "/loaded" + Join(shard_dirs));
  const json summary = json::parse(load.out);
  CHECK(summary["shards"] == kShards);
  CHECK(summary["documents"] == FamilyKeys(single, "documents"));
  CHECK(summary["keys"] == keys);

  const StoreDump loaded = DumpStore(dir + "/loaded");
  RequireEqualStores(single, loaded);
  RequireEqualStores(loaded, single);
  CHECK(MustRun("check --db " + dir + "/loaded").exit_code == 0);
}

TEST_CASE("ingest --bulk builds the store one ingest builds and keeps its semantics",
          "[scale][cli][parallel]") {
  TempDir tmp;
  const std::string& dir = tmp.path();
  std::vector<std::string> inputs = WriteInputShards(dir, 60);
  // A document given again, changed, after the rest: the later version is
  // the one kept, though the first went to a chunk already on disk.
  json twice = json::parse(testing::SeedCorpusLines(60)[10]);
  twice["text"] = twice["text"].get<std::string>() + " Capex rose 40% to $9 billion.";
  WriteFile(dir + "/twice.jsonl", twice.dump() + "\n");
  inputs.push_back(dir + "/twice.jsonl");
  MustRun("ingest --no-progress --db " + dir + "/single" + Join(inputs));
  // Small chunks: many sorted runs on disk, merged at the end.
  const Run bulk = MustRun("ingest --bulk --chunk-mb 0.05 --no-progress --format json --db " + dir +
                           "/bulk" + Join(inputs));
  RequireEqualStores(DumpStore(dir + "/single"), DumpStore(dir + "/bulk"));
  CHECK(json::parse(bulk.out)["added"] == FamilyKeys(DumpStore(dir + "/single"), "documents"));
  CHECK(json::parse(bulk.out)["replaced"] == 1);
  CHECK(MustRun("check --db " + dir + "/bulk").exit_code == 0);
  // No temporary directory is left in the store directory.
  for (const auto& e : std::filesystem::directory_iterator(dir + "/bulk")) {
    CHECK(e.path().filename().string().rfind("bulk-", 0) != 0);
  }

  // Again on a store holding part of the input, one document of it changed:
  // unchanged ones are skipped, the changed one replaced, the rest added.
  std::vector<std::string> changed = testing::SeedCorpusLines(60);
  json doc = json::parse(changed[5]);
  doc["text"] = doc["text"].get<std::string>() + " Revenue rose 12% to $4 billion.";
  const std::string first = dir + "/first.jsonl", edited = dir + "/edited.jsonl";
  WriteFile(first, Lines({changed[4], changed[5]}));
  WriteFile(edited, Lines({changed[4], doc.dump()}));
  MustRun("ingest --no-progress --db " + dir + "/mixed " + first);
  const json mixed = json::parse(MustRun("ingest --bulk --no-progress --format json --db " + dir +
                                         "/mixed " + edited + Join(inputs))
                                     .out);
  CHECK(mixed["skipped"] >= 1);
  CHECK(mixed["replaced"] >= 1);
  MustRun("ingest --no-progress --db " + dir + "/single2 " + first + " " + edited + Join(inputs));
  RequireEqualStores(DumpStore(dir + "/single2"), DumpStore(dir + "/mixed"));
}

TEST_CASE("load-sst refuses a missing foreign or damaged shard and loads nothing", "[scale][cli]") {
  TempDir tmp;
  const std::string& dir = tmp.path();
  const std::vector<std::string> docs = testing::SeedCorpusLines(12);
  const std::string db = dir + "/db";
  MustRun("ingest --no-progress --db " + db + " -", Lines({docs[0], docs[1]}));
  const std::string good = MakeShard(dir, "good", {docs[2], docs[3], docs[4]});
  const StoreDump before = DumpStore(db);

  auto refused = [&](const std::string& dirs, const std::string& named) {
    const Run r = Claimgraph("load-sst --db " + db + " " + dirs);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(named) != std::string::npos);
    RequireEqualStores(before, DumpStore(db));
  };
  SECTION("a missing directory") { refused(good + " " + dir + "/nowhere", dir + "/nowhere"); }
  SECTION("a directory that is not a shard") {
    std::filesystem::create_directories(dir + "/foreign");
    WriteFile(dir + "/foreign/000001.sst", "not a table file");
    refused(good + " " + dir + "/foreign", dir + "/foreign: not a claimgraph sst directory");
  }
  SECTION("a shard with a damaged table file") {
    const std::string bad = MakeShard(dir, "bad", {docs[5], docs[6]});
    const std::string claims = bad + "/claims-000002.sst";
    REQUIRE(std::filesystem::exists(claims));
    std::string bytes = testing::ReadFileOrFail(claims);
    for (size_t i = 0; i < 64 && i < bytes.size() / 2; ++i) bytes[i] = static_cast<char>(~bytes[i]);
    WriteFile(claims, bytes);
    refused(good + " " + bad, "claims-000002.sst");
  }
  SECTION("a shard whose file is missing") {
    const std::string bad = MakeShard(dir, "bad", {docs[5]});
    std::filesystem::remove(bad + "/documents-000001.sst");
    refused(good + " " + bad, bad + ": documents-000001.sst is listed");
  }
  SECTION("a shard holding a document the store holds") {
    const std::string again = MakeShard(dir, "again", {docs[7], docs[1]});
    refused(good + " " + again, "documents already in " + db + ": doc-00001");
  }
  SECTION("two shards holding the same document") {
    const std::string twice = MakeShard(dir, "twice", {docs[3], docs[8]});
    refused(good + " " + twice, "documents in more than one shard: doc-00003");
  }
}

TEST_CASE("load-sst makes a rebuild's snapshot stale and takes the writer lock", "[scale][cli]") {
  TempDir tmp;
  const std::string& dir = tmp.path();
  const std::vector<std::string> docs = testing::SeedCorpusLines(6);
  const std::string db = dir + "/db";
  MustRun("ingest --no-progress --db " + db + " -", Lines({docs[0], docs[1]}));
  MustRun("rebuild --db " + db);
  CHECK(MustRun("stats --db " + db).out.find("snapshot: current") != std::string::npos);
  const std::string shard = MakeShard(dir, "shard", {docs[2], docs[3]});
  const json loaded = json::parse(MustRun("load-sst --format json --db " + db + " " + shard).out);
  CHECK(loaded["documents"] == 2);
  const std::string stats = MustRun("stats --db " + db).out;
  CHECK(stats.find("snapshot: stale") != std::string::npos);
  CHECK(stats.find("documents  4") != std::string::npos);
  CHECK(MustRun("check --db " + db).exit_code == 0);

  // A writer that has stored a document holds the lock until its input ends.
  const std::string later = MakeShard(dir, "later", {docs[5]});
  ClaimgraphProcess writer({"ingest", "--no-progress", "--db", db, "-"}, dir,
                           /*stdin_pipe=*/true);
  const std::string line = Lines({docs[4]});
  REQUIRE(write(writer.stdin_fd(), line.data(), line.size()) == static_cast<ssize_t>(line.size()));
  bool stored = false;
  for (int i = 0; i < 2000 && !stored && writer.Running(); ++i) {
    const Run r = Claimgraph("stats --format json --db " + db);
    stored = r.exit_code == 0 && json::parse(r.out, nullptr, false).value("documents", 0) == 5;
  }
  REQUIRE(stored);
  const Run busy = Claimgraph("load-sst --db " + db + " " + later);
  CHECK(busy.exit_code == 1);
  CHECK(busy.err.find(db + " is in use by another writer") != std::string::npos);
  writer.CloseStdin();
  CHECK(writer.Wait() == 0);
  CHECK(MustRun("load-sst --db " + db + " " + later).out.find("loaded 1 docs") == 0);
}

}  // namespace claimgraph::scale_out_test
