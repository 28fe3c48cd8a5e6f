// End-to-end tests of the claimgraph binary: real processes, real files.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_run.h"
#include "test_paths.h"

namespace claimgraph::annotate_cli_test {

namespace {

using testing::Claimgraph;
using testing::Run;

std::vector<nlohmann::json> Lines(const std::string& out) { return testing::JsonLines(out); }

}  // namespace

TEST_CASE("annotate reads JSON Lines from stdin and writes one JSON line per mention", "[cli]") {
  Run r = Claimgraph("annotate -",
                     "{\"id\":\"d1\",\"text\":\"Free cash flow fell to $1.2 billion from nearly "
                     "$26 billion a year earlier.\",\"published\":\"2026-10-30\"}\n");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto lines = Lines(r.out);
  REQUIRE(lines.size() >= 2);
  CHECK(lines[0]["doc_id"] == "d1");
  CHECK(lines[0]["type"] == "money");
  CHECK(lines[0]["text"] == "$1.2 billion");
  CHECK(lines[0]["amount"].get<double>() == 1.2e9);
  CHECK(lines[0]["currency"] == "USD");
  CHECK(lines[1]["text"] == "nearly $26 billion");
  CHECK(lines[1]["qualifier"] == "approx");
}

TEST_CASE("annotate reports bad documents as error lines and exits 1", "[cli]") {
  Run r = Claimgraph("annotate --input-format jsonl -",
                     "{\"id\":\"ok\",\"text\":\"Sales rose 5%.\"}\n"
                     "{broken\n"
                     "{\"id\":\"empty\",\"text\":\"\"}\n"
                     "{\"id\":\"ok2\",\"text\":\"Costs fell 3%.\"}\n");
  CHECK(r.exit_code == 1);
  auto lines = Lines(r.out);
  std::vector<std::string> errors;
  int percents = 0;
  for (const auto& l : lines) {
    if (l["type"] == "error") errors.push_back(l["origin"].get<std::string>());
    if (l["type"] == "percent") ++percents;
  }
  CHECK(percents == 2);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == "stdin:2");
  CHECK(errors[1] == "stdin:3");
  CHECK(r.err.find("stdin:2: malformed JSON") != std::string::npos);
  CHECK(r.err.find("empty document") != std::string::npos);
}

TEST_CASE("annotate prints a readable table for the seed corpus", "[cli]") {
  Run r = Claimgraph("annotate " + testing::SourceDir() + "/corpus/articles --format table");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("000_4fc73b3250fc1a5f.txt") != std::string::npos);
  CHECK(r.out.find("at least $225B") != std::string::npos);
  CHECK(r.out.find("metadata: Sentiment Score = 0.72") != std::string::npos);
  CHECK(r.out.find("5 documents, 0 errors") != std::string::npos);
}

TEST_CASE("annotate --types filters and metadata lines carry the trailer", "[cli]") {
  Run r = Claimgraph("annotate --types metadata " + testing::SourceDir() +
                     "/corpus/articles/000_4fc73b3250fc1a5f.txt");
  REQUIRE(r.exit_code == 0);
  auto lines = Lines(r.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1]["label"] == "Sentiment Score");
  CHECK(lines[1]["value"] == "0.72");
}

TEST_CASE("Usage errors exit 2 with a message and help teaches by example", "[cli]") {
  Run bad = Claimgraph("annotate --format xml x.txt");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--format") != std::string::npos);
  Run types = Claimgraph("annotate --types dollars -", "text");
  CHECK(types.exit_code == 2);
  CHECK(types.err.find("unknown type \"dollars\"") != std::string::npos);
  Run help = Claimgraph("annotate --help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("Examples:") != std::string::npos);
  Run top = Claimgraph("--help");
  CHECK(top.exit_code == 0);
  CHECK(top.out.find("annotate") != std::string::npos);
}

TEST_CASE("A broken schema directory is a clear error", "[cli]") {
  testing::TempDir tmp;
  std::ofstream(tmp.path() + "/quantities.json") << "{\"currencies\": 3}";
  Run r = Claimgraph("--schemas " + tmp.path() + " annotate -", "Sales rose 5%.");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(tmp.path() + "/quantities.json") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("A 50 MB document is rejected by name and the batch goes on", "[cli]") {
  testing::TempDir tmp;
  {
    std::ofstream big(tmp.path() + "/a_big.txt", std::ios::binary);
    std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 50; ++i) big << chunk;
    std::ofstream(tmp.path() + "/b_small.txt") << "Revenue rose 5% to $3 billion.";
  }
  Run r = Claimgraph("annotate " + tmp.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("a_big.txt") != std::string::npos);
  CHECK(r.err.find("larger than the limit") != std::string::npos);
  auto lines = Lines(r.out);
  REQUIRE(lines.size() >= 2);
  CHECK(lines[0]["type"] == "error");
  CHECK(lines[0]["code"] == "resource_exhausted");
  CHECK(lines[1]["doc_id"] == "b_small.txt");
}

TEST_CASE("plain text on stdin keeps its first byte and its offsets", "[cli]") {
  // The format is sniffed from the first byte; that byte must still be part
  // of the document, or every offset would shift by one.
  Run r = Claimgraph("annotate -", "$1.2 billion of free cash flow.");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto lines = testing::JsonLines(r.out);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines[0]["text"] == "$1.2 billion");
  CHECK(lines[0]["start"] == 0);
  CHECK(lines[0]["amount"].get<double>() == 1.2e9);
}

}  // namespace claimgraph::annotate_cli_test
