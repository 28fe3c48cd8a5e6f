// `claimgraph rebuild`: re-extract what the rules changed, then derive the
// graph, contradictions and source scores as a new snapshot, published
// atomically (engine/store_dir.h, cli/snapshot.h).
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <future>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>

#include "cli/analysis_source.h"
#include "cli/commands.h"
#include "cli/progress_line.h"
#include "cli/rebuild_diff.h"
#include "cli/snapshot.h"
#include "cli/store_access.h"
#include "engine/bulk_loader.h"
#include "engine/date.h"
#include "engine/ingester.h"
#include "extractors/claim_extractor.h"
#include "graph/graph_build.h"
#include "graph/graph_io.h"

namespace claimgraph::cli {

namespace {

using Clock = std::chrono::steady_clock;

struct RebuildCommandOptions {
  std::string db;
  bool full = false;
  std::string into = "auto";
  double chunk_mb = kDefaultChunkBytes >> 20;
  size_t threads = 0;
  std::vector<std::string> catalogs;
  bool progress = true;
  std::string format = "text";
  size_t show = 10;
};

// Everything the run needs, loaded before the store is touched.
struct Inputs {
  std::unique_ptr<ClaimExtractor> extractor;
  std::unique_ptr<EntityCatalog> catalog;
  AnalysisContext context;
};

std::optional<Inputs> LoadInputs(const GlobalOptions& global, const RebuildCommandOptions& o) {
  auto extractor = ClaimExtractor::Create({ResolveSchemaDir(global), o.catalogs});
  if (!extractor.ok()) {
    std::cerr << "claimgraph rebuild: " << extractor.status().message() << "\n";
    return std::nullopt;
  }
  Inputs in;
  in.extractor = std::move(extractor).value();
  in.catalog = LoadCatalogOrReport("rebuild", global, o.catalogs);
  if (!in.catalog) return std::nullopt;
  auto lexicon = MetricLexicon::Load(ResolveSchemaDir(global) + "/metrics.json");
  if (!lexicon.ok()) {
    std::cerr << "claimgraph rebuild: " << lexicon.status().message() << "\n";
    return std::nullopt;
  }
  in.context = MakeAnalysisContext(*in.catalog, *lexicon);
  return in;
}

// How the new generation is staged. A copy suits a rebuild that
// re-extracts a few documents: each replaces itself in the copy. When most
// or all change (--full, edited rules) that costs a delete and a rewrite
// per document in a store of the full size, with its compactions; writing
// every document into an empty generation through sorted table files,
// chunk by chunk, costs one write per record.
Store::StageFrom ChooseStaging(const RebuildCommandOptions& o, const StoreStats& stats,
                               const std::string& ruleset) {
  if (o.into == "copy") return Store::StageFrom::kCopy;
  if (o.into == "empty" || o.full) return Store::StageFrom::kEmpty;
  auto it = stats.by_ruleset.find(ruleset);
  const uint64_t current = it == stats.by_ruleset.end() ? 0 : it->second;
  return stats.claims > 0 && current * 2 < stats.claims ? Store::StageFrom::kEmpty
                                                        : Store::StageFrom::kCopy;
}

// Writes `d`, a document extracted with the current rules, into `loader`
// with the claims `store` holds for it: an empty generation keeps it as it
// was, as a copy would.
Status CarryOver(const Store& store, const StoredDocument& d, ChunkedLoader* loader) {
  std::vector<std::string> ids;
  Status s = store.ScanIndex(ClaimIndex::kByDoc, {d.doc.id}, [&ids](const std::string& id) {
    ids.push_back(id);
    return true;
  });
  if (!s.ok()) return s;
  auto stored = store.GetClaims(ids);
  if (!stored.ok()) return stored.status();
  if (stored->size() != ids.size()) {
    return Status::Corruption("document " + d.doc.id + ": " + std::to_string(ids.size()) +
                              " claims indexed, " + std::to_string(stored->size()) +
                              " stored (run `claimgraph check`)");
  }
  std::vector<Claim> claims;
  claims.reserve(stored->size());
  for (StoredClaim& c : *stored) claims.push_back(std::move(c.claim));
  return loader->Add(d.doc, d.ruleset, claims, d.ingested_at, d.content_hash);
}

// Re-extracts into `staged` every document of `store` whose ruleset is not
// the current one (every document with --full). A copy takes each as a
// replacement; an empty generation (`loader`) takes every document, the
// current ones with their stored claims.
Result<IngestCounts> Reextract(const RebuildCommandOptions& o, const ClaimExtractor& ex,
                               const Store& store, const StoreStats& stats, Store* staged,
                               ChunkedLoader* loader, uint64_t* current) {
  std::mutex err_mu;
  const int64_t now = UnixSecondsNow();
  Ingester::PutFn put;
  if (loader != nullptr) {
    put = [loader, &ex, now](const Document& d, std::string_view content_hash,
                             const std::vector<Claim>& claims) -> Result<PutOutcome> {
      Status s = loader->Add(d, ex.ruleset(), claims, now, content_hash);
      // A chunk that cannot be loaded is a failed write: the Ingester
      // reports the first and abandons the documents after it.
      if (!s.ok()) return Status::IOError(s.message());
      return PutOutcome::kReplaced;
    };
  } else {
    put = [staged, &ex, full = o.full](const Document& d, std::string_view content_hash,
                                       const std::vector<Claim>& claims) {
      return staged->PutDocument(d, ex.ruleset(), claims, full, content_hash);
    };
  }
  Ingester ingester(
      staged, [&ex](const Document& d) { return ex.Extract(d); }, std::move(put), ex.ruleset(),
      [&err_mu](const Document& d, const Status& s) {
        std::lock_guard lock(err_mu);
        std::cerr << "claimgraph rebuild: document " << d.id << " not stored: " << s.message()
                  << "\n";
      },
      IngestOptions{.threads = o.threads, .max_in_flight = 0, .force = true});
  std::unique_ptr<ProgressLine> progress;
  if (o.progress && isatty(STDERR_FILENO)) {
    progress = std::make_unique<ProgressLine>(&ingester, 0, stats.documents);
  }
  Status carried;
  Status s = store.ForEachDocument([&](const StoredDocument& d) {
    if (o.full || d.ruleset != ex.ruleset()) {
      ingester.Add(d.doc);
      return true;
    }
    ++*current;
    if (loader != nullptr) carried = CarryOver(store, d, loader);
    return carried.ok();
  });
  Status fs = ingester.Finish();
  progress.reset();
  if (!s.ok()) return s;
  if (!carried.ok()) return carried;
  if (!fs.ok()) return fs;
  if (loader != nullptr) {
    auto loaded = loader->Finish();
    if (!loaded.ok()) return loaded.status();
  }
  return ingester.Progress();
}

#if defined(CLAIMGRAPH_JEMALLOC)
// jemalloc's control interface (its manual, "MALLCTL NAMESPACE"); declared
// here rather than through <jemalloc/jemalloc.h>, whose declarations of
// malloc and free would meet glibc's.
extern "C" int mallctl(const char* name, void* oldp, size_t* oldlenp, void* newp, size_t newlen);
#endif

// Gives the memory of what was just freed back to the system. Both
// allocators keep freed small blocks (the millions of strings of findings
// and facts) for a while, so without this the next phase's arrays would add
// to the peak. jemalloc: purge every arena (4096 is MALLCTL_ARENAS_ALL).
void ReleaseFreedMemory() {
#if defined(CLAIMGRAPH_JEMALLOC)
  mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
#elif defined(__GLIBC__)
  malloc_trim(0);
#endif
}

// Analyzes `staged`, diffs it against the run `serving` holds, builds its
// graph and writes the snapshot files, the manifest last. The analysis and
// the graph go straight to their files (WriteStoreAnalysis,
// WriteClaimGraphFile) and the analysis frees what it held before the
// graph, so the peak is the larger of the analysis (facts, their index,
// compact findings) and the graph's ids and edges (with the diff's claim id
// lists beside it), not their sum.
Result<SnapshotManifest> WriteSnapshot(const Inputs& in, const Store& serving, Store* staged,
                                       RunDiff* diff) {
  const auto start = Clock::now();
  auto seconds_since = [](Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
  };
  SnapshotManifest m;
  const std::string dir = staged->snapshot_dir();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir + ": " + ec.message());
  // The analysis goes straight to its file; the graph's links are taken
  // from the findings as they are written.
  std::vector<ClaimLink> links;
  auto written = WriteStoreAnalysis(*staged, in.context, dir + "/" + kAnalysisFile,
                                    [&links](const Finding& f) {
                                      if (auto link = LinkOfFinding(f)) {
                                        links.push_back(std::move(*link));
                                      }
                                    });
  if (!written.ok()) return written.status();
  m.analysis_seconds = seconds_since(start);
  m.findings = written->findings;
  m.contradictions = written->genuine;
  m.sources = written->sources.size();
  Analysis now;  // what the diff reads: source scores, genuine findings
  now.sources = std::move(written->sources);
  now.stats = written->stats;
  Status s = WriteAnalysisFile(dir + "/" + kSourcesFile, now);
  if (!s.ok()) return s;
  ReleaseFreedMemory();
  // The diff reads the new and the previous run's genuine findings (and the
  // previous run's claim ids) on a second thread while this one builds the
  // graph, whose scan of the claims also collects the new run's claim ids.
  // The findings are compared and freed there, early in the graph's build,
  // so that the two id lists are what is held beside the graph at its
  // largest (its end). (A future's destructor
  // waits, so no return below leaves the thread running.)
  std::vector<uint64_t> previous_ids;
  auto compared = std::async(
      std::launch::async,
      [&serving, &dir, &previous_ids, now = std::move(now)]() mutable -> Result<RunDiff> {
        auto findings = ReadGenuineFindings(dir);
        if (!findings.ok()) return findings.status();
        now.findings = std::move(findings->findings);
        auto previous = LoadPreviousRun(serving);
        if (!previous.ok()) return previous.status();
        RunDiff d = DiffFindings(*previous, now);
        previous_ids = std::move(previous->claim_ids);
        // The findings go now, not when the future does (the lambda lives
        // as long as it), and their memory back to the system: freed on
        // this thread, it would stay in this thread's heap.
        now = {};
        *previous = {};
        ReleaseFreedMemory();
        return d;
      });
  std::vector<uint64_t> ids;
  if (auto claims = staged->Counter("total", "claims"); claims.ok() && *claims > 0) {
    ids.reserve(static_cast<size_t>(std::min<int64_t>(*claims, int64_t{1} << 28)));  // a hint
  }
  const auto graph_start = Clock::now();
  auto graph = WriteClaimGraphFile(
      *staged, in.catalog->entities(), std::move(links), dir + "/" + kGraphFile,
      [&ids](const StoredClaim& c) { ids.push_back(ClaimIdNumber(c.claim.claim_id)); });
  if (!graph.ok()) return graph.status();
  m.graph_seconds = seconds_since(graph_start);
  m.graph_bytes = graph->memory_bytes;
  m.graph_vertices = graph->vertices;
  m.graph_edges = graph->edges;
  // Claims come in key order, which for canonical ids is numeric order.
  if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());
  s = WriteClaimIds(dir + "/" + kClaimIdsFile, ids);
  if (!s.ok()) return s;
  auto findings_diff = compared.get();
  if (!findings_diff.ok()) return findings_diff.status();
  *diff = std::move(*findings_diff);
  DiffClaimIds(previous_ids, ids, diff);
  auto stats = staged->Stats();
  if (!stats.ok()) return stats.status();
  m.generation = staged->generation();
  m.sequence = staged->sequence();
  m.ruleset = in.extractor->ruleset();
  m.built_at = static_cast<int64_t>(std::time(nullptr));
  m.documents = stats->documents;
  m.claims = stats->claims;
  m.build_seconds = seconds_since(start);
  s = WriteSnapshotManifest(dir, m);
  if (!s.ok()) return s;
  return m;
}

