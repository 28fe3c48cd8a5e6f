#include "graph/claim_graph.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include "engine/hash.h"
#include "graph/claim_graph_rep.h"

namespace claimgraph {

// FNV-1a of the id, its bits mixed (MurmurHash3's finalizer): the low
// bits of FNV-1a alone cluster for ids that differ in their last digits.
size_t SlotHash(std::string_view id) { return SlotHash({}, id); }

size_t SlotHash(std::string_view prefix, std::string_view rest) {
  uint64_t h = Fnv1a64(rest, Fnv1a64(prefix));
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return static_cast<size_t>(h);
}

namespace {

constexpr std::string_view kVertexTypeNames[kVertexTypeCount] = {
    "company", "segment", "product", "person", "metric", "document", "source", "claim"};
constexpr std::string_view kEdgeTypeNames[kEdgeTypeCount] = {
    "segment_of",   "maker_of",    "generation_of", "employed_by", "subject_of",
    "about_metric", "stated_in",   "published_by",  "said_by",     "compared_with",
    "relation",     "contradicts", "corroborates"};

bool Allowed(const std::vector<EdgeType>& types, EdgeType t) {
  return types.empty() || std::find(types.begin(), types.end(), t) != types.end();
}

// What a breadth-first walk knows about a vertex it reached.
struct Reached {
  uint32_t distance = 0;
  VertexId from = kNoVertex;  // the previous vertex
  EdgeId edge = 0;
  bool forward = true;
};

// Breadth-first walk from `start` over edges of `edge_types` in both
// directions, at most `max_hops` away; stops early once `stop` is reached.
// Calls visit(v, reached) for each newly reached vertex, in BFS order.
template <typename Visit>
std::unordered_map<VertexId, Reached> Walk(const ClaimGraph::Rep& rep, VertexId start,
                                           const std::vector<EdgeType>& edge_types,
                                           uint32_t max_hops, VertexId stop, Visit visit) {
  std::unordered_map<VertexId, Reached> seen;
  seen.emplace(start, Reached{});
  std::deque<VertexId> queue{start};
  auto reach = [&](VertexId from, VertexId to, EdgeId e, bool forward) {
    if (!Allowed(edge_types, rep.edge_types[e])) return;
    const uint32_t d = seen[from].distance + 1;
    if (!seen.emplace(to, Reached{d, from, e, forward}).second) return;
    visit(to, seen[to]);
    if (d < max_hops) queue.push_back(to);
  };
  while (!queue.empty() && seen.count(stop) == 0) {
    const VertexId v = queue.front();
    queue.pop_front();
    for (auto [it, end] = boost::out_edges(v, rep.csr); it != end; ++it) {
      reach(v, boost::target(*it, rep.csr),
            static_cast<EdgeId>(boost::get(boost::edge_index, rep.csr, *it)), true);
    }
    for (auto [it, end] = boost::in_edges(v, rep.csr); it != end; ++it) {
      reach(v, boost::source(*it, rep.csr),
            static_cast<EdgeId>(boost::get(boost::edge_index, rep.csr, *it)), false);
    }
  }
  return seen;
}

}  // namespace

std::string_view VertexTypeName(VertexType type) {
  return kVertexTypeNames[static_cast<int>(type)];
}

std::string_view EdgeTypeName(EdgeType type) { return kEdgeTypeNames[static_cast<int>(type)]; }

std::optional<VertexType> ParseVertexType(std::string_view name) {
  for (int i = 0; i < kVertexTypeCount; ++i) {
    if (kVertexTypeNames[i] == name) return static_cast<VertexType>(i);
  }
  return std::nullopt;
}

std::optional<EdgeType> ParseEdgeType(std::string_view name) {
  for (int i = 0; i < kEdgeTypeCount; ++i) {
    if (kEdgeTypeNames[i] == name) return static_cast<EdgeType>(i);
  }
  return std::nullopt;
}

namespace {

auto IdsOf(const ClaimGraph::Rep& rep) {
  return [&rep](VertexId v) { return rep.IdOf(v); };
}
auto HashesOf(const ClaimGraph::Rep& rep) {
  return [&rep](VertexId v) { return SlotHash(rep.IdOf(v)); };
}

}  // namespace

std::optional<VertexId> FindVertex(const ClaimGraph::Rep& rep, std::string_view id, size_t hash) {
  const VertexId v = rep.id_hash.Find(id, hash, IdsOf(rep));
  if (v == IdHash::kNoId) return std::nullopt;
  return v;
}

std::optional<VertexId> FindVertex(const ClaimGraph::Rep& rep, std::string_view id) {
  return FindVertex(rep, id, SlotHash(id));
}

void IndexVertex(ClaimGraph::Rep* rep, VertexId v, size_t hash) {
  rep->id_hash.Reserve(rep->vertex_count(), HashesOf(*rep));
  rep->id_hash.Add(v, hash);
}

void ReserveSlots(ClaimGraph::Rep* rep, size_t vertices) {
  rep->id_hash.Reserve(vertices, HashesOf(*rep));
}

ClaimGraph::ClaimGraph() : rep_(std::make_unique<Rep>()) {}
ClaimGraph::ClaimGraph(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
ClaimGraph::~ClaimGraph() = default;
ClaimGraph::ClaimGraph(ClaimGraph&&) noexcept = default;
ClaimGraph& ClaimGraph::operator=(ClaimGraph&&) noexcept = default;

size_t ClaimGraph::vertex_count() const { return rep_->vertex_count(); }
size_t ClaimGraph::edge_count() const { return rep_->edge_types.size(); }

size_t ClaimGraph::MemoryBytes() const {
  const Rep& r = *rep_;
  size_t bytes = sizeof(Rep) + r.ids.capacity() + r.labels.capacity();
  bytes += (r.id_offsets.capacity() + r.label_offsets.capacity()) * sizeof(uint64_t);
  bytes += r.vertex_types.capacity() + r.id_hash.memory_bytes();
  bytes += r.edge_types.capacity() + r.attrs.capacity() * sizeof(EdgeAttr);
  for (const std::string& s : r.strings) bytes += sizeof(std::string) + s.capacity();
  // CSR: forward and backward row starts, forward targets, backward
  // sources and the backward -> forward edge index.
  bytes += (r.csr.m_forward.m_rowstart.capacity() + r.csr.m_backward.m_rowstart.capacity() +
            r.csr.m_forward.m_column.capacity() + r.csr.m_backward.m_column.capacity()) *
           sizeof(uint32_t);
  bytes += edge_count() * sizeof(uint32_t);
  return bytes;
}

std::optional<VertexId> ClaimGraph::Find(std::string_view external_id) const {
  return FindVertex(*rep_, external_id);
}

std::string_view ClaimGraph::Id(VertexId v) const { return rep_->IdOf(v); }

std::string_view ClaimGraph::Label(VertexId v) const {
  const auto& o = rep_->label_offsets;
  return std::string_view(rep_->labels).substr(o[v], o[v + 1] - o[v]);
}

VertexType ClaimGraph::Type(VertexId v) const { return rep_->vertex_types[v]; }

EdgeInfo ClaimGraph::Edge(EdgeId e) const {
  const Rep& r = *rep_;
  const auto edge = boost::edge_from_index(e, r.csr);
  EdgeInfo info;
  info.id = e;
  info.source = boost::source(edge, r.csr);
  info.target = boost::target(edge, r.csr);
  info.type = r.edge_types[e];
  info.provenance = DefaultProvenance(info.type, info.source, info.target);
  auto attr = std::lower_bound(r.attrs.begin(), r.attrs.end(), e,
                               [](const EdgeAttr& a, EdgeId id) { return a.edge < id; });
  if (attr != r.attrs.end() && attr->edge == e) {
    info.provenance = attr->provenance;
    info.relation = r.strings[attr->relation];
    info.label = r.strings[attr->label];
  }
  return info;
}

std::vector<EdgeId> ClaimGraph::OutEdges(VertexId v) const {
  std::vector<EdgeId> out;
  for (auto [it, end] = boost::out_edges(v, rep_->csr); it != end; ++it) {
    out.push_back(static_cast<EdgeId>(boost::get(boost::edge_index, rep_->csr, *it)));
  }
  return out;
}

std::vector<EdgeId> ClaimGraph::InEdges(VertexId v) const {
  std::vector<EdgeId> in;
  for (auto [it, end] = boost::in_edges(v, rep_->csr); it != end; ++it) {
    in.push_back(static_cast<EdgeId>(boost::get(boost::edge_index, rep_->csr, *it)));
  }
  std::sort(in.begin(), in.end());
  return in;
}

std::vector<Neighbor> ClaimGraph::Neighbors(VertexId start, const NeighborOptions& options) const {
  std::vector<Neighbor> out;
  if (options.hops == 0) return out;
  const auto& types = options.vertex_types;
  Walk(*rep_, start, options.edge_types, options.hops, kNoVertex,
       [&](VertexId v, const Reached& r) {
         if (types.empty() || std::find(types.begin(), types.end(), Type(v)) != types.end()) {
           out.push_back(Neighbor{v, r.distance, r.edge, r.forward});
         }
       });
  return out;
}

std::optional<std::vector<PathStep>> ClaimGraph::ShortestPath(VertexId a, VertexId b,
                                                              const PathOptions& options) const {
  if (a == b) return std::vector<PathStep>{PathStep{a, std::nullopt, true}};
  auto seen = Walk(*rep_, a, options.edge_types, UINT32_MAX, b, [](VertexId, const Reached&) {});
  if (seen.count(b) == 0) return std::nullopt;
  std::vector<PathStep> steps;
  for (VertexId v = b; v != a; v = seen[v].from) {
    steps.push_back(PathStep{v, seen[v].edge, seen[v].forward});
  }
  steps.push_back(PathStep{a, std::nullopt, true});
  std::reverse(steps.begin(), steps.end());
  return steps;
}

}  // namespace claimgraph
