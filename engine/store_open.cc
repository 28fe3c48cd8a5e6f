// Store::Open: format checks, column families, writer and reader instances.
#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/memtablerep.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <system_error>

#include "engine/store_dir.h"
#include "engine/store_internal.h"

namespace claimgraph {

namespace fs = std::filesystem;

namespace {

constexpr char kFormatKey[] = "format";

// Memory budgets. All column families' memtables together: 11 families,
// two memtables each, could otherwise hold over 200 MB; past this the
// largest is flushed. 96 MB rather than 64: with 64 the documents family was
// flushed early, in small files, and rewritten more often by compactions
// (docs/PERFORMANCE.md "Round 7").
constexpr size_t kMemtableBudget = size_t{96} << 20;
// Readers answer queries from their block cache. It must hold the index and
// filter blocks of the whole store (about 50 MB at a million documents,
// 4.4 GB of tables) and still keep the data blocks queries reuse: with
// 64 MB, a million-document store evicted them and every query read and
// decompressed its blocks again (`query --entity` p50 10.7 ms instead of
// 3.8 ms; docs/PERFORMANCE.md "Queries at a million documents"). Whole-
// family scans do not fill it (Store::ForEachClaim).
constexpr size_t kReaderCacheBytes = size_t{256} << 20;
// A writer reads little: the documents' bloom filters (is this id new?),
// the counters, the old claims of a replaced document. It still loads the
// index and filter blocks of every table that flushes and compactions write,
// so its cache fills as the store grows; a small one is full early and its
// memory then stays flat. Ingest of 300,000 generated documents: peak RSS
// 144 MB with 16 MB against 168 MB with 64 MB; of 1,000,000: 154 MB
// against 199.5 MB (docs/RELIABILITY.md).
constexpr size_t kWriterCacheBytes = size_t{16} << 20;
// Four shards of 4 MB: a table's whole index block (about 0.5 MB for a
// 64 MB file) fits one easily. With the default sharding a 16 MB cache has
// 32 shards of 512 KB and holds only about 7 MB.
constexpr int kWriterCacheShardBits = 2;

}  // namespace

rocksdb::ColumnFamilyOptions CfOptions(size_t cf, std::shared_ptr<rocksdb::Cache> cache) {
  rocksdb::ColumnFamilyOptions o;
  o.compression = rocksdb::kLZ4Compression;  // evidence text repeats across claims
  // Small memtables: a skip-list insert costs a cache miss per level, and
  // 8 MB lists are shallower and warmer than the 64 MB default. Measured on
  // 15,000 dense generated documents: ingest 27 s instead of 41 s, peak RSS
  // 109 MB instead of 392 MB, store size the same (docs/PERFORMANCE.md).
  o.write_buffer_size = 8 << 20;
  // Claim ids are hashes, so every flushed file of claims overlaps all of
  // level 1, and each compaction from level 0 rewrites level 1 whole. Fewer,
  // larger batches of level-0 files rewrite it less often: a 16 MB memtable
  // for claims (the family with the most bytes) and 8 files before a
  // compaction instead of 4. A WAL ingest of 1,000,000 generated documents
  // wrote 43 GB in compactions with RocksDB's defaults and 21 GB with these,
  // and writers stalled 0.7% of the time instead of 22% (docs/PERFORMANCE.md
  // "Round 7"). Readers merge up to twice as many level-0 files.
  if (cf == kCfClaims) o.write_buffer_size = 16 << 20;
  o.level0_file_num_compaction_trigger = 8;
  o.level0_slowdown_writes_trigger = 40;
  o.level0_stop_writes_trigger = 64;
  if (cf >= kCfFirstIndex) {
    // Index keys are most of the keys an ingest writes, and a writer never
    // reads them back. A vector memtable appends them and
    // sorts once, at flush, where a skip list paid a search per key: a
    // quarter of a WAL ingest's CPU (docs/PERFORMANCE.md "Round 7"). The
    // price is paid by whoever iterates an unflushed memtable (a reader
    // following a writer that is still ingesting): each iterator sorts a
    // copy of it. Families that are read while writing (documents, claims,
    // counters) keep the skip list, whose point reads stay cheap.
    o.memtable_factory = std::make_shared<rocksdb::VectorRepFactory>();
  }
  rocksdb::BlockBasedTableOptions t;
  t.block_cache = std::move(cache);
  // Index and filter blocks are charged to the block cache instead of being
  // held beside every open table: with max_open_files = -1 they would grow
  // with the store, so ingest's memory would too. Level 0's stay pinned.
  t.cache_index_and_filter_blocks = true;
  t.cache_index_and_filter_blocks_with_high_priority = true;
  t.pin_l0_filter_and_index_blocks_in_cache = true;
  if (cf == kCfDocuments || cf == kCfClaims) {
    // Point lookups by id dominate: a bloom filter saves a disk read per miss.
    t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  }
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  return o;
}

namespace {

rocksdb::Options DbOptions() {
  rocksdb::Options o;
  o.IncreaseParallelism(2);
  o.max_open_files = -1;  // required for secondary instances to follow a writer safely
  o.keep_log_file_num = 4;
  // With the block cache, this bounds a writer's memory whatever the input size.
  o.db_write_buffer_size = kMemtableBudget;
  // Vector memtables (the indexes') take one writer at a time: a write
  // group's leader inserts every batch of the group.
  o.allow_concurrent_memtable_write = false;
  o.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  return o;
}

// Readers' scratch directories: /tmp/claimgraph-reader-<pid>-XXXXXX.
constexpr char kReaderDirPrefix[] = "/tmp/claimgraph-reader-";

// Removes scratch directories of readers that died without cleaning up
// (killed, or ended by SIGPIPE in `claimgraph query | head`).
void RemoveStaleReaderDirs() {
  std::error_code ec;
  const std::string name_prefix = fs::path(kReaderDirPrefix).filename().string();
  for (const auto& entry : fs::directory_iterator(fs::path(kReaderDirPrefix).parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.compare(0, name_prefix.size(), name_prefix) != 0) continue;
    const long pid = std::strtol(name.c_str() + name_prefix.size(), nullptr, 10);
    if (pid <= 0 || (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)) {
      fs::remove_all(entry.path(), ec);
    }
  }
}

bool IsRocksDb(const std::string& path) { return fs::exists(fs::path(path) / "CURRENT"); }

bool IsNonEmptyDir(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec) && !fs::is_empty(path, ec);
}

Status WrongFormat(const Store::Rep& rep, const std::string& format) {
  return Status::InvalidArgument(
      rep.path + ": store format '" + format + "' is not the format this build reads ('" +
      std::string(kStoreFormat) + "'); rebuild it with `claimgraph ingest` into a new --db");
}

// Checks the column families and format marker of an existing store.
Status CheckFormat(Store::Rep* rep, const std::vector<std::string>& present) {
  std::string format;
  rocksdb::Status s =
      rep->db->Get(rocksdb::ReadOptions(), rep->cf(kCfDefault), kFormatKey, &format);
  // An older store lacks families this build has: its marker says more.
  if (s.ok() && format != kStoreFormat) return WrongFormat(*rep, format);
  for (const std::string& name : ColumnFamilyNames()) {
    if (std::find(present.begin(), present.end(), name) == present.end()) {
      return Status::InvalidArgument(rep->path + ": not a claimgraph store (no column family '" +
                                     name + "')");
    }
  }
  if (s.IsNotFound()) {
    // A writer killed between creating the store and writing the marker
    // leaves an empty store without one: finish the job.
    std::unique_ptr<rocksdb::Iterator> it(
        rep->db->NewIterator(rocksdb::ReadOptions(), rep->cf(kCfDocuments)));
    it->SeekToFirst();
    if (!rep->options.read_only && !it->Valid() && it->status().ok()) {
      return FromRocks(rep->db->Put(rocksdb::WriteOptions(), rep->cf(kCfDefault), kFormatKey,
                                    std::string(kStoreFormat)),
                       "write format of " + rep->path);
    }
    return Status::InvalidArgument(rep->path + ": not a claimgraph store (no format marker)");
  }
  if (!s.ok()) return FromRocks(s, "read format of " + rep->path);
  return Status::OK();
}

Status OpenFamilies(Store::Rep* rep, const std::vector<std::string>& names, bool create) {
  rocksdb::Options options = DbOptions();
  options.create_if_missing = create;
  options.create_missing_column_families = create;
  options.use_direct_reads = rep->options.direct_reads && SupportsDirectIo(rep->db_path);
  rocksdb::LRUCacheOptions cache_options;
  if (rep->options.read_only) {
    cache_options.capacity = kReaderCacheBytes;
  } else {
    cache_options.capacity = kWriterCacheBytes;
    cache_options.num_shard_bits = kWriterCacheShardBits;
  }
  std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(cache_options);
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  const std::vector<std::string>& ours = ColumnFamilyNames();
  for (const std::string& name : names) {
    size_t index = static_cast<size_t>(std::find(ours.begin(), ours.end(), name) - ours.begin());
    descriptors.emplace_back(name, CfOptions(index, cache));
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s;
  if (rep->options.read_only) {
    RemoveStaleReaderDirs();
    std::string tmpl = std::string(kReaderDirPrefix) + std::to_string(getpid()) + "-XXXXXX";
    if (mkdtemp(tmpl.data()) == nullptr) {
      return Status::IOError("cannot create a reader's temp directory " + tmpl);
    }
    rep->secondary_dir = tmpl;
    s = rocksdb::DB::OpenAsSecondary(options, rep->db_path, rep->secondary_dir, descriptors,
                                     &handles, &db);
  } else {
    s = rocksdb::DB::Open(options, rep->db_path, descriptors, &handles, &db);
  }
  if (!s.ok() && !rep->options.read_only && s.ToString().find("lock") != std::string::npos) {
    return Status::IOError(rep->path +
                           " is in use by another writer (an ingest still running?); "
                           "query, ask, stats and show work meanwhile (" +
                           s.ToString() + ")");
  }
  if (!s.ok()) return FromRocks(s, "open store " + rep->path);
  rep->db.reset(db);
  rep->cfs.assign(ours.size(), nullptr);
  for (size_t i = 0; i < handles.size(); ++i) {
    auto it = std::find(ours.begin(), ours.end(), names[i]);
    if (it == ours.end()) {
      rep->cfs.push_back(handles[i]);  // unknown family: kept only to be closed
    } else {
      rep->cfs[static_cast<size_t>(it - ours.begin())] = handles[i];
    }
  }
  return Status::OK();
}

}  // namespace

StoreMemory Store::Memory() const {
  StoreMemory m;
  m.memtable_budget = kMemtableBudget;
  // size-all-mem-tables counts the active, the flushing and the pinned ones.
  rep_->db->GetAggregatedIntProperty(rocksdb::DB::Properties::kSizeAllMemTables, &m.memtables);
  // The families share one cache: any of them reports it.
  rep_->db->GetIntProperty(rep_->cf(kCfDefault), rocksdb::DB::Properties::kBlockCacheUsage,
                           &m.block_cache);
  rep_->db->GetIntProperty(rep_->cf(kCfDefault), rocksdb::DB::Properties::kBlockCacheCapacity,
                           &m.block_cache_capacity);
  return m;
}

Status FromRocks(const rocksdb::Status& s, std::string_view context) {
  if (s.ok()) return Status::OK();
  std::string msg = std::string(context) + ": " + s.ToString();
  if (s.IsCorruption()) return Status::Corruption(msg);
  if (s.IsNotFound()) return Status::NotFound(msg);
  if (s.IsInvalidArgument()) return Status::InvalidArgument(msg);
  return Status::IOError(msg);
}

void Store::Rep::CloseDb() {
  if (db) {
    for (rocksdb::ColumnFamilyHandle* h : cfs) {
      if (h != nullptr) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    }
    db->Close().PermitUncheckedError();
    db.reset();
  }
  cfs.clear();
  if (!secondary_dir.empty()) {
    std::error_code ec;
    fs::remove_all(secondary_dir, ec);
    secondary_dir.clear();
  }
}

Store::Rep::~Rep() { CloseDb(); }

Status Store::Rep::CheckWritable() const {
  if (options.read_only) return Status::Unsupported(path + ": store opened read-only");
  std::lock_guard guard(failed_mu);
  if (!write_failed.ok()) {
    return Status::IOError(
        path + ": no more writes after an earlier one failed: " + write_failed.message());
  }
  return Status::OK();
}

void Store::Rep::WriteFailed(const Status& s) {
  std::lock_guard guard(failed_mu);
  if (write_failed.ok()) write_failed = s;
}

Store::Store() : rep_(std::make_unique<Rep>()) {}
Store::~Store() = default;

const std::string& Store::path() const { return rep_->path; }

namespace {

// A secondary instance reads the MANIFEST, then the live WAL files. A writer
// that flushes in between (ingest ends with one) moves a WAL's records into a
// table file the reader's MANIFEST does not list yet, and deletes the WAL:
// the reader would miss those records, or fail to open a WAL that vanished.
// Catching up once after the open reads the MANIFEST edits written since, so
// the reader sees at least everything the writer had written when the open
// began; a catch-up that itself loses the race is tried again.
Status OpenSecondaryCaughtUp(Store::Rep* rep, const std::vector<std::string>& present) {
  constexpr int kAttempts = 5;
  Status s;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    rep->CloseDb();  // what a failed attempt opened
    s = OpenFamilies(rep, present, /*create=*/false);
    if (!s.ok()) continue;
    for (int catch_up = 0; catch_up < kAttempts; ++catch_up) {
      s = FromRocks(rep->db->TryCatchUpWithPrimary(), "catch up with " + rep->path);
      if (s.ok()) return s;
    }
  }
  return s;
}

}  // namespace

