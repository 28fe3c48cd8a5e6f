// GraphML, DOT, JSON and Neo4j CSV exports of a small graph whose ids and
// labels hold every character that needs escaping; read back by the tools
// that consume them (networkx, Graphviz, Python's csv).
#include "graph/graph_export.h"

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "graph/graph_build.h"
#include "test_paths.h"

namespace claimgraph::graph_export_test {

namespace {

using nlohmann::json;

const std::string kNastyId = "A<&\">'";
const std::string kNastyLabel = "Acme <&\"> \"Quoted\", comma\nnewline";
const std::string kCsvId = "x,y \"z\"";
const std::string kCsvLabel = "Name, with \"quotes\"\r\nand CRLF";

ClaimGraph NastyGraph() {
  GraphBuilder b;
  const VertexId a = b.AddVertex(kNastyId, VertexType::kCompany, kNastyLabel);
  const VertexId p = b.AddVertex(kCsvId, VertexType::kProduct, kCsvLabel);
  const VertexId c = b.AddVertex("claim:c1", VertexType::kClaim, "it's <b>bold</b>");
  const VertexId d = b.AddVertex("claim:c2", VertexType::kClaim, "plain");
  b.AddEdge(a, c, EdgeType::kSubjectOf, c);
  b.AddEdge(a, p, EdgeType::kRelation, c, "runs_on");
  b.AddEdge(a, p, EdgeType::kMakerOf, kNoVertex);  // a parallel edge
  b.AddEdge(c, d, EdgeType::kContradicts, kNoVertex, "", "a,\"b\"<c>");
  auto g = b.Build();
  REQUIRE(g.ok());
  return std::move(g).value();
}

// Runs a shell command; its stdout, and the exit code in *code.
std::string Shell(const std::string& command, int* code) {
  testing::TempDir tmp;
  const std::string out = tmp.path() + "/out";
  const int status = std::system((command + " >" + out).c_str());
  *code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return testing::ReadFileOrFail(out);
}

// Runs a Python script with argument `arg`; its stdout parsed as JSON.
json Python(const std::string& script, const std::string& arg) {
  testing::TempDir tmp;
  const std::string path = tmp.path() + "/script.py";
  std::ofstream(path) << script;
  int code = 0;
  const std::string out = Shell("python3 " + path + " '" + arg + "'", &code);
  INFO(out);
  REQUIRE(code == 0);
  json j = json::parse(out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

std::string WriteExport(const ClaimGraph& g, Status (*exporter)(const ClaimGraph&, std::ostream&),
                        const std::string& path) {
  std::ofstream f(path, std::ios::binary);
  REQUIRE(exporter(g, f).ok());
  f.close();
  return testing::ReadFileOrFail(path);
}

}  // namespace

TEST_CASE("CSV fields are quoted per RFC 4180 only when needed", "[graph][export]") {
  std::string out;
  AppendCsvField("plain", &out);
  CHECK(out == "plain");
  out.clear();
  AppendCsvField("a,\"b\"\nc", &out);
  CHECK(out == "\"a,\"\"b\"\"\nc\"");
  out.clear();
  AppendCsvField("", &out);
  CHECK(out.empty());
}

TEST_CASE("XML escaping covers markup quotes and control characters", "[graph][export]") {
  std::string out;
  AppendXmlEscaped("<a & \"b\" 'c'>\n\x01", &out);
  CHECK(out == "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;&#10;\xEF\xBF\xBD");
}

TEST_CASE("GraphML loads in networkx with every id label and attribute intact", "[graph][export]") {
  testing::TempDir tmp;
  ClaimGraph g = NastyGraph();
  const std::string path = tmp.path() + "/g.graphml";
  const std::string xml = WriteExport(g, ExportGraphMl, path);
  CHECK(xml.find("<key id=\"n_label\" for=\"node\" attr.name=\"label\"") != std::string::npos);
  CHECK(xml.find("<key id=\"e_claim\" for=\"edge\" attr.name=\"claim\"") != std::string::npos);
  CHECK(xml.find("&lt;&amp;&quot;&gt;") != std::string::npos);
  json j = Python(R"(import json, sys, networkx
g = networkx.read_graphml(sys.argv[1])
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
  "labels": {n: d.get("label") for n, d in g.nodes(data=True)},
  "types": sorted(d["type"] for _, _, d in g.edges(data=True)),
  "relation": [d.get("relation") for _, _, d in g.edges(data=True) if d.get("relation")],
  "claims": [d.get("claim") for _, _, d in g.edges(data=True) if d.get("claim")]}))
)",
                  path);
  CHECK(j["nodes"] == 4);
  CHECK(j["edges"] == 4);
  CHECK(j["labels"][kNastyId] == kNastyLabel);
  CHECK(j["labels"][kCsvId] == kCsvLabel);
  CHECK(j["types"] == json({"contradicts", "maker_of", "relation", "subject_of"}));
  CHECK(j["relation"] == json({"runs_on"}));
  CHECK(j["claims"] == json({"claim:c1", "claim:c1"}));
}

