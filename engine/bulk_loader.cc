#include "engine/bulk_loader.h"

#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <system_error>

namespace claimgraph {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kDirPrefix = "bulk-";

// Temporary directories of bulk ingests that died; the caller holds the
// writer lock, so none is in use.
void RemoveStaleBulkDirs(const std::string& store_dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(store_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.compare(0, kDirPrefix.size(), kDirPrefix) == 0 || name.compare(0, 5, "load-") == 0) {
      fs::remove_all(entry.path(), ec);
    }
  }
}

}  // namespace

BulkLoader::BulkLoader(Store* store, std::string ruleset, std::string dir,
                       std::unique_ptr<ShardWriter> writer)
    : store_(store),
      ruleset_(std::move(ruleset)),
      dir_(std::move(dir)),
      writer_(std::move(writer)) {}

BulkLoader::~BulkLoader() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

Result<std::unique_ptr<BulkLoader>> BulkLoader::Start(Store* store, std::string ruleset) {
  RemoveStaleBulkDirs(store->path());
  std::string dir = store->path() + "/" + std::string(kDirPrefix) + "XXXXXX";
  if (mkdtemp(dir.data()) == nullptr) return Status::IOError("cannot create " + dir);
  auto writer = ShardWriter::Create(dir + "/shard");
  if (!writer.ok()) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    return writer.status();
  }
  return std::unique_ptr<BulkLoader>(
      new BulkLoader(store, std::move(ruleset), std::move(dir), std::move(*writer)));
}

Result<PutOutcome> BulkLoader::Put(const Document& doc, const std::vector<Claim>& claims) {
  auto old = store_->GetDocument(doc.id);
  if (!old.ok()) return old.status();
  if (old->has_value()) return store_->PutDocument(doc, ruleset_, claims);
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  return writer_->Add(doc, ruleset_, claims, now) ? PutOutcome::kReplaced : PutOutcome::kAdded;
}

Result<LoadShardsSummary> BulkLoader::Finish() {
  auto manifest = writer_->Finish();
  if (!manifest.ok()) return manifest.status();
  // Our own files, just written: no need to read them back for checksums.
  return store_->LoadShards({dir_ + "/shard"},
                            LoadShardsOptions{.move_files = true, .verify_checksums = false});
}

}  // namespace claimgraph
