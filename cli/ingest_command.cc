// `claimgraph ingest`: extract claims in parallel and store each document
// with its claims and index entries in one atomic write.
#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>

#include "cli/commands.h"
#include "cli/document_inputs.h"
#include "cli/progress_line.h"
#include "cli/store_access.h"
#include "engine/bulk_loader.h"
#include "engine/ingester.h"
#include "engine/json_writer.h"
#include "extractors/claim_extractor.h"

namespace claimgraph::cli {

namespace {

struct IngestCommandOptions {
  InputOptions input;
  std::string db;
  size_t threads = 0;
  std::vector<std::string> catalogs;
  bool sync = false;
  bool bulk = false;
  double chunk_mb = kDefaultChunkBytes >> 20;
  bool progress = true;
  std::string format = "text";
};

// Bytes of every input file, for the ETA; 0 when unknown (stdin).
uint64_t InputBytes(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  std::error_code ec;
  for (const std::string& in : inputs) {
    if (in == "-") return 0;
    if (fs::is_regular_file(in, ec)) total += fs::file_size(in, ec);
    if (!fs::is_directory(in, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(in, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) total += it->file_size(ec);
    }
  }
  return total;
}

void PrintSummary(const IngestCommandOptions& o, const IngestCounts& c, size_t read_errors,
                  double secs) {
  const uint64_t errors = c.errors + read_errors;
  if (o.format == "json") {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("ingested", c.added + c.replaced);
    w.Field("added", c.added);
    w.Field("replaced", c.replaced);
    w.Field("skipped", c.unchanged);
    w.Field("errors", errors);
    w.Field("abandoned", c.abandoned);
    w.Field("claims", c.claims);
    w.Field("bytes", c.bytes);
    w.Field("seconds", secs);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    w.Field("peak_rss_bytes", static_cast<uint64_t>(usage.ru_maxrss) * 1024);
    w.Field("db", ResolveDb(o.db));
    w.EndObject();
    std::cout << out << "\n";
    return;
  }
  std::printf("ingested %llu docs, %llu claims, %llu skipped, %llu errors in %.1f s\n",
              static_cast<unsigned long long>(c.added + c.replaced),
              static_cast<unsigned long long>(c.claims),
              static_cast<unsigned long long>(c.unchanged), static_cast<unsigned long long>(errors),
              secs);
  if (c.abandoned > 0) {
    std::printf(
        "%llu docs not tried: the store stopped taking writes (see the error above); "
        "what was stored is whole, run ingest again when there is room\n",
        static_cast<unsigned long long>(c.abandoned));
  }
}

int RunIngest(const GlobalOptions& global, IngestCommandOptions& o) {
  auto extractor = ClaimExtractor::Create({ResolveSchemaDir(global), o.catalogs});
  if (!extractor.ok()) {
    std::cerr << "claimgraph ingest: " << extractor.status().message() << "\n";
    return 1;
  }
  std::unique_ptr<Store> store =
      OpenStoreOrReport("ingest", ResolveDb(o.db), StoreOptions{.sync = o.sync});
  if (!store) return 1;
  const auto start = std::chrono::steady_clock::now();
  const ClaimExtractor& ex = **extractor;
  std::unique_ptr<BulkLoader> bulk;
  if (o.bulk) {
    auto started = BulkLoader::Start(store.get(), ex.ruleset(), ChunkBytes(o.chunk_mb));
    if (!started.ok()) {
      std::cerr << "claimgraph ingest: " << started.status().message() << "\n";
      return 1;
    }
    bulk = std::move(*started);
  }
  Store* db = store.get();
  std::mutex err_mu;
  Ingester ingester(
      db, [&ex](const Document& d) { return ex.Extract(d); },
      [&](const Document& d, std::string_view content_hash, const std::vector<Claim>& claims) {
        return bulk ? bulk->Put(d, claims, content_hash)
                    : db->PutDocument(d, ex.ruleset(), claims, false, content_hash);
      },
      ex.ruleset(),
      [&err_mu](const Document& d, const Status& s) {
        std::lock_guard lock(err_mu);
        std::cerr << "claimgraph ingest: " << d.origin << ": document " << d.id
                  << " not stored: " << s.message() << "\n";
      },
      IngestOptions{o.threads, 0});
  std::optional<ReadSummary> summary;
  {
    std::unique_ptr<ProgressLine> progress;
    if (o.progress && isatty(STDERR_FILENO)) {
      progress = std::make_unique<ProgressLine>(&ingester, InputBytes(o.input.inputs), 0);
    }
    std::string unused;
    summary =
        ReadDocuments(o.input, false, &unused, [&](const Document& doc) { ingester.Add(doc); });
    Status s = ingester.Finish();
    if (!s.ok()) std::cerr << "claimgraph ingest: " << s.message() << "\n";
  }
  if (bulk) {
    auto loaded = bulk->Finish();
    if (!loaded.ok()) {
      std::cerr << "claimgraph ingest: " << loaded.status().message()
                << "\nno new document was stored (replaced ones were)\n";
      return 1;
    }
  }
  if (!summary) return 2;
  const IngestCounts counts = ingester.Progress();
  PrintSummary(o, counts, summary->errors,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return counts.errors + counts.abandoned + summary->errors > 0 ? 1 : 0;
}

}  // namespace

void RegisterIngest(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<IngestCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Extract claims from documents and store them (RocksDB at --db).\n\n"
      "Each document is written with its claims and index entries in one atomic batch:\n"
      "a killed ingest leaves every document fully stored or absent, and running it\n"
      "again completes it. Re-ingesting an unchanged document is a no-op; a changed\n"
      "document (same id) replaces its old claims. Bad documents are reported and\n"
      "skipped. Readers (query, ask, stats) keep working while an ingest runs.\n\n"
      "Prints: ingested N docs, M claims, K skipped, E errors in T s\n"
      "Exit status: 0 ok, 1 when any document failed, 2 usage.\n\n"
      "Examples:\n"
      "  claimgraph ingest --db news.db corpus/articles\n"
      "  claimgraph ingest --db news.db --threads 8 feed.jsonl\n"
      "  claimgraph ingest --db news.db --format json feed.jsonl | jq .claims\n"
      "  claimgraph ingest --db news.db --bulk --threads 2 backfill.jsonl\n\n"
      "--bulk: for large first loads. New documents are extracted in parallel, sorted\n"
      "into RocksDB table files in a temporary directory inside the store directory,\n"
      "and loaded at the end in one atomic step (as `claimgraph load-sst` does): no\n"
      "write-ahead log, no compaction of the loaded data. Readers see no new document\n"
      "until the end; a killed bulk ingest stores no new document (run it again).\n"
      "Documents already stored are handled as without --bulk: unchanged ones are\n"
      "skipped, changed ones replaced (at once, one batch each). Memory is bounded:\n"
      "new documents' records go to disk in sorted runs of --chunk-mb, merged at the\n"
      "end; the store's directory needs about twice the new data's size meanwhile.");
  AddInputOptions(cmd, &opts->input);
  AddDbOption(cmd, &opts->db);
  cmd->add_option("--threads", opts->threads, "Extraction threads (default: one per core)")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--catalog", opts->catalogs,
                  "Extra entity catalog (same format as schemas/catalog.json); repeatable")
      ->check(CLI::ExistingFile)
      ->expected(1);
  cmd->add_flag("--sync", opts->sync,
                "fsync every document (survives power loss, not only a killed process; slower)");
  cmd->add_flag("--bulk", opts->bulk,
                "New documents go in as sorted table files loaded at the end (see above)");
  AddChunkOption(cmd, &opts->chunk_mb, "With --bulk");
  cmd->add_flag("!--no-progress", opts->progress, "No progress line on stderr");
  cmd->add_option("--format", opts->format, "Summary: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&global, opts, exit_code] { *exit_code = RunIngest(global, *opts); });
}

}  // namespace claimgraph::cli