Status CreateGenerationDb(Store::Rep* rep) {
  const std::string dir = GenerationDir(rep->path, rep->generation);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir + ": " + ec.message());
  Status s = OpenFamilies(rep, ColumnFamilyNames(), /*create=*/true);
  if (!s.ok()) return s;
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return FromRocks(rep->db->Put(wo, rep->cf(kCfDefault), kFormatKey, std::string(kStoreFormat)),
                   "write format of " + rep->path);
}

Status OpenGenerationDb(Store::Rep* rep) {
  std::vector<std::string> present;
  rocksdb::Status ls = rocksdb::DB::ListColumnFamilies(DbOptions(), rep->db_path, &present);
  if (!ls.ok()) return FromRocks(ls, "open store " + rep->path);
  Status s = rep->options.read_only ? OpenSecondaryCaughtUp(rep, present)
                                    : OpenFamilies(rep, present, /*create=*/false);
  if (!s.ok()) return s;
  return CheckFormat(rep, present);
}

namespace {

Status NoStoreAt(const std::string& path) {
  return Status::NotFound("no claimgraph store at " + path +
                          " (create one with `claimgraph ingest --db " + path + " INPUT...`)");
}

// Creates generation 1 of a new store and points SNAPSHOT at it.
Status CreateFirstGeneration(Store::Rep* rep) {
  RemoveStaleGenerations(rep->path, 0);  // leftovers of an interrupted creation
  rep->generation = 1;
  rep->db_path = GenerationDbDir(rep->path, 1);
  Status s = CreateGenerationDb(rep);
  if (!s.ok()) return s;
  return PublishCurrentGeneration(rep->path, 1);
}

Status OpenWriter(Store::Rep* rep) {
  const std::string& path = rep->path;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    if (!rep->options.create_if_missing) return NoStoreAt(path);
    fs::create_directories(path, ec);
    if (ec) return Status::IOError("cannot create " + path + ": " + ec.message());
  } else if (!fs::is_directory(path, ec)) {
    return Status::InvalidArgument(path +
                                   " exists and is not a claimgraph store; choose another --db");
  }
  auto current = ReadCurrentGeneration(path);
  if (!current.ok()) return current.status();
  if (!*current && !HoldsOnlyStoreLeftovers(path)) {
    return Status::InvalidArgument(path +
                                   " exists and is not a claimgraph store; choose another --db");
  }
  auto lock = WriterLock::Acquire(path);
  if (!lock.ok()) return lock.status();
  rep->lock.emplace(std::move(lock).value());
  current = ReadCurrentGeneration(path);  // again, now that no writer can change it
  if (!current.ok()) return current.status();
  if (!*current) {
    if (!rep->options.create_if_missing) return NoStoreAt(path);
    return CreateFirstGeneration(rep);
  }
  RemoveStaleGenerations(path, **current);
  rep->generation = **current;
  rep->db_path = GenerationDbDir(path, rep->generation);
  return OpenGenerationDb(rep);
}

