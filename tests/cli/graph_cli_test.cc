// `claimgraph graph neighbors|path|export` as real processes on a real
// store holding the seed articles; exports read back by networkx, Graphviz
// and Python's csv.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli_run.h"
#include "test_paths.h"

namespace claimgraph::graph_cli_test {

namespace {

using nlohmann::json;
using testing::Claimgraph;
using testing::Run;

// A store with corpus/articles ingested, shared by the tests of this file.
const std::string& SeedDb() {
  // Removed at exit, after every test of the process has run.
  static testing::TempDir tmp;
  static const std::string db = [] {
    const std::string path = tmp.path() + "/db";
    Run r = Claimgraph("ingest --db " + path + " --no-progress " + testing::SourceDir() +
                       "/corpus/articles");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return path;
  }();
  return db;
}

Run Graph(const std::string& args) { return Claimgraph("graph " + args + " --db " + SeedDb()); }

// Runs a Python script with one argument; its stdout parsed as JSON.
json Python(const std::string& dir, const std::string& script, const std::string& arg) {
  const std::string path = dir + "/script.py", out = dir + "/script.out";
  std::ofstream(path) << script;
  const int status = std::system(("python3 " + path + " " + arg + " >" + out).c_str());
  const std::string text = testing::ReadFileOrFail(out);
  INFO(text);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  json j = json::parse(text, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

std::set<std::string> NeighborIds(const std::string& args) {
  Run r = Graph("neighbors " + args + " --format jsonl --limit 0");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::set<std::string> ids;
  for (const json& j : testing::JsonLines(r.out)) ids.insert(j["id"].get<std::string>());
  return ids;
}

}  // namespace

TEST_CASE("graph neighbors AMZN finds AWS and the Trainium products", "[cli][graph]") {
  std::set<std::string> ids = NeighborIds("AMZN");
  CHECK(ids.count("AMZN/aws") == 1);
  CHECK(ids.count("AMZN/trainium") == 1);
  CHECK(ids.count("AMZN/trainium2") == 1);
  CHECK(ids.count("person/andy-jassy") == 1);
  // A name resolves through the catalog to the same vertex.
  CHECK(NeighborIds("Amazon") == ids);
  Run table = Graph("neighbors AMZN");
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("AMZN/aws") != std::string::npos);
  CHECK(table.out.find("<-segment_of-") != std::string::npos);
}

TEST_CASE("graph neighbors filters by vertex and edge type and hops", "[cli][graph]") {
  std::set<std::string> products = NeighborIds("AMZN --type product");
  REQUIRE_FALSE(products.empty());
  for (const std::string& id : products) CHECK(id.rfind("AMZN/", 0) == 0);
  CHECK(NeighborIds("AMZN --edge segment_of") == std::set<std::string>{"AMZN/aws"});
  // Claims about AWS are two edges from Amazon.
  std::set<std::string> claims = NeighborIds("AMZN --hops 2 --type claim");
  REQUIRE_FALSE(claims.empty());
  for (const std::string& id : claims) CHECK(id.rfind("claim:", 0) == 0);
  CHECK(NeighborIds("AMZN --type claim").size() < claims.size());
  Run r = Graph("neighbors AMZN --hops 2 --format jsonl --limit 3");
  CHECK(testing::JsonLines(r.out).size() == 3);
}

TEST_CASE("graph commands report unknown names and bad flags", "[cli][graph]") {
  Run unknown = Graph("neighbors NoSuchCompanyAnywhere");
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("unknown vertex 'NoSuchCompanyAnywhere'") != std::string::npos);
  CHECK(Graph("neighbors AMZN --type planet").exit_code == 2);
  CHECK(Graph("path AMZN").exit_code == 2);
  Run neo = Graph("export --format neo4j");
  CHECK(neo.exit_code == 2);
  CHECK(neo.err.find("--out") != std::string::npos);
  Run help = Claimgraph("graph --help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("claimgraph graph path AMZN/trainium2 NVDA") != std::string::npos);
}

TEST_CASE("graph path from Trainium2 to Nvidia is found or reported absent", "[cli][graph]") {
  Run r = Graph("path AMZN/trainium2 NVDA --format jsonl");
  INFO(r.out << r.err);
  if (r.exit_code == 1) {
    CHECK(r.err.find("no path between AMZN/trainium2 and NVDA") != std::string::npos);
    return;
  }
  REQUIRE(r.exit_code == 0);
  auto steps = testing::JsonLines(r.out);
  REQUIRE(steps.size() >= 2);
  CHECK(steps.front()["id"] == "AMZN/trainium2");
  CHECK(steps.back()["id"] == "NVDA");
  for (size_t i = 1; i < steps.size(); ++i) {
    const json& e = steps[i]["edge"];
    const std::string prev = steps[i - 1]["id"], here = steps[i]["id"];
    CHECK(((e["source"] == prev && e["target"] == here) ||
           (e["source"] == here && e["target"] == prev)));
    if (e.contains("claim")) CHECK_FALSE(steps[i]["evidence"].get<std::string>().empty());
  }
  Run table = Graph("path AMZN/trainium2 NVDA");
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("0. AMZN/trainium2 (product)") != std::string::npos);
  // Walking only catalog structure, Nvidia is out of reach.
  Run none = Graph("path AMZN/trainium2 NVDA --edge maker_of");
  CHECK(none.exit_code == 1);
  CHECK(none.err.find("no path between AMZN/trainium2 and NVDA") != std::string::npos);
}

TEST_CASE("graph export graphml and json agree on node and edge counts", "[cli][graph]") {
  testing::TempDir tmp;
  Run xml = Graph("export --format graphml --out " + tmp.path() + "/g.graphml");
  INFO(xml.err);
  REQUIRE(xml.exit_code == 0);
  Run js = Graph("export --format json");
  REQUIRE(js.exit_code == 0);
  json j = json::parse(js.out, nullptr, false);
  REQUIRE(j.is_object());
  REQUIRE(j["nodes"].size() > 100);  // the catalog alone has more
  json counts = Python(tmp.path(),
                       "import json, sys, networkx\n"
                       "g = networkx.read_graphml(sys.argv[1])\n"
                       "print(json.dumps([g.number_of_nodes(), g.number_of_edges()]))\n",
                       tmp.path() + "/g.graphml");
  CHECK(counts[0] == j["nodes"].size());
  CHECK(counts[1] == j["edges"].size());
}

TEST_CASE("graph export dot renders with Graphviz", "[cli][graph]") {
  testing::TempDir tmp;
  Run dot = Graph("export --format dot --out " + tmp.path() + "/g.dot");
  REQUIRE(dot.exit_code == 0);
  const std::string svg = tmp.path() + "/g.svg";
  const int status = std::system(("dot -Tsvg " + tmp.path() + "/g.dot -o " + svg).c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(testing::ReadFileOrFail(svg).find("<svg") != std::string::npos);
}

TEST_CASE("graph export neo4j writes import CSVs whose ids all resolve", "[cli][graph]") {
  testing::TempDir tmp;
  const std::string dir = tmp.path() + "/neo";
  Run r = Graph("export --format neo4j --out " + dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("neo4j-admin database import full") != std::string::npos);
  json j = Python(tmp.path(), R"(import csv, glob, json, os, sys
d = sys.argv[1]
ids, bad_headers, missing, rels = set(), [], 0, 0
for path in glob.glob(os.path.join(d, "nodes_*.csv")):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["id:ID", "name", "type", ":LABEL"]:
        bad_headers.append(path)
    ids.update(r[0] for r in rows[1:])
with open(os.path.join(d, "relationships.csv"), newline="") as f:
    rows = list(csv.reader(f))
if rows[0] != [":START_ID", ":END_ID", ":TYPE", "relation", "label", "claim"]:
    bad_headers.append("relationships.csv")
for r in rows[1:]:
    rels += 1
    missing += (r[0] not in ids) + (r[1] not in ids) + (r[5] != "" and r[5] not in ids)
print(json.dumps({"nodes": len(ids), "rels": rels, "bad": bad_headers, "missing": missing}))
)",
                  dir);
  CHECK(j["bad"].empty());
  CHECK(j["missing"] == 0);
  CHECK(j["nodes"] > 100);
  CHECK(j["rels"] > 100);
}

}  // namespace claimgraph::graph_cli_test
