// ClaimGraph: building, ids, neighbours, paths, provenance, links, and the
// snapshot file (graph/claim_graph.h, graph_build.h, graph_io.h).
#include "graph/claim_graph.h"

#include <sys/resource.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

#include "engine/store.h"
#include "graph/claim_graph_rep.h"
#include "graph/graph_build.h"
#include "graph/graph_io.h"
#include "graph/tag_collision.h"
#include "test_paths.h"

namespace claimgraph::claim_graph_test {

namespace {

CatalogEntity Entity(std::string id, EntityType type, std::string name, std::string parent = "",
                     std::string family = "", std::vector<std::string> aliases = {}) {
  CatalogEntity e;
  e.id = std::move(id);
  e.type = type;
  e.name = std::move(name);
  e.parent = std::move(parent);
  e.family = std::move(family);
  e.aliases = std::move(aliases);
  return e;
}

std::vector<CatalogEntity> Catalog() {
  return {Entity("AMZN", EntityType::kCompany, "Amazon"),
          Entity("AMZN/aws", EntityType::kSegment, "AWS", "AMZN"),
          Entity("AMZN/trainium", EntityType::kProduct, "Trainium", "AMZN"),
          Entity("AMZN/trainium2", EntityType::kProduct, "Trainium2", "AMZN", "AMZN/trainium"),
          Entity("NVDA", EntityType::kCompany, "Nvidia", "", "", {"NVIDIA", "Nvidia Corp"}),
          Entity("person/andy-jassy", EntityType::kPerson, "Andy Jassy", "AMZN"),
          Entity("anthropic", EntityType::kCompany, "Anthropic"),
          Entity("MSFT", EntityType::kCompany, "Microsoft")};
}

StoredClaim MakeClaim(std::string id, std::string doc, ClaimKind kind, std::string subject,
                      std::string metric) {
  StoredClaim s;
  s.claim.claim_id = std::move(id);
  s.claim.doc_id = std::move(doc);
  s.claim.kind = kind;
  s.claim.subject.id = std::move(subject);
  s.claim.subject.name = s.claim.subject.id;
  s.claim.metric = std::move(metric);
  s.claim.evidence_text = "Evidence of " + s.claim.claim_id + ".";
  s.source = s.claim.doc_id == "d1" ? "Reuters" : "";
  s.title = s.claim.doc_id == "d1" ? "AWS grows" : "Chips";
  return s;
}

std::vector<StoredClaim> Claims() {
  std::vector<StoredClaim> claims;
  claims.push_back(MakeClaim("c1", "d1", ClaimKind::kQuantity, "AMZN/aws", "revenue"));
  claims.back().claim.speaker = Speaker{"Andy Jassy", "CEO", "person/andy-jassy"};
  claims.push_back(
      MakeClaim("c2", "d1", ClaimKind::kRelative, "AMZN/trainium2", "price_performance"));
  claims.back().claim.comparator = "Nvidia GPUs";
  claims.push_back(MakeClaim("c3", "d2", ClaimKind::kRelation, "anthropic", ""));
  claims.back().claim.relation = "runs_on";
  claims.back().claim.object = ClaimSubject{"AMZN/trainium2", "Trainium2", EntityType::kProduct};
  claims.push_back(MakeClaim("c4", "d2", ClaimKind::kQuantity, "NVDA", "revenue"));
  claims.push_back(MakeClaim("c5", "d2", ClaimKind::kQuantity, "AMZN/aws", "revenue"));
  claims.push_back(MakeClaim("c6", "d2", ClaimKind::kRelation, "NVDA", ""));
  claims.back().claim.relation = "customer_of";
  claims.back().claim.object = ClaimSubject{"", "Microsoft Azure", EntityType::kCompany};
  return claims;
}

std::vector<ClaimLink> Links() {
  return {{"c1", "c5", true, "conflict"},
          {"c4", "c5", false, "rounding"},
          {"c1", "gone", true, "conflict"}};
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void FeedTestGraph(GraphBuilder* b) {
  for (const CatalogEntity& e : Catalog()) b->AddEntity(e);
  b->AddDocument("d2", "Chips", "");
  for (const StoredClaim& c : Claims()) b->AddClaim(c);
  for (const ClaimLink& l : Links()) b->AddLink(l);
}

ClaimGraph BuildTestGraph(GraphBuildStats* stats = nullptr) {
  GraphBuilder b;
  FeedTestGraph(&b);
  auto g = b.Build();
  REQUIRE(g.ok());
  if (stats != nullptr) *stats = b.stats();
  return std::move(g).value();
}

VertexId V(const ClaimGraph& g, std::string_view id) {
  auto v = g.Find(id);
  INFO(id);
  REQUIRE(v.has_value());
  return *v;
}

// (source id, target id, type, relation, label, provenance id) of every edge.
using EdgeTuple =
    std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>;

std::multiset<EdgeTuple> EdgeSet(const ClaimGraph& g) {
  std::multiset<EdgeTuple> out;
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    const EdgeInfo i = g.Edge(e);
    out.emplace(g.Id(i.source), g.Id(i.target), EdgeTypeName(i.type), i.relation, i.label,
                i.provenance == kNoVertex ? "" : g.Id(i.provenance));
  }
  return out;
}

bool HasEdge(const ClaimGraph& g, std::string_view from, std::string_view to, EdgeType type,
             std::string_view provenance = "") {
  return EdgeSet(g).count({std::string(from), std::string(to), std::string(EdgeTypeName(type)), "",
                           "", std::string(provenance)}) == 1;
}

std::set<std::string> Ids(const ClaimGraph& g, const std::vector<Neighbor>& found) {
  std::set<std::string> ids;
  for (const Neighbor& n : found) ids.emplace(g.Id(n.vertex));
  return ids;
}

}  // namespace

TEST_CASE("The builder gives every entity document source metric and claim its external id",
          "[graph]") {
  ClaimGraph g = BuildTestGraph();
  CHECK(g.Type(V(g, "AMZN")) == VertexType::kCompany);
  CHECK(g.Label(V(g, "AMZN")) == "Amazon");
  CHECK(g.Type(V(g, "AMZN/aws")) == VertexType::kSegment);
  CHECK(g.Type(V(g, "AMZN/trainium2")) == VertexType::kProduct);
  CHECK(g.Type(V(g, "person/andy-jassy")) == VertexType::kPerson);
  CHECK(g.Type(V(g, "metric:revenue")) == VertexType::kMetric);
  CHECK(g.Type(V(g, "doc:d1")) == VertexType::kDocument);
  CHECK(g.Label(V(g, "doc:d1")) == "AWS grows");
  CHECK(g.Label(V(g, "doc:d2")) == "Chips");
  CHECK(g.Type(V(g, "source:Reuters")) == VertexType::kSource);
  CHECK(g.Type(V(g, "claim:c3")) == VertexType::kClaim);
  CHECK_FALSE(g.Find("source:").has_value());  // d2 has no source
  CHECK_FALSE(g.Find("claim:gone").has_value());
  // 8 catalog entities, 2 metrics, 2 documents, 1 source, 6 claims.
  CHECK(g.vertex_count() == 19);
  for (VertexId v = 0; v < g.vertex_count(); ++v) CHECK(g.Find(g.Id(v)) == v);
}

TEST_CASE("Catalog structure becomes segment maker generation and employer edges", "[graph]") {
  ClaimGraph g = BuildTestGraph();
  CHECK(HasEdge(g, "AMZN/aws", "AMZN", EdgeType::kSegmentOf));
  CHECK(HasEdge(g, "AMZN", "AMZN/trainium2", EdgeType::kMakerOf));
  CHECK(HasEdge(g, "AMZN", "AMZN/trainium", EdgeType::kMakerOf));
  CHECK(HasEdge(g, "AMZN/trainium2", "AMZN/trainium", EdgeType::kGenerationOf));
  CHECK(HasEdge(g, "person/andy-jassy", "AMZN", EdgeType::kEmployedBy));
  CHECK(HasEdge(g, "doc:d1", "source:Reuters", EdgeType::kPublishedBy));
}

TEST_CASE("Every edge a claim implies names that claim as provenance", "[graph]") {
  ClaimGraph g = BuildTestGraph();
  CHECK(HasEdge(g, "AMZN/aws", "claim:c1", EdgeType::kSubjectOf, "claim:c1"));
  CHECK(HasEdge(g, "claim:c1", "metric:revenue", EdgeType::kAboutMetric, "claim:c1"));
  CHECK(HasEdge(g, "claim:c1", "doc:d1", EdgeType::kStatedIn, "claim:c1"));
  CHECK(HasEdge(g, "claim:c1", "person/andy-jassy", EdgeType::kSaidBy, "claim:c1"));
  // The comparator "Nvidia GPUs" names Nvidia.
  CHECK(HasEdge(g, "AMZN/trainium2", "NVDA", EdgeType::kComparedWith, "claim:c2"));
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    const EdgeInfo i = g.Edge(e);
    const bool from_claim = i.type == EdgeType::kSubjectOf || i.type == EdgeType::kAboutMetric ||
                            i.type == EdgeType::kStatedIn || i.type == EdgeType::kSaidBy ||
                            i.type == EdgeType::kComparedWith || i.type == EdgeType::kRelation;
    INFO(EdgeTypeName(i.type));
    if (from_claim) {
      REQUIRE(i.provenance != kNoVertex);
      CHECK(g.Type(i.provenance) == VertexType::kClaim);
    } else {
      CHECK(i.provenance == kNoVertex);
    }
  }
}