Status OpenReader(Store::Rep* rep) {
  const std::string& path = rep->path;
  std::error_code ec;
  if (!fs::exists(path, ec)) return NoStoreAt(path);
  auto current = ReadCurrentGeneration(path);
  if (!current.ok()) return current.status();
  if (!*current) {
    if (IsNonEmptyDir(path) && !HoldsOnlyStoreLeftovers(path)) {
      return Status::InvalidArgument(path + " is not a claimgraph store");
    }
    return NoStoreAt(path);
  }
  rep->generation = **current;
  rep->db_path = GenerationDbDir(path, rep->generation);
  return OpenGenerationDb(rep);
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  if (IsRocksDb(path)) {
    return Status::InvalidArgument(
        path + " is a RocksDB database but not a claimgraph store of this format (" +
        std::string(kStoreFormat) + " keeps its database under " + path +
        "/gen-NNNNNN/db); re-ingest into a new --db");
  }
  // A reader can lose a race with a rebuild that publishes a generation
  // and removes the one SNAPSHOT named a moment ago: it tries once more.
  for (int attempt = 0;; ++attempt) {
    std::unique_ptr<Store> store(new Store());
    Rep* rep = store->rep_.get();
    rep->path = path;
    rep->options = options;
    Status s = options.read_only ? OpenReader(rep) : OpenWriter(rep);
    if (s.ok()) return store;
    const uint64_t tried = rep->generation;
    store.reset();
    auto now = ReadCurrentGeneration(path);
    if (!options.read_only || attempt > 0 || tried == 0 || !now.ok() || !*now || **now == tried) {
      return s;
    }
  }
}

Status Store::CatchUp() {
  if (!rep_->options.read_only) return Status::OK();
  return FromRocks(rep_->db->TryCatchUpWithPrimary(), "catch up with " + rep_->path);
}

Status Store::Sync() {
  Status s = rep_->CheckWritable();
  if (!s.ok()) return s;
  s = FromRocks(rep_->db->FlushWAL(/*sync=*/true), "sync " + rep_->path);
  if (!s.ok()) return s;
  // Memtables to table files too: a reader opening later replays only the
  // WAL written after this point, so it opens fast.
  std::vector<rocksdb::ColumnFamilyHandle*> all;
  for (rocksdb::ColumnFamilyHandle* h : rep_->cfs) {
    if (h != nullptr) all.push_back(h);
  }
  return FromRocks(rep_->db->Flush(rocksdb::FlushOptions(), all), "flush " + rep_->path);
}

}  // namespace claimgraph
