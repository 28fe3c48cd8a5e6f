#include "graph/graph_build.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "engine/utf8.h"
#include "graph/claim_graph_rep.h"
#include "graph/graph_build_state.h"

namespace claimgraph {

namespace {

constexpr size_t kMaxClaimLabel = 64;
constexpr size_t kMaxDocumentLabel = 80;

// `s` cut to at most n bytes at a UTF-8 character boundary.
std::string_view Cut(std::string_view s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// A short human label: "Amazon: free_cash_flow $1.2 billion".
std::string ClaimLabel(const Claim& c) {
  std::string label = c.subject.name.empty() ? "" : c.subject.name + ": ";
  switch (c.kind) {
    case ClaimKind::kQuantity:
      label += c.metric + (c.value ? " " + c.value->text : "");
      break;
    case ClaimKind::kRelative:
      label += c.metric + " vs " + c.comparator;
      break;
    case ClaimKind::kStatus:
      label += c.status;
      break;
    case ClaimKind::kStance:
      label += "stance " + c.stance;
      break;
    case ClaimKind::kScore:
      label += c.label;
      break;
    case ClaimKind::kRelation:
      label += c.relation + " " + c.object.name;
      break;
  }
  return std::string(Cut(label, kMaxClaimLabel));
}

}  // namespace

VertexType EntityVertexType(EntityType type) {
  switch (type) {
    case EntityType::kCompany:
      return VertexType::kCompany;
    case EntityType::kSegment:
      return VertexType::kSegment;
    case EntityType::kProduct:
      return VertexType::kProduct;
    case EntityType::kPerson:
      return VertexType::kPerson;
  }
  return VertexType::kCompany;
}

GraphBuilder::GraphBuilder() : state_(std::make_unique<State>()) {}
GraphBuilder::~GraphBuilder() = default;

size_t GraphBuilder::vertex_count() const { return state_->rep->vertex_count(); }

void GraphBuilder::Reserve(size_t vertices, size_t edges) {
  State& s = *state_;
  ClaimGraph::Rep& rep = *s.rep;
  rep.id_offsets.reserve(vertices + 1);
  // Ids average about 20 bytes ("claim:" and 16 hex digits, "doc:" and a
  // document id); reserved so that the string is not copied as it doubles.
  rep.ids.reserve(vertices * 24);
  rep.vertex_types.reserve(vertices);
  if (!s.spill) s.label_spans.reserve(vertices);
  s.defined.reserve(vertices);
  s.edge_source.reserve(edges);
  s.edge_target.reserve(edges);
  rep.edge_types.reserve(edges);
  ReserveSlots(&rep, vertices);
}
const GraphBuildStats& GraphBuilder::stats() const { return state_->stats; }

VertexId GraphBuilder::AddVertex(std::string_view id, VertexType type, std::string_view label) {
  return state_->Touch(id, type, label, true).first;
}

void GraphBuilder::AddEdge(VertexId from, VertexId to, EdgeType type, VertexId provenance,
                           std::string_view relation, std::string_view label) {
  state_->Edge(from, to, type, provenance, relation, label);
}

void GraphBuilder::AddEntity(const CatalogEntity& entity) {
  State& s = *state_;
  const auto [v, defined_now] =
      s.Touch(entity.id, EntityVertexType(entity.type), entity.name, true);
  if (s.too_many) return;
  s.AddName(entity.id, v);
  s.AddName(entity.name, v);
  for (const std::string& alias : entity.aliases) s.AddName(alias, v);
  if (!defined_now) return;
  if (!entity.parent.empty()) {
    const VertexId p = s.Touch(entity.parent, VertexType::kCompany, entity.parent, false).first;
    switch (entity.type) {
      case EntityType::kSegment:
        AddEdge(v, p, EdgeType::kSegmentOf, kNoVertex);
        break;
      case EntityType::kProduct:
        AddEdge(p, v, EdgeType::kMakerOf, kNoVertex);
        break;
      case EntityType::kPerson:
        AddEdge(v, p, EdgeType::kEmployedBy, kNoVertex);
        break;
      case EntityType::kCompany:
        break;  // a company's parent is not modelled
    }
  }
  if (!entity.family.empty() && entity.family != entity.id) {
    const VertexId f = s.Touch(entity.family, VertexType::kProduct, entity.family, false).first;
    AddEdge(v, f, EdgeType::kGenerationOf, kNoVertex);
  }
}

void GraphBuilder::AddDocument(std::string_view doc_id, std::string_view title,
                               std::string_view source) {
  state_->Document(doc_id, title, source);
}

void GraphBuilder::AddClaim(const StoredClaim& stored) {
  State& s = *state_;
  const Claim& c = stored.claim;
  const auto [v, defined_now] =
      s.Touch("claim:" + c.claim_id, VertexType::kClaim, ClaimLabel(c), true);
  if (!defined_now || s.too_many) return;
  VertexId subject = kNoVertex;
  if (!c.subject.id.empty()) {
    subject = s.Touch(c.subject.id, EntityVertexType(c.subject.type), c.subject.name, false).first;
    AddEdge(subject, v, EdgeType::kSubjectOf, v);
  }
  if (!c.metric.empty()) {
    const VertexId m = s.Touch("metric:" + c.metric, VertexType::kMetric, c.metric, true).first;
    AddEdge(v, m, EdgeType::kAboutMetric, v);
  }
  AddEdge(v, s.Document(c.doc_id, stored.title, stored.source), EdgeType::kStatedIn, v);
  if (c.speaker && !c.speaker->id.empty()) {
    const VertexType type =
        c.speaker->id.rfind("person/", 0) == 0 ? VertexType::kPerson : VertexType::kCompany;
    const VertexId p = s.Touch(c.speaker->id, type, c.speaker->name, false).first;
    AddEdge(v, p, EdgeType::kSaidBy, v);
  }
  if (subject == kNoVertex || s.too_many) return;
  if (c.kind == ClaimKind::kRelation && !c.object.id.empty()) {
    const VertexId o =
        s.Touch(c.object.id, EntityVertexType(c.object.type), c.object.name, false).first;
    AddEdge(subject, o, EdgeType::kRelation, v, c.relation);
  } else if (c.kind == ClaimKind::kRelation && !c.object.name.empty()) {
    s.pending.push_back({v, subject, EdgeType::kRelation, c.object.name, c.relation});
  } else if (c.kind == ClaimKind::kRelative && !c.comparator.empty()) {
    s.pending.push_back({v, subject, EdgeType::kComparedWith, c.comparator, ""});
  }
}

void GraphBuilder::PrefetchClaim(const StoredClaim& stored, int stage) const {
  const ClaimGraph::Rep& rep = *state_->rep;
  const Claim& c = stored.claim;
  const size_t doc = SlotHash("doc:", c.doc_id);
  if (stage == 0) {
    rep.id_hash.PrefetchSlot(doc);
    rep.id_hash.PrefetchSlot(SlotHash("claim:", c.claim_id));
    return;
  }
  const uint32_t v = rep.id_hash.LikelyId(doc);
  if (v >= rep.vertex_count()) return;
  if (stage == 1) {
    __builtin_prefetch(&rep.id_offsets[v]);
  } else {
    __builtin_prefetch(rep.ids.data() + rep.id_offsets[v]);
  }
}

void GraphBuilder::AddLink(const ClaimLink& link) { state_->links.push_back(link); }

void GraphBuilder::AddLinks(std::vector<ClaimLink> links) {
  std::vector<ClaimLink>& mine = state_->links;
  if (mine.empty()) {
    mine = std::move(links);
  } else {
    mine.insert(mine.end(), std::make_move_iterator(links.begin()),
                std::make_move_iterator(links.end()));
  }
}

VertexId GraphBuilder::State::Document(std::string_view doc_id, std::string_view title,
                                       std::string_view source) {
  const std::string id = "doc:" + std::string(doc_id);
  const auto [d, defined_now] = Touch(id, VertexType::kDocument,
                                      Cut(title.empty() ? doc_id : title, kMaxDocumentLabel), true);
  if (defined_now && !source.empty()) {
    const VertexId src =
        Touch("source:" + std::string(source), VertexType::kSource, source, true).first;
    Edge(d, src, EdgeType::kPublishedBy, kNoVertex, {}, {});
  }
  return d;
}

void GraphBuilder::State::ResolvePending() {
  for (const graph_build_internal::PendingEntityEdge& p : pending) {
    auto target = ResolveName(p.text);
    if (!target || *target == p.subject) {
      ++stats.comparisons_unresolved;
      continue;
    }
    Edge(p.subject, *target, p.type, p.claim, p.relation, {});
  }
  std::vector<graph_build_internal::PendingEntityEdge>().swap(pending);
  for (const ClaimLink& l : links) {
    auto a = FindVertex(*rep, "claim:" + l.a_claim_id);
    auto b = FindVertex(*rep, "claim:" + l.b_claim_id);
    if (!a || !b) {
      ++stats.links_skipped;
      continue;
    }
    Edge(*a, *b, l.contradicts ? EdgeType::kContradicts : EdgeType::kCorroborates, kNoVertex, {},
         l.label);
  }
  std::vector<ClaimLink>().swap(links);
}

// Stable counting sort of the edges by source, so that edge ids are the
// CSR's edge indexes; builds the CSR.
void GraphBuilder::State::SortEdges() {
  const size_t n = rep->vertex_count();
  const size_t m = edge_source.size();
  std::vector<EdgeId> start(n + 1, 0);
  for (VertexId s : edge_source) ++start[s + 1];
  for (size_t v = 0; v < n; ++v) start[v + 1] += start[v];
  std::vector<EdgeId> new_id(m);
  for (size_t e = 0; e < m; ++e) new_id[e] = start[edge_source[e]]++;
  std::vector<std::pair<VertexId, VertexId>> sorted(m);
  std::vector<EdgeType> types(m);
  for (size_t e = 0; e < m; ++e) {
    sorted[new_id[e]] = {edge_source[e], edge_target[e]};
    types[new_id[e]] = rep->edge_types[e];
  }
  rep->edge_types = std::move(types);
  for (EdgeAttr& a : attrs) a.edge = new_id[a.edge];
  std::sort(attrs.begin(), attrs.end(),
            [](const EdgeAttr& x, const EdgeAttr& y) { return x.edge < y.edge; });
  rep->attrs = std::move(attrs);
  rep->attrs.shrink_to_fit();
  std::vector<VertexId>().swap(edge_source);
  std::vector<VertexId>().swap(edge_target);
  std::vector<EdgeId>().swap(new_id);
  rep->csr = ClaimGraph::Rep::Csr(boost::edges_are_unsorted_multi_pass, sorted.begin(),
                                  sorted.end(), static_cast<uint32_t>(n));
}

Result<ClaimGraph> GraphBuilder::State::Finish() {
  ResolvePending();
  if (too_many) return Status::ResourceExhausted("graph: 2^32 - 1 vertices or edges or more");
  std::string labels;
  labels.reserve(label_bytes.size());
  rep->label_offsets.assign(1, 0);
  rep->label_offsets.reserve(label_spans.size() + 1);
  for (const auto& [start, length] : label_spans) {
    labels.append(label_bytes, start, length);
    rep->label_offsets.push_back(labels.size());
  }
  rep->labels = std::move(labels);
  std::string().swap(label_bytes);
  SortEdges();
  rep->ids.shrink_to_fit();
  rep->id_offsets.shrink_to_fit();
  rep->vertex_types.shrink_to_fit();
  rep->edge_types.shrink_to_fit();
  return ClaimGraph(std::move(rep));
}

Result<ClaimGraph> GraphBuilder::Build() {
  if (state_->spill) return Status::InvalidArgument("GraphBuilder::Build: vertices are spilled");
  Result<ClaimGraph> graph = state_->Finish();
  GraphBuildStats stats = state_->stats;
  state_ = std::make_unique<State>();
  state_->stats = stats;
  return graph;
}

namespace {

// Catalog entities, then the store's entities, documents and claims;
// `each_claim`, when given, sees every claim after the builder.
Status AddStore(const Store& store, const std::vector<CatalogEntity>& catalog,
                GraphBuilder* builder,
                const std::function<void(const StoredClaim&)>& each_claim = {}) {
  for (const CatalogEntity& e : catalog) builder->AddEntity(e);
  Status s = store.ForEachEntity([&](const StoredEntity& e) {
    CatalogEntity entity;
    entity.id = e.id;
    entity.type = e.type;
    entity.name = e.name;
    builder->AddEntity(entity);
    return true;
  });
  if (s.ok()) {
    s = store.ForEachDocument([&](const StoredDocument& d) {
      builder->AddDocument(d.doc.id, d.doc.title, d.doc.source);
      return true;
    });
  }
  if (s.ok()) {
    s = store.ForEachClaim(
        [&](const StoredClaim& c) {
          builder->AddClaim(c);
          if (each_claim) each_claim(c);
          return true;
        },
        ScanLookahead<StoredClaim>{
            [builder](const StoredClaim& c, int stage) { builder->PrefetchClaim(c, stage); },
            GraphBuilder::kPrefetchStages});
  }
  return s;
}

}  // namespace

Result<GraphFileSummary> WriteClaimGraphFile(
    const Store& store, const std::vector<CatalogEntity>& catalog, std::vector<ClaimLink> links,
    const std::string& path, const std::function<void(const StoredClaim&)>& each_claim) {
  GraphBuilder builder;
  if (Status s = builder.SpillVertices(path + ".vertices"); !s.ok()) return s;
  // Sized from the store's counters (a hint: every claim and document is a
  // vertex, a claim has three or four edges), so the arrays and the id hash
  // do not grow step by step. Reserved pages that stay unused cost nothing;
  // the id hash is filled, so the hint is capped.
  auto claims = store.Counter("total", "claims");
  auto documents = store.Counter("total", "documents");
  if (claims.ok() && documents.ok() && *claims >= 0 && *documents >= 0) {
    constexpr int64_t kMaxHint = int64_t{1} << 27;
    const auto c = static_cast<size_t>(std::min(*claims, kMaxHint));
    const auto d = static_cast<size_t>(std::min(*documents, kMaxHint));
    builder.Reserve(c + d + catalog.size(), c * 4);
  }
  if (Status s = AddStore(store, catalog, &builder, each_claim); !s.ok()) return s;
  builder.AddLinks(std::move(links));
  GraphFileSummary summary;
  if (Status s = builder.WriteFile(path, &summary); !s.ok()) return s;
  return summary;
}

Result<ClaimGraph> BuildClaimGraph(const Store& store, const std::vector<CatalogEntity>& catalog,
                                   const std::vector<ClaimLink>& links, GraphBuildStats* stats) {
  GraphBuilder builder;
  if (Status s = AddStore(store, catalog, &builder); !s.ok()) return s;
  for (const ClaimLink& l : links) builder.AddLink(l);
  Result<ClaimGraph> graph = builder.Build();
  if (stats != nullptr) *stats = builder.stats();
  return graph;
}

}  // namespace claimgraph
