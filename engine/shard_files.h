// FamilyTableWriter: writes the records of one column family, in key order,
// into one or more table files of a shard directory (engine/shard_writer.h),
// with the store's own options, so that loaded files are laid out as the
// store's. Internal to the engine: ShardWriter and MergeShards use it.
#pragma once

#include <rocksdb/sst_file_writer.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/shard_manifest.h"
#include "engine/shard_writer.h"
#include "engine/status.h"

namespace claimgraph {

class FamilyTableWriter {
 public:
  // Files go to `dir`, named <family>-NNNNNN.sst with NNNNNN = files->size()
  // + 1 when each is opened; a file ends past `target_bytes`, and each
  // finished one is appended to `files` (which must outlive the writer).
  // `options`: the file size target, direct writes, the page cache.
  FamilyTableWriter(std::string dir, size_t cf, const ShardWriterOptions& options,
                    std::vector<ShardFile>* files);
  ~FamilyTableWriter();
  FamilyTableWriter(const FamilyTableWriter&) = delete;
  FamilyTableWriter& operator=(const FamilyTableWriter&) = delete;

  // REQUIRES: keys strictly ascending. IOError naming the file on failure.
  Status Put(std::string_view key, std::string_view value);
  // Finishes the open file, if any.
  Status Finish();
  uint64_t keys() const { return keys_; }
  uint64_t bytes() const { return bytes_; }

 private:
  std::string dir_;
  size_t cf_;
  ShardWriterOptions options_;
  std::vector<ShardFile>* files_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;  // the open file, if any
  std::string path_;
  std::string name_;
  uint64_t keys_ = 0;
  uint64_t bytes_ = 0;
};

}  // namespace claimgraph
