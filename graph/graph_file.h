// Internal to graph/: the graph file format (graph_io.h, docs/GRAPH.md)
// shared by SaveGraph, which writes a built ClaimGraph, and
// GraphBuilder::WriteFile, which writes what a builder holds without
// building the graph in memory.
//
// A file is the magic, a 4-byte version, the payload and a trailer (the
// payload's length and FNV-1a 64 checksum, 8 bytes each, little-endian).
// The payload is the vertex count, one record per vertex (type byte, id,
// label), the edge count and one record per edge in id order (source,
// target, type byte, provenance + 1 or 0, relation, label); counts and
// numbers are varints, strings a varint length and their bytes.
//
// Thread safety: a GraphFileWriter is used by one thread at a time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/hash.h"
#include "engine/status.h"
#include "engine/store_dir.h"
#include "graph/claim_graph.h"

namespace claimgraph {

// Appends a varint length and the bytes.
void PutGraphString(std::string* dst, std::string_view s);
// Appends one vertex record.
void PutVertexRecord(std::string* dst, VertexType type, std::string_view id,
                     std::string_view label);
// Appends one edge record.
void PutEdgeRecord(std::string* dst, VertexId source, VertexId target, EdgeType type,
                   VertexId provenance, std::string_view relation, std::string_view label);

// Writes a graph file durably (DurableFile: `path`.tmp, fsync, rename):
// the header at Create, the payload appended to buf() a record at a time,
// the trailer at Finish. Destroyed before a successful Finish, it leaves
// `path` as it was.
class GraphFileWriter {
 public:
  // Errors: IOError naming the file.
  static Result<GraphFileWriter> Create(const std::string& path);

  // Payload bytes go here; call MaybeFlush() after each record.
  std::string* buf() { return &buf_; }
  // Hands the buffer to the file once it holds 1 MB or more.
  Status MaybeFlush() { return buf_.size() < (size_t{1} << 20) ? Status::OK() : Flush(); }
  // Writes the rest of the payload and the trailer and commits the file.
  Status Finish();

 private:
  explicit GraphFileWriter(DurableFile file) : file_(std::move(file)) {}
  Status Flush();

  DurableFile file_;
  std::string buf_;
  uint64_t hash_ = kFnv1aSeed;
  uint64_t bytes_ = 0;
};

}  // namespace claimgraph