int Fail(const Status& s) {
  std::cerr << "claimgraph rebuild: " << s.message() << "\n";
  return 1;
}

int RunRebuild(const GlobalOptions& global, const RebuildCommandOptions& o) {
  const auto start = Clock::now();
  std::optional<Inputs> in = LoadInputs(global, o);
  if (!in) return 1;
  // --full reads every stored document once, to re-extract it: past the
  // page cache, which would only cost.
  std::unique_ptr<Store> store = OpenStoreOrReport(
      "rebuild", ResolveDb(o.db), StoreOptions{.create_if_missing = false, .direct_reads = o.full});
  if (!store) return 1;
  auto stats = store->Stats();
  if (!stats.ok()) return Fail(stats.status());
  const Store::StageFrom from = ChooseStaging(o, *stats, in->extractor->ruleset());
  auto staged = store->StageGeneration(from);
  if (!staged.ok()) return Fail(staged.status());
  std::unique_ptr<ChunkedLoader> loader;
  if (from == Store::StageFrom::kEmpty) {
    auto started = ChunkedLoader::Start(staged->get(), ChunkBytes(o.chunk_mb), 0,
                                        LoadShardsOptions{.stamp_sequence = false});
    if (!started.ok()) return Fail(started.status());
    loader = std::move(*started);
  }
  uint64_t current = 0;
  const auto reextract_start = Clock::now();
  auto counts = Reextract(o, *in->extractor, *store, *stats, staged->get(), loader.get(), &current);
  if (!counts.ok()) return Fail(counts.status());
  const uint64_t chunks = loader ? loader->chunks() : 0;
  loader.reset();
  ReleaseFreedMemory();
  const double reextract_seconds =
      std::chrono::duration<double>(Clock::now() - reextract_start).count();
  RunDiff diff;
  auto manifest = WriteSnapshot(*in, *store, staged->get(), &diff);
  if (!manifest.ok()) return Fail(manifest.status());
  Status s = store->PublishGeneration(staged->get());
  if (!s.ok()) return Fail(s);
  RebuildReport report;
  report.generation = manifest->generation;
  report.reextracted = *counts;
  report.current = current;
  report.into = from == Store::StageFrom::kEmpty ? "empty" : "copy";
  report.chunks = chunks;
  report.manifest = *manifest;
  report.diff = std::move(diff);
  report.reextract_seconds = reextract_seconds;
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  PrintRebuildReport(report, o.format == "json", o.show, std::cout);
  return counts->errors > 0 ? 1 : 0;
}

}  // namespace

