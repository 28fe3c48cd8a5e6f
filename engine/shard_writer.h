// ShardWriter: turns documents and their claims into a shard directory of
// sorted RocksDB table files, one or more per column family, written with
// the store's own options (comparator, compression, table options), plus
// its manifest (engine/shard_manifest.h). Store::LoadShards ingests such
// directories into a store at once; the records are exactly those
// Store::PutDocument writes (engine/store_records.h), so a loaded store
// equals an ingested one.
//
// The shard is built in memory (about 1.3 times the text and claims it
// holds) and written by Finish: size partitions to fit (docs/SCALING.md).
//
// Thread safety: Add may be called from several threads at once; Finish
// once, after every Add has returned.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/claim.h"
#include "engine/document.h"
#include "engine/shard_manifest.h"
#include "engine/status.h"

namespace claimgraph {

struct ShardWriterOptions {
  // A column family's keys go to a new file past this size; files of one
  // family never overlap. 64 MB, as RocksDB's own compactions write: a
  // file's index and filter blocks grow with it, and a reader's cache
  // (64 shards of 4 MB) evicts a whole shard for each 2 MB block of a
  // 256 MB file. Queries on a million documents loaded as 256 MB files
  // took p50 9.7 ms instead of 2.5 ms (docs/PERFORMANCE.md).
  uint64_t target_file_bytes = uint64_t{64} << 20;
  // Write the table files with O_DIRECT, past the page cache: for files
  // read once and removed (a chunked load's sorted runs), where filling
  // the cache costs more than it saves. In this project's VM, writing 1 GiB
  // through the page cache took 2-5 s of system time, with O_DIRECT 0.2 s
  // (docs/PERFORMANCE.md). REQUIRES: the directory supports it
  // (SupportsDirectIo, engine/store_dir.h).
  bool direct_writes = false;
  // Leave the written files in the page cache. RocksDB's SstFileWriter
  // drops each megabyte from the cache once written, so a store that reads
  // the files right after loading them (a rebuild's analysis and graph)
  // reads them from disk and fills the cache again.
  bool keep_cached = false;
  // Write each column family as one sorted run (engine/run_file.h), not as
  // table files: for a chunked load's chunks, which only MergeShards reads.
  // A shard of runs cannot be loaded (Store::LoadShards refuses it). The
  // file size target and keep_cached do not apply to runs.
  bool sorted_runs = false;
};

class ShardWriter {
 public:
  // Prepares a shard in `dir`, which is created when absent.
  // InvalidArgument when `dir` exists and is not an empty directory (a
  // shard is never overwritten); IOError when it cannot be created.
  static Result<std::unique_ptr<ShardWriter>> Create(const std::string& dir,
                                                     const ShardWriterOptions& options = {});
  ~ShardWriter();
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  // Adds `doc`, extracted with `ruleset` into `claims`, stamped with
  // `ingested_at` (unix seconds). A later document with the same id
  // replaces the earlier one, as a re-ingest would; returns true then.
  // `content_hash` is ContentHash(doc) when the caller has it already;
  // empty, it is computed.
  // REQUIRES: every claim's doc_id == doc.id; Finish not called yet.
  bool Add(const Document& doc, std::string_view ruleset, const std::vector<Claim>& claims,
           int64_t ingested_at, std::string_view content_hash = {});
  // Documents added so far (replaced ones once).
  uint64_t documents() const;
  // About how much memory the documents added so far hold (their records,
  // with an estimate of the allocator's overhead): what a caller bounds
  // when it writes a large input as several shards (engine/chunked_loader.h).
  uint64_t memory_bytes() const;

  // Sorts and writes the table files, then the manifest (last, durably).
  // Returns the manifest. IOError naming the file when one cannot be
  // written; the directory then holds no manifest and cannot be loaded.
  Result<ShardManifest> Finish();
  // The same, written with `options` instead of Create's: a chunked load
  // writes its only chunk as the table files it loads, and every other
  // chunk as runs to merge.
  Result<ShardManifest> Finish(const ShardWriterOptions& options);

 private:
  struct Rep;
  explicit ShardWriter(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace claimgraph
