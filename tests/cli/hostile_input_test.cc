// Hostile input through the real binary (issue 7): malformed lines among
// good ones, bytes that are not text, a line far beyond the document limit,
// a million tiny documents, numbers and dates no one should write. Each
// must be reported by file and line or survive unharmed, and never cost
// what is already stored or the rest of the batch.
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "cli_run.h"
#include "test_paths.h"

namespace claimgraph::hostile_input_test {

namespace {

using nlohmann::json;
using testing::Claimgraph;
using testing::Run;
using testing::TempDir;

std::string Line(const std::string& id, const std::string& text) {
  return json{{"id", id}, {"text", text}}.dump() + "\n";
}

// The line numbers of `file` that stderr names ("<file>:<line>").
std::set<int> NamedLines(const std::string& err, const std::string& file) {
  std::set<int> lines;
  const std::regex named(std::regex_replace(file, std::regex(R"([.])"), R"(\.)") + ":(\\d+)");
  for (auto it = std::sregex_iterator(err.begin(), err.end(), named); it != std::sregex_iterator();
       ++it) {
    lines.insert(std::stoi((*it)[1].str()));
  }
  return lines;
}

// Peak RSS in MB of `claimgraph args` run alone under a fresh python3
// process (RUSAGE_CHILDREN of that process covers this one child only).
long PeakRssMb(const std::string& args) {
  Run r = Claimgraph("--version");  // the binary runs at all
  REQUIRE(r.exit_code == 0);
  const std::string cmd =
      "python3 -c 'import resource,subprocess,sys; "
      "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
      "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)' " +
      testing::BinaryPath() + " " + args;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[64] = {0};
  const bool read = std::fgets(buf, sizeof(buf), p) != nullptr;
  REQUIRE(pclose(p) == 0);
  REQUIRE(read);
  return std::stol(buf);
}

}  // namespace

TEST_CASE("One malformed line in a hundred is reported and every other line is ingested",
          "[cli][hostile][slow]") {
  TempDir tmp;
  const std::string input = tmp.path() + "/mixed.jsonl";
  std::set<int> bad;
  {
    std::ofstream out(input, std::ios::binary);
    for (int i = 1; i <= 100000; ++i) {
      const std::string id = "d" + std::to_string(i);
      if (i % 100 != 37) {
        // Every 50th document has a claim; the rest are short notes.
        out << Line(id, i % 50 == 0
                            ? "Amazon revenue rose to $" + std::to_string(i) + " million in 2024."
                            : "Note " + std::to_string(i) + ".");
        continue;
      }
      bad.insert(i);
      switch ((i / 100) % 6) {
        case 0:  // cut off mid-string
          out << "{\"id\":\"" << id << "\",\"text\":\"Amazon revenue rose\n";
          break;
        case 1:  // an id that is neither a string nor an integer
          out << "{\"id\":{\"n\":" << i << "},\"text\":\"Amazon revenue rose to $5 billion.\"}\n";
          break;
        case 2:  // text is not a string
          out << "{\"id\":\"" << id << "\",\"text\":[[[[[[[[[[1]]]]]]]]]]}\n";
          break;
        case 3:  // invalid UTF-8 inside the string
          out << "{\"id\":\"" << id << "\",\"text\":\"Revenue \xff\xfe rose.\"}\n";
          break;
        case 4:  // a NUL byte
          out << "{\"id\":\"" << id << "\",\"text\":\"Revenue" << '\0' << " rose.\"}\n";
          break;
        default:  // deeply nested garbage
          out << "{\"id\":\"" << id << "\",\"text\":\"x\",\"title\":" << std::string(5000, '[')
              << std::string(5000, ']') << "}\n";
          break;
      }
    }
  }
  const std::string db = tmp.path() + "/db";
  Run r = Claimgraph("ingest --db " + db + " --no-progress --format json " + input);
  CHECK(r.exit_code == 1);  // some documents were not stored
  CHECK(NamedLines(r.err, "mixed.jsonl") == bad);
  const json summary = json::parse(r.out, nullptr, false);
  INFO(r.out);
  REQUIRE(summary.is_object());

  Run stats = Claimgraph("stats --db " + db + " --format json");
  REQUIRE(stats.exit_code == 0);
  const json st = json::parse(stats.out);
  CHECK(st["documents"] == 100000 - bad.size());
  CHECK(st["claims"] == 100000 / 50);
  Run check = Claimgraph("check --db " + db);
  INFO(check.out + check.err);
  CHECK(check.exit_code == 0);
}

TEST_CASE("Bytes that are not text are refused by name and the batch goes on", "[cli][hostile]") {
  TempDir tmp;
  const std::string dir = tmp.path() + "/in";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/a_good.txt") << "Amazon revenue rose to $5 billion in 2024.\n";
  std::ofstream(dir + "/b_binary.txt", std::ios::binary) << std::string(
      "\x7f"
      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
      20);
  std::ofstream(dir + "/c_latin1.txt", std::ios::binary) << "Caf\xe9 revenue rose 5%.\n";
  std::ofstream(dir + "/d_good.txt") << "Amazon capex was $30 billion in 2025.\n";
  const std::string db = tmp.path() + "/db";
  Run r = Claimgraph("ingest --db " + db + " --no-progress " + dir);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("b_binary.txt") != std::string::npos);
  CHECK(r.err.find("NUL byte") != std::string::npos);
  CHECK(r.err.find("c_latin1.txt") != std::string::npos);
  CHECK(r.err.find("invalid UTF-8") != std::string::npos);
  Run stats = Claimgraph("stats --db " + db + " --format json");
  REQUIRE(stats.exit_code == 0);
  CHECK(json::parse(stats.out)["documents"] == 2);