TEST_CASE("Relation claims link subject and object with the relation id", "[graph]") {
  GraphBuildStats stats;
  ClaimGraph g = BuildTestGraph(&stats);
  auto set = EdgeSet(g);
  CHECK(set.count({"anthropic", "AMZN/trainium2", "relation", "runs_on", "", "claim:c3"}) == 1);
  // An object given only by name is resolved through names and aliases at Build.
  CHECK(set.count({"NVDA", "MSFT", "relation", "customer_of", "", "claim:c6"}) == 1);
  CHECK(stats.comparisons_unresolved == 0);
}

TEST_CASE("Analysis links become contradicts and corroborates edges with labels", "[graph]") {
  GraphBuildStats stats;
  ClaimGraph g = BuildTestGraph(&stats);
  auto set = EdgeSet(g);
  CHECK(set.count({"claim:c1", "claim:c5", "contradicts", "", "conflict", ""}) == 1);
  CHECK(set.count({"claim:c4", "claim:c5", "corroborates", "", "rounding", ""}) == 1);
  CHECK(stats.links_skipped == 1);  // "gone" is not in the graph
}

TEST_CASE("Vertex ids whose hashes share a slot and a tag stay apart", "[graph]") {
  // Two ids whose SlotHash agrees in the high 32 bits (the tag a slot keeps)
  // and in the low 4 (the first slot probed in the builder's first table of
  // 16): a probe that trusted the tag would take one for the other.
  const auto [a, b] =
      testing::TagCollision("claim:", [](const std::string& id) { return SlotHash(id); });
  REQUIRE_FALSE(a.empty());
  GraphBuilder builder;
  const VertexId va = builder.AddVertex(a, VertexType::kClaim, "a");
  const VertexId vb = builder.AddVertex(b, VertexType::kClaim, "b");
  CHECK(va != vb);
  CHECK(builder.AddVertex(a, VertexType::kClaim, "a") == va);
  auto graph = builder.Build();
  REQUIRE(graph.ok());
  CHECK(graph->Find(a) == va);
  CHECK(graph->Find(b) == vb);
  CHECK_FALSE(graph->Find("claim:x").has_value());
}

