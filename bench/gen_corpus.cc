// Writes a deterministic JSON Lines corpus for benchmarks.
// Usage: claimgraph_gen_corpus DOCS [BYTES_PER_DOC=5000] [SEED=42] [CLAIM_SHARE=80] > corpus.jsonl
// CLAIM_SHARE is the percent of sentences with a claim (80: dense, about 54
// claims per 5 KB; 7: about 13, like the seed articles' 12.5 per 5 KB).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "corpus_generator.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: %s DOCS [BYTES_PER_DOC=5000] [SEED=42] [CLAIM_SHARE=80] > out.jsonl\n",
                 argv[0]);
    return 2;
  }
  uint64_t docs = std::strtoull(argv[1], nullptr, 10);
  size_t bytes = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 5000;
  uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 42;
  unsigned long share = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 80;
  if (share > 80) {
    std::fprintf(stderr, "CLAIM_SHARE must be 0..80 (percent of sentences with a claim)\n");
    return 2;
  }
  claimgraph::bench::CorpusGenerator gen(seed, static_cast<unsigned>(share));
  for (uint64_t i = 0; i < docs; ++i) {
    std::string line = gen.JsonlDocument(i, bytes);
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  return 0;
}
