// MergeShards: merges shard directories (engine/shard_writer.h) into one
// shard whose table files of each column family do not overlap, so that
// loading it into a store that holds none of its keys puts every file in
// the bottom level, with nothing left to compact. It is the external
// merge sort of a large load written as bounded chunks (engine/bulk_loader.h
// ChunkedLoader): each chunk is one sorted run.
//
// Of a key in several shards (an entity that documents of several chunks
// name) the value of the last shard in `dirs` holding it is kept, as the
// later of two writes would be. Documents, claims, keys and bytes are
// counted in the merged files; counters are summed.
//
// Column families are merged on up to `threads` threads at once, each
// reading its runs in order with readahead, so memory stays a few blocks
// per run. Errors name the shard or file at fault; `out_dir` is then
// incomplete (no manifest) and the caller removes it.
#pragma once

#include <string>
#include <vector>

#include "engine/shard_manifest.h"
#include "engine/shard_writer.h"
#include "engine/status.h"

namespace claimgraph {

// REQUIRES: `out_dir` does not exist or is empty. A document in two
// shards is refused with InvalidArgument naming it. `options` are those of
// the merged files; with `direct_reads` the shards' files are read with
// O_DIRECT (runs read once: ShardWriterOptions::direct_writes).
Result<ShardManifest> MergeShards(const std::vector<std::string>& dirs, const std::string& out_dir,
                                  size_t threads, const ShardWriterOptions& options = {},
                                  bool direct_reads = false);

}  // namespace claimgraph
