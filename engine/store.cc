// Store: atomic document writes and the read paths.
#include "engine/store.h"

#include <rocksdb/write_batch.h>

#include <algorithm>

#include "engine/date.h"
#include "engine/scan_pipe.h"
#include "engine/store_internal.h"
#include "engine/store_records.h"
#include "engine/stored_codec.h"

namespace claimgraph {

namespace {

// Holds a document id for the duration of a PutDocument.
class BusyId {
 public:
  BusyId(Store::Rep* rep, std::string_view id) : rep_(rep), id_(id) {
    std::unique_lock lock(rep_->busy_mu);
    rep_->busy_cv.wait(lock, [&] { return rep_->busy.count(id_) == 0; });
    rep_->busy.insert(id_);
  }
  ~BusyId() {
    {
      std::lock_guard lock(rep_->busy_mu);
      rep_->busy.erase(id_);
    }
    rep_->busy_cv.notify_all();
  }
  BusyId(const BusyId&) = delete;
  BusyId& operator=(const BusyId&) = delete;

 private:
  Store::Rep* rep_;
  std::string id_;
};

rocksdb::Slice ToSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

// The new records of one document, put into the WriteBatch sorted by column
// family and key. A memtable (a skip list) remembers where its last insert
// went and searches from there when the next key is just after it, so
// sorted inserts cost a few comparisons each instead of a full search from
// the top; a document's keys cluster (same document, source, subjects,
// date), which makes this most of the write CPU saved.
class SortedRecords {
 public:
  void Add(size_t cf, std::string_view key, std::string_view value) {
    entries_.push_back({cf, bytes_.size(), key.size(), value.size()});
    bytes_.append(key).append(value);
  }
  void PutAll(const Store::Rep& rep, rocksdb::WriteBatch* b) {
    auto key = [&](const Entry& e) {
      return std::string_view(bytes_).substr(e.offset, e.key_size);
    };
    std::sort(entries_.begin(), entries_.end(), [&](const Entry& x, const Entry& y) {
      return x.cf != y.cf ? x.cf < y.cf : key(x) < key(y);
    });
    for (const Entry& e : entries_) {
      b->Put(rep.cf(e.cf), ToSlice(key(e)),
             ToSlice(std::string_view(bytes_).substr(e.offset + e.key_size, e.value_size)));
    }
  }

