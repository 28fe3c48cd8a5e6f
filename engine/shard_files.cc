#include "engine/shard_files.h"

#include <cstdio>
#include <filesystem>

#include "engine/store_internal.h"

namespace claimgraph {

FamilyTableWriter::FamilyTableWriter(std::string dir, size_t cf, const ShardWriterOptions& options,
                                     std::vector<ShardFile>* files)
    : dir_(std::move(dir)), cf_(cf), options_(options), files_(files) {}

FamilyTableWriter::~FamilyTableWriter() = default;

Status FamilyTableWriter::Put(std::string_view key, std::string_view value) {
  if (!writer_) {
    const std::string& family = ColumnFamilyNames()[cf_];
    char file[64];
    std::snprintf(file, sizeof(file), "%s-%06zu.sst", family.c_str(), files_->size() + 1);
    name_ = file;
    path_ = (std::filesystem::path(dir_) / file).string();
    rocksdb::EnvOptions env;
    env.use_direct_writes = options_.direct_writes;
    writer_ = std::make_unique<rocksdb::SstFileWriter>(
        env, rocksdb::Options(rocksdb::DBOptions(), CfOptions(cf_, nullptr)), nullptr,
        /*invalidate_page_cache=*/!options_.keep_cached);
    Status s = FromRocks(writer_->Open(path_), "write " + path_);
    if (!s.ok()) return s;
  }
  Status s = FromRocks(writer_->Put(rocksdb::Slice(key.data(), key.size()),
                                    rocksdb::Slice(value.data(), value.size())),
                       "write " + path_);
  if (!s.ok()) return s;
  if (writer_->FileSize() >= options_.target_file_bytes) return Finish();
  return Status::OK();
}

Status FamilyTableWriter::Finish() {
  if (!writer_) return Status::OK();
  rocksdb::ExternalSstFileInfo info;
  Status s = FromRocks(writer_->Finish(&info), "write " + path_);
  writer_.reset();
  if (!s.ok()) return s;
  files_->push_back({ColumnFamilyNames()[cf_], name_, info.num_entries, info.file_size,
                     info.smallest_key, info.largest_key});
  keys_ += info.num_entries;
  bytes_ += info.file_size;
  return Status::OK();
}

}  // namespace claimgraph