  SECTION("and a second batch of bad bytes leaves the stored documents alone") {
    Run again = Claimgraph("ingest --db " + db + " --no-progress " + dir + "/b_binary.txt");
    CHECK(again.exit_code == 1);
    Run after = Claimgraph("stats --db " + db + " --format json");
    REQUIRE(after.exit_code == 0);
    CHECK(json::parse(after.out)["documents"] == 2);
    CHECK(Claimgraph("check --db " + db).exit_code == 0);
  }
}

TEST_CASE("A line far beyond the document limit is refused in bounded memory",
          "[cli][hostile][slow]") {
  TempDir tmp;
  // Two inputs whose first line is over the limit by 50 and by 100 MB: if
  // the reader held such a line, peak memory would grow with it.
  auto write = [&](const std::string& name, size_t mb) {
    const std::string path = tmp.path() + "/" + name;
    std::ofstream out(path, std::ios::binary);
    out << "{\"id\":\"huge\",\"text\":\"";
    const std::string chunk = std::string(1 << 20, 'a');
    for (size_t i = 0; i < mb; ++i) out << chunk;
    out << "\"}\n" << Line("next", "Amazon revenue rose to $5 billion in 2024.");
    return path;
  };
  const std::string big = write("big.jsonl", 100);
  const std::string half = write("half.jsonl", 50);

  Run r = Claimgraph("extract --max-doc-bytes 8000000 " + big);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("big.jsonl:1") != std::string::npos);
  CHECK(r.err.find("--max-doc-bytes") != std::string::npos);
  const auto claims = testing::JsonLines(r.out);
  bool next_found = false;
  for (const json& c : claims) next_found |= c.value("doc_id", "") == "next";
  CHECK(next_found);

  const long rss_big = PeakRssMb("extract --max-doc-bytes 8000000 " + big);
  const long rss_half = PeakRssMb("extract --max-doc-bytes 8000000 " + half);
  INFO("peak RSS: 100 MB line " << rss_big << " MB, 50 MB line " << rss_half << " MB");
  CHECK(rss_big < rss_half + 25);
}

TEST_CASE("A million tiny documents stream through extract", "[cli][hostile][slow]") {
  TempDir tmp;
  const std::string input = tmp.path() + "/tiny.jsonl";
  constexpr int kDocs = 1000000;
  {
    std::ofstream out(input, std::ios::binary);
    for (int i = 0; i < kDocs; ++i) {
      out << "{\"id\":\"t" << i << "\",\"text\":\"Revenue was $" << (i % 1000 + 1)
          << " million.\"}\n";
    }
  }
  // Claims only are counted (an error line would not be); 1M claim lines
  // are not worth keeping in memory or on disk.
  const std::string err = tmp.path() + "/err", count = tmp.path() + "/count";
  const std::string cmd = testing::BinaryPath() + " extract --threads 2 " + input + " 2>" + err +
                          " | grep -c '\"claim_id\"' >" + count;
  CHECK(std::system(cmd.c_str()) == 0);
  CHECK(testing::ReadFileOrFail(err).empty());
  CHECK(std::stol(testing::ReadFileOrFail(count)) == kDocs);
}

TEST_CASE("Numbers that overflow and dates that do not exist give valid claims or none",
          "[cli][hostile]") {
  const std::string text =
      "Amazon revenue rose to $1e400 trillion in fiscal 99999. Amazon capex was "
      "$999999999999999999999999999999999999999999 billion on 2024-02-31. Amazon net income "
      "hit 1.5e308 billion dollars on 31 February 2025. Amazon sales were $5 billion in Q7 "
      "2024 and operating income was $0.000000000000000000001 million in 2099-13-45.";
  Run r = Claimgraph("extract --format jsonl -", Line("n", text));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto claims = testing::JsonLines(r.out);
  REQUIRE(!claims.empty());
  for (const json& c : claims) {
    INFO(c.dump());
    if (!c.contains("value")) continue;
    const json& v = c["value"];
    if (v.contains("amount") && !v["amount"].is_null()) {
      REQUIRE(v["amount"].is_number());
      CHECK(std::isfinite(v["amount"].get<double>()));
    }
    if (v.contains("period") && v["period"].contains("year")) {
      const int year = v["period"]["year"].get<int>();
      CHECK(year >= 1000);
      CHECK(year <= 9999);
    }
  }
}

}  // namespace claimgraph::hostile_input_test

