#include "engine/shard_writer.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>

#include "engine/run_file.h"
#include "engine/shard_files.h"
#include "engine/store_internal.h"
#include "engine/store_records.h"

namespace claimgraph {

namespace fs = std::filesystem;

// Named, not anonymous: ShardWriter::Rep holds DocumentRecords, and a class
// with external linkage may not have members of an anonymous type.
namespace shard_writer_internal {

// One record of a document: its key and value lie back to back in the
// document's `bytes` (one buffer per document instead of two strings per
// record: a document writes about ten records per claim).
struct Record {
  uint32_t cf = 0;
  uint32_t key_size = 0;
  uint32_t value_size = 0;
  size_t at = 0;  // offset of the key in bytes
};

// What one document writes: its records and its counter deltas.
struct DocumentRecords {
  std::string bytes;
  std::vector<Record> records;
  std::map<std::string, int64_t> deltas;
  uint64_t claims = 0;
  uint64_t bytes_held = 0;  // what it holds, allocator overhead estimated
};

// A record being sorted: its key's first 8 bytes as a big-endian number
// (0-padded), so that most comparisons are one integer compare.
struct SortEntry {
  uint64_t prefix = 0;
  std::string_view key;
  std::string_view value;
};

}  // namespace shard_writer_internal

namespace {

using shard_writer_internal::DocumentRecords;
using shard_writer_internal::Record;
using shard_writer_internal::SortEntry;

uint64_t KeyPrefix(std::string_view key) {
  uint64_t p = 0;
  for (size_t i = 0; i < 8; ++i) {
    p = (p << 8) | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0u);
  }
  return p;
}

// Sorts the records of one column family; of equal keys (an entity several
// documents name) the last one added is kept, as a sequence of writes would.
void SortByKey(std::vector<SortEntry>* entries) {
  std::vector<SortEntry>& out = *entries;
  std::stable_sort(out.begin(), out.end(), [](const SortEntry& a, const SortEntry& b) {
    return a.prefix != b.prefix ? a.prefix < b.prefix : a.key < b.key;
  });
  size_t kept = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (kept > 0 && out[kept - 1].key == out[i].key) {
      out[kept - 1] = out[i];
    } else {
      out[kept++] = out[i];
    }
  }
  out.resize(kept);
}

}  // namespace

struct ShardWriter::Rep {
  using DocumentRecords = shard_writer_internal::DocumentRecords;
  using SortEntry = shard_writer_internal::SortEntry;

  std::string dir;
  ShardWriterOptions options;
  std::mutex mu;
  std::map<std::string, DocumentRecords> documents;  // by id: sorted, last version only
  uint64_t bytes = 0;                                // sum of documents' bytes

  // Writes the sorted records of one column family into one or more files.
  Status WriteFamily(size_t cf, const std::vector<SortEntry>& records, ShardManifest* m);
  // The same, as one sorted run: <family>.run.
  Status WriteRun(size_t cf, const std::vector<SortEntry>& records, ShardManifest* m);
};

Status ShardWriter::Rep::WriteRun(size_t cf, const std::vector<SortEntry>& records,
                                  ShardManifest* m) {
  const std::string name = ColumnFamilyNames()[cf] + ".run";
  const std::string path = (fs::path(dir) / name).string();
  auto run = RunFileWriter::Create(path, options.direct_writes);
  if (!run.ok()) return run.status();
  for (const SortEntry& r : records) {
    Status s = (*run)->Add(r.key, r.value);
    if (!s.ok()) return s;
  }
  Status s = (*run)->Finish();
  if (!s.ok()) return s;
  m->files.push_back({ColumnFamilyNames()[cf], name, (*run)->records(), (*run)->file_bytes(),
                      std::string(records.front().key), std::string(records.back().key)});
  m->keys += (*run)->records();
  m->bytes += (*run)->file_bytes();
  return Status::OK();
}

Status ShardWriter::Rep::WriteFamily(size_t cf, const std::vector<SortEntry>& records,
                                     ShardManifest* m) {
  if (options.sorted_runs) return WriteRun(cf, records, m);
  FamilyTableWriter writer(dir, cf, options, &m->files);
  for (const SortEntry& r : records) {
    Status s = writer.Put(r.key, r.value);
    if (!s.ok()) return s;
  }
  Status s = writer.Finish();
  if (!s.ok()) return s;
  m->keys += writer.keys();
  m->bytes += writer.bytes();
  return Status::OK();
}

