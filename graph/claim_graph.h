// ClaimGraph: an immutable graph of companies, segments, products, people,
// metrics, documents, sources and claims, built in one pass (see
// graph/graph_build.h) and queried by external string id.
//
// Vertices have stable external ids:
//   company/segment/product/person  their catalog or minted id ("AMZN",
//                                   "AMZN/aws", "person/andy-jassy")
//   metric    "metric:<id>"          document  "doc:<doc_id>"
//   source    "source:<name>"        claim     "claim:<claim_id>"
// Claims are vertices (reified), so an edge a claim implies carries that
// claim as its provenance. Edge directions and meanings are in
// docs/GRAPH.md. VertexId and EdgeId are dense indexes valid for one
// ClaimGraph object only: never persist them; external ids are the
// identity (SaveGraph/LoadGraph preserve them, see graph/graph_io.h).
//
// Storage is a Boost compressed_sparse_row_graph (bidirectional, so a walk
// can follow edges both ways) plus compact arrays; Boost stays in the .cc
// files.
//
// Thread safety: immutable once built; every const method may be called
// from any number of threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph {

enum class VertexType : uint8_t {
  kCompany,
  kSegment,
  kProduct,
  kPerson,
  kMetric,
  kDocument,
  kSource,
  kClaim,
};
inline constexpr int kVertexTypeCount = 8;

enum class EdgeType : uint8_t {
  kSegmentOf,     // segment -> company
  kMakerOf,       // company -> product
  kGenerationOf,  // product generation -> product family
  kEmployedBy,    // person -> company
  kSubjectOf,     // entity -> claim
  kAboutMetric,   // claim -> metric
  kStatedIn,      // claim -> document
  kPublishedBy,   // document -> source
  kSaidBy,        // claim -> speaker entity
  kComparedWith,  // subject entity -> compared entity (kRelative claims)
  kRelation,      // subject entity -> object entity (kRelation claims)
  kContradicts,   // claim -> claim (analysis link)
  kCorroborates,  // claim -> claim (analysis link)
};
inline constexpr int kEdgeTypeCount = 13;

// "company", "segment", ... / "segment_of", "maker_of", ...: the names used
// in every output. The returned views point to static storage.
std::string_view VertexTypeName(VertexType type);
std::string_view EdgeTypeName(EdgeType type);
// The inverse of the above; nullopt for an unknown name.
std::optional<VertexType> ParseVertexType(std::string_view name);
std::optional<EdgeType> ParseEdgeType(std::string_view name);

using VertexId = uint32_t;
using EdgeId = uint32_t;
inline constexpr VertexId kNoVertex = UINT32_MAX;

// A claim-to-claim link found by analysis (contradictions, corroboration).
struct ClaimLink {
  std::string a_claim_id;  // claim ids without the "claim:" prefix
  std::string b_claim_id;
  bool contradicts = true;  // false: corroborates
  std::string label;        // "conflict", "rounding", ...
};

// One edge. The string_views point into the graph and live as long as it.
struct EdgeInfo {
  EdgeId id = 0;
  VertexId source = kNoVertex;
  VertexId target = kNoVertex;
  EdgeType type = EdgeType::kSubjectOf;
  // The claim vertex the edge derives from; kNoVertex for catalog
  // structure (segment_of, maker_of, generation_of, employed_by,
  // published_by) and analysis links.
  VertexId provenance = kNoVertex;
  std::string_view relation;  // kRelation: "runs_on", "customer_of", ...
  std::string_view label;     // analysis links: "conflict", "rounding", ...
};

struct NeighborOptions {
  // Edges walked away from the start. 1 = direct neighbours.
  uint32_t hops = 1;
  // Only vertices of these types are returned (all when empty); the walk
  // passes through vertices of every type.
  std::vector<VertexType> vertex_types;
  // Only edges of these types are walked (all when empty).
  std::vector<EdgeType> edge_types;
};

struct Neighbor {
  VertexId vertex = kNoVertex;
  uint32_t distance = 0;  // hops from the start, >= 1
  EdgeId edge = 0;        // the edge that first reached it
  bool forward = true;    // true: walked source -> target
};

struct PathStep {
  VertexId vertex = kNoVertex;
  // The edge from the previous step's vertex; unset for the first step.
  std::optional<EdgeId> edge;
  bool forward = true;  // true: the edge points from the previous vertex to this one
};

struct PathOptions {
  // Only edges of these types are walked (all when empty).
  std::vector<EdgeType> edge_types;
};

class ClaimGraph {
 public:
  struct Rep;  // graph/claim_graph_rep.h; opaque to users

  // An empty graph.
  ClaimGraph();
  // Takes ownership of a built representation (graph_build.cc).
  explicit ClaimGraph(std::unique_ptr<Rep> rep);
  ~ClaimGraph();
  ClaimGraph(ClaimGraph&&) noexcept;
  ClaimGraph& operator=(ClaimGraph&&) noexcept;
  ClaimGraph(const ClaimGraph&) = delete;
  ClaimGraph& operator=(const ClaimGraph&) = delete;

  size_t vertex_count() const;
  size_t edge_count() const;
  // Heap bytes held by the graph (arrays, strings, Boost's CSR), approximate.
  size_t MemoryBytes() const;

  // The vertex with this external id, or nullopt.
  std::optional<VertexId> Find(std::string_view external_id) const;
  // REQUIRES: v < vertex_count(). Views live as long as the graph.
  std::string_view Id(VertexId v) const;
  std::string_view Label(VertexId v) const;
  VertexType Type(VertexId v) const;
  // REQUIRES: e < edge_count().
  EdgeInfo Edge(EdgeId e) const;
  // Every edge leaving / entering v, in id order. REQUIRES: v < vertex_count().
  std::vector<EdgeId> OutEdges(VertexId v) const;
  std::vector<EdgeId> InEdges(VertexId v) const;

  // Breadth-first walk from `start` along edges in both directions, up to
  // options.hops edges away. Each vertex other than the start is returned
  // once, at its shortest distance, in BFS order, with the edge that
  // reached it first. REQUIRES: start < vertex_count().
  std::vector<Neighbor> Neighbors(VertexId start, const NeighborOptions& options) const;

  // A shortest path from a to b walking edges in either direction: the
  // steps from a (first) to b (last); one step when a == b; nullopt when
  // no path exists. REQUIRES: a, b < vertex_count().
  std::optional<std::vector<PathStep>> ShortestPath(VertexId a, VertexId b,
                                                    const PathOptions& options = {}) const;

 private:
  std::unique_ptr<Rep> rep_;
};

}  // namespace claimgraph