 private:
  struct Entry {
    size_t cf;
    size_t offset;  // of the key in bytes_; the value follows it
    size_t key_size;
    size_t value_size;
  };
  std::vector<Entry> entries_;
  std::string bytes_;
};

// Adds deletes of the stored claims of `doc_id`, their index entries and counters to *b.
Status DeleteStoredClaims(Store::Rep* rep, const Store& store, std::string_view doc_id,
                          rocksdb::WriteBatch* b, std::map<std::string, int64_t>* deltas) {
  std::vector<std::string> ids;
  Status s = store.ScanIndex(ClaimIndex::kByDoc, {std::string(doc_id)}, [&](const std::string& id) {
    ids.push_back(id);
    return true;
  });
  if (!s.ok()) return s;
  for (const std::string& id : ids) {
    auto old = store.GetClaim(id);
    if (!old.ok()) return old.status();
    if (!old->has_value()) {
      // An index entry without its claim would be a bug; delete it anyway.
      b->Delete(rep->cf(IndexCf(ClaimIndex::kByDoc)), EncodeKey({doc_id, id}));
      continue;
    }
    const StoredClaim& c = **old;
    for (ClaimIndex index : kAllClaimIndexes) {
      std::vector<std::string> keys;
      AppendClaimIndexKeys(index, c.claim, c.source, c.published, &keys);
      for (const std::string& key : keys) b->Delete(rep->cf(IndexCf(index)), key);
    }
    b->Delete(rep->cf(kCfClaims), id);
    AddClaimCounters(c.claim, -1, deltas);
  }
  return Status::OK();
}

}  // namespace

Result<bool> Store::IsCurrent(std::string_view doc_id, std::string_view content_hash,
                              std::string_view ruleset) const {
  auto old = GetDocument(doc_id);
  if (!old.ok()) return old.status();
  return old->has_value() && (*old)->content_hash == content_hash && (*old)->ruleset == ruleset;
}

Result<PutOutcome> Store::PutDocument(const Document& doc, std::string_view ruleset,
                                      const std::vector<Claim>& claims, bool force,
                                      std::string_view content_hash) {
  Status s = rep_->CheckWritable();
  if (!s.ok()) return s;
  BusyId busy(rep_.get(), doc.id);
  auto old = GetDocument(doc.id);
  if (!old.ok()) return old.status();
  StoredDocument stored{doc, content_hash.empty() ? ContentHash(doc) : std::string(content_hash),
                        std::string(ruleset), 0, 0};
  if (!force && old->has_value() && (*old)->content_hash == stored.content_hash &&
      (*old)->ruleset == ruleset) {
    return PutOutcome::kUnchanged;
  }
  rocksdb::WriteBatch b;
  std::map<std::string, int64_t> deltas;
  if (old->has_value()) {
    s = DeleteStoredClaims(rep_.get(), *this, doc.id, &b, &deltas);
    if (!s.ok()) return s;
    deltas[CounterKey("total", "documents")] -= 1;
    if (!(*old)->doc.source.empty()) deltas[CounterKey("source", (*old)->doc.source)] -= 1;
  }
  stored.ingested_at = UnixSecondsNow();
  SortedRecords records;
  BuildDocumentRecords(
      &stored, claims,
      [&](size_t cf, std::string_view key, std::string_view value) { records.Add(cf, key, value); },
      &deltas);
  records.PutAll(*rep_, &b);
  // Counters are read, added to and written under one lock, so that
  // concurrent documents never lose an update; plain values keep the store
  // readable by any RocksDB tool (no merge operator needed).
  std::lock_guard counter_lock(rep_->counter_mu);
  for (const auto& [key, delta] : deltas) {
    if (delta == 0) continue;
    std::string current;
    rocksdb::Status rs =
        rep_->db->Get(rocksdb::ReadOptions(), rep_->cf(kCfCounters), key, &current);
    if (!rs.ok() && !rs.IsNotFound()) return FromRocks(rs, "read counters");
    // A count back to zero (the last claim of an old ruleset replaced) is
    // removed: absent and zero read the same, and a loaded store has none.
    const int64_t value = DecodeCounter(current) + delta;
    if (value == 0) {
      b.Delete(rep_->cf(kCfCounters), key);
    } else {
      b.Put(rep_->cf(kCfCounters), key, EncodeCounter(value));
    }
  }
  rocksdb::WriteOptions wo;
  wo.sync = rep_->options.sync;
  s = FromRocks(rep_->db->Write(wo, &b), "write document " + doc.id);
  if (!s.ok()) {
    rep_->WriteFailed(s);
    return s;
  }
  return old->has_value() ? PutOutcome::kReplaced : PutOutcome::kAdded;
}

// Reads and decodes one record of `cf`: nullopt when absent, Corruption
// naming `what` and the key when its value does not decode.
template <typename Record>
Result<std::optional<Record>> ReadRecord(const Store::Rep& rep, size_t cf, std::string_view key,
                                         const char* what,
                                         Status (*decode)(std::string_view, Record*)) {
  rocksdb::PinnableSlice value;
  rocksdb::Status rs = rep.db->Get(rocksdb::ReadOptions(), rep.cf(cf), ToSlice(key), &value);
  if (rs.IsNotFound()) return std::optional<Record>();
  if (!rs.ok()) return FromRocks(rs, std::string("read ") + what + " " + std::string(key));
  Record record;
  Status s = decode(std::string_view(value.data(), value.size()), &record);
  if (!s.ok()) return Status::Corruption(what + (" " + std::string(key)) + ": " + s.message());
  return std::optional<Record>(std::move(record));
}

Result<std::optional<StoredDocument>> Store::GetDocument(std::string_view doc_id) const {
  return ReadRecord<StoredDocument>(*rep_, kCfDocuments, doc_id, "document", DecodeStoredDocument);
}

Result<std::optional<StoredClaim>> Store::GetClaim(std::string_view claim_id) const {
  return ReadRecord<StoredClaim>(*rep_, kCfClaims, claim_id, "claim", DecodeStoredClaim);
}

Result<std::vector<StoredClaim>> Store::GetClaims(const std::vector<std::string>& ids) const {
  std::vector<rocksdb::Slice> keys;
  keys.reserve(ids.size());
  for (const std::string& id : ids) keys.emplace_back(id);
  std::vector<rocksdb::PinnableSlice> values(ids.size());
  std::vector<rocksdb::Status> statuses(ids.size());
  rep_->db->MultiGet(rocksdb::ReadOptions(), rep_->cf(kCfClaims), keys.size(), keys.data(),
                     values.data(), statuses.data());
  std::vector<StoredClaim> out;
  out.reserve(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    if (statuses[i].IsNotFound()) continue;
    if (!statuses[i].ok()) return FromRocks(statuses[i], "read claim " + ids[i]);
    StoredClaim claim;
    Status s = DecodeStoredClaim(std::string_view(values[i].data(), values[i].size()), &claim);
    if (!s.ok()) return Status::Corruption("claim " + ids[i] + ": " + s.message());
    out.push_back(std::move(claim));
  }
  return out;
}

Status Store::ScanIndex(ClaimIndex index, const std::vector<std::string>& prefix,
                        const std::function<bool(const std::string& claim_id)>& fn) const {
  return ScanIndexKeys(index, prefix, false,
                       [&](const std::vector<std::string>& parts) { return fn(parts.back()); });
}

Status Store::ScanIndexKeys(
    ClaimIndex index, const std::vector<std::string>& prefix, bool descending,
    const std::function<bool(const std::vector<std::string>& parts)>& fn) const {
  std::unique_ptr<IndexCursor> cursor = NewIndexCursor(index, prefix, descending);
  for (; cursor->Valid(); cursor->Next()) {
    if (!fn(cursor->parts())) return Status::OK();
  }
  return cursor->status();
}

namespace {

// A scan of a whole column family reads each block once: it leaves the
// block cache to the index, filter and data blocks that queries reuse.
rocksdb::ReadOptions ScanOptions() {
  rocksdb::ReadOptions ro;
  ro.fill_cache = false;
  return ro;
}

// A whole column family in key order, as scan_pipe::Run reads it.
class ScanCursor {
 public:
  ScanCursor(const Store::Rep& rep, size_t cf, const char* context)
      : it_(rep.db->NewIterator(ScanOptions(), rep.cf(cf))), context_(context) {
    it_->SeekToFirst();
  }
  bool Valid() const { return it_->Valid(); }
  void Next() { it_->Next(); }
  std::string_view value() const { return {it_->value().data(), it_->value().size()}; }
  std::string key() const { return it_->key().ToString(); }
  Status status() const { return FromRocks(it_->status(), context_); }

 private:
  std::unique_ptr<rocksdb::Iterator> it_;
  const char* context_;
};

}  // namespace

Status Store::ForEachClaim(const std::function<bool(const StoredClaim&)>& fn,
                           const ScanLookahead<StoredClaim>& ahead) const {
  ScanCursor cursor(*rep_, kCfClaims, "scan claims");
  return scan_pipe::Run<ScanCursor, StoredClaim>(&cursor, DecodeStoredClaim, "claim", fn, ahead);
}

Status Store::ForEachDocument(const std::function<bool(const StoredDocument&)>& fn) const {
  ScanCursor cursor(*rep_, kCfDocuments, "scan documents");
  return scan_pipe::Run<ScanCursor, StoredDocument>(&cursor, DecodeStoredDocument, "document", fn);
}

}  // namespace claimgraph
