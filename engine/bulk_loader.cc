#include "engine/bulk_loader.h"

#include <stdlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <thread>

#include "engine/date.h"
#include "engine/shard_merge.h"
#include "engine/store_dir.h"

namespace claimgraph {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kDirPrefix = "bulk-";

// Temporary directories of bulk ingests that died; the caller holds the
// writer lock, so none is in use.
void RemoveStaleBulkDirs(const std::string& store_dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(store_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.compare(0, kDirPrefix.size(), kDirPrefix) == 0 || name.compare(0, 5, "load-") == 0) {
      fs::remove_all(entry.path(), ec);
    }
  }
}

// A new temporary directory for shards in the store's directory, after
// removing those of bulk loads that died.
Result<std::string> MakeBulkDir(const Store& store) {
  RemoveStaleBulkDirs(store.path());
  std::string dir = store.path() + "/" + std::string(kDirPrefix) + "XXXXXX";
  if (mkdtemp(dir.data()) == nullptr) return Status::IOError("cannot create " + dir);
  return dir;
}

}  // namespace

ChunkedLoader::ChunkedLoader(Store* store, uint64_t chunk_bytes, size_t merge_threads,
                             LoadShardsOptions load, bool cache_tables, std::string dir)
    : store_(store),
      chunk_bytes_(chunk_bytes),
      merge_threads_(merge_threads),
      load_(load),
      cache_tables_(cache_tables),
      dir_(std::move(dir)),
      direct_io_(SupportsDirectIo(dir_)) {}

ChunkedLoader::~ChunkedLoader() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

Result<std::unique_ptr<ChunkedLoader>> ChunkedLoader::Start(Store* store, uint64_t chunk_bytes,
                                                            size_t merge_threads,
                                                            LoadShardsOptions load,
                                                            bool cache_tables) {
  auto dir = MakeBulkDir(*store);
  if (!dir.ok()) return dir.status();
  if (merge_threads == 0) merge_threads = std::max(1u, std::thread::hardware_concurrency());
  // Our own files, just written: moved, and not read back for checksums.
  load.move_files = true;
  load.verify_checksums = false;
  std::unique_ptr<ChunkedLoader> loader(
      new ChunkedLoader(store, chunk_bytes, merge_threads, load, cache_tables, std::move(*dir)));
  Status s = loader->NewChunk();
  if (!s.ok()) return s;
  return loader;
}

Status ChunkedLoader::NewChunk() {
  char name[32];
  std::snprintf(name, sizeof(name), "/chunk-%06llu",
                static_cast<unsigned long long>(next_chunk_++));
  shard_dir_ = dir_ + name;
  auto shard = ShardWriter::Create(
      shard_dir_, ShardWriterOptions{.direct_writes = direct_io_, .sorted_runs = true});
  if (!shard.ok()) return shard.status();
  shard_ = std::move(*shard);
  return Status::OK();
}

Status ChunkedLoader::Failure() const {
  std::lock_guard lock(write_mu_);
  return failed_;
}

Status ChunkedLoader::Add(const Document& doc, std::string_view ruleset,
                          const std::vector<Claim>& claims, int64_t ingested_at,
                          std::string_view content_hash) {
  if (has_failed_.load()) return Failure();
  {
    std::shared_lock lock(swap_mu_);
    shard_->Add(doc, ruleset, claims, ingested_at, content_hash);
    if (shard_->memory_bytes() < chunk_bytes_) return Status::OK();
  }
  std::unique_ptr<ShardWriter> full;
  std::string full_dir;
  {
    std::unique_lock lock(swap_mu_);
    if (shard_->memory_bytes() < chunk_bytes_) return Status::OK();  // another Add took it
    full = std::move(shard_);
    full_dir = shard_dir_;
    Status s = NewChunk();
    if (!s.ok()) {
      shard_ = std::move(full);  // keeps Add working; the failure stops the caller
      std::lock_guard write_lock(write_mu_);
      if (failed_.ok()) failed_ = s;
      has_failed_ = true;
      return s;
    }
  }
  return WriteChunk(std::move(full), full_dir, /*last=*/false);
}

