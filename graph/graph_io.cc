#include "graph/graph_io.h"

#include <algorithm>
#include <filesystem>

#include "engine/hash.h"
#include "engine/mapped_file.h"
#include "engine/store_dir.h"
#include "engine/varint.h"
#include "graph/graph_build.h"
#include "graph/graph_file.h"

namespace claimgraph {

namespace {

constexpr size_t kHeaderBytes = kGraphFileMagic.size() + 4;
constexpr size_t kTrailerBytes = 16;
// The fewest payload bytes of a vertex record (type, id length, label
// length) and of an edge record (source, target, type, provenance,
// relation length, label length).
constexpr size_t kMinVertexBytes = 3;
constexpr size_t kMinEdgeBytes = 6;

void PutFixed(std::string* dst, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) dst->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

uint64_t GetFixed(std::string_view s, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i)
    v |= uint64_t{static_cast<uint8_t>(s[static_cast<size_t>(i)])} << (8 * i);
  return v;
}

Status WritePayload(const ClaimGraph& g, GraphFileWriter* w) {
  std::string* b = w->buf();
  PutVarint64(b, g.vertex_count());
  for (VertexId v = 0; v < g.vertex_count(); ++v) {
    PutVertexRecord(b, g.Type(v), g.Id(v), g.Label(v));
    if (Status s = w->MaybeFlush(); !s.ok()) return s;
  }
  PutVarint64(b, g.edge_count());
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    const EdgeInfo info = g.Edge(e);
    PutEdgeRecord(b, info.source, info.target, info.type, info.provenance, info.relation,
                  info.label);
    if (Status s = w->MaybeFlush(); !s.ok()) return s;
  }
  return Status::OK();
}

// Bounds-checked reads from the payload; the first failure names the file.
class PayloadReader {
 public:
  PayloadReader(std::string_view in, const std::string& path) : in_(in), path_(path) {}
  bool Varint(uint64_t* v) { return Check(GetVarint64(&in_, v)); }
  bool Byte(uint8_t* v) {
    if (!Check(!in_.empty())) return false;
    *v = static_cast<uint8_t>(in_[0]);
    in_.remove_prefix(1);
    return true;
  }
  bool String(std::string_view* s) {
    uint64_t n = 0;
    if (!Varint(&n) || !Check(n <= in_.size())) return false;
    *s = in_.substr(0, n);
    in_.remove_prefix(n);
    return true;
  }
  // Records a failure unless ok.
  bool Check(bool ok, std::string_view what = "a record runs past the end") {
    if (!ok && error_.empty()) error_ = std::string(what);
    return ok;
  }
  bool done() const { return in_.empty(); }
  size_t remaining() const { return in_.size(); }
  Status status() const { return Status::Corruption("graph file " + path_ + ": " + error_); }

 private:
  std::string_view in_;
  const std::string& path_;
  std::string error_;
};

// The edges, in id order (sorted by source), into `builder`.
Status ParseEdges(PayloadReader* reader, uint64_t n, size_t payload_size, GraphBuilder* builder) {
  PayloadReader& r = *reader;
  uint64_t m = 0;
  if (!r.Varint(&m) || !r.Check(m < kNoVertex && m <= payload_size, "bad edge count")) {
    return r.status();
  }
  // A count is only a claim: reserve no more than the bytes left can hold.
  builder->Reserve(builder->vertex_count(), std::min<uint64_t>(m, r.remaining() / kMinEdgeBytes));
  uint64_t last_source = 0;
  for (uint64_t e = 0; e < m; ++e) {
    uint64_t source = 0, target = 0, provenance = 0;
    uint8_t type = 0;
    std::string_view relation, label;
    if (!r.Varint(&source) || !r.Varint(&target) || !r.Byte(&type) || !r.Varint(&provenance) ||
        !r.String(&relation) || !r.String(&label)) {
      return r.status();
    }
    if (source >= n || target >= n || provenance > n || type >= kEdgeTypeCount ||
        source < last_source) {
      r.Check(false, "edge " + std::to_string(e) + " names no vertex or is out of order");
      return r.status();
    }
    last_source = source;
    builder->AddEdge(
        static_cast<VertexId>(source), static_cast<VertexId>(target), static_cast<EdgeType>(type),
        provenance == 0 ? kNoVertex : static_cast<VertexId>(provenance - 1), relation, label);
  }
  return Status::OK();
}