TEST_CASE("A slot hash of a prefix and the rest is the hash of both", "[graph]") {
  for (const std::string& id :
       std::vector<std::string>{"", "d1", "gen-123456", std::string(300, 'x')}) {
    CHECK(SlotHash("doc:", id) == SlotHash("doc:" + id));
    CHECK(SlotHash("", id) == SlotHash(id));
  }
  CHECK(SlotHash("doc:", "x") != SlotHash("doc", "x"));
}

TEST_CASE("The likely id of a hash is the one in its first slot with its tag", "[graph]") {
  // What PrefetchClaim reads ahead of AddClaim: a guess, so it must never
  // name an id whose tag differs, and must name the id a lookup finds
  // there.
  IdHash hash;
  CHECK(hash.LikelyId(42) == IdHash::kNoId);  // no table yet
  hash.Reserve(16, [](uint32_t) { return uint64_t{0}; });
  const uint64_t h = (uint64_t{0xABCD1234} << 32) | 5;
  CHECK(hash.LikelyId(h) == IdHash::kNoId);  // a free slot
  hash.Add(7, h);
  CHECK(hash.LikelyId(h) == 7);
  CHECK(hash.LikelyId(h ^ (uint64_t{1} << 40)) == IdHash::kNoId);  // same slot, other tag
  CHECK(hash.LikelyId(h + 1) == IdHash::kNoId);                    // the next slot is free
}

