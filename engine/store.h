// Store: the embedded RocksDB database that keeps documents, their claims,
// the entities they name, and the indexes queries need.
//
// Column families (key encodings in engine/key_codec.h):
//   default     "format" -> kStoreFormat
//   documents   doc_id -> StoredDocument (text, metadata, content hash)
//   claims      claim_id -> StoredClaim
//   entities    entity_id -> (type, name) of every subject and speaker seen
//   counters    (group, name) -> int64 count (documents, claims by kind...)
//   by_subject, by_metric, by_block, by_doc, by_source, by_speaker: indexes
//
// Every document is written with its claims, index entries and counter
// deltas in one atomic WriteBatch (WAL on), so a process killed at any
// moment leaves each document either fully present or absent. Replacing a
// document deletes its old claims and every one of their index entries in
// the same batch: no orphans.
//
// A writer holds RocksDB's lock on the directory. Readers open the store
// as a RocksDB secondary instance, which never takes the lock, so `query`
// and `ask` work while an ingest runs in another process and see the
// state as of Open (or the last CatchUp): whole documents only.
//
// Thread safety: all methods may be called concurrently from several
// threads; PutDocument calls for the same document id are serialized.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/claim.h"
#include "engine/document.h"
#include "engine/key_codec.h"
#include "engine/scan_lookahead.h"
#include "engine/status.h"
#include "engine/stored.h"

namespace rocksdb {
class Iterator;
}  // namespace rocksdb

namespace claimgraph {

// The on-disk format this build reads and writes. Bumped whenever a key or
// value encoding changes incompatibly.
inline constexpr std::string_view kStoreFormat = "claimgraph-store-3";

struct StoreOptions {
  // Open as a reader (RocksDB secondary instance): never blocks or is
  // blocked by a writer in another process. Writes fail with Unsupported.
  bool read_only = false;
  // Writer only: create the store when the directory has none. Readers
  // never create one.
  bool create_if_missing = true;
  // fsync the WAL on every document. Off by default: a killed process
  // loses nothing either way (the WAL is in the OS's page cache); sync only
  // adds protection against power loss, at a large cost in throughput.
  bool sync = false;
  // Read table files with O_DIRECT, past the page cache, where the file
  // system allows it (SupportsDirectIo, engine/store_dir.h): for a process
  // that reads most of the store once, as `rebuild --full` reads every
  // document. In this project's VM, filling the page cache costs about 2 s
  // of system time per GiB read (docs/PERFORMANCE.md "Ninth session"). A
  // generation staged from this store reads through the cache again.
  bool direct_reads = false;
};

enum class PutOutcome { kAdded, kReplaced, kUnchanged };

// RocksDB's memory in this process, in bytes, each part beside its budget.
// Memtables and the block cache are where a store's memory goes; both are
// capped whatever the size of the store or of the input.
struct StoreMemory {
  uint64_t memtables = 0;        // all column families, flushing ones included
  uint64_t memtable_budget = 0;  // past it, the largest memtable is flushed
  uint64_t block_cache = 0;      // index, filter and data blocks held
  uint64_t block_cache_capacity = 0;
};

// An entity as the store saw it in claims.
struct StoredEntity {
  std::string id;
  EntityType type = EntityType::kCompany;
  std::string name;
};

struct StoreStats {
  uint64_t documents = 0;
  uint64_t claims = 0;
  uint64_t entities = 0;
  std::map<std::string, uint64_t> by_kind;  // "quantity" -> count
  std::map<std::string, uint64_t> by_metric;
  std::map<std::string, uint64_t> by_modality;  // quantity and relative claims
  std::map<std::string, uint64_t> by_source;    // documents per source
  std::map<std::string, uint64_t> by_ruleset;   // claims per ruleset hash
  uint64_t size_bytes = 0;                      // files in the store directory
};

// What CheckConsistency found; `problems` is empty for a sound store.
struct ConsistencyReport {
  uint64_t documents = 0;
  uint64_t claims = 0;
  uint64_t index_entries = 0;
  std::vector<std::string> problems;  // at most 100, each naming the key at fault
};

// How Store::LoadShards treats the shard directories it loads.
struct LoadShardsOptions {
  // Hard-link the table files into the store and remove them from the shard
  // directories instead of copying them (same filesystem only). Off by
  // default, so that a failed or repeated load still finds its shards.
  bool move_files = false;
  // Read every block of every file and check its checksum before loading.
  // On by default: shards come from other machines and other disks.
  bool verify_checksums = true;
  // Load under a snapshot, so that every file gets a sequence number and
  // sequence() grows: a rebuild's snapshot is then seen to be stale. Off
  // only for a store no one has read yet (a rebuild's empty generation):
  // files that overlap nothing then keep sequence number 0, and RocksDB
  // has no reason to rewrite the bottom level to clear it.
  bool stamp_sequence = true;
};

struct LoadShardsSummary {
  uint64_t shards = 0;
  uint64_t files = 0;  // table files ingested, the counters file included
  uint64_t documents = 0;
  uint64_t claims = 0;
  uint64_t keys = 0;   // records in the shards' files
  uint64_t bytes = 0;  // of the shards' files
};

// A walk over the keys of one index that start with a prefix, one key at a
// time, in ascending or descending key order: a search merges several of
// them lazily and stops at its limit. Sees the store as it was when made.
// Not thread-safe; must not outlive its Store.
class IndexCursor {
 public:
  ~IndexCursor();
  IndexCursor(const IndexCursor&) = delete;
  IndexCursor& operator=(const IndexCursor&) = delete;

