// Store::LoadShards: ingests shard directories (engine/shard_writer.h) in
// one atomic IngestExternalFiles call, counters merged.
#include <rocksdb/sst_file_reader.h>
#include <rocksdb/sst_file_writer.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "engine/shard_manifest.h"
#include "engine/store_internal.h"

namespace claimgraph {

namespace {

namespace fs = std::filesystem;

constexpr size_t kIdsNamed = 10;

struct DocumentsFile {
  std::string path;
  const ShardFile* file;
};

// Removes a directory when it goes out of scope.
class TempDirGuard {
 public:
  explicit TempDirGuard(std::string path) : path_(std::move(path)) {}
  ~TempDirGuard() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDirGuard(const TempDirGuard&) = delete;
  TempDirGuard& operator=(const TempDirGuard&) = delete;

 private:
  std::string path_;
};

// Every key of a table file, in order.
Status ReadKeys(const std::string& path, std::vector<std::string>* keys) {
  rocksdb::SstFileReader reader(
      rocksdb::Options(rocksdb::DBOptions(), CfOptions(kCfDocuments, nullptr)));
  Status s = FromRocks(reader.Open(path), "read " + path);
  if (!s.ok()) return s;
  rocksdb::ReadOptions ro;
  ro.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(reader.NewIterator(ro));
  for (it->SeekToFirst(); it->Valid(); it->Next()) keys->push_back(it->key().ToString());
  return FromRocks(it->status(), "read " + path);
}

std::string NameIds(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string out;
  for (size_t i = 0; i < ids.size() && i < kIdsNamed; ++i) out += (i ? ", " : "") + ids[i];
  if (ids.size() > kIdsNamed) out += ", ... (" + std::to_string(ids.size()) + " in all)";
  return out;
}

// Ids that more than one documents file holds. Files whose key ranges do
// not overlap cannot share one, so only overlapping files are read.
Status FindIdsInSeveralShards(std::vector<DocumentsFile> files, std::vector<std::string>* dups) {
  std::sort(files.begin(), files.end(), [](const DocumentsFile& a, const DocumentsFile& b) {
    return a.file->smallest < b.file->smallest;
  });
  bool overlap = false;
  for (size_t i = 1; i < files.size(); ++i) {
    overlap = overlap || files[i].file->smallest <= files[i - 1].file->largest;
  }
  if (!overlap) return Status::OK();
  std::vector<std::string> keys;
  for (const DocumentsFile& f : files) {
    Status s = ReadKeys(f.path, &keys);
    if (!s.ok()) return s;
  }
  std::sort(keys.begin(), keys.end());
  for (size_t i = 1; i < keys.size(); ++i) {
    if (keys[i] == keys[i - 1]) dups->push_back(keys[i]);
  }
  return Status::OK();
}

// Ids of `files` that the store already holds; a file whose key range
// holds no stored document costs one seek.
Status FindStoredIds(const Store::Rep& rep, const std::vector<DocumentsFile>& files,
                     std::vector<std::string>* stored) {
  std::unique_ptr<rocksdb::Iterator> it(
      rep.db->NewIterator(rocksdb::ReadOptions(), rep.cf(kCfDocuments)));
  for (const DocumentsFile& f : files) {
    it->Seek(f.file->smallest);
    if (!it->Valid() || it->key().ToString() > f.file->largest) continue;
    std::vector<std::string> keys;
    Status s = ReadKeys(f.path, &keys);
    if (!s.ok()) return s;
    for (const std::string& key : keys) {
      it->Seek(key);
      if (it->Valid() && it->key() == key) stored->push_back(key);
    }
  }
  return FromRocks(it->status(), "scan documents of " + rep.path);
}

// Writes the store's counters plus every shard's into a table file in
// `dir`. REQUIRES: rep.counter_mu held until the file is ingested.
Result<std::string> WriteCountersFile(const Store::Rep& rep,
                                      const std::vector<ShardManifest>& manifests,
                                      const std::string& dir) {
  std::map<std::string, int64_t> deltas;
  for (const ShardManifest& m : manifests) {
    for (const ShardCounter& c : m.counters) deltas[CounterKey(c.group, c.name)] += c.value;
  }
  const std::string path = (fs::path(dir) / "counters.sst").string();
  rocksdb::SstFileWriter writer(
      rocksdb::EnvOptions(),
      rocksdb::Options(rocksdb::DBOptions(), CfOptions(kCfCounters, nullptr)));
  Status s = FromRocks(writer.Open(path), "write " + path);
  bool any = false;
  for (auto it = deltas.begin(); s.ok() && it != deltas.end(); ++it) {
    if (it->second == 0) continue;
    std::string current;
    rocksdb::Status rs =
        rep.db->Get(rocksdb::ReadOptions(), rep.cf(kCfCounters), it->first, &current);
    if (!rs.ok() && !rs.IsNotFound()) return FromRocks(rs, "read counters of " + rep.path);
    s = FromRocks(writer.Put(it->first, EncodeCounter(DecodeCounter(current) + it->second)),
                  "write " + path);
    any = true;
  }
  if (!s.ok()) return s;
  if (!any) return std::string();
  s = FromRocks(writer.Finish(), "write " + path);
  if (!s.ok()) return s;
  return path;
}

}  // namespace

Result<LoadShardsSummary> Store::LoadShards(const std::vector<std::string>& dirs,
                                            const LoadShardsOptions& options) {
  Status s = rep_->CheckWritable();
  if (!s.ok()) return s;
  LoadShardsSummary summary;
  std::vector<ShardManifest> manifests;
  std::vector<std::vector<std::string>> files(kNumCfs);
  std::vector<DocumentsFile> documents;
  for (const std::string& dir : dirs) {
    auto m = ReadShardManifest(dir);
    if (!m.ok()) return m.status();
    manifests.push_back(std::move(*m));
  }
  const std::vector<std::string>& names = ColumnFamilyNames();
  for (size_t i = 0; i < dirs.size(); ++i) {
    const ShardManifest& m = manifests[i];
    for (const ShardFile& f : m.files) {
      if (!f.file.ends_with(".sst")) {
        return Status::InvalidArgument(dirs[i] + " holds " + f.file +
                                       ", a sorted run of a chunked load, not a table file; only "
                                       "a merge reads runs");
      }
      const size_t cf = static_cast<size_t>(std::find(names.begin(), names.end(), f.column_family) -
                                            names.begin());
      files[cf].push_back((fs::path(dirs[i]) / f.file).string());
      if (cf == kCfDocuments) documents.push_back({files[cf].back(), &f});
    }
    ++summary.shards;
    summary.files += m.files.size();
    summary.documents += m.documents;
    summary.claims += m.claims;
    summary.keys += m.keys;
    summary.bytes += m.bytes;
  }
  std::vector<std::string> ids;
  s = FindIdsInSeveralShards(documents, &ids);
  if (!s.ok()) return s;
  if (!ids.empty()) {
    return Status::InvalidArgument("documents in more than one shard: " + NameIds(ids) +
                                   "; partition documents by id so that each is in one shard");
  }
  s = FindStoredIds(*rep_, documents, &ids);
  if (!s.ok()) return s;
  if (!ids.empty()) {
    return Status::InvalidArgument(
        "documents already in " + rep_->path + ": " + NameIds(ids) +
        "; loading shards only adds documents (replace them with `claimgraph ingest`)");
  }
  std::string tmp = rep_->path + "/load-XXXXXX";
  if (mkdtemp(tmp.data()) == nullptr) return Status::IOError("cannot create " + tmp);
  TempDirGuard remove_tmp(tmp);
  std::lock_guard counter_lock(rep_->counter_mu);
  auto counters = WriteCountersFile(*rep_, manifests, tmp);
  if (!counters.ok()) return counters.status();
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (size_t cf = 0; cf < kNumCfs; ++cf) {
    const bool ours = cf == kCfCounters;
    if (ours && !counters->empty()) files[cf].push_back(*counters);
    if (files[cf].empty()) continue;
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = rep_->cf(cf);
    arg.external_files = files[cf];
    arg.options.move_files = ours || options.move_files;
    arg.options.verify_checksums_before_ingest = !ours && options.verify_checksums;
    arg.options.write_global_seqno = false;
    args.push_back(std::move(arg));
  }
  if (args.empty()) return summary;
  summary.files += counters->empty() ? 0 : 1;
  // With a snapshot open every file gets a sequence number, even one that
  // overlaps nothing stored, so sequence() grows and a rebuild's snapshot
  // is seen to be stale.
  const rocksdb::Snapshot* snapshot = options.stamp_sequence ? rep_->db->GetSnapshot() : nullptr;
  s = FromRocks(rep_->db->IngestExternalFiles(args), "load shards into " + rep_->path);
  if (snapshot != nullptr) rep_->db->ReleaseSnapshot(snapshot);
  if (!s.ok()) return s;
  return summary;
}

}  // namespace claimgraph