TEST_CASE("Ids and edges do not depend on the order things are added", "[graph]") {
  ClaimGraph a = BuildTestGraph();
  GraphBuilder b;
  auto claims = Claims();
  for (auto it = claims.rbegin(); it != claims.rend(); ++it) b.AddClaim(*it);
  auto catalog = Catalog();
  for (auto it = catalog.rbegin(); it != catalog.rend(); ++it) b.AddEntity(*it);
  b.AddDocument("d2", "Chips", "");
  for (const ClaimLink& l : Links()) b.AddLink(l);
  b.AddClaim(claims[0]);  // a claim seen twice adds nothing
  auto g = b.Build();
  REQUIRE(g.ok());
  CHECK(EdgeSet(a) == EdgeSet(*g));
  REQUIRE(a.vertex_count() == g->vertex_count());
  for (VertexId v = 0; v < a.vertex_count(); ++v) {
    const VertexId w = V(*g, a.Id(v));
    CHECK(g->Type(w) == a.Type(v));
    // Catalog names win over the names claims give their subjects.
    CHECK(g->Label(w) == a.Label(v));
  }
}

TEST_CASE("Neighbors walks both directions with hops and filters", "[graph]") {
  ClaimGraph g = BuildTestGraph();
  const VertexId amzn = V(g, "AMZN");
  auto one = g.Neighbors(amzn, {});
  CHECK(Ids(g, one) ==
        std::set<std::string>{"AMZN/aws", "AMZN/trainium", "AMZN/trainium2", "person/andy-jassy"});
  for (const Neighbor& n : one) {
    CHECK(n.distance == 1);
    const EdgeInfo e = g.Edge(n.edge);
    CHECK((n.forward ? e.source : e.target) == amzn);
    CHECK((n.forward ? e.target : e.source) == n.vertex);
  }
  auto two = g.Neighbors(amzn, {2, {VertexType::kClaim}, {}});
  CHECK(Ids(g, two) == std::set<std::string>{"claim:c1", "claim:c2", "claim:c5"});
  for (const Neighbor& n : two) CHECK(n.distance == 2);
  auto products = g.Neighbors(amzn, {3, {}, {EdgeType::kMakerOf}});
  CHECK(Ids(g, products) == std::set<std::string>{"AMZN/trainium", "AMZN/trainium2"});
  auto companies = g.Neighbors(V(g, "AMZN/trainium2"), {2, {VertexType::kCompany}, {}});
  // Maker, comparison and relation; Microsoft through Nvidia's customer_of.
  CHECK(Ids(g, companies) == std::set<std::string>{"AMZN", "NVDA", "anthropic", "MSFT"});
  CHECK(g.Neighbors(amzn, {0, {}, {}}).empty());
  CHECK(g.Neighbors(V(g, "MSFT"), {1, {}, {EdgeType::kMakerOf}}).empty());
}