  // Positioned on a key of the prefix. False at the end or after an error.
  bool Valid() const { return valid_; }
  // The components of the current key (claim id last, see key_codec.h).
  // REQUIRES: Valid().
  const std::vector<std::string>& parts() const { return parts_; }
  void Next();
  // Not ok after a read error or an undecodable key.
  const Status& status() const { return status_; }

 private:
  friend class Store;
  IndexCursor(std::unique_ptr<rocksdb::Iterator> it, ClaimIndex index, std::string prefix,
              bool descending);
  void Settle();  // decodes the key under it_, or ends the walk

  std::unique_ptr<rocksdb::Iterator> it_;
  ClaimIndex index_;
  std::string prefix_;  // encoded
  bool descending_;
  bool valid_ = false;
  std::vector<std::string> parts_;
  Status status_;
};

class Store {
 public:
  // Opens (or, for a writer, creates) the store at `path`.
  // Errors: NotFound when a reader finds no store; InvalidArgument when the
  // directory holds something else (a non-empty directory that is not a
  // RocksDB database, a RocksDB database without our format marker, or a
  // store of another format version); IOError when RocksDB fails (another
  // writer holds the lock, say), with RocksDB's message.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The store directory, as given to Open.
  const std::string& path() const;
  // The generation this store opened (see engine/store_dir.h), its RocksDB
  // directory, and the directory for what a rebuild derived from it
  // (graph, analysis); the latter may not exist.
  uint64_t generation() const;
  const std::string& db_path() const;
  std::string snapshot_dir() const;
  // RocksDB's latest sequence number: grows with every write, survives
  // checkpoints and reopening. A rebuild records it with its snapshot, so a
  // reader can tell whether the store changed since.
  uint64_t sequence() const;

  // --- writing (REQUIRES: opened as a writer) ---

  // True when `doc_id` is stored with this content hash and ruleset, i.e.
  // ingesting it again would change nothing.
  Result<bool> IsCurrent(std::string_view doc_id, std::string_view content_hash,
                         std::string_view ruleset) const;
  // Writes `doc` and `claims` (extracted from it with `ruleset`) in one
  // atomic batch, replacing whatever was stored under doc.id. Unchanged
  // (same content hash and ruleset) is a no-op unless `force` (rebuild
  // --full: the extractor's code may have changed while the rules did not).
  // `content_hash` is ContentHash(doc) when the caller has it already
  // (hashing a document reads all of it); empty, it is computed.
  // REQUIRES: every claim's doc_id == doc.id.
  Result<PutOutcome> PutDocument(const Document& doc, std::string_view ruleset,
                                 const std::vector<Claim>& claims, bool force = false,
                                 std::string_view content_hash = {});
  // Makes every write so far durable (fsyncs the WAL) and flushes the
  // memtables to table files, so readers opened later start fast.
  Status Sync();

