#include "engine/shard_files.h"

#include <cstdio>
#include <filesystem>

#include "engine/store_internal.h"

namespace claimgraph {

FamilyTableWriter::FamilyTableWriter(std::string dir, size_t cf, uint64_t target_bytes,
                                     std::vector<ShardFile>* files)
    : dir_(std::move(dir)), cf_(cf), target_bytes_(target_bytes), files_(files) {}

FamilyTableWriter::~FamilyTableWriter() = default;

Status FamilyTableWriter::Put(std::string_view key, std::string_view value) {
  if (!writer_) {
    const std::string& family = ColumnFamilyNames()[cf_];
    char file[64];
    std::snprintf(file, sizeof(file), "%s-%06zu.sst", family.c_str(), files_->size() + 1);
    name_ = file;
    path_ = (std::filesystem::path(dir_) / file).string();
    writer_ = std::make_unique<rocksdb::SstFileWriter>(
        rocksdb::EnvOptions(), rocksdb::Options(rocksdb::DBOptions(), CfOptions(cf_, nullptr)));
    Status s = FromRocks(writer_->Open(path_), "write " + path_);
    if (!s.ok()) return s;
  }
  Status s = FromRocks(writer_->Put(rocksdb::Slice(key.data(), key.size()),
                                    rocksdb::Slice(value.data(), value.size())),
                       "write " + path_);
  if (!s.ok()) return s;
  if (writer_->FileSize() >= target_bytes_) return Finish();
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