TEST_CASE("ShortestPath returns connected steps and reports no path", "[graph]") {
  ClaimGraph g = BuildTestGraph();
  const VertexId t2 = V(g, "AMZN/trainium2"), nvda = V(g, "NVDA");
  auto direct = g.ShortestPath(t2, nvda);
  REQUIRE(direct.has_value());
  REQUIRE(direct->size() == 2);
  CHECK(g.Edge(*(*direct)[1].edge).type == EdgeType::kComparedWith);
  // Only through claims and documents: 8 edges.
  auto via_docs = g.ShortestPath(t2, nvda, {{EdgeType::kSubjectOf, EdgeType::kStatedIn}});
  REQUIRE(via_docs.has_value());
  CHECK(via_docs->size() == 9);
  CHECK(via_docs->front().vertex == t2);
  CHECK(via_docs->back().vertex == nvda);
  for (size_t i = 1; i < via_docs->size(); ++i) {
    const PathStep& s = (*via_docs)[i];
    REQUIRE(s.edge.has_value());
    const EdgeInfo e = g.Edge(*s.edge);
    CHECK((s.forward ? e.source : e.target) == (*via_docs)[i - 1].vertex);
    CHECK((s.forward ? e.target : e.source) == s.vertex);
  }
  CHECK_FALSE(g.ShortestPath(t2, V(g, "MSFT"), {{EdgeType::kMakerOf}}).has_value());
  auto self = g.ShortestPath(nvda, nvda);
  REQUIRE(self.has_value());
  CHECK(self->size() == 1);
}

TEST_CASE("A subject first seen in a claim takes its catalog name when defined", "[graph]") {
  GraphBuilder b;
  StoredClaim c = MakeClaim("c1", "d1", ClaimKind::kQuantity, "AMZN", "revenue");
  c.claim.subject.name = "Amazon.com";
  b.AddClaim(c);
  b.AddEntity(Entity("AMZN", EntityType::kCompany, "Amazon"));
  b.AddEntity(Entity("AMZN", EntityType::kCompany, "Amazon Again"));
  auto g = b.Build();
  REQUIRE(g.ok());
  CHECK(g->Label(V(*g, "AMZN")) == "Amazon");
  CHECK(g->MemoryBytes() > 0);
}

TEST_CASE("BuildClaimGraph streams a real store", "[graph]") {
  testing::TempDir tmp;
  {
    auto store = Store::Open(tmp.path() + "/db", StoreOptions{});
    REQUIRE(store.ok());
    for (std::string doc_id : {"d1", "d2"}) {
      Document doc;
      doc.id = doc_id;
      doc.text = "Some text.";
      doc.prose_end = doc.text.size();
      doc.source = doc_id == "d1" ? "Reuters" : "";
      doc.title = doc_id == "d1" ? "AWS grows" : "Chips";
      std::vector<Claim> claims;
      for (const StoredClaim& c : Claims()) {
        if (c.claim.doc_id == doc_id) claims.push_back(c.claim);
      }
      REQUIRE((*store)->PutDocument(doc, "rules", claims).ok());
    }
  }
  auto store = Store::Open(tmp.path() + "/db", StoreOptions{.read_only = true});
  REQUIRE(store.ok());
  auto g = BuildClaimGraph(**store, Catalog(), Links());
  REQUIRE(g.ok());
  ClaimGraph expected = BuildTestGraph();
  CHECK(EdgeSet(*g) == EdgeSet(expected));
  CHECK(g->vertex_count() == expected.vertex_count());
  CHECK(g->Label(V(*g, "doc:d1")) == "AWS grows");

  // Written straight to a file, the same graph: SaveGraph's bytes.
  REQUIRE(SaveGraph(*g, tmp.path() + "/built.bin").ok());
  std::vector<std::string> seen;  // the claims the graph's scan passes on
  auto summary =
      WriteClaimGraphFile(**store, Catalog(), Links(), tmp.path() + "/direct.bin",
                          [&seen](const StoredClaim& c) { seen.push_back(c.claim.claim_id); });
  REQUIRE(summary.ok());
  std::vector<std::string> stored;
  REQUIRE((*store)
              ->ForEachClaim([&stored](const StoredClaim& c) {
                stored.push_back(c.claim.claim_id);
                return true;
              })
              .ok());
  CHECK(seen.size() == Claims().size());
  CHECK(seen == stored);  // every claim, in the store's order
  CHECK(summary->vertices == g->vertex_count());
  CHECK(summary->edges == g->edge_count());
  CHECK(FileBytes(tmp.path() + "/direct.bin") == FileBytes(tmp.path() + "/built.bin"));
  CHECK_FALSE(std::filesystem::exists(tmp.path() + "/direct.bin.vertices"));
}