ShardWriter::ShardWriter(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
ShardWriter::~ShardWriter() = default;

Result<std::unique_ptr<ShardWriter>> ShardWriter::Create(const std::string& dir,
                                                         const ShardWriterOptions& options) {
  std::error_code ec;
  if (fs::exists(dir, ec) && (!fs::is_directory(dir, ec) || !fs::is_empty(dir, ec))) {
    return Status::InvalidArgument(dir +
                                   " exists and is not an empty directory; choose a new --out");
  }
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir + ": " + ec.message());
  auto rep = std::make_unique<Rep>();
  rep->dir = dir;
  rep->options = options;
  return std::unique_ptr<ShardWriter>(new ShardWriter(std::move(rep)));
}

bool ShardWriter::Add(const Document& doc, std::string_view ruleset,
                      const std::vector<Claim>& claims, int64_t ingested_at,
                      std::string_view content_hash) {
  StoredDocument stored{doc, content_hash.empty() ? ContentHash(doc) : std::string(content_hash),
                        std::string(ruleset), 0, ingested_at};
  DocumentRecords out;
  BuildDocumentRecords(
      &stored, claims,
      [&](size_t cf, std::string_view key, std::string_view value) {
        out.records.push_back({static_cast<uint32_t>(cf), static_cast<uint32_t>(key.size()),
                               static_cast<uint32_t>(value.size()), out.bytes.size()});
        out.bytes += key;
        out.bytes += value;
      },
      &out.deltas);
  out.claims = stored.claim_count;
  // A heap block costs about 16 bytes beside what it holds; a map node
  // about 64.
  constexpr uint64_t kBlock = 16;
  constexpr uint64_t kNode = 64;
  out.bytes_held = sizeof(DocumentRecords) + kNode + doc.id.size() + out.bytes.capacity() +
                   out.records.capacity() * sizeof(Record) + 2 * kBlock;
  for (const auto& [key, delta] : out.deltas) out.bytes_held += key.size() + kNode;
  std::lock_guard lock(rep_->mu);
  auto [it, added] = rep_->documents.try_emplace(doc.id);
  rep_->bytes += out.bytes_held;
  rep_->bytes -= it->second.bytes_held;  // 0 when added
  it->second = std::move(out);
  return !added;
}

uint64_t ShardWriter::documents() const {
  std::lock_guard lock(rep_->mu);
  return rep_->documents.size();
}

uint64_t ShardWriter::memory_bytes() const {
  std::lock_guard lock(rep_->mu);
  return rep_->bytes;
}

Result<ShardManifest> ShardWriter::Finish() { return Finish(rep_->options); }

Result<ShardManifest> ShardWriter::Finish(const ShardWriterOptions& options) {
  rep_->options = options;
  ShardManifest m;
  std::vector<std::vector<SortEntry>> by_cf(kNumCfs);
  std::map<std::string, int64_t> counters;
  for (const auto& [id, doc] : rep_->documents) {
    ++m.documents;
    m.claims += doc.claims;
    const std::string_view bytes = doc.bytes;
    for (const Record& r : doc.records) {
      const std::string_view key = bytes.substr(r.at, r.key_size);
      by_cf[r.cf].push_back({KeyPrefix(key), key, bytes.substr(r.at + r.key_size, r.value_size)});
    }
    for (const auto& [key, delta] : doc.deltas) counters[key] += delta;
  }
  for (size_t cf = 0; cf < kNumCfs; ++cf) {
    if (cf == kCfDefault || cf == kCfCounters || by_cf[cf].empty()) continue;
    SortByKey(&by_cf[cf]);
    Status s = rep_->WriteFamily(cf, by_cf[cf], &m);
    std::vector<SortEntry>().swap(by_cf[cf]);
    if (!s.ok()) return s;
  }
  for (const auto& [key, value] : counters) {
    auto parts = DecodeKey(key);
    if (value != 0 && parts && parts->size() == 2)
      m.counters.push_back({(*parts)[0], (*parts)[1], value});
  }
  Status s =
      WriteFileDurably((fs::path(rep_->dir) / kShardManifestName).string(), EncodeShardManifest(m));
  if (!s.ok()) return s;
  return m;
}

}  // namespace claimgraph