TEST_CASE("DOT output renders with Graphviz", "[graph][export]") {
  testing::TempDir tmp;
  const std::string dot = WriteExport(NastyGraph(), ExportDot, tmp.path() + "/g.dot");
  CHECK(dot.find("\"A<&\\\">'\"") != std::string::npos);  // the id, quoted and escaped
  int code = -1;
  const std::string svg = Shell("dot -Tsvg " + tmp.path() + "/g.dot", &code);
  CHECK(code == 0);
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("runs_on") != std::string::npos);
}

TEST_CASE("JSON output has nodes and edges with optional attributes", "[graph][export]") {
  std::ostringstream out;
  REQUIRE(ExportJson(NastyGraph(), out).ok());
  json j = json::parse(out.str(), nullptr, false);
  REQUIRE(j.is_object());
  REQUIRE(j["nodes"].size() == 4);
  REQUIRE(j["edges"].size() == 4);
  CHECK(j["nodes"][0] == json({{"id", kNastyId}, {"type", "company"}, {"label", kNastyLabel}}));
  bool saw_relation = false, saw_link = false;
  for (const json& e : j["edges"]) {
    if (e["type"] == "relation") {
      saw_relation = true;
      CHECK(e["relation"] == "runs_on");
      CHECK(e["claim"] == "claim:c1");
      CHECK(e["target"] == kCsvId);
    }
    if (e["type"] == "contradicts") {
      saw_link = true;
      CHECK(e["label"] == "a,\"b\"<c>");
      CHECK_FALSE(e.contains("claim"));
    }
  }
  CHECK(saw_relation);
  CHECK(saw_link);
}

TEST_CASE("Neo4j CSVs have the import headers and parse back exactly", "[graph][export]") {
  testing::TempDir tmp;
  const std::string dir = tmp.path() + "/neo";
  auto command = ExportNeo4j(NastyGraph(), dir);
  REQUIRE(command.ok());
  CHECK(command->find("neo4j-admin database import full") == 0);
  CHECK(command->find("--relationships=relationships.csv") != std::string::npos);
  CHECK(std::filesystem::exists(dir + "/README.txt"));
  json j = Python(R"(import csv, glob, json, os, sys
d = sys.argv[1]
nodes, headers = {}, {}
for path in sorted(glob.glob(os.path.join(d, "nodes_*.csv"))):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    headers[os.path.basename(path)] = rows[0]
    for r in rows[1:]:
        nodes[r[0]] = r
with open(os.path.join(d, "relationships.csv"), newline="") as f:
    rels = list(csv.reader(f))
print(json.dumps({"headers": headers, "nodes": nodes, "rel_header": rels[0], "rels": rels[1:]}))
)",
                  dir);
  const json node_header = json({"id:ID", "name", "type", ":LABEL"});
  CHECK(j["headers"] == json({{"nodes_claim.csv", node_header},
                              {"nodes_company.csv", node_header},
                              {"nodes_product.csv", node_header}}));
  CHECK(j["rel_header"] == json({":START_ID", ":END_ID", ":TYPE", "relation", "label", "claim"}));
  CHECK(j["nodes"][kNastyId] == json({kNastyId, kNastyLabel, "company", "Company"}));
  CHECK(j["nodes"][kCsvId] == json({kCsvId, kCsvLabel, "product", "Product"}));
  REQUIRE(j["rels"].size() == 4);
  for (const json& r : j["rels"]) {
    CHECK(j["nodes"].contains(r[0].get<std::string>()));
    CHECK(j["nodes"].contains(r[1].get<std::string>()));
  }
  CHECK(j["rels"][1] == json({kNastyId, kCsvId, "RELATION", "runs_on", "", "claim:c1"}));
}

TEST_CASE("Export format names parse", "[graph][export]") {
  CHECK(ParseExportFormat("graphml") == ExportFormat::kGraphMl);
  CHECK(ParseExportFormat("neo4j") == ExportFormat::kNeo4j);
  CHECK_FALSE(ParseExportFormat("csv").has_value());
}

}  // namespace claimgraph::graph_export_test