// A placeholder subject (defined by a later AddEntity with another type
// and a longer label), then the test graph.
void FeedWithPlaceholder(GraphBuilder* b) {
  StoredClaim early = MakeClaim("c0", "d9", ClaimKind::kQuantity, "XYZ/unit", "revenue");
  early.claim.subject.name = "xyz";
  b->AddClaim(early);
  FeedTestGraph(b);
  b->AddEntity(Entity("XYZ/unit", EntityType::kSegment, "The XYZ Unit, longer", "XYZ"));
  // Enough documents that the spill is read back in several chunks (1 MB
  // each), so records cross chunk boundaries.
  for (int i = 0; i < 30000; ++i) {
    const std::string n = std::to_string(i);
    b->AddDocument("bulk-" + n, "A title long enough to fill the spill quickly, number " + n,
                   i % 7 == 0 ? "Wire " + std::to_string(i % 5) : "");
  }
}

TEST_CASE("A spilling builder writes the bytes SaveGraph writes", "[graph]") {
  testing::TempDir tmp;
  GraphBuilder in_memory;
  FeedWithPlaceholder(&in_memory);
  auto built = in_memory.Build();
  REQUIRE(built.ok());
  REQUIRE(SaveGraph(*built, tmp.path() + "/built.bin").ok());

  GraphBuilder spilling;
  const std::string spill = tmp.path() + "/vertices.spill";
  REQUIRE(spilling.SpillVertices(spill).ok());
  CHECK(std::filesystem::exists(spill));
  FeedWithPlaceholder(&spilling);
  GraphFileSummary summary;
  REQUIRE(spilling.WriteFile(tmp.path() + "/spilled.bin", &summary).ok());
  CHECK_FALSE(std::filesystem::exists(spill));
  CHECK_FALSE(std::filesystem::exists(tmp.path() + "/spilled.bin.tmp"));

  const std::string bytes = FileBytes(tmp.path() + "/built.bin");
  REQUIRE_FALSE(bytes.empty());
  CHECK(FileBytes(tmp.path() + "/spilled.bin") == bytes);
  CHECK(summary.vertices == built->vertex_count());
  CHECK(summary.edges == built->edge_count());
  CHECK(summary.stats.links_skipped == in_memory.stats().links_skipped);
  CHECK(summary.stats.links_skipped == 1);
  auto loaded = LoadGraph(tmp.path() + "/spilled.bin");
  REQUIRE(loaded.ok());
  CHECK(loaded->Label(V(*loaded, "XYZ/unit")) == "The XYZ Unit, longer");
  CHECK(loaded->Type(V(*loaded, "XYZ/unit")) == VertexType::kSegment);
  CHECK(summary.memory_bytes == loaded->MemoryBytes());
}

