// `claimgraph stats` (what the store holds) and `claimgraph check` (walk
// every index and prove the store consistent).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/snapshot.h"
#include "cli/store_access.h"
#include "engine/json_writer.h"

namespace claimgraph::cli {

namespace {

struct StatsOptions {
  std::string db;
  std::string format = "table";
};

void WriteCounts(JsonWriter* w, std::string_view key, const std::map<std::string, uint64_t>& m) {
  w->Key(key);
  w->BeginObject();
  for (const auto& [name, n] : m) w->Field(name, n);
  w->EndObject();
}

void PrintCounts(const char* title, const std::map<std::string, uint64_t>& m, std::string* out) {
  if (m.empty()) return;
  *out += std::string(title) + ":\n";
  std::vector<std::pair<uint64_t, std::string>> sorted;
  for (const auto& [name, n] : m) sorted.emplace_back(n, name);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  char line[256];
  for (const auto& [n, name] : sorted) {
    std::snprintf(line, sizeof(line), "  %-28s %10llu\n", name.c_str(),
                  static_cast<unsigned long long>(n));
    *out += line;
  }
}

// "current" (the rebuild's snapshot matches the store), "stale" (written
// since), or "none" (no rebuild yet).
std::string SnapshotState(const Store& store) {
  if (CurrentSnapshot(store)) return "current";
  auto m = ReadSnapshotManifest(store.snapshot_dir());
  return m.ok() && m->has_value() ? "stale" : "none";
}

int RunStats(StatsOptions& o) {
  auto store = OpenStoreOrReport("stats", ResolveDb(o.db), StoreOptions{.read_only = true});
  if (!store) return 1;
  auto st = store->Stats();
  if (!st.ok()) {
    std::cerr << "claimgraph stats: " << st.status().message() << "\n";
    return 1;
  }
  std::string out;
  if (o.format == "json") {
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("db", store->path());
    w.Field("generation", store->generation());
    w.Field("snapshot", SnapshotState(*store));
    w.Field("documents", st->documents);
    w.Field("claims", st->claims);
    w.Field("entities", st->entities);
    w.Field("sources", static_cast<uint64_t>(st->by_source.size()));
    w.Field("size_bytes", st->size_bytes);
    WriteCounts(&w, "claims_by_kind", st->by_kind);
    WriteCounts(&w, "claims_by_metric", st->by_metric);
    WriteCounts(&w, "claims_by_modality", st->by_modality);
    WriteCounts(&w, "documents_by_source", st->by_source);
    WriteCounts(&w, "claims_by_ruleset", st->by_ruleset);
    w.EndObject();
    out += "\n";
  } else {
    char head[512];
    std::snprintf(head, sizeof(head),
                  "store      %s\ngeneration %llu (snapshot: %s)\ndocuments  %llu\n"
                  "claims     %llu\nentities   %llu\nsources    %zu\nsize       %.1f MB\n",
                  store->path().c_str(), static_cast<unsigned long long>(store->generation()),
                  SnapshotState(*store).c_str(), static_cast<unsigned long long>(st->documents),
                  static_cast<unsigned long long>(st->claims),
                  static_cast<unsigned long long>(st->entities), st->by_source.size(),
                  static_cast<double>(st->size_bytes) / 1e6);
    out += head;
    PrintCounts("claims by kind", st->by_kind, &out);
    PrintCounts("claims by metric", st->by_metric, &out);
    PrintCounts("claims by modality", st->by_modality, &out);
    PrintCounts("documents by source", st->by_source, &out);
    PrintCounts("claims by ruleset", st->by_ruleset, &out);
  }
  std::cout << out;
  return 0;
}

int RunCheck(StatsOptions& o) {
  auto store = OpenStoreOrReport("check", ResolveDb(o.db), StoreOptions{.read_only = true});
  if (!store) return 1;
  auto report = store->CheckConsistency();
  if (!report.ok()) {
    std::cerr << "claimgraph check: " << report.status().message() << "\n";
    return 1;
  }
  std::string out;
  if (o.format == "json") {
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("documents", report->documents);
    w.Field("claims", report->claims);
    w.Field("index_entries", report->index_entries);
    w.Field("ok", report->problems.empty());
    w.Key("problems");
    w.BeginArray();
    for (const std::string& p : report->problems) w.String(p);
    w.EndArray();
    w.EndObject();
    out += "\n";
  } else {
    out += std::to_string(report->documents) + " documents, " + std::to_string(report->claims) +
           " claims, " + std::to_string(report->index_entries) +
           " index entries: " + (report->problems.empty() ? "consistent\n" : "PROBLEMS\n");
    for (const std::string& p : report->problems) out += "  " + p + "\n";
  }
  std::cout << out;
  return report->problems.empty() ? 0 : 1;
}

}  // namespace

void RegisterStats(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<StatsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "stats",
      "What the store holds: documents, claims by kind, metric and modality, entities,\n"
      "sources, size on disk. Works while an ingest runs in another process.\n\n"
      "Examples:\n"
      "  claimgraph stats --db news.db\n"
      "  claimgraph stats --db news.db --format json | jq .claims");
  AddDbOption(cmd, &opts->db);
  cmd->add_option("--format", opts->format, "Output: table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->callback([opts, exit_code] { *exit_code = RunStats(*opts); });

  auto check_opts = std::make_shared<StatsOptions>();
  CLI::App* check = app.add_subcommand(
      "check",
      "Walk every document, claim, index entry and counter and report anything that\n"
      "does not match (an orphan index entry, a claim without its document...).\n"
      "Exit status 0 when the store is consistent, 1 otherwise.");
  AddDbOption(check, &check_opts->db);
  check->add_option("--format", check_opts->format, "Output: table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  check->callback([check_opts, exit_code] { *exit_code = RunCheck(*check_opts); });
}

}  // namespace claimgraph::cli
