#include "graph/graph_io.h"

#include <algorithm>
#include <filesystem>

#include "engine/hash.h"
#include "engine/mapped_file.h"
#include "engine/store_dir.h"
#include "engine/varint.h"
#include "graph/graph_build.h"

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

void PutString(std::string* dst, std::string_view s) {
  PutVarint64(dst, s.size());
  dst->append(s);
}

// Writes a DurableFile through a buffer, hashing the payload on the way.
class PayloadWriter {
 public:
  explicit PayloadWriter(DurableFile* file) : file_(file) {}
  std::string* buf() { return &buf_; }
  // Hands the buffer to the file once it is large (always when `force`).
  Status Flush(bool force) {
    if (!force && buf_.size() < (size_t{1} << 20)) return Status::OK();
    if (hashing_) {
      hash_ = Fnv1a64(buf_, hash_);
      bytes_ += buf_.size();
    }
    Status s = file_->Append(buf_);
    buf_.clear();
    return s;
  }
  // Writes out what is buffered (the header, unhashed); what follows is
  // the payload, hashed until EndPayload.
  Status BeginPayload() {
    if (Status s = Flush(true); !s.ok()) return s;
    hashing_ = true;
    return Status::OK();
  }
  // REQUIRES: the buffer was flushed. What follows (the trailer) is not hashed.
  void EndPayload() { hashing_ = false; }
  uint64_t hash() const { return hash_; }
  uint64_t bytes() const { return bytes_; }

 private:
  DurableFile* file_;
  std::string buf_;
  bool hashing_ = false;
  uint64_t hash_ = kFnv1aSeed;
  uint64_t bytes_ = 0;
};

Status WritePayload(const ClaimGraph& g, PayloadWriter* w) {
  std::string* b = w->buf();
  PutVarint64(b, g.vertex_count());
  for (VertexId v = 0; v < g.vertex_count(); ++v) {
    b->push_back(static_cast<char>(g.Type(v)));
    PutString(b, g.Id(v));
    PutString(b, g.Label(v));
    if (Status s = w->Flush(false); !s.ok()) return s;
  }
  PutVarint64(b, g.edge_count());
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    const EdgeInfo info = g.Edge(e);
    PutVarint64(b, info.source);
    PutVarint64(b, info.target);
    b->push_back(static_cast<char>(info.type));
    // Provenance + 1 (0 = none), relation, label.
    PutVarint64(b, info.provenance == kNoVertex ? 0 : uint64_t{info.provenance} + 1);
    PutString(b, info.relation);
    PutString(b, info.label);
    if (Status s = w->Flush(false); !s.ok()) return s;
  }
  return w->Flush(true);
}

Status WriteFile(const ClaimGraph& g, DurableFile* file) {
  PayloadWriter w(file);
  w.buf()->append(kGraphFileMagic);
  PutFixed(w.buf(), kGraphFileVersion, 4);
  if (Status s = w.BeginPayload(); !s.ok()) return s;
  if (Status s = WritePayload(g, &w); !s.ok()) return s;
  w.EndPayload();
  PutFixed(w.buf(), w.bytes(), 8);
  PutFixed(w.buf(), w.hash(), 8);
  return w.Flush(true);
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
  auto file = DurableFile::Create(path);
  if (!file.ok()) return file.status();
  Status s = WriteFile(graph, &file.value());
  return s.ok() ? file->Commit() : s;
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
