// Building a ClaimGraph: GraphBuilder collects entities, documents, claims
// and analysis links, then Build() lays them out once in a compressed
// sparse row graph. BuildClaimGraph streams a whole store through it.
//
// Vertices are created the first time an id is named. A vertex named only
// by reference (a claim's subject, a product's parent company, a speaker)
// is a placeholder: the first definition (AddEntity, AddDocument, AddClaim
// of that claim, AddVertex) sets its type and label, later definitions of
// the same id are ignored. So catalog entities added before the store's
// discovered entities keep their catalog names.
//
// Thread safety: a GraphBuilder is used by one thread at a time.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/entity.h"
#include "engine/status.h"
#include "engine/store.h"
#include "engine/stored.h"
#include "graph/claim_graph.h"

namespace claimgraph {

// What Build() could not place; everything else is in the graph.
struct GraphBuildStats {
  size_t links_skipped = 0;           // a link naming a claim not in the graph
  size_t comparisons_unresolved = 0;  // a comparator or object naming no known entity
};

// What GraphBuilder::WriteFile wrote.
struct GraphFileSummary {
  size_t vertices = 0;
  size_t edges = 0;
  size_t label_bytes = 0;   // all vertex labels together
  size_t memory_bytes = 0;  // about ClaimGraph::MemoryBytes of the graph once loaded
  GraphBuildStats stats;
};

// The vertex type of an entity type (company -> kCompany, ...).
VertexType EntityVertexType(EntityType type);

class GraphBuilder {
 public:
  GraphBuilder();
  ~GraphBuilder();
  GraphBuilder(const GraphBuilder&) = delete;
  GraphBuilder& operator=(const GraphBuilder&) = delete;

  // A catalog entry or a discovered entity: its vertex, plus the edges the
  // catalog states (segment_of, maker_of, generation_of, employed_by) the
  // first time the id is defined. Names and aliases help resolve the
  // comparators and relation objects of claims at Build().
  void AddEntity(const CatalogEntity& entity);
  // "doc:<doc_id>" labelled with its title (else its id), and, when
  // `source` is not empty, "source:<source>" with a published_by edge.
  void AddDocument(std::string_view doc_id, std::string_view title, std::string_view source);
  // "claim:<claim_id>" and its edges: subject_of, about_metric, stated_in
  // (defining the document from the claim's title and source when
  // AddDocument has not), said_by (speaker with an id), relation
  // (kRelation with an object), compared_with (kRelative whose comparator
  // names a known entity, resolved at Build). A claim id seen before is
  // ignored. Keeps nothing of `claim` but the graph's strings.
  void AddClaim(const StoredClaim& claim);
  // Brings into the cache what AddClaim(claim) will read of the id hash
  // and the ids, in kPrefetchStages stages (Store::ForEachClaim's
  // lookahead): stage 0 the hash slots of its claim and document vertices,
  // stage 1 the document's id offsets, stage 2 its id. Changes nothing; at
  // millions of vertices those reads are most of AddClaim's time.
  static constexpr int kPrefetchStages = 3;
  void PrefetchClaim(const StoredClaim& claim, int stage) const;
  // A contradicts or corroborates edge from a to b, resolved at Build().
  void AddLink(const ClaimLink& link);
  // The same for many links, taking them over instead of copying.
  void AddLinks(std::vector<ClaimLink> links);

  // Low level, for loaders: the vertex with this id, created with this type
  // and label when new (or defining a placeholder). Vertices are numbered
  // in creation order.
  VertexId AddVertex(std::string_view id, VertexType type, std::string_view label);
  // An edge; `provenance` is the claim vertex it derives from (kNoVertex
  // for none). Edges keep their order among the edges of one source.
  // REQUIRES: from, to and provenance (unless kNoVertex) were returned by
  // this builder.
  void AddEdge(VertexId from, VertexId to, EdgeType type, VertexId provenance,
               std::string_view relation = {}, std::string_view label = {});
  size_t vertex_count() const;
  // Sizes the arrays and the id hash for this many vertices and edges (a
  // loader that knows them), so that none of them grows step by step.
  // Only a hint: more may still be added.
  void Reserve(size_t vertices, size_t edges);

  // The graph. Errors: ResourceExhausted when there are 2^32 - 1 vertices
  // or edges or more; InvalidArgument after SpillVertices (use WriteFile).
  // The builder is empty afterwards.
  Result<ClaimGraph> Build();
  // Valid after Build().
  const GraphBuildStats& stats() const;

  // For a graph too large to build in memory beside everything else: from
  // now on each vertex record goes to the file `spill_path` as the vertex
  // is made, and the builder keeps only ids, types and edges (no labels).
  // Call before adding anything, then finish with WriteFile, not Build.
  // Errors: IOError naming the file; InvalidArgument when vertices exist.
  Status SpillVertices(const std::string& spill_path);
  // Writes the graph to `path` in the graph file format (graph_io.h): the
  // same bytes SaveGraph(Build()) would write, without building the graph.
  // Removes the spill; the builder is empty afterwards, also after an
  // error. Errors: those of the files (IOError naming one),
  // ResourceExhausted as for Build, InvalidArgument without SpillVertices.
  Status WriteFile(const std::string& path, GraphFileSummary* summary = nullptr);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The graph of everything in `store` plus the `catalog` entities and the
// analysis `links`. Streams documents, entities and claims (one at a time,
// nothing kept but the graph's strings). Errors: those of the store's scans
// (Corruption, IOError) and of Build().
Result<ClaimGraph> BuildClaimGraph(const Store& store, const std::vector<CatalogEntity>& catalog,
                                   const std::vector<ClaimLink>& links,
                                   GraphBuildStats* stats = nullptr);

// The same graph written straight to the graph file `path` (SaveGraph's
// bytes) through a spilling builder (`path`.vertices, removed afterwards):
// memory is the ids, the id hash and the edges, not the labels or the CSR.
// For `rebuild`, which only saves the graph. `each_claim`, when given, sees
// every stored claim as it is added (in the store's claim order), for a
// caller that wants something else from the same scan. Errors: as
// BuildClaimGraph, and those of the files.
Result<GraphFileSummary> WriteClaimGraphFile(
    const Store& store, const std::vector<CatalogEntity>& catalog, std::vector<ClaimLink> links,
    const std::string& path, const std::function<void(const StoredClaim&)>& each_claim = {});

}  // namespace claimgraph
