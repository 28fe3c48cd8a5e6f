#include "engine/shard_merge.h"

#include <rocksdb/sst_file_reader.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <thread>

#include "engine/run_file.h"
#include "engine/shard_files.h"
#include "engine/store_dir.h"
#include "engine/store_internal.h"

namespace claimgraph {

namespace {

namespace fs = std::filesystem;

constexpr size_t kReadahead = size_t{512} << 10;

// One shard's files of one column family, read in key order (a shard
// writes a family's files in key order, none overlapping): table files, or
// one sorted run (engine/run_file.h) when the shard is a chunk of a load.
class Run {
 public:
  Run(const rocksdb::Options* options, std::vector<std::string> paths, size_t order)
      : options_(options), paths_(std::move(paths)), order_(order) {}

  // Moves to the first key; false at the end or on an error (see status).
  bool Start() { return OpenNext(); }
  bool Next() {
    if (run_) {
      if (run_->Next()) return Show(run_->key(), run_->value());
      if (!run_->status().ok()) {
        status_ = run_->status();
        return false;
      }
      return OpenNext();
    }
    it_->Next();
    if (it_->Valid()) return ShowTable();
    if (!it_->status().ok()) {
      status_ = FromRocks(it_->status(), "read " + paths_[next_ - 1]);
      return false;
    }
    return OpenNext();
  }
  std::string_view key() const { return key_; }
  std::string_view value() const { return value_; }
  size_t order() const { return order_; }
  const Status& status() const { return status_; }

 private:
  bool Show(std::string_view key, std::string_view value) {
    key_ = key;
    value_ = value;
    return true;
  }
  bool ShowTable() {
    return Show(std::string_view(it_->key().data(), it_->key().size()),
                std::string_view(it_->value().data(), it_->value().size()));
  }

  bool OpenNext() {
    while (next_ < paths_.size()) {
      const std::string& path = paths_[next_++];
      it_.reset();
      reader_.reset();
      run_.reset();
      if (path.ends_with(".run")) {
        auto run = RunFileReader::Open(path, options_->use_direct_reads);
        if (!run.ok()) {
          status_ = run.status();
          return false;
        }
        run_ = std::move(*run);
        if (run_->Next()) return Show(run_->key(), run_->value());
        status_ = run_->status();
        if (!status_.ok()) return false;
        continue;
      }
      reader_ = std::make_unique<rocksdb::SstFileReader>(*options_);
      status_ = FromRocks(reader_->Open(path), "read " + path);
      if (!status_.ok()) return false;
      rocksdb::ReadOptions ro;
      ro.fill_cache = false;
      ro.readahead_size = kReadahead;
      it_.reset(reader_->NewIterator(ro));
      it_->SeekToFirst();
      if (it_->Valid()) return ShowTable();
      if (!it_->status().ok()) {
        status_ = FromRocks(it_->status(), "read " + path);
        return false;
      }
    }
    return false;
  }

