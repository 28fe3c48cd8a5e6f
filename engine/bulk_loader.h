// BulkLoader: the write side of `claimgraph ingest --bulk`. Documents the
// store does not hold go into a shard (engine/shard_writer.h) in a
// temporary directory inside the store directory; Finish writes its sorted
// table files and loads them with Store::LoadShards in one atomic step.
// Documents the store holds with other content or rules are replaced at
// once through Store::PutDocument, as `ingest` does; unchanged ones are
// skipped before extraction by the Ingester.
//
// Until Finish returns, readers see the replaced documents but none of the
// new ones; a killed bulk ingest leaves the store as it was before (plus
// any replacements) and its temporary directory, which the next BulkLoader
// on the store removes.
//
// Thread safety: Put from several threads at once; Finish once, after.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/shard_writer.h"
#include "engine/status.h"
#include "engine/store.h"

namespace claimgraph {

class BulkLoader {
 public:
  // REQUIRES: `store` opened as a writer, outliving the loader.
  // IOError when the temporary directory cannot be created.
  static Result<std::unique_ptr<BulkLoader>> Start(Store* store, std::string ruleset);
  ~BulkLoader();  // removes the temporary directory
  BulkLoader(const BulkLoader&) = delete;
  BulkLoader& operator=(const BulkLoader&) = delete;

  // Adds a new document to the shard (kAdded; kReplaced when the shard held
  // it already), or replaces a stored one (Store::PutDocument's outcome).
  Result<PutOutcome> Put(const Document& doc, const std::vector<Claim>& claims);
  // Writes the shard and loads it, moving its files into the store.
  Result<LoadShardsSummary> Finish();

 private:
  BulkLoader(Store* store, std::string ruleset, std::string dir,
             std::unique_ptr<ShardWriter> writer);
  Store* store_;
  std::string ruleset_;
  std::string dir_;
  std::unique_ptr<ShardWriter> writer_;
};

}  // namespace claimgraph
