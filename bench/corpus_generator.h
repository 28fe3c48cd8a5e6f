// A deterministic generator of financial-news-like articles for benchmarks:
// the same seed and size give byte-identical output on every machine.
#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace claimgraph::bench {

class CorpusGenerator {
 public:
  explicit CorpusGenerator(uint64_t seed) : rng_(seed) {}

  // One article of roughly target_bytes of prose (sentences with money,
  // percentages, periods, comparisons, counts and company names).
  std::string Article(size_t target_bytes);
  // "YYYY-MM-DD" within 2020..2026.
  std::string Date();
  // A JSON Lines document {"id","text","source","published","title"}.
  std::string JsonlDocument(uint64_t index, size_t target_bytes);

 private:
  std::string Sentence();
  std::string Money();
  std::string Percent();
  std::string Company();
  std::string Period();
  size_t Pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }

  std::mt19937_64 rng_;
};

}  // namespace claimgraph::bench