  // Loads shard directories written by ShardWriter (`claimgraph sst`) in one
  // atomic step: every table file of every column family is ingested by
  // one RocksDB IngestExternalFiles call, together with a counters file
  // holding the store's counters plus every shard's, so that readers and a
  // crash see all of it or none of it. Documents are only added: a
  // document id that is already stored, or that two shards both hold, is
  // refused with InvalidArgument naming the ids, and nothing is loaded.
  // Other errors name the directory or file at fault (ReadShardManifest,
  // a file that is not a table file, a bad checksum); the store is then
  // unchanged. The store's sequence number grows, so a rebuild's snapshot
  // becomes stale as after an ingest.
  Result<LoadShardsSummary> LoadShards(const std::vector<std::string>& dirs,
                                       const LoadShardsOptions& options);

  // --- generations (REQUIRES: opened as a writer) ---

  enum class StageFrom {
    kCopy,   // a RocksDB checkpoint of this generation (table files hard-linked: cheap)
    kEmpty,  // a new, empty store: for a rebuild that rewrites every document
  };
  // Makes the next generation, a copy of this one or empty, and opens it as
  // a writer. Readers keep opening this generation until
  // PublishGeneration. A previous attempt's leftovers are removed first.
  // The returned store shares this store's writer lock: it must be
  // destroyed before this one.
  Result<std::unique_ptr<Store>> StageGeneration(StageFrom from = StageFrom::kCopy);
  // Syncs `staged` (from StageGeneration) and makes it the generation that
  // readers and writers open from now on, atomically (engine/store_dir.h);
  // removes generations older than this one. `staged` stays usable.
  Status PublishGeneration(Store* staged);

  // --- reading ---

  // Secondary instances: replays what a writer has written since Open.
  Status CatchUp();
  Result<std::optional<StoredDocument>> GetDocument(std::string_view doc_id) const;
  Result<std::optional<StoredClaim>> GetClaim(std::string_view claim_id) const;
  // The stored claims of `ids`, in the same order; ids with no claim are
  // skipped.
  Result<std::vector<StoredClaim>> GetClaims(const std::vector<std::string>& ids) const;
  // Calls fn(claim_id) for each entry of `index` whose key starts with the
  // components of `prefix` (all of them when empty), in key order, until fn
  // returns false.
  Status ScanIndex(ClaimIndex index, const std::vector<std::string>& prefix,
                   const std::function<bool(const std::string& claim_id)>& fn) const;
  // Like ScanIndex, but passes every component of each key (claim id last,
  // the date before it; see key_codec.h), in descending key order when
  // `descending` (newest first within one prefix).
  Status ScanIndexKeys(ClaimIndex index, const std::vector<std::string>& prefix, bool descending,
                       const std::function<bool(const std::vector<std::string>& parts)>& fn) const;
  // A cursor over the entries of `index` under `prefix` (see ScanIndexKeys).
  std::unique_ptr<IndexCursor> NewIndexCursor(ClaimIndex index,
                                              const std::vector<std::string>& prefix,
                                              bool descending) const;
  // The distinct values of the key component that follows `prefix` in
  // `index` (periods under a by_block {subject, metric}), in key order; one
  // seek per value, so a search can walk each of them as a dated stream.
  Result<std::vector<std::string>> IndexComponents(ClaimIndex index,
                                                   const std::vector<std::string>& prefix) const;
  // Every claim / document / entity, in key order, until fn returns false.
  // Claims and documents are read and decoded on a second thread while fn
  // runs on the caller's (engine/scan_pipe.h), so fn needs no locking; the
  // record passed is valid only during the call. Corruption names the
  // record's key. A claim scan's `ahead` runs on the claims ahead of fn's
  // (engine/scan_lookahead.h): for callers whose work is cache misses.
  Status ForEachClaim(const std::function<bool(const StoredClaim&)>& fn,
                      const ScanLookahead<StoredClaim>& ahead = {}) const;
  Status ForEachDocument(const std::function<bool(const StoredDocument&)>& fn) const;
  Status ForEachEntity(const std::function<bool(const StoredEntity&)>& fn) const;

  Result<StoreStats> Stats() const;
  // One counter (CounterKey(group, name) in the counters family; 0 when
  // absent): ("total", "claims"), ("ruleset", <hash>) and the like.
  Result<int64_t> Counter(std::string_view group, std::string_view name) const;
  StoreMemory Memory() const;
  // Walks every document, claim and index entry and checks that each index
  // entry names a claim that maps to exactly that key, that each claim's
  // document and index entries exist, and that the counters match.
  Result<ConsistencyReport> CheckConsistency() const;

  struct Rep;  // defined in engine/store_internal.h; opaque to users

 private:
  Store();
  std::unique_ptr<Rep> rep_;
};

}  // namespace claimgraph
