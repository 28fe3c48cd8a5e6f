// Store generations: staging a copy for a rebuild and publishing it.
#include <rocksdb/utilities/checkpoint.h>

#include <filesystem>
#include <system_error>

#include "engine/store_internal.h"

namespace claimgraph {

namespace fs = std::filesystem;

uint64_t Store::generation() const { return rep_->generation; }
const std::string& Store::db_path() const { return rep_->db_path; }
std::string Store::snapshot_dir() const {
  return GenerationSnapshotDir(rep_->path, rep_->generation);
}
uint64_t Store::sequence() const { return rep_->db->GetLatestSequenceNumber(); }

Result<std::unique_ptr<Store>> Store::StageGeneration(StageFrom from) {
  Status s = rep_->CheckWritable();
  if (!s.ok()) return s;
  if (!rep_->lock) return Status::Unsupported(rep_->path + ": a staged generation cannot stage");
  const uint64_t next = rep_->generation + 1;
  const std::string dir = GenerationDir(rep_->path, next);
  std::error_code ec;
  fs::remove_all(dir, ec);
  std::unique_ptr<Store> staged(new Store());
  Rep* rep = staged->rep_.get();
  rep->path = rep_->path;
  rep->options = rep_->options;
  rep->options.direct_reads = false;  // its scans read what was just written
  rep->generation = next;
  rep->db_path = GenerationDbDir(rep_->path, next);
  if (from == StageFrom::kEmpty) {
    s = CreateGenerationDb(rep);
    if (!s.ok()) return s;
    return staged;
  }
  s = Sync();  // everything in table files: the checkpoint then needs no WAL copy
  if (!s.ok()) return s;
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir + ": " + ec.message());
  rocksdb::Checkpoint* raw = nullptr;
  s = FromRocks(rocksdb::Checkpoint::Create(rep_->db.get(), &raw), "checkpoint " + rep_->path);
  if (!s.ok()) return s;
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  s = FromRocks(checkpoint->CreateCheckpoint(rep->db_path),
                "checkpoint " + rep_->path + " into " + dir);
  if (!s.ok()) return s;
  s = OpenGenerationDb(rep);
  if (!s.ok()) return s;
  return staged;
}

Status Store::PublishGeneration(Store* staged) {
  Status s = rep_->CheckWritable();
  if (!s.ok()) return s;
  if (staged->rep_->path != rep_->path || staged->rep_->generation != rep_->generation + 1) {
    return Status::InvalidArgument(staged->rep_->db_path + " is not the next generation of " +
                                   rep_->db_path);
  }
  s = staged->Sync();
  if (!s.ok()) return s;
  s = PublishCurrentGeneration(rep_->path, staged->rep_->generation);
  if (!s.ok()) return s;
  RemoveStaleGenerations(rep_->path, staged->rep_->generation);
  return Status::OK();
}

}  // namespace claimgraph
