// Bulk loading: documents written as sorted RocksDB table files and loaded
// in one step (Store::LoadShards) instead of one WriteBatch each.
//
// ChunkedLoader turns any number of new documents into one load in bounded
// memory. BulkLoader, the write side of `claimgraph ingest --bulk`, adds
// what a store that already holds documents needs: replacing those.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "engine/shard_writer.h"
#include "engine/status.h"
#include "engine/store.h"

namespace claimgraph {

// Records a chunk holds before it is written as a sorted run. 64 MB sorts
// faster than 256 MB (the keys stay in cache: a million documents
// re-extracted and loaded in 295 s instead of 316 s) with a quarter of the
// memory; a million documents of news make about 320 runs, which the
// merge reads at once.
inline constexpr uint64_t kDefaultChunkBytes = uint64_t{64} << 20;

// ChunkedLoader: writes a large number of documents into a store that
// holds none of them through sorted table files, in bounded memory: an
// external merge sort. Documents collect in a shard until it holds about
// `chunk_bytes`; the shard is then written to disk as one sorted run while
// the next one fills, so at most three chunks are in memory (one being
// written, one full and waiting, one filling). Finish merges the runs (a
// single run is loaded as it is) into
// files that do not overlap (MergeShards) and loads them in one atomic
// Store::LoadShards: readers of the store see all documents or none. In an
// empty store (a rebuild's new generation, engine/store.h
// StageFrom::kEmpty) every file lands in the bottom level, with nothing
// left to compact.
//
// Thread safety: Add from several threads at once; Finish once, after.
class ChunkedLoader {
 public:
  // REQUIRES: `store` opened as a writer, holding none of the documents
  // that will be added, outliving the loader. `merge_threads` 0 = one per
  // core. `load` says how the merged shard is loaded (the files are always
  // moved, and not read again for checksums). `cache_tables`: write the
  // table files to load through the page cache and leave them there, for a
  // store that reads them next (a rebuild's analysis and graph); false
  // writes them past it (O_DIRECT where the directory allows), which costs
  // less CPU when nothing reads them soon (an ingest). IOError when the
  // temporary directory cannot be created.
  static Result<std::unique_ptr<ChunkedLoader>> Start(Store* store, uint64_t chunk_bytes,
                                                      size_t merge_threads = 0,
                                                      LoadShardsOptions load = {},
                                                      bool cache_tables = true);
  ~ChunkedLoader();  // removes the temporary directory
  ChunkedLoader(const ChunkedLoader&) = delete;
  ChunkedLoader& operator=(const ChunkedLoader&) = delete;

  // Adds `doc`, extracted with `ruleset` into `claims`, stamped
  // `ingested_at` (unix seconds). Returns the error of the first chunk that
  // could not be written (by this call or an earlier one); after one,
  // nothing more is written. Document ids must be unique: Finish refuses
  // an id added twice, naming it, and loads nothing. `content_hash`: as
  // ShardWriter::Add takes it.
  Status Add(const Document& doc, std::string_view ruleset, const std::vector<Claim>& claims,
             int64_t ingested_at, std::string_view content_hash = {});
  // Writes what is left, merges the chunks and loads them. Returns what
  // was loaded, or the first error; the store is then unchanged.
  Result<LoadShardsSummary> Finish();
  // Chunks written so far.
  uint64_t chunks() const;

 private:
  ChunkedLoader(Store* store, uint64_t chunk_bytes, size_t merge_threads, LoadShardsOptions load,
                bool cache_tables, std::string dir);
  // How the table files to load are written (see cache_tables).
  ShardWriterOptions TableOptions() const;
  // A new shard in dir_ for the next chunk.
  Status NewChunk();
  // Writes `shard` (in `shard_dir`) as one sorted run; the `last` chunk,
  // when no other was written, as the table files to load instead.
  Status WriteChunk(std::unique_ptr<ShardWriter> shard, const std::string& shard_dir, bool last);
  Status Failure() const;

  Store* store_;
  const uint64_t chunk_bytes_;
  const size_t merge_threads_;
  const LoadShardsOptions load_;
  const bool cache_tables_;
  std::string dir_;
  // Runs are written and merged with O_DIRECT where dir_ allows it: each
  // is read once and removed, so the page cache would only cost.
  bool direct_io_ = false;

  // Add holds swap_mu_ shared while it adds; taking out a full chunk holds
  // it alone, so no Add is still writing into a chunk being finished.
  std::shared_mutex swap_mu_;
  std::unique_ptr<ShardWriter> shard_;
  std::string shard_dir_;
  uint64_t next_chunk_ = 1;

  mutable std::mutex write_mu_;       // one chunk written at a time
  std::vector<std::string> written_;  // directories of the chunks written, in order
  bool tables_written_ = false;       // the only chunk, written as table files
  Status failed_;                     // the first failure; guarded by write_mu_
  std::atomic<bool> has_failed_{false};
};

// BulkLoader: the write side of `claimgraph ingest --bulk`. Documents the
// store does not hold go to a ChunkedLoader in a temporary directory inside
// the store directory; Finish merges and loads them in one atomic step.
// Documents the store holds with other content or rules are replaced at
// once through Store::PutDocument, as `ingest` does; unchanged ones are
// skipped before extraction by the Ingester. A new document given again
// (the same id twice in the input) is kept aside and put, replacing the
// first version, right after the load.
//
// Until Finish returns, readers see the replaced documents but none of the
// new ones; a killed bulk ingest leaves the store as it was before (plus
// any replacements) and its temporary directory, which the next BulkLoader
// on the store removes.
//
// Thread safety: Put from several threads at once; Finish once, after.
class BulkLoader {
 public:
  // REQUIRES: `store` opened as a writer, outliving the loader.
  // IOError when the temporary directory cannot be created.
  static Result<std::unique_ptr<BulkLoader>> Start(Store* store, std::string ruleset,
                                                   uint64_t chunk_bytes = kDefaultChunkBytes);
  ~BulkLoader();
  BulkLoader(const BulkLoader&) = delete;
  BulkLoader& operator=(const BulkLoader&) = delete;

  // Adds a new document to the load (kAdded; kReplaced when it was given
  // before), or replaces a stored one (Store::PutDocument's outcome).
  Result<PutOutcome> Put(const Document& doc, const std::vector<Claim>& claims,
                         std::string_view content_hash = {});
  // Loads the new documents, then puts the ones given twice.
  Result<LoadShardsSummary> Finish();

 private:
  BulkLoader(Store* store, std::string ruleset, std::unique_ptr<ChunkedLoader> loader);
  Store* store_;
  std::string ruleset_;
  int64_t started_at_;  // unix seconds: every loaded document's ingested_at
  std::unique_ptr<ChunkedLoader> loader_;
  std::mutex mu_;
  std::unordered_set<std::string> added_;                       // ids given to loader_
  std::vector<std::pair<Document, std::vector<Claim>>> again_;  // given twice, in order
};

}  // namespace claimgraph
