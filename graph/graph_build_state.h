// GraphBuilder's state, shared by graph/graph_build.cc (vertices, edges,
// names, Build) and graph/graph_spill.cc (SpillVertices and WriteFile: the
// graph written straight to its file). Internal to graph/.
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/utf8.h"
#include "engine/varint.h"
#include "graph/claim_graph_rep.h"
#include "graph/graph_build.h"
#include "graph/graph_file.h"

namespace claimgraph {

namespace graph_build_internal {

// A comparator or relation object waiting for every entity name.
struct PendingEntityEdge {
  VertexId claim;
  VertexId subject;
  EdgeType type;
  std::string text;      // the name as written
  std::string relation;  // kRelation only
};

// Vertex records written to a file as vertices are made
// (GraphBuilder::SpillVertices), in the graph file's record format.
class VertexSpill {
 public:
  explicit VertexSpill(std::string path) : path_(std::move(path)) {}
  ~VertexSpill() {
    if (file_ != nullptr) std::fclose(file_);
    std::remove(path_.c_str());
  }
  VertexSpill(const VertexSpill&) = delete;
  VertexSpill& operator=(const VertexSpill&) = delete;

  Status Open() {
    file_ = std::fopen(path_.c_str(), "wb");
    return file_ != nullptr ? Status::OK() : Error("cannot create");
  }
  void Add(VertexType type, std::string_view id, std::string_view label) {
    PutVertexRecord(&buf_, type, id, label);
    if (buf_.size() >= (size_t{1} << 20)) Flush();
  }
  // Writes out the buffer and closes the file; the first error since Open.
  Status Close() {
    Flush();
    if (file_ != nullptr && std::fclose(file_) != 0 && status_.ok())
      status_ = Error("cannot write");
    file_ = nullptr;
    return status_;
  }
  const std::string& path() const { return path_; }

  // After Close: calls fn(record, label_size) for each record in order,
  // reading the file a chunk at a time (a mapping would count the whole
  // file in the process's resident memory).
  template <typename Fn>
  Status ForEachRecord(Fn fn) const {
    std::FILE* in = std::fopen(path_.c_str(), "rb");
    if (in == nullptr) return Error("cannot read");
    std::string buf;
    size_t pos = 0;
    bool eof = false;
    Status s;
    while (s.ok()) {
      std::string_view rest = std::string_view(buf).substr(pos);
      uint64_t label_size = 0;
      const size_t n = RecordSize(rest, &label_size);
      if (n > 0) {
        s = fn(rest.substr(0, n), label_size);
        pos += n;
        continue;
      }
      if (eof) {
        if (!rest.empty()) s = Status::Corruption("vertex spill " + path_ + ": damaged record");
        break;
      }
      buf.erase(0, pos);
      pos = 0;
      const size_t have = buf.size();
      buf.resize(have + (size_t{1} << 20));
      const size_t got = std::fread(buf.data() + have, 1, buf.size() - have, in);
      buf.resize(have + got);
      if (got == 0) {
        if (std::ferror(in)) s = Error("cannot read");
        eof = true;
      }
    }
    std::fclose(in);
    return s;
  }

 private:
  // The size of the whole record at the start of `in`, 0 when incomplete.
  static size_t RecordSize(std::string_view in, uint64_t* label_size) {
    const size_t total = in.size();
    uint64_t id_size = 0;
    if (in.empty()) return 0;
    in.remove_prefix(1);
    if (!GetVarint64(&in, &id_size) || id_size > in.size()) return 0;
    in.remove_prefix(id_size);
    if (!GetVarint64(&in, label_size) || *label_size > in.size()) return 0;
    return total - in.size() + *label_size;
  }

  void Flush() {
    if (status_.ok() && file_ != nullptr && !buf_.empty() &&
        std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size()) {
      status_ = Error("cannot write");
    }
    buf_.clear();
  }
  Status Error(const char* what) const {
    return Status::IOError(std::string(what) + " " + path_ + ": " + std::strerror(errno));
  }