namespace claimgraph::hostile_input_test {

TEST_CASE("An ingest over a file-size limit stops cleanly and keeps what it stored",
          "[cli][hostile][fault]") {
  TempDir tmp;
  const std::vector<std::string> lines = testing::SeedCorpusLines(2100);
  const std::string first = tmp.path() + "/first.jsonl", rest = tmp.path() + "/rest.jsonl";
  {
    std::ofstream a(first, std::ios::binary), b(rest, std::ios::binary);
    for (size_t i = 0; i < lines.size(); ++i) (i < 100 ? a : b) << lines[i];
  }
  const std::string db = tmp.path() + "/db";
  REQUIRE(Claimgraph("ingest --db " + db + " --no-progress " + first).exit_code == 0);

  // ulimit -f 4096: no file may grow past 4 MB, as if the disk filled up
  // while the log was being written.
  const std::string out = tmp.path() + "/out", err = tmp.path() + "/err";
  const std::string cmd = "bash -c 'ulimit -f 4096; exec " + testing::BinaryPath() +
                          " ingest --db " + db + " --no-progress " + rest + "' >" + out + " 2>" +
                          err;
  const int status = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);  // an error exit, not a crash or an abort
  const std::string errors = testing::ReadFileOrFail(err);
  INFO(errors);
  CHECK(errors.find("File too large") != std::string::npos);
  CHECK(std::count(errors.begin(), errors.end(), '\n') <= 4);  // not one line per document
  CHECK(testing::ReadFileOrFail(out).find("not tried") != std::string::npos);

  Run check = Claimgraph("check --db " + db);
  INFO(check.out + check.err);
  CHECK(check.exit_code == 0);
  Run stats = Claimgraph("stats --db " + db + " --format json");
  REQUIRE(stats.exit_code == 0);
  const auto stored = json::parse(stats.out)["documents"].get<uint64_t>();
  CHECK(stored >= 100);
  CHECK(stored < 2100);

  Run again = Claimgraph("ingest --db " + db + " --no-progress " + rest);
  INFO(again.err);
  CHECK(again.exit_code == 0);
  Run after = Claimgraph("stats --db " + db + " --format json");
  REQUIRE(after.exit_code == 0);
  CHECK(json::parse(after.out)["documents"] == 2100);
  CHECK(Claimgraph("check --db " + db).exit_code == 0);
}

TEST_CASE("An invalid pattern rule stops ingest and rebuild before they touch the store",
          "[cli][hostile][patterns]") {
  TempDir tmp;
  const std::string db = tmp.path() + "/db", in = tmp.path() + "/in.txt";
  std::ofstream(in) << "Amazon revenue rose to $5 billion in 2024.\n";
  REQUIRE(Claimgraph("ingest --db " + db + " --no-progress " + in).exit_code == 0);
  Run before = Claimgraph("query --db " + db + " --entity AMZN --format jsonl");
  REQUIRE(before.exit_code == 0);
  REQUIRE_FALSE(before.out.empty());

  const std::string schemas = tmp.path() + "/schemas";
  std::filesystem::copy(testing::SourceDir() + "/schemas", schemas,
                        std::filesystem::copy_options::recursive);
  std::ofstream(schemas + "/patterns.txt", std::ios::trunc)
      << "# an analyst in a hurry\nmetric backlog \\bRPO\\b\nmodality forecast (?i)\\bset (to\n";
  const std::string where = schemas + "/patterns.txt:3: invalid pattern";

  std::ofstream(tmp.path() + "/more.txt") << "Amazon capex was $30 billion in 2025.\n";
  Run ingest = Claimgraph("--schemas " + schemas + " ingest --db " + db + " --no-progress " +
                          tmp.path() + "/more.txt");
  CHECK(ingest.exit_code != 0);
  CHECK(ingest.err.find(where) != std::string::npos);
  Run rebuild = Claimgraph("--schemas " + schemas + " rebuild --db " + db);
  CHECK(rebuild.exit_code != 0);
  CHECK(rebuild.err.find(where) != std::string::npos);
  Run extract = Claimgraph("--schemas " + schemas + " extract " + in);
  CHECK(extract.exit_code != 0);
  CHECK(extract.err.find(where) != std::string::npos);
  CHECK(extract.out.empty());

  Run stats = Claimgraph("stats --db " + db + " --format json");
  REQUIRE(stats.exit_code == 0);
  CHECK(json::parse(stats.out)["documents"] == 1);
  CHECK(Claimgraph("check --db " + db).exit_code == 0);
  CHECK(Claimgraph("query --db " + db + " --entity AMZN --format jsonl").out == before.out);
}

}  // namespace claimgraph::hostile_input_test
