// Saving a ClaimGraph to a file and loading it back: the snapshot the
// nightly rebuild writes and the `graph` commands read, so a query does not
// have to rebuild the graph from the store.
//
// The file is "claimgraph-graph" (16 bytes), a 4-byte little-endian format
// version, the payload (vertices with their ids, types and labels; edges in
// id order; edge attributes), then the payload's length and its FNV-1a 64
// checksum (8 bytes each). Layout in docs/GRAPH.md. External ids, vertex
// order and edge order survive a round trip, so VertexId/EdgeId of the
// loaded graph equal those of the saved one.
//
// Thread safety: free functions; concurrent saves to one path race on the
// rename (the last one wins, whole), loads are independent.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/status.h"
#include "graph/claim_graph.h"

namespace claimgraph {

inline constexpr std::string_view kGraphFileMagic = "claimgraph-graph";
inline constexpr uint32_t kGraphFileVersion = 1;

// Writes `graph` to `path` atomically: to `path`.tmp, fsync, rename over
// `path`, fsync of the directory. A reader never sees a half-written file.
// Errors: IOError naming the file and the system's reason (`path`.tmp is
// removed).
Status SaveGraph(const ClaimGraph& graph, const std::string& path);

// Reads a file SaveGraph wrote. Reads the whole file into memory first
// (about the graph's size again, briefly). Errors: NotFound when `path`
// does not exist; IOError when it cannot be read; Corruption naming `path`
// when it is not a graph file, is of another version, is truncated, fails
// its checksum or holds inconsistent records. Never crashes on bad bytes.
Result<ClaimGraph> LoadGraph(const std::string& path);

}  // namespace claimgraph
