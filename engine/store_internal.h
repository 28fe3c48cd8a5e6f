// Store internals shared by store_open.cc, store.cc and store_check.cc.
// Not part of the public API: rocksdb types stay behind this header.
#pragma once

#include <rocksdb/db.h>

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/store.h"
#include "engine/store_dir.h"

namespace claimgraph {

// Column families, in the order they are opened.
enum Cf : size_t {
  kCfDefault,
  kCfDocuments,
  kCfClaims,
  kCfEntities,
  kCfCounters,
  kCfFirstIndex,  // by_subject .. by_speaker follow in kAllClaimIndexes order
};
inline constexpr size_t kNumIndexes = std::size(kAllClaimIndexes);
inline constexpr size_t kNumCfs = kCfFirstIndex + kNumIndexes;

// The column family names, indexed by Cf.
const std::vector<std::string>& ColumnFamilyNames();

inline size_t IndexCf(ClaimIndex index) { return kCfFirstIndex + static_cast<size_t>(index); }

struct Store::Rep {
  std::string path;     // the store directory (--db), as the user named it
  std::string db_path;  // the RocksDB directory of the opened generation
  uint64_t generation = 0;
  std::optional<WriterLock> lock;  // writers of the current generation
  StoreOptions options;
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs;  // indexed by Cf; owned, closed in ~Rep
  std::string secondary_dir;                      // readers: removed in ~Rep

  // Document ids with a PutDocument in progress.
  std::mutex busy_mu;
  std::condition_variable busy_cv;
  std::set<std::string, std::less<>> busy;
  std::mutex counter_mu;  // held while counters are read, updated and written

  // The first failed write (a full disk, a file-size limit, an I/O error).
  // RocksDB stops accepting writes after one, and syncing its log then
  // would trip its own checks; later writes and Sync return this instead.
  mutable std::mutex failed_mu;
  Status write_failed;
  void WriteFailed(const Status& s);

  ~Rep();
  // Closes the database and removes a reader's scratch directory.
  void CloseDb();
  rocksdb::ColumnFamilyHandle* cf(size_t i) const { return cfs[i]; }
  Status CheckWritable() const;
};

// Creates the empty database of a new generation at rep->db_path (its
// directory included; rep->path, options and generation set): every column
// family and the format marker, written durably.
Status CreateGenerationDb(Store::Rep* rep);

// Opens the existing database at rep->db_path (rep->path, options and
// generation set) and checks that it is a store of this format.
Status OpenGenerationDb(Store::Rep* rep);

// The options of column family `cf` (a Cf): compression, table options and
// filters. ShardWriter writes table files with them, so that ingested files
// are laid out as the store's own.
rocksdb::ColumnFamilyOptions CfOptions(size_t cf, std::shared_ptr<rocksdb::Cache> cache);

// rocksdb::Status -> Status, with `context` ("open /x/db") in the message.
Status FromRocks(const rocksdb::Status& s, std::string_view context);

// Counters: int64 values, 8 bytes little-endian.
std::string EncodeCounter(int64_t v);
int64_t DecodeCounter(std::string_view bytes);  // 0 unless 8 bytes

// Counter keys.
std::string CounterKey(std::string_view group, std::string_view name);
// Calls fn(group, name) for each counter one claim counts in. The views
// live as long as `c`.
template <typename Fn>
void ForEachClaimCounter(const Claim& c, Fn&& fn) {
  fn("total", "claims");
  // Claims by ruleset: a search uses by_term only when every claim was
  // extracted (its terms found) with the ruleset of the question lexicon.
  fn("ruleset", c.ruleset);
  fn("kind", ClaimKindName(c.kind));
  if (!c.metric.empty()) fn("metric", c.metric);
  if (c.kind == ClaimKind::kQuantity || c.kind == ClaimKind::kRelative) {
    fn("modality", ModalityName(c.modality));
  }
}
// Adds the counter deltas of one claim (sign = +1 or -1).
void AddClaimCounters(const Claim& c, int64_t sign, std::map<std::string, int64_t>* deltas);
// The entity records a claim contributes (subject, speaker).
std::vector<StoredEntity> ClaimEntities(const Claim& c);
std::string EncodeEntity(const StoredEntity& e);

}  // namespace claimgraph
