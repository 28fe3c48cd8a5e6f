#include "graph/graph_build.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <utility>

#include "engine/utf8.h"
#include "engine/varint.h"
#include "graph/claim_graph_rep.h"
#include "graph/graph_file.h"

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

}  // namespace

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
  std::vector<PendingEntityEdge> pending;
  std::vector<ClaimLink> links;
  GraphBuildStats stats;
  bool too_many = false;
  // Spilling (SpillVertices): vertex records go to the spill as vertices
  // are made; a placeholder defined later keeps its label here instead.
  std::unique_ptr<VertexSpill> spill;
  std::unordered_map<VertexId, std::string> relabels;

  void SetLabel(VertexId v, std::string_view label) {
    label_spans[v] = {label_bytes.size(), static_cast<uint32_t>(label.size())};
    label_bytes += label;
  }

  // The vertex `id`, created when new; `define` sets type and label of a
  // new vertex or a placeholder. Second: true when this call defined it.
  std::pair<VertexId, bool> Touch(std::string_view id, VertexType type, std::string_view label,
                                  bool define) {
    if (auto v = FindVertex(*rep, id)) {
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
    IndexVertex(rep.get(), v);
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
  VertexId Document(std::string_view doc_id, std::string_view title, std::string_view source) {
    const std::string id = "doc:" + std::string(doc_id);
    const auto [d, defined_now] = Touch(
        id, VertexType::kDocument, Cut(title.empty() ? doc_id : title, kMaxDocumentLabel), true);
    if (defined_now && !source.empty()) {
      const VertexId src =
          Touch("source:" + std::string(source), VertexType::kSource, source, true).first;
      Edge(d, src, EdgeType::kPublishedBy, kNoVertex, {}, {});
    }
    return d;
  }

  Result<ClaimGraph> Finish();
  void ResolvePending();
  void SortEdges();
  Status WriteVertices(GraphFileWriter* out, GraphFileSummary* summary);
  Status WriteEdges(GraphFileWriter* out);
};

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

void GraphBuilder::State::ResolvePending() {
  for (const PendingEntityEdge& p : pending) {
    auto target = ResolveName(p.text);
    if (!target || *target == p.subject) {
      ++stats.comparisons_unresolved;
      continue;
    }
    Edge(p.subject, *target, p.type, p.claim, p.relation, {});
  }
  std::vector<PendingEntityEdge>().swap(pending);
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
  std::vector<VertexId>().swap(s.rep->slots);
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
  size_t slots = 16;
  while (slots < n * 2) slots *= 2;
  size_t strings = 0;
  for (const std::string& str : rep.strings) strings += sizeof(std::string) + str.capacity();
  sum.memory_bytes = sizeof(ClaimGraph::Rep) + rep.ids.size() + sum.label_bytes +
                     (n + 1) * 2 * sizeof(uint64_t) + n + slots * sizeof(VertexId) + m +
                     s.attrs.size() * sizeof(EdgeAttr) + strings +
                     ((n + 1) * 2 + m * 3) * sizeof(uint32_t);
  return Status::OK();
}

namespace {

// Catalog entities, then the store's entities, documents and claims.
Status AddStore(const Store& store, const std::vector<CatalogEntity>& catalog,
                GraphBuilder* builder) {
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
    s = store.ForEachClaim([&](const StoredClaim& c) {
      builder->AddClaim(c);
      return true;
    });
  }
  return s;
}

}  // namespace

Result<GraphFileSummary> WriteClaimGraphFile(const Store& store,
                                             const std::vector<CatalogEntity>& catalog,
                                             std::vector<ClaimLink> links,
                                             const std::string& path) {
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
  if (Status s = AddStore(store, catalog, &builder); !s.ok()) return s;
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
