// GraphBuilder::SpillVertices and WriteFile: the graph written straight to
// its file (graph/graph_file.h) without building it in memory.
#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/graph_build_state.h"

namespace claimgraph {

using graph_build_internal::VertexSpill;

Status GraphBuilder::SpillVertices(const std::string& path) {
  State& s = *state_;
  if (s.rep->vertex_count() > 0 || s.spill) {
    return Status::InvalidArgument("GraphBuilder::SpillVertices: vertices were added already");
  }
  auto spill = std::make_unique<VertexSpill>(path);
  if (Status st = spill->Open(); !st.ok()) return st;
  s.spill = std::move(spill);
  return Status::OK();
}

// Copies the spilled vertex records to `out`, each placeholder defined
// after it was spilled with its final type and label.
Status GraphBuilder::State::WriteVertices(GraphFileWriter* out, GraphFileSummary* summary) {
  const size_t n = rep->vertex_count();
  PutVarint64(out->buf(), n);
  VertexId v = 0;
  Status s = spill->ForEachRecord([&](std::string_view record, uint64_t label_size) {
    if (v >= n) return Status::Corruption("vertex spill " + spill->path() + ": extra records");
    if (auto it = relabels.find(v); it != relabels.end()) {
      PutVertexRecord(out->buf(), rep->vertex_types[v], rep->IdOf(v), it->second);
      summary->label_bytes += it->second.size();
    } else {
      out->buf()->append(record);
      summary->label_bytes += label_size;
    }
    ++v;
    return out->MaybeFlush();
  });
  if (s.ok() && v != n) s = Status::Corruption("vertex spill " + spill->path() + ": truncated");
  return s;
}

// The edges in id order: by source, in insertion order among one source's
// edges (the order SortEdges gives the CSR).
Status GraphBuilder::State::WriteEdges(GraphFileWriter* out) {
  const size_t n = rep->vertex_count();
  const size_t m = edge_source.size();
  std::vector<EdgeId> order(m);
  {
    std::vector<EdgeId> start(n + 1, 0);
    for (VertexId s : edge_source) ++start[s + 1];
    for (size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    for (size_t e = 0; e < m; ++e) order[start[edge_source[e]]++] = static_cast<EdgeId>(e);
  }
  std::vector<bool> has_attr(m, false);
  for (const EdgeAttr& a : attrs) has_attr[a.edge] = true;  // attrs are in edge order
  PutVarint64(out->buf(), m);
  for (EdgeId e : order) {
    const VertexId from = edge_source[e], to = edge_target[e];
    const EdgeType type = rep->edge_types[e];
    VertexId provenance = DefaultProvenance(type, from, to);
    std::string_view relation, label;
    if (has_attr[e]) {
      const auto it = std::lower_bound(attrs.begin(), attrs.end(), e,
                                       [](const EdgeAttr& a, EdgeId x) { return a.edge < x; });
      provenance = it->provenance;
      relation = rep->strings[it->relation];
      label = rep->strings[it->label];
    }
    PutEdgeRecord(out->buf(), from, to, type, provenance, relation, label);
    if (Status s = out->MaybeFlush(); !s.ok()) return s;
  }
  return Status::OK();
}

Status GraphBuilder::WriteFile(const std::string& path, GraphFileSummary* summary) {
  if (!state_->spill) return Status::InvalidArgument("GraphBuilder::WriteFile: no SpillVertices");
  // Whatever happens, the builder is empty afterwards and the spill gone.
  std::unique_ptr<State> done = std::exchange(state_, std::make_unique<State>());
  State& s = *done;
  state_->stats = s.stats;
  s.ResolvePending();
  state_->stats = s.stats;
  if (s.too_many) return Status::ResourceExhausted("graph: 2^32 - 1 vertices or edges or more");
  // Only the ids (for relabelled placeholders), types, edges and interned
  // strings are still needed.
  s.rep->id_hash.Clear();
  std::unordered_map<std::string, VertexId>().swap(s.names);
  std::unordered_map<std::string, uint32_t>().swap(s.string_ids);
  std::vector<bool>().swap(s.defined);
  GraphFileSummary local;
  GraphFileSummary& sum = summary != nullptr ? *summary : local;
  sum = {};
  if (Status st = s.spill->Close(); !st.ok()) return st;
  auto out = GraphFileWriter::Create(path);
  if (!out.ok()) return out.status();
  Status st = s.WriteVertices(&out.value(), &sum);
  if (st.ok()) st = s.WriteEdges(&out.value());
  if (st.ok()) st = out->Finish();
  if (!st.ok()) return st;
  const ClaimGraph::Rep& rep = *s.rep;
  const size_t n = rep.vertex_count(), m = rep.edge_types.size();
  sum.vertices = n;
  sum.edges = m;
  sum.stats = s.stats;
  // ClaimGraph::MemoryBytes of the graph once loaded: its arrays at their
  // sizes, the id hash at its load factor, the CSR both ways.
  size_t strings = 0;
  for (const std::string& str : rep.strings) strings += sizeof(std::string) + str.capacity();
  sum.memory_bytes = sizeof(ClaimGraph::Rep) + rep.ids.size() + sum.label_bytes +
                     (n + 1) * 2 * sizeof(uint64_t) + n + IdHash::MemoryBytesFor(n) + m +
                     s.attrs.size() * sizeof(EdgeAttr) + strings +
                     ((n + 1) * 2 + m * 3) * sizeof(uint32_t);
  return Status::OK();
}

}  // namespace claimgraph
