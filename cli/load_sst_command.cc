// `claimgraph load-sst`: ingests shard directories written by `claimgraph
// sst` into a store, all or nothing (Store::LoadShards).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/store_access.h"
#include "engine/json_writer.h"

namespace claimgraph::cli {

namespace {

struct LoadSstOptions {
  std::string db;
  std::vector<std::string> dirs;
  bool move_files = false;
  bool verify = true;
  std::string format = "text";
};

void PrintSummary(const LoadSstOptions& o, const LoadShardsSummary& s, double secs) {
  if (o.format == "json") {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("db", ResolveDb(o.db));
    w.Field("shards", s.shards);
    w.Field("files", s.files);
    w.Field("documents", s.documents);
    w.Field("claims", s.claims);
    w.Field("keys", s.keys);
    w.Field("bytes", s.bytes);
    w.Field("seconds", secs);
    w.EndObject();
    std::cout << out << "\n";
    return;
  }
  std::printf("loaded %llu docs, %llu claims from %llu shards (%llu files, %llu bytes) in %.1f s\n",
              static_cast<unsigned long long>(s.documents),
              static_cast<unsigned long long>(s.claims), static_cast<unsigned long long>(s.shards),
              static_cast<unsigned long long>(s.files), static_cast<unsigned long long>(s.bytes),
              secs);
}

int RunLoadSst(LoadSstOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<Store> store = OpenStoreOrReport("load-sst", ResolveDb(o.db), StoreOptions{});
  if (!store) return 1;
  auto summary = store->LoadShards(
      o.dirs, LoadShardsOptions{.move_files = o.move_files, .verify_checksums = o.verify});
  if (!summary.ok()) {
    std::cerr << "claimgraph load-sst: " << summary.status().message()
              << "\nnothing was loaded; the store is unchanged\n";
    return 1;
  }
  PrintSummary(o, *summary,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return 0;
}

}  // namespace

void RegisterLoadSst(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<LoadSstOptions>();
  CLI::App* cmd = app.add_subcommand(
      "load-sst",
      "Load shard directories written by `claimgraph sst` into a store (created when\n"
      "missing), all or nothing: every table file of every shard goes in with one\n"
      "atomic RocksDB IngestExternalFiles call, together with the store's counters\n"
      "plus each shard's. Readers see all of it or none of it; a killed load-sst\n"
      "loads nothing. Holds the store's writer lock like `ingest`.\n\n"
      "Only adds documents: when a document id is already in the store, or in two\n"
      "shards, nothing is loaded and the ids are named (replace documents with\n"
      "`claimgraph ingest`). A missing, incomplete or foreign directory, or a damaged\n"
      "file, is named and nothing is loaded. A rebuild's snapshot becomes stale, as\n"
      "after an ingest (`claimgraph stats` shows it; `claimgraph rebuild` refreshes).\n\n"
      "Prints: loaded N docs, M claims from S shards (F files, B bytes) in T s\n"
      "Exit status: 0 ok, 1 nothing loaded (the reason on stderr), 2 usage.\n\n"
      "Examples:\n"
      "  claimgraph load-sst --db news.db shards/0 shards/1 shards/2\n"
      "  claimgraph load-sst --db news.db --move shards/*     # same filesystem: no copy\n"
      "  claimgraph load-sst --db news.db --format json shards/* | jq .documents");
  AddDbOption(cmd, &opts->db);
  cmd->add_option("dirs", opts->dirs, "Shard directories (`claimgraph sst --out`)")->required();
  cmd->add_flag("--move", opts->move_files,
                "Hard-link the files into the store and remove them from the shards (no copy)");
  cmd->add_flag("!--no-verify", opts->verify,
                "Skip reading every block to check checksums before loading");
  cmd->add_option("--format", opts->format, "Summary: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([opts, exit_code] { *exit_code = RunLoadSst(*opts); });
}

}  // namespace claimgraph::cli
