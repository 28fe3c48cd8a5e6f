// A deterministic generator of financial-news-like articles for benchmarks:
// the same seed and size give byte-identical output on every machine.
#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace claimgraph::bench {

class CorpusGenerator {
 public:
  // claim_share: percent of sentences that carry a claim (at most 80, the
  // default: dense text, about 54 claims per 5 KB). The seed articles have
  // about 12.5 claims per 5 KB; 7 gives 13 (filler sentences are shorter,
  // so there are more sentences per article). Below 80, claim
  // sentences are thinned into filler, so 80 gives the same bytes as before.
  explicit CorpusGenerator(uint64_t seed, unsigned claim_share = 80)
      : rng_(seed), claim_share_(claim_share) {}

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
  unsigned claim_share_;
};

}  // namespace claimgraph::bench
