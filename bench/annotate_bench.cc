// Throughput of the annotator, in process: generated articles plus the seed
// corpus repeated. Prints MB/s and mentions/s. Not a test: it asserts nothing.
// Usage: claimgraph_bench_annotate [MB=50] [SCHEMA_DIR]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus_generator.h"
#include "engine/document.h"
#include "extractors/annotator.h"

namespace {

double Run(const claimgraph::Annotator& a, const std::vector<claimgraph::Document>& docs,
           size_t* bytes, size_t* mentions) {
  auto t0 = std::chrono::steady_clock::now();
  for (const auto& d : docs) {
    *bytes += d.text.size();
    *mentions += a.Annotate(d).size();
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void Report(const char* name, double secs, size_t bytes, size_t mentions) {
  std::printf("%-28s %8.1f MB in %6.2f s  %8.1f MB/s  %10.0f mentions/s\n", name,
              static_cast<double>(bytes) / 1e6, secs, static_cast<double>(bytes) / 1e6 / secs,
              static_cast<double>(mentions) / secs);
}

}  // namespace

int main(int argc, char** argv) {
  size_t mb = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 50;
  std::string schemas = argc > 2 ? argv[2] : CLAIMGRAPH_DEFAULT_SCHEMA_DIR;
  auto annotator = claimgraph::Annotator::Create(schemas);
  if (!annotator.ok()) {
    std::fprintf(stderr, "%s\n", annotator.status().ToString().c_str());
    return 1;
  }
  claimgraph::bench::CorpusGenerator gen(42);
  std::vector<claimgraph::Document> generated;
  for (size_t total = 0; total < mb * 1000000;) {
    claimgraph::Document d;
    d.text = gen.Article(5000);
    d.prose_end = d.text.size();
    d.published = gen.Date();
    total += d.text.size();
    generated.push_back(std::move(d));
  }
  std::vector<claimgraph::Document> seeds;
  for (const auto& e : std::filesystem::directory_iterator(CLAIMGRAPH_CORPUS_DIR)) {
    std::ifstream in(e.path());
    std::stringstream buf;
    buf << in.rdbuf();
    claimgraph::Document d;
    d.text = buf.str();
    d.prose_end = d.text.size();
    seeds.push_back(std::move(d));
  }
  std::vector<claimgraph::Document> repeated;
  for (size_t total = 0; total < mb * 200000 && !seeds.empty();) {
    for (const auto& d : seeds) total += d.text.size(), repeated.push_back(d);
  }
  size_t bytes = 0, mentions = 0;
  double secs = Run(**annotator, generated, &bytes, &mentions);
  Report("annotate generated corpus", secs, bytes, mentions);
  bytes = mentions = 0;
  secs = Run(**annotator, repeated, &bytes, &mentions);
  Report("annotate seeds, repeated", secs, bytes, mentions);
  return 0;
}
