// `claimgraph extract --threads N`: the same bytes as one thread, errors in
// their place, stdin as a stream. Real processes.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_run.h"
#include "test_paths.h"

namespace claimgraph::extract_threads_test {

namespace {

using testing::Claimgraph;
using testing::Run;

// Seed documents with bad lines between them: malformed JSON, an empty
// text, and documents over the --max-doc-bytes given below.
std::string MixedCorpus(size_t documents) {
  std::vector<std::string> lines = testing::SeedCorpusLines(documents);
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    out += lines[i];
    if (out.back() != '\n') out += '\n';
    if (i % 7 == 3) out += "{\"id\":\"broken-" + std::to_string(i) + "\",\"text\": oops\n";
    if (i % 11 == 5) out += "{\"id\":\"empty-" + std::to_string(i) + "\",\"text\":\"\"}\n";
    if (i % 13 == 2) {
      out += "{\"id\":\"huge-" + std::to_string(i) + "\",\"text\":\"" + std::string(20000, 'x') +
             "\"}\n";
    }
  }
  return out;
}

// The doc_id of each line, in output order, one entry per run of lines.
std::vector<std::string> DocOrder(const std::string& out) {
  std::vector<std::string> ids;
  for (const nlohmann::json& line : testing::JsonLines(out)) {
    std::string id = line.value("doc_id", "");
    if (ids.empty() || ids.back() != id) ids.push_back(id);
  }
  return ids;
}

}  // namespace

TEST_CASE("extract prints the same bytes with two threads as with one",
          "[extract][threads][parallel]") {
  testing::TempDir tmp;
  const std::string path = tmp.path() + "/mixed.jsonl";
  std::ofstream(path) << MixedCorpus(60);
  const std::string args = " --max-doc-bytes 16000 " + path;
  Run one = Claimgraph("extract --threads 1" + args);
  Run two = Claimgraph("extract --threads 2" + args);
  Run three = Claimgraph("extract --threads 3" + args);
  REQUIRE(one.exit_code == 1);  // some documents were bad
  CHECK(two.exit_code == 1);
  CHECK(three.exit_code == 1);
  REQUIRE(one.out.size() > 10000);
  CHECK(two.out == one.out);
  CHECK(three.out == one.out);
  CHECK(two.err == one.err);
}

TEST_CASE("extract with threads keeps each error line where its input line was",
          "[extract][threads][parallel]") {
  testing::TempDir tmp;
  const std::string path = tmp.path() + "/mixed.jsonl";
  std::ofstream(path) << MixedCorpus(30);
  Run r = Claimgraph("extract --threads 2 --max-doc-bytes 16000 " + path);
  INFO(r.err);
  REQUIRE(r.exit_code == 1);
  std::vector<nlohmann::json> lines = testing::JsonLines(r.out);
  // Expected order: doc-00000, doc-00001, ..., with each bad line's id after
  // the document before it.
  std::vector<std::string> expected;
  size_t bad = 0;
  for (size_t i = 0; i < 30; ++i) {
    char id[16];
    std::snprintf(id, sizeof(id), "doc-%05zu", i);
    expected.push_back(id);
    if (i % 7 == 3) expected.push_back("");  // malformed: no id could be read
    if (i % 11 == 5) expected.push_back("empty-" + std::to_string(i));
    if (i % 13 == 2) expected.push_back("huge-" + std::to_string(i));
    bad += (i % 7 == 3) + (i % 11 == 5) + (i % 13 == 2);
  }
  CHECK(DocOrder(r.out) == expected);
  size_t errors = 0;
  for (const nlohmann::json& line : lines) {
    if (line.value("type", "") != "error") continue;
    ++errors;
    CHECK(line["origin"].get<std::string>().rfind(path + ":", 0) == 0);  // file:line
  }
  CHECK(errors == bad);
}

TEST_CASE("extract with threads keeps input order across batches of documents",
          "[extract][threads][parallel]") {
  // Workers take documents in batches (by count and by bytes): long runs of
  // good documents, two errors in a row, and an error at the very end must
  // all come out where one thread puts them.
  testing::TempDir tmp;
  std::vector<std::string> lines = testing::SeedCorpusLines(300);
  std::string corpus;
  for (size_t i = 0; i < lines.size(); ++i) {
    corpus += lines[i];
    if (corpus.back() != '\n') corpus += '\n';
    if (i == 130 || i == 299)
      corpus += "{\"id\":\"broken-" + std::to_string(i) + "\",\"text\": x\n";
    if (i == 130) corpus += "{\"id\":\"empty-" + std::to_string(i) + "\",\"text\":\"\"}\n";
  }
  const std::string path = tmp.path() + "/long.jsonl";
  std::ofstream(path) << corpus;
  Run one = Claimgraph("extract --threads 1 " + path);
  Run two = Claimgraph("extract --threads 2 " + path);
  REQUIRE(one.exit_code == 1);
  CHECK(two.exit_code == 1);
  std::vector<std::string> order = DocOrder(one.out);
  REQUIRE(order.size() == 303);  // every document has claims, and three error lines
  CHECK(order[131] == "");
  CHECK(order[132] == "empty-130");
  CHECK(order[302] == "");
  CHECK(two.out == one.out);
}

TEST_CASE("extract with threads reads stdin and equals reading the file",
          "[extract][threads][parallel]") {
  testing::TempDir tmp;
  const std::string corpus = MixedCorpus(25);
  const std::string path = tmp.path() + "/mixed.jsonl";
  std::ofstream(path) << corpus;
  Run from_stdin = Claimgraph("extract --threads 2 --max-doc-bytes 16000 -", corpus);
  Run from_file = Claimgraph("extract --threads 1 --max-doc-bytes 16000 " + path);
  REQUIRE(from_file.exit_code == 1);
  CHECK(from_stdin.exit_code == 1);
  // Same claims; only the origin of unnamed lines differs (stdin vs path).
  std::string expected = from_file.out;
  for (size_t at = expected.find(path); at != std::string::npos; at = expected.find(path, at)) {
    expected.replace(at, path.size(), "stdin");
  }
  CHECK(from_stdin.out == expected);
}

TEST_CASE("extract table output is the same with two threads", "[extract][threads][parallel]") {
  const std::string dir = testing::SourceDir() + "/corpus/articles";
  Run one = Claimgraph("extract --format table --threads 1 " + dir);
  Run two = Claimgraph("extract --format table --threads 2 " + dir);
  REQUIRE(one.exit_code == 0);
  CHECK(two.exit_code == 0);
  CHECK(two.out == one.out);
}

}  // namespace claimgraph::extract_threads_test