  std::string path_;
  std::FILE* file_ = nullptr;
  std::string buf_;
  Status status_;
};

}  // namespace graph_build_internal

struct GraphBuilder::State {
  std::unique_ptr<ClaimGraph::Rep> rep = std::make_unique<ClaimGraph::Rep>();
  // Labels while building: (start, length) in label_bytes; placeholders
  // are relabelled when defined, so they are compacted at Build().
  std::string label_bytes;
  std::vector<std::pair<uint64_t, uint32_t>> label_spans;
  std::vector<bool> defined;
  std::vector<VertexId> edge_source, edge_target;
  std::vector<EdgeAttr> attrs;  // edge = index in insertion order
  std::unordered_map<std::string, uint32_t> string_ids;
  std::unordered_map<std::string, VertexId> names;  // lower-cased name or alias -> entity
  std::vector<graph_build_internal::PendingEntityEdge> pending;
  std::vector<ClaimLink> links;
  GraphBuildStats stats;
  bool too_many = false;
  // Spilling (SpillVertices): vertex records go to the spill as vertices
  // are made; a placeholder defined later keeps its label here instead.
  std::unique_ptr<graph_build_internal::VertexSpill> spill;
  std::unordered_map<VertexId, std::string> relabels;

  void SetLabel(VertexId v, std::string_view label) {
    label_spans[v] = {label_bytes.size(), static_cast<uint32_t>(label.size())};
    label_bytes += label;
  }

  // The vertex `id`, created when new; `define` sets type and label of a
  // new vertex or a placeholder. Second: true when this call defined it.
  std::pair<VertexId, bool> Touch(std::string_view id, VertexType type, std::string_view label,
                                  bool define) {
    const size_t hash = SlotHash(id);
    if (auto v = FindVertex(*rep, id, hash)) {
      if (!define || defined[*v]) return {*v, false};
      rep->vertex_types[*v] = type;
      if (spill) {
        relabels[*v] = std::string(label);
      } else {
        SetLabel(*v, label);
      }
      defined[*v] = true;
      return {*v, true};
    }
    if (rep->vertex_count() >= kNoVertex - 1) {
      too_many = true;
      return {0, false};
    }
    const auto v = static_cast<VertexId>(rep->vertex_count());
    rep->ids += id;
    rep->id_offsets.push_back(rep->ids.size());
    rep->vertex_types.push_back(type);
    if (spill) {
      spill->Add(type, id, label);
    } else {
      label_spans.emplace_back();
      SetLabel(v, label);
    }
    defined.push_back(define);
    IndexVertex(rep.get(), v, hash);
    return {v, define};
  }

  uint32_t Intern(std::string_view s) {
    if (s.empty()) return 0;
    auto [it, added] = string_ids.emplace(std::string(s), 0);
    if (added) {
      it->second = static_cast<uint32_t>(rep->strings.size());
      rep->strings.emplace_back(s);
    }
    return it->second;
  }

  void AddName(std::string_view name, VertexId v) {
    if (!name.empty()) names.emplace(AsciiLowered(name), v);
  }

  // The entity a comparator or object names: its id, name or alias, else
  // the longest run of leading words that is one ("Nvidia GPUs" -> Nvidia,
  // "Nvidia's H100" -> Nvidia).
  std::optional<VertexId> ResolveName(std::string_view text) const {
    std::string s = AsciiLowered(text);
    if (s.rfind("the ", 0) == 0) s.erase(0, 4);
    while (!s.empty()) {
      if (auto it = names.find(s); it != names.end()) return it->second;
      if (s.ends_with("'s")) {
        if (auto it = names.find(s.substr(0, s.size() - 2)); it != names.end()) return it->second;
      }
      const size_t space = s.find_last_of(' ');
      if (space == std::string::npos) break;
      s.resize(space);
    }
    return std::nullopt;
  }

  void Edge(VertexId from, VertexId to, EdgeType type, VertexId provenance,
            std::string_view relation, std::string_view label) {
    if (too_many) return;
    if (edge_source.size() >= kNoVertex - 1) {
      too_many = true;
      return;
    }
    const auto e = static_cast<EdgeId>(edge_source.size());
    edge_source.push_back(from);
    edge_target.push_back(to);
    rep->edge_types.push_back(type);
    if (provenance != DefaultProvenance(type, from, to) || !relation.empty() || !label.empty()) {
      attrs.push_back(EdgeAttr{e, provenance, Intern(relation), Intern(label)});
    }
  }

  // "doc:<doc_id>", defined with its source on first definition.
  VertexId Document(std::string_view doc_id, std::string_view title, std::string_view source);

  Result<ClaimGraph> Finish();
  void ResolvePending();
  void SortEdges();
  Status WriteVertices(GraphFileWriter* out, GraphFileSummary* summary);
  Status WriteEdges(GraphFileWriter* out);
};

}  // namespace claimgraph