TEST_CASE("A spilling builder refuses misuse and names a spill it cannot create", "[graph]") {
  testing::TempDir tmp;
  GraphBuilder plain;
  plain.AddDocument("d1", "Title", "");
  CHECK(plain.WriteFile(tmp.path() + "/g.bin").code() == Status::Code::kInvalidArgument);
  CHECK(plain.SpillVertices(tmp.path() + "/late.spill").code() == Status::Code::kInvalidArgument);
  CHECK_FALSE(std::filesystem::exists(tmp.path() + "/late.spill"));
  GraphBuilder spilling;
  REQUIRE(spilling.SpillVertices(tmp.path() + "/v.spill").ok());
  spilling.AddDocument("d1", "Title", "");
  CHECK(spilling.Build().status().code() == Status::Code::kInvalidArgument);
  // A file that cannot be written: an error, the spill removed, the builder
  // empty (a second WriteFile is refused: nothing is spilling any more).
  CHECK(spilling.WriteFile(tmp.path() + "/no/such/dir/g.bin").code() == Status::Code::kIOError);
  CHECK_FALSE(std::filesystem::exists(tmp.path() + "/v.spill"));
  CHECK(spilling.WriteFile(tmp.path() + "/g.bin").code() == Status::Code::kInvalidArgument);
  CHECK(spilling.vertex_count() == 0);
  // No vertices at all: SaveGraph's bytes of the empty graph.
  GraphBuilder empty;
  REQUIRE(empty.SpillVertices(tmp.path() + "/empty.spill").ok());
  REQUIRE(empty.WriteFile(tmp.path() + "/empty.bin").ok());
  GraphBuilder plain_empty;
  auto built = plain_empty.Build();
  REQUIRE(built.ok());
  REQUIRE(SaveGraph(*built, tmp.path() + "/empty_saved.bin").ok());
  CHECK(FileBytes(tmp.path() + "/empty.bin") == FileBytes(tmp.path() + "/empty_saved.bin"));
  GraphBuilder nowhere;
  Status s = nowhere.SpillVertices(tmp.path() + "/no/such/dir/v.spill");
  CHECK(s.code() == Status::Code::kIOError);
  CHECK(std::string(s.message()).find("no/such/dir/v.spill") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(tmp.path() + "/g.bin"));
}

TEST_CASE("SaveGraph and LoadGraph round trip ids types labels and edges", "[graph]") {
  testing::TempDir tmp;
  ClaimGraph g = BuildTestGraph();
  const std::string path = tmp.path() + "/graph.bin";
  REQUIRE(SaveGraph(g, path).ok());
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
  auto loaded = LoadGraph(path);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->vertex_count() == g.vertex_count());
  REQUIRE(loaded->edge_count() == g.edge_count());
  for (VertexId v = 0; v < g.vertex_count(); ++v) {
    CHECK(loaded->Id(v) == g.Id(v));
    CHECK(loaded->Type(v) == g.Type(v));
    CHECK(loaded->Label(v) == g.Label(v));
    CHECK(loaded->Find(g.Id(v)) == v);  // the id hash, sized up front by the loader
  }
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    const EdgeInfo a = g.Edge(e), b = loaded->Edge(e);
    CHECK(std::tie(a.source, a.target, a.type, a.provenance, a.relation, a.label) ==
          std::tie(b.source, b.target, b.type, b.provenance, b.relation, b.label));
  }
  auto n = loaded->Neighbors(V(*loaded, "AMZN"), {2, {}, {}});
  CHECK(Ids(*loaded, n) == Ids(g, g.Neighbors(V(g, "AMZN"), {2, {}, {}})));
  REQUIRE(SaveGraph(ClaimGraph(), path).ok());  // replaces the file
  auto empty = LoadGraph(path);
  REQUIRE(empty.ok());
  CHECK(empty->vertex_count() == 0);
}

TEST_CASE("A builder's reservation is a hint: more vertices and edges still fit", "[graph]") {
  GraphBuilder b;
  b.Reserve(3, 2);
  constexpr VertexId kCount = 1000;
  for (VertexId v = 0; v < kCount; ++v) {
    REQUIRE(b.AddVertex("v" + std::to_string(v), VertexType::kCompany, "V") == v);
    if (v > 0) b.AddEdge(v - 1, v, EdgeType::kSegmentOf, kNoVertex);
  }
  b.Reserve(10, 10);    // smaller than what is there: changes nothing
  b.Reserve(5000, 10);  // larger: the hash is rebuilt around what is there
  CHECK(b.AddVertex("v7", VertexType::kCompany, "V") == 7);
  auto g = b.Build();
  REQUIRE(g.ok());
  REQUIRE(g->vertex_count() == kCount);
  CHECK(g->edge_count() == kCount - 1);
  for (VertexId v = 0; v < kCount; ++v) CHECK(g->Find("v" + std::to_string(v)) == v);
  CHECK_FALSE(g->Find("v1000").has_value());
}