void RegisterRebuild(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<RebuildCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "rebuild",
      "Re-extract documents whose rules changed, then rebuild the graph, the\n"
      "contradictions and the source scores as a new snapshot of the store.\n\n"
      "The work happens in a new generation beside the old one (a copy of it, or an\n"
      "empty store filled anew when most documents change: see --into);\n"
      "query, ask, contradictions, consistency and graph keep answering from the\n"
      "previous generation until the new one is complete, then switch to it at once.\n"
      "A rebuild killed midway leaves the previous generation serving; run it again.\n"
      "Ingest waits for no one: while a rebuild runs, a second writer is refused.\n\n"
      "Prints the generation built and what changed since the previous run: claims\n"
      "added and removed, new and resolved contradictions, sources whose reliability\n"
      "moved.  Exit status: 0 ok, 1 failure (the previous generation still serves), 2 usage.\n\n"
      "Examples:\n"
      "  claimgraph rebuild --db news.db            # after editing schemas/\n"
      "  claimgraph rebuild --db news.db --full     # after upgrading claimgraph\n"
      "  claimgraph rebuild --db news.db --format json | jq .contradictions");
  AddDbOption(cmd, &opts->db);
  cmd->add_flag("--full", opts->full,
                "Re-extract every document, not only those extracted with other rules");
  cmd->add_option("--into", opts->into,
                  "Where re-extracted documents go: auto (default), copy (each replaces itself\n"
                  "in a copy of the store: quick when few changed) or empty (every document\n"
                  "is written into an empty generation through sorted table files: quick when\n"
                  "most changed). auto takes empty with --full or when most claims were\n"
                  "extracted with other rules")
      ->check(CLI::IsMember({"auto", "copy", "empty"}));
  AddChunkOption(cmd, &opts->chunk_mb, "With --into empty");
  cmd->add_option("--threads", opts->threads, "Extraction threads (default: one per core)")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--catalog", opts->catalogs,
                  "Extra entity catalog (same format as schemas/catalog.json); repeatable")
      ->check(CLI::ExistingFile)
      ->expected(1);
  cmd->add_flag("!--no-progress", opts->progress, "No progress line on stderr");
  cmd->add_option("--format", opts->format, "Report: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--show", opts->show,
                  "How many new/resolved contradictions and moved sources to list (default 10)");
  cmd->callback([&global, opts, exit_code] { *exit_code = RunRebuild(global, *opts); });
}

}  // namespace claimgraph::cli