Status ChunkedLoader::WriteChunk(std::unique_ptr<ShardWriter> shard, const std::string& shard_dir,
                                 bool last) {
  std::lock_guard lock(write_mu_);
  if (!failed_.ok()) return failed_;
  if (shard->documents() == 0) return Status::OK();
  // A load of one chunk is loaded as it is written: as table files, left
  // in the page cache for the store that reads them next. Any other chunk
  // is a sorted run that the merge reads once.
  const bool as_tables = last && written_.empty();
  auto manifest = as_tables ? shard->Finish(TableOptions()) : shard->Finish();
  if (!manifest.ok()) {
    failed_ = manifest.status();
    has_failed_ = true;
    return failed_;
  }
  tables_written_ = as_tables;
  written_.push_back(shard_dir);
  return Status::OK();
}

Result<LoadShardsSummary> ChunkedLoader::Finish() {
  std::unique_ptr<ShardWriter> last;
  {
    std::unique_lock lock(swap_mu_);
    last = std::move(shard_);
  }
  if (last) {
    Status s = WriteChunk(std::move(last), shard_dir_, /*last=*/true);
    if (!s.ok()) return s;
  }
  std::vector<std::string> runs;
  bool tables = false;
  {
    std::lock_guard lock(write_mu_);
    if (!failed_.ok()) return failed_;
    runs = written_;
    tables = tables_written_;
  }
  if (runs.empty()) return LoadShardsSummary{};
  // One chunk was written as what a merge would write (sorted, 64 MB files
  // that do not overlap): it is loaded as it is.
  std::string to_load = runs.front();
  if (!tables) {  // runs, even one (when the last chunk filled up)
    to_load = dir_ + "/merged";
    // The merged files stay in the page cache when the store reads them
    // next (a rebuild's analysis and graph scan every claim and document).
    auto manifest = MergeShards(runs, to_load, merge_threads_, TableOptions(), direct_io_);
    if (!manifest.ok()) return manifest.status();
    std::error_code ec;
    for (const std::string& run : runs) fs::remove_all(run, ec);  // their disk space
  }
  auto summary = store_->LoadShards({to_load}, load_);
  if (!summary.ok()) return summary.status();
  return summary;
}

ShardWriterOptions ChunkedLoader::TableOptions() const {
  if (cache_tables_) return ShardWriterOptions{.keep_cached = true};
  return ShardWriterOptions{.direct_writes = direct_io_};
}

uint64_t ChunkedLoader::chunks() const {
  std::lock_guard lock(write_mu_);
  return written_.size();
}

BulkLoader::BulkLoader(Store* store, std::string ruleset, std::unique_ptr<ChunkedLoader> loader)
    : store_(store),
      ruleset_(std::move(ruleset)),
      started_at_(UnixSecondsNow()),
      loader_(std::move(loader)) {}

BulkLoader::~BulkLoader() = default;

Result<std::unique_ptr<BulkLoader>> BulkLoader::Start(Store* store, std::string ruleset,
                                                      uint64_t chunk_bytes) {
  // An ingest does not read the loaded tables back: they are written past
  // the page cache.
  auto loader = ChunkedLoader::Start(store, chunk_bytes, 0, {}, /*cache_tables=*/false);
  if (!loader.ok()) return loader.status();
  return std::unique_ptr<BulkLoader>(new BulkLoader(store, std::move(ruleset), std::move(*loader)));
}

Result<PutOutcome> BulkLoader::Put(const Document& doc, const std::vector<Claim>& claims,
                                   std::string_view content_hash) {
  auto old = store_->GetDocument(doc.id);
  if (!old.ok()) return old.status();
  if (old->has_value()) return store_->PutDocument(doc, ruleset_, claims, false, content_hash);
  {
    // The Ingester hands over two documents with the same id in input
    // order, never at once, so the second finds the first's id here.
    std::lock_guard lock(mu_);
    if (!added_.insert(doc.id).second) {
      again_.emplace_back(doc, claims);
      return PutOutcome::kReplaced;
    }
  }
  Status s = loader_->Add(doc, ruleset_, claims, started_at_, content_hash);
  if (!s.ok()) return s;
  return PutOutcome::kAdded;
}

Result<LoadShardsSummary> BulkLoader::Finish() {
  auto summary = loader_->Finish();
  if (!summary.ok()) return summary.status();
  for (const auto& [doc, claims] : again_) {
    auto put = store_->PutDocument(doc, ruleset_, claims);
    if (!put.ok()) return put.status();
  }
  return summary;
}

}  // namespace claimgraph