TEST_CASE("A truncated or corrupted graph file is Corruption naming the file", "[graph]") {
  testing::TempDir tmp;
  const std::string path = tmp.path() + "/graph.bin";
  REQUIRE(SaveGraph(BuildTestGraph(), path).ok());
  const std::string good = testing::ReadFileOrFail(path);
  const std::string bad = tmp.path() + "/bad.bin";
  auto expect_corruption = [&](const std::string& bytes) {
    std::ofstream(bad, std::ios::binary | std::ios::trunc) << bytes;
    auto g = LoadGraph(bad);
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().code() == Status::Code::kCorruption);
    CHECK(g.status().message().find(bad) != std::string::npos);
  };
  for (size_t n = 0; n < good.size(); ++n) expect_corruption(good.substr(0, n));
  for (size_t i = 0; i < good.size(); ++i) {
    std::string flipped = good;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
    expect_corruption(flipped);
  }
  expect_corruption(good + "x");
  expect_corruption("not a graph at all");
  auto missing = LoadGraph(tmp.path() + "/none.bin");
  CHECK(missing.status().code() == Status::Code::kNotFound);
}

TEST_CASE("Synthetic graph with one million claims prints build time and memory", "[.bench]") {
  const auto start = std::chrono::steady_clock::now();
  GraphBuilder b;
  for (const CatalogEntity& e : Catalog()) b.AddEntity(e);
  const std::vector<std::string> subjects = {"AMZN", "AMZN/aws",  "AMZN/trainium2",
                                             "NVDA", "anthropic", "MSFT"};
  StoredClaim c = MakeClaim("", "", ClaimKind::kQuantity, "", "");
  for (size_t i = 0; i < 1000000; ++i) {
    c.claim.claim_id = std::to_string(0x1000000000000000ull + i * 7919);
    c.claim.doc_id = "doc" + std::to_string(i / 20);
    c.claim.subject.id = subjects[i % subjects.size()];
    c.claim.metric = "metric" + std::to_string(i % 60);
    c.source = "source" + std::to_string(i % 40);
    c.title = "A title of about forty bytes, number " + std::to_string(i / 20);
    c.claim.value = ClaimValue{};
    c.claim.value->text = "$1." + std::to_string(i % 10) + " billion";
    b.AddClaim(c);
  }
  auto g = b.Build();
  REQUIRE(g.ok());
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  WARN("1M claims: " << g->vertex_count() << " vertices, " << g->edge_count() << " edges, built in "
                     << secs << " s wall, "
                     << static_cast<double>(usage.ru_utime.tv_sec) +
                            static_cast<double>(usage.ru_utime.tv_usec) / 1e6
                     << " s user CPU, "
                     << static_cast<double>(usage.ru_stime.tv_sec) +
                            static_cast<double>(usage.ru_stime.tv_usec) / 1e6
                     << " s system; graph " << g->MemoryBytes() / (1 << 20) << " MiB ("
                     << g->MemoryBytes() / g->vertex_count()
                     << " B/vertex incl. its edges); peak RSS " << usage.ru_maxrss / 1024
                     << " MiB");
  testing::TempDir tmp;
  const auto save_start = std::chrono::steady_clock::now();
  REQUIRE(SaveGraph(*g, tmp.path() + "/g.bin").ok());
  auto loaded = LoadGraph(tmp.path() + "/g.bin");
  REQUIRE(loaded.ok());
  WARN("save + load "
       << std::chrono::duration<double>(std::chrono::steady_clock::now() - save_start).count()
       << " s, file " << std::filesystem::file_size(tmp.path() + "/g.bin") / (1 << 20) << " MiB");
}

}  // namespace claimgraph::claim_graph_test