Result<ClaimGraph> ParsePayload(std::string_view payload, const std::string& path) {
  PayloadReader r(payload, path);
  GraphBuilder builder;
  uint64_t n = 0;
  if (!r.Varint(&n) || !r.Check(n < kNoVertex && n <= payload.size(), "bad vertex count")) {
    return r.status();
  }
  builder.Reserve(std::min<uint64_t>(n, r.remaining() / kMinVertexBytes), 0);
  for (uint64_t v = 0; v < n; ++v) {
    uint8_t type = 0;
    std::string_view id, label;
    if (!r.Byte(&type) || !r.Check(type < kVertexTypeCount, "bad vertex type") || !r.String(&id) ||
        !r.String(&label)) {
      return r.status();
    }
    if (builder.AddVertex(id, static_cast<VertexType>(type), label) != v) {
      r.Check(false, "duplicate vertex id " + std::string(id));
      return r.status();
    }
  }
  if (Status st = ParseEdges(&r, n, payload.size(), &builder); !st.ok()) return st;
  if (!r.Check(r.done(), "bytes after the last edge")) return r.status();
  return builder.Build();
}

}  // namespace

Status SaveGraph(const ClaimGraph& graph, const std::string& path) {
  auto file = GraphFileWriter::Create(path);
  if (!file.ok()) return file.status();
  Status s = WritePayload(graph, &file.value());
  return s.ok() ? file->Finish() : s;
}

void PutGraphString(std::string* dst, std::string_view s) {
  PutVarint64(dst, s.size());
  dst->append(s);
}

void PutVertexRecord(std::string* dst, VertexType type, std::string_view id,
                     std::string_view label) {
  dst->push_back(static_cast<char>(type));
  PutGraphString(dst, id);
  PutGraphString(dst, label);
}

void PutEdgeRecord(std::string* dst, VertexId source, VertexId target, EdgeType type,
                   VertexId provenance, std::string_view relation, std::string_view label) {
  PutVarint64(dst, source);
  PutVarint64(dst, target);
  dst->push_back(static_cast<char>(type));
  PutVarint64(dst, provenance == kNoVertex ? 0 : uint64_t{provenance} + 1);
  PutGraphString(dst, relation);
  PutGraphString(dst, label);
}

Result<GraphFileWriter> GraphFileWriter::Create(const std::string& path) {
  auto file = DurableFile::Create(path);
  if (!file.ok()) return file.status();
  std::string header(kGraphFileMagic);
  PutFixed(&header, kGraphFileVersion, 4);
  if (Status s = file->Append(header); !s.ok()) return s;
  return GraphFileWriter(std::move(file).value());
}

Status GraphFileWriter::Flush() {
  hash_ = Fnv1a64(buf_, hash_);
  bytes_ += buf_.size();
  Status s = file_.Append(buf_);
  buf_.clear();
  return s;
}

Status GraphFileWriter::Finish() {
  if (Status s = Flush(); !s.ok()) return s;
  std::string trailer;
  PutFixed(&trailer, bytes_, 8);
  PutFixed(&trailer, hash_, 8);
  if (Status s = file_.Append(trailer); !s.ok()) return s;
  return file_.Commit();
}

Result<ClaimGraph> LoadGraph(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return Status::NotFound("graph file " + path + ": not found");
  auto file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  const std::string_view data = file->bytes();
  const std::string where = "graph file " + path + ": ";
  if (data.size() < kHeaderBytes || data.compare(0, kGraphFileMagic.size(), kGraphFileMagic) != 0) {
    return Status::Corruption(where + "not a claimgraph graph file");
  }
  const uint64_t version = GetFixed(std::string_view(data).substr(kGraphFileMagic.size()), 4);
  if (version != kGraphFileVersion) {
    return Status::Corruption(where + "format version " + std::to_string(version) +
                              ", this build reads " + std::to_string(kGraphFileVersion));
  }
  if (data.size() < kHeaderBytes + kTrailerBytes) return Status::Corruption(where + "truncated");
  const std::string_view trailer = std::string_view(data).substr(data.size() - kTrailerBytes);
  const std::string_view payload =
      std::string_view(data).substr(kHeaderBytes, data.size() - kHeaderBytes - kTrailerBytes);
  if (GetFixed(trailer, 8) != payload.size()) {
    return Status::Corruption(where + "truncated or extended (length does not match)");
  }
  if (GetFixed(trailer.substr(8), 8) != Fnv1a64(payload)) {
    return Status::Corruption(where + "checksum mismatch");
  }
  return ParsePayload(payload, path);
}

}  // namespace claimgraph
