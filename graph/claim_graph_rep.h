// Internal to graph/: the representation behind ClaimGraph, shared by the
// builder (graph_build.cc) and the queries (claim_graph.cc). Includes
// Boost; never include it from a public header or from outside graph/.
//
// Memory per vertex: two 8-byte string offsets, the id and label bytes, a
// type byte, ~16 bytes of id hash slots and 8 bytes of CSR row starts.
// Per edge: 12 bytes of CSR (forward target, backward source, backward ->
// forward index) and a type byte; provenance, relation and label are
// implied by the edge type except on the few edges listed in `attrs`.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/claim_graph.h"
#include "graph/id_hash.h"

namespace claimgraph {

// Provenance, relation and label of an edge whose provenance is not the
// default one or that has a relation or label.
struct EdgeAttr {
  EdgeId edge = 0;
  VertexId provenance = kNoVertex;
  uint32_t relation = 0;  // index into Rep::strings; 0 = none
  uint32_t label = 0;
};

struct ClaimGraph::Rep {
  using Csr = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                                 boost::no_property, boost::no_property, uint32_t,
                                                 uint32_t>;

  // Vertex v's id is ids[id_offsets[v], id_offsets[v + 1]); same for labels.
  std::string ids;
  std::vector<uint64_t> id_offsets{0};
  std::string labels;
  std::vector<uint64_t> label_offsets{0};
  std::vector<VertexType> vertex_types;
  IdHash id_hash;  // id -> vertex (graph/id_hash.h)

  // Indexed by EdgeId, which is the CSR's edge index (edges sorted by
  // source, stable).
  std::vector<EdgeType> edge_types;
  std::vector<EdgeAttr> attrs;             // sorted by edge
  std::vector<std::string> strings{{""}};  // interned relations and labels
  Csr csr;

  std::string_view IdOf(VertexId v) const {
    return std::string_view(ids).substr(id_offsets[v], id_offsets[v + 1] - id_offsets[v]);
  }
  size_t vertex_count() const { return vertex_types.size(); }
};

// The hash of a vertex id that places it in Rep::id_hash.
size_t SlotHash(std::string_view id);
// SlotHash(prefix + rest), without building the string.
size_t SlotHash(std::string_view prefix, std::string_view rest);
// The vertex with this id, or nullopt; `hash` is SlotHash(id).
std::optional<VertexId> FindVertex(const ClaimGraph::Rep& rep, std::string_view id, size_t hash);
std::optional<VertexId> FindVertex(const ClaimGraph::Rep& rep, std::string_view id);
// Adds vertex v, whose id's SlotHash is `hash`, to the hash (the caller has
// already appended it to ids/id_offsets/vertex_types); grows the table.
// REQUIRES: its id not present.
void IndexVertex(ClaimGraph::Rep* rep, VertexId v, size_t hash);
// Grows the hash, when needed, to hold `vertices` at IndexVertex's load
// factor without growing again.
void ReserveSlots(ClaimGraph::Rep* rep, size_t vertices);

// Who an edge of this type derives from when no EdgeAttr says otherwise.
inline VertexId DefaultProvenance(EdgeType type, VertexId source, VertexId target) {
  switch (type) {
    case EdgeType::kSubjectOf:
      return target;
    case EdgeType::kAboutMetric:
    case EdgeType::kStatedIn:
    case EdgeType::kSaidBy:
      return source;
    default:
      return kNoVertex;
  }
}

}  // namespace claimgraph
