// `claimgraph graph neighbors|path|export`: the entity/claim graph of a
// store (cli/graph_source.h), walked from an entity, between two entities,
// or written out for networkx, Gephi, Graphviz and Neo4j.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "cli/claim_table.h"
#include "cli/commands.h"
#include "cli/document_inputs.h"
#include "cli/graph_source.h"
#include "cli/store_access.h"
#include "engine/json_writer.h"
#include "graph/graph_export.h"

namespace claimgraph::cli {

namespace {

struct GraphCommandOptions {
  std::string db;
  std::vector<std::string> catalogs;
  std::string format = "table";
  uint32_t hops = 1;
  std::vector<std::string> vertex_types;
  std::vector<std::string> edge_types;
  size_t limit = 100;
  std::string from, to;  // neighbors: from; path: from and to
  std::string out;       // export
};

// The store, the catalog and the graph, or nothing after printing why.
struct GraphContext {
  std::unique_ptr<Store> store;
  std::unique_ptr<EntityCatalog> catalog;
  std::optional<ClaimGraph> graph;
};

std::optional<GraphContext> OpenGraph(const std::string& command, const GlobalOptions& global,
                                      const GraphCommandOptions& o) {
  GraphContext c;
  c.store = OpenStoreOrReport(command, ResolveDb(o.db), StoreOptions{.read_only = true});
  if (!c.store) return std::nullopt;
  c.catalog = LoadCatalogOrReport(command, global, o.catalogs);
  if (!c.catalog) return std::nullopt;
  auto graph = LoadGraphForCommand(*c.store, *c.catalog, ResolveSchemaDir(global), command);
  if (!graph.ok()) {
    std::cerr << "claimgraph " << command << ": " << graph.status().message() << "\n";
    return std::nullopt;
  }
  c.graph.emplace(std::move(graph).value());
  return c;
}

// A vertex named by external id ("AMZN", "claim:...", "doc:..."), by a
// bare claim, document or metric id, or by a ticker, name or alias.
std::optional<VertexId> ResolveVertex(const GraphContext& c, const std::string& command,
                                      const std::string& name) {
  const ClaimGraph& g = *c.graph;
  for (const std::string& id : {name, "claim:" + name, "doc:" + name, "metric:" + name}) {
    if (auto v = g.Find(id)) return v;
  }
  for (const std::string& id : ResolveSubjects(*c.catalog, *c.store, name, false)) {
    if (auto v = g.Find(id)) return v;
  }
  std::cerr << "claimgraph " << command << ": unknown vertex '" << name
            << "': not an id in the graph (AMZN, AMZN/aws, claim:<id>, doc:<id>, metric:<id>,"
               " source:<name>), nor a ticker, name or alias in the catalog or the store\n";
  return std::nullopt;
}

std::string EdgeArrow(const ClaimGraph& g, EdgeId e, bool forward) {
  const EdgeInfo info = g.Edge(e);
  std::string name(EdgeTypeName(info.type));
  if (!info.relation.empty()) name += ":" + std::string(info.relation);
  return forward ? "-" + name + "->" : "<-" + name + "-";
}

void AppendEdgeJson(const ClaimGraph& g, EdgeId e, bool forward, JsonWriter* w) {
  const EdgeInfo info = g.Edge(e);
  w->Key("edge");
  w->BeginObject();
  w->Field("type", EdgeTypeName(info.type));
  w->Field("source", g.Id(info.source));
  w->Field("target", g.Id(info.target));
  w->Field("forward", forward);
  if (!info.relation.empty()) w->Field("relation", info.relation);
  if (!info.label.empty()) w->Field("label", info.label);
  if (info.provenance != kNoVertex) w->Field("claim", g.Id(info.provenance));
  w->EndObject();
}

void AppendVertexJson(const ClaimGraph& g, VertexId v, JsonWriter* w) {
  w->Field("id", g.Id(v));
  w->Field("type", VertexTypeName(g.Type(v)));
  w->Field("label", g.Label(v));
}

void PrintNeighbors(const ClaimGraph& g, const std::vector<Neighbor>& found, size_t shown,
                    const std::string& format) {
  std::string out;
  if (format == "table") {
    out += "hops  type      id                                      via                   label\n";
  }
  char line[512];
  for (size_t i = 0; i < shown; ++i) {
    const Neighbor& n = found[i];
    if (format == "jsonl") {
      JsonWriter w(&out);
      w.BeginObject();
      AppendVertexJson(g, n.vertex, &w);
      w.Field("distance", uint64_t{n.distance});
      AppendEdgeJson(g, n.edge, n.forward, &w);
      w.EndObject();
      out += "\n";
    } else {
      std::snprintf(line, sizeof(line), "%-5u %-9s %-39s %-21s %s\n", n.distance,
                    std::string(VertexTypeName(g.Type(n.vertex))).c_str(),
                    std::string(g.Id(n.vertex)).c_str(), EdgeArrow(g, n.edge, n.forward).c_str(),
                    Snippet(std::string(g.Label(n.vertex)), 60).c_str());
      out += line;
    }
    FlushOutput(&out, false);
  }
  if (format == "table") {
    out += std::to_string(found.size()) + " vertices";
    if (shown < found.size()) out += " (" + std::to_string(shown) + " shown; --limit 0 for all)";
    out += "\n";
  }
  FlushOutput(&out, true);
}

// Parses --type and --edge (CLI11 has checked the names).
NeighborOptions WalkOptions(const GraphCommandOptions& o) {
  NeighborOptions w;
  w.hops = o.hops;
  for (const std::string& t : o.vertex_types) w.vertex_types.push_back(*ParseVertexType(t));
  for (const std::string& e : o.edge_types) w.edge_types.push_back(*ParseEdgeType(e));
  return w;
}

int RunNeighbors(const GlobalOptions& global, const GraphCommandOptions& o) {
  auto c = OpenGraph("graph neighbors", global, o);
  if (!c) return 1;
  auto start = ResolveVertex(*c, "graph neighbors", o.from);
  if (!start) return 1;
  const std::vector<Neighbor> found = c->graph->Neighbors(*start, WalkOptions(o));
  const size_t shown = o.limit == 0 ? found.size() : std::min(o.limit, found.size());
  PrintNeighbors(*c->graph, found, shown, o.format);
  return 0;
}

// The evidence sentence of the claim an edge derives from, shortened.
std::string Evidence(const GraphContext& c, const EdgeInfo& info) {
  if (info.provenance == kNoVertex) return "";
  std::string_view id = c.graph->Id(info.provenance);
  id.remove_prefix(std::string_view("claim:").size());
  auto claim = c.store->GetClaim(id);
  if (!claim.ok() || !claim->has_value()) return "";
  return (*claim)->claim.evidence_text;
}

void PrintStep(const GraphContext& c, size_t i, const PathStep& step, const std::string& format,
               std::string* out) {
  const ClaimGraph& g = *c.graph;
  const EdgeInfo info = step.edge ? g.Edge(*step.edge) : EdgeInfo{};
  const std::string evidence = step.edge ? Evidence(c, info) : "";
  if (format == "jsonl") {
    JsonWriter w(out);
    w.BeginObject();
    w.Field("step", uint64_t{i});
    AppendVertexJson(g, step.vertex, &w);
    if (step.edge) {
      AppendEdgeJson(g, *step.edge, step.forward, &w);
      if (info.provenance != kNoVertex) w.Field("evidence", evidence);
    }
    w.EndObject();
    *out += "\n";
    return;
  }
  if (step.edge) {
    *out += "   " + EdgeArrow(g, *step.edge, step.forward);
    if (info.provenance != kNoVertex) *out += "  " + std::string(g.Id(info.provenance));
    if (!evidence.empty()) *out += "  \"" + Snippet(evidence, 100) + "\"";
    *out += "\n";
  }
  *out += std::to_string(i) + ". " + std::string(g.Id(step.vertex)) + " (" +
          std::string(VertexTypeName(g.Type(step.vertex))) + ") " +
          std::string(g.Label(step.vertex)) + "\n";
}

int RunPath(const GlobalOptions& global, const GraphCommandOptions& o) {
  auto c = OpenGraph("graph path", global, o);
  if (!c) return 1;
  auto a = ResolveVertex(*c, "graph path", o.from);
  auto b = a ? ResolveVertex(*c, "graph path", o.to) : std::nullopt;
  if (!a || !b) return 1;
  PathOptions options;
  for (const std::string& e : o.edge_types) options.edge_types.push_back(*ParseEdgeType(e));
  auto path = c->graph->ShortestPath(*a, *b, options);
  if (!path) {
    std::cerr << "claimgraph graph path: no path between " << c->graph->Id(*a) << " and "
              << c->graph->Id(*b) << (options.edge_types.empty() ? "" : " along those edge types")
              << " (" << c->graph->vertex_count() << " vertices, " << c->graph->edge_count()
              << " edges)\n";
    return 1;
  }
  std::string out;
  for (size_t i = 0; i < path->size(); ++i) PrintStep(*c, i, (*path)[i], o.format, &out);
  if (o.format == "table") out += std::to_string(path->size() - 1) + " edges\n";
  FlushOutput(&out, true);
  return 0;
}

Status ExportTo(const ClaimGraph& g, ExportFormat format, std::ostream& out) {
  switch (format) {
    case ExportFormat::kGraphMl:
      return ExportGraphMl(g, out);
    case ExportFormat::kDot:
      return ExportDot(g, out);
    default:
      return ExportJson(g, out);
  }
}

int RunExport(const GlobalOptions& global, const GraphCommandOptions& o) {
  const ExportFormat format = *ParseExportFormat(o.format);
  if (format == ExportFormat::kNeo4j && o.out.empty()) {
    std::cerr << "claimgraph graph export: --format neo4j writes several CSV files: "
                 "give a directory with --out DIR\n";
    return 2;
  }
  auto c = OpenGraph("graph export", global, o);
  if (!c) return 1;
  Status s;
  if (format == ExportFormat::kNeo4j) {
    auto command = ExportNeo4j(*c->graph, o.out);
    s = command.status();
    if (command.ok())
      std::cerr << "neo4j files in " << o.out << "; load with:\n  " << *command << "\n";
  } else if (o.out.empty()) {
    s = ExportTo(*c->graph, format, std::cout);
  } else {
    std::ofstream file(o.out, std::ios::binary | std::ios::trunc);
    s = file ? ExportTo(*c->graph, format, file) : Status::IOError("cannot create " + o.out);
  }
  if (!s.ok()) {
    std::cerr << "claimgraph graph export: " << s.message() << "\n";
    return 1;
  }
  return 0;
}

std::vector<std::string> VertexTypeNames() {
  std::vector<std::string> v;
  for (int i = 0; i < kVertexTypeCount; ++i)
    v.emplace_back(VertexTypeName(static_cast<VertexType>(i)));
  return v;
}

std::vector<std::string> EdgeTypeNames() {
  std::vector<std::string> v;
  for (int i = 0; i < kEdgeTypeCount; ++i) v.emplace_back(EdgeTypeName(static_cast<EdgeType>(i)));
  return v;
}

void AddCommonOptions(CLI::App* cmd, GraphCommandOptions* o) {
  AddDbOption(cmd, &o->db);
  cmd->add_option("--catalog", o->catalogs, "Extra entity catalog; repeatable")
      ->check(CLI::ExistingFile)
      ->expected(1);
}

void AddEdgeOption(CLI::App* cmd, GraphCommandOptions* o) {
  cmd->add_option("--edge", o->edge_types, "Walk only edges of this type; repeatable")
      ->check(CLI::IsMember(EdgeTypeNames()));
}

void RegisterNeighbors(CLI::App* graph, const GlobalOptions& global, int* exit_code) {
  auto o = std::make_shared<GraphCommandOptions>();
  CLI::App* cmd = graph->add_subcommand(
      "neighbors", "Vertices within N edges of X, nearest first, with the edge that reached each");
  cmd->add_option("X", o->from, "An id (AMZN, AMZN/aws, claim:<id>) or a ticker, name or alias")
      ->required();
  cmd->add_option("--hops", o->hops, "Edges away from X (default: 1)")->check(CLI::Range(1, 16));
  cmd->add_option("--type", o->vertex_types, "Only show vertices of this type; repeatable")
      ->check(CLI::IsMember(VertexTypeNames()));
  AddEdgeOption(cmd, o.get());
  cmd->add_option("--format", o->format, "Output: table (default) or jsonl")
      ->check(CLI::IsMember({"table", "jsonl"}));
  cmd->add_option("--limit", o->limit, "At most N vertices (default: 100; 0 = all)");
  AddCommonOptions(cmd, o.get());
  cmd->callback([&global, o, exit_code] { *exit_code = RunNeighbors(global, *o); });
}

void RegisterPath(CLI::App* graph, const GlobalOptions& global, int* exit_code) {
  auto o = std::make_shared<GraphCommandOptions>();
  CLI::App* cmd = graph->add_subcommand(
      "path", "A shortest path from A to B (edges walked either way), with each edge's claim");
  cmd->add_option("A", o->from, "Start: an id or a ticker, name or alias")->required();
  cmd->add_option("B", o->to, "End: an id or a ticker, name or alias")->required();
  AddEdgeOption(cmd, o.get());
  cmd->add_option("--format", o->format, "Output: table (default) or jsonl")
      ->check(CLI::IsMember({"table", "jsonl"}));
  AddCommonOptions(cmd, o.get());
  cmd->callback([&global, o, exit_code] { *exit_code = RunPath(global, *o); });
}

void RegisterExport(CLI::App* graph, const GlobalOptions& global, int* exit_code) {
  auto o = std::make_shared<GraphCommandOptions>();
  o->format.clear();
  CLI::App* cmd = graph->add_subcommand(
      "export", "The whole graph as GraphML, DOT, JSON or Neo4j import CSVs (docs/GRAPH.md)");
  cmd->add_option("--format", o->format, "graphml, dot, json or neo4j")
      ->required()
      ->check(CLI::IsMember({"graphml", "dot", "json", "neo4j"}));
  cmd->add_option("--out", o->out,
                  "Output file (default: stdout); for neo4j a directory, required");
  AddCommonOptions(cmd, o.get());
  cmd->callback([&global, o, exit_code] { *exit_code = RunExport(global, *o); });
}

}  // namespace

void RegisterGraph(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* graph = app.add_subcommand(
      "graph",
      "The graph of companies, segments, products, people, metrics, documents, sources\n"
      "and claims in the store. Every edge a claim implies names that claim, so a path\n"
      "shows the sentences behind each step. Vertex types: company segment product\n"
      "person metric document source claim. Edge types: segment_of maker_of\n"
      "generation_of employed_by subject_of about_metric stated_in published_by said_by\n"
      "compared_with relation contradicts corroborates (docs/GRAPH.md).");
  graph->require_subcommand(1);
  graph->footer(
      "Examples:\n"
      "  claimgraph graph neighbors AMZN --db news.db\n"
      "  claimgraph graph neighbors Trainium2 --hops 2 --type company --type product\n"
      "  claimgraph graph neighbors AMZN --edge relation --format jsonl | jq .edge\n"
      "  claimgraph graph path AMZN/trainium2 NVDA --db news.db\n"
      "  claimgraph graph export --format graphml --out news.graphml\n"
      "  claimgraph graph export --format dot | dot -Tsvg > graph.svg\n"
      "  claimgraph graph export --format neo4j --out neo4j-import/");
  RegisterNeighbors(graph, global, exit_code);
  RegisterPath(graph, global, exit_code);
  RegisterExport(graph, global, exit_code);
}

}  // namespace claimgraph::cli