  const rocksdb::Options* options_;
  std::vector<std::string> paths_;
  size_t order_;  // position of its shard in `dirs`
  size_t next_ = 0;
  std::unique_ptr<rocksdb::SstFileReader> reader_;
  std::unique_ptr<rocksdb::Iterator> it_;
  std::unique_ptr<RunFileReader> run_;
  std::string_view key_;
  std::string_view value_;
  Status status_;
};

// Smallest key first; of equal keys, the later shard first.
struct RunAfter {
  bool operator()(const Run* a, const Run* b) const {
    const int c = a->key().compare(b->key());
    return c != 0 ? c > 0 : a->order() < b->order();
  }
};

// Restores the heap order after the first run (heap->front()) moved on:
// sifts it down, one pass from the root, where a pop and a push would make
// two.
void SiftDown(std::vector<Run*>* heap) {
  std::vector<Run*>& h = *heap;
  const RunAfter after;
  Run* const moved = h.front();
  size_t at = 0;
  for (;;) {
    size_t child = 2 * at + 1;
    if (child >= h.size()) break;
    if (child + 1 < h.size() && after(h[child], h[child + 1])) ++child;  // the one first
    if (!after(moved, h[child])) break;
    h[at] = h[child];
    at = child;
  }
  h[at] = moved;
}

// Merges the runs of column family `cf` into `out_dir`.
Status MergeFamily(size_t cf, const std::vector<std::vector<std::string>>& run_paths,
                   const std::string& out_dir, const ShardWriterOptions& options, bool direct_reads,
                   std::vector<ShardFile>* files) {
  rocksdb::Options read_options(rocksdb::DBOptions(), CfOptions(cf, nullptr));
  read_options.use_direct_reads = direct_reads;
  std::vector<std::unique_ptr<Run>> runs;
  std::vector<Run*> heap;  // by RunAfter: the run with the first key in front
  for (size_t i = 0; i < run_paths.size(); ++i) {
    if (run_paths[i].empty()) continue;
    runs.push_back(std::make_unique<Run>(&read_options, run_paths[i], i));
    Run* run = runs.back().get();
    if (run->Start()) {
      heap.push_back(run);
    } else if (!run->status().ok()) {
      return run->status();
    }
  }
  // std::make_heap puts the largest first; with RunAfter as "less", that is
  // the run whose key comes first.
  std::make_heap(heap.begin(), heap.end(), RunAfter());
  FamilyTableWriter writer(out_dir, cf, options, files);
  std::string last;
  bool any = false;
  while (!heap.empty()) {
    Run* run = heap.front();
    const std::string_view key = run->key();
    // The first of equal keys off the heap is the later shard's: keep it.
    if (any && cf == kCfDocuments && key == last) {
      // The earlier run's claims and index entries would stay behind.
      return Status::InvalidArgument("document " + std::string(key) +
                                     " is in more than one shard; each must be in one");
    }
    if (!any || key != last) {
      Status s = writer.Put(key, run->value());
      if (!s.ok()) return s;
      last.assign(key);
      any = true;
    }
    if (!run->Next()) {
      if (!run->status().ok()) return run->status();
      heap.front() = heap.back();  // the run is done: its place goes to the last
      heap.pop_back();
      if (heap.empty()) break;
    }
    SiftDown(&heap);
  }
  return writer.Finish();
}

}  // namespace

Result<ShardManifest> MergeShards(const std::vector<std::string>& dirs, const std::string& out_dir,
                                  size_t threads, const ShardWriterOptions& options,
                                  bool direct_reads) {
  std::vector<ShardManifest> manifests;
  for (const std::string& dir : dirs) {
    auto m = ReadShardManifest(dir);
    if (!m.ok()) return m.status();
    manifests.push_back(std::move(*m));
  }
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) return Status::IOError("cannot create " + out_dir + ": " + ec.message());

  ShardManifest merged;
  std::map<std::pair<std::string, std::string>, int64_t> counters;
  const std::vector<std::string>& names = ColumnFamilyNames();
  // paths[cf][shard]: that shard's files of the family, in key order.
  std::vector<std::vector<std::vector<std::string>>> paths(
      kNumCfs, std::vector<std::vector<std::string>>(dirs.size()));
  for (size_t i = 0; i < dirs.size(); ++i) {
    merged.documents += manifests[i].documents;
    merged.claims += manifests[i].claims;
    for (const ShardCounter& c : manifests[i].counters) counters[{c.group, c.name}] += c.value;
    for (const ShardFile& f : manifests[i].files) {
      const size_t cf = static_cast<size_t>(std::find(names.begin(), names.end(), f.column_family) -
                                            names.begin());
      paths[cf][i].push_back((fs::path(dirs[i]) / f.file).string());
    }
  }
  for (const auto& [key, value] : counters) {
    if (value != 0) merged.counters.push_back({key.first, key.second, value});
  }

  // The largest families first, so that two threads finish together.
  std::vector<std::pair<uint64_t, size_t>> order;
  for (size_t cf = 0; cf < kNumCfs; ++cf) {
    uint64_t bytes = 0;
    for (size_t i = 0; i < dirs.size(); ++i) {
      for (const ShardFile& f : manifests[i].files) {
        if (f.column_family == names[cf]) bytes += f.bytes;
      }
    }
    if (bytes > 0) order.push_back({bytes, cf});
  }
  std::sort(order.rbegin(), order.rend());
  std::vector<std::vector<ShardFile>> files(kNumCfs);
  std::vector<Status> status(kNumCfs);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < order.size(); i = next++) {
      const size_t cf = order[i].second;
      status[cf] = MergeFamily(cf, paths[cf], out_dir, options, direct_reads, &files[cf]);
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < std::max<size_t>(threads, 1) && t < order.size(); ++t) {
    pool.emplace_back(work);
  }
  work();
  for (std::thread& t : pool) t.join();
  for (size_t cf = 0; cf < kNumCfs; ++cf) {
    if (!status[cf].ok()) return status[cf];
    for (ShardFile& f : files[cf]) {
      merged.keys += f.keys;
      merged.bytes += f.bytes;
      merged.files.push_back(std::move(f));
    }
  }
  Status s = WriteFileDurably((fs::path(out_dir) / kShardManifestName).string(),
                              EncodeShardManifest(merged));
  if (!s.ok()) return s;
  return merged;
}

}  // namespace claimgraph
