// The manifest of a shard directory (`claimgraph sst --out DIR`): DIR/shard.json,
// written last, so a directory without one is incomplete or not a shard.
//
//   {"format":"claimgraph-shard-1","store_format":"claimgraph-store-3",
//    "documents":N,"claims":M,"keys":K,"bytes":B,
//    "counters":[["total","documents",N],["source","Reuters",7],...],
//    "files":[{"column_family":"documents","file":"documents-000001.sst",
//              "keys":N,"bytes":B,"smallest":"<hex>","largest":"<hex>"},...]}
//
// Counters are the shard's own counts, not a store's: several shards' are
// added to the store's when they are loaded (Store::LoadShards), so they
// travel here instead of in a table file. Pure functions; any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"

namespace claimgraph {

inline constexpr std::string_view kShardFormat = "claimgraph-shard-1";
inline constexpr std::string_view kShardManifestName = "shard.json";

struct ShardFile {
  std::string column_family;  // a store column family other than default and counters
  std::string file;           // name inside the shard directory
  uint64_t keys = 0;
  uint64_t bytes = 0;
  std::string smallest;  // first and last key (raw bytes; hex in the manifest)
  std::string largest;
};

struct ShardCounter {
  std::string group;  // "total", "kind", "metric", "modality", "source"
  std::string name;
  int64_t value = 0;
};

struct ShardManifest {
  uint64_t documents = 0;
  uint64_t claims = 0;
  uint64_t keys = 0;   // in all files
  uint64_t bytes = 0;  // of all files
  std::vector<ShardCounter> counters;
  std::vector<ShardFile> files;
};

std::string EncodeShardManifest(const ShardManifest& manifest);

// Reads DIR/shard.json. Errors name `dir`: NotFound when it does not exist
// or holds no manifest; InvalidArgument when the manifest is malformed, of
// another shard or store format, or names a column family the store does not
// have, a file outside DIR, or a file that is missing.
Result<ShardManifest> ReadShardManifest(const std::string& dir);

}  // namespace claimgraph
