// Random texts for the tests that compare a scan with a plain reference:
// pieces (words, their near misses, separators, odd bytes) joined at
// random, so that every case meets every neighbour.
#pragma once

#include <random>
#include <string>
#include <vector>

namespace claimgraph::testing {

// Fewer than max_pieces pieces drawn from `pieces` with `rng`, joined.
inline std::string JoinRandomPieces(const std::vector<std::string>& pieces, size_t max_pieces,
                                    std::mt19937* rng) {
  std::string text;
  const size_t count = (*rng)() % max_pieces;
  for (size_t i = 0; i < count; ++i) text += pieces[(*rng)() % pieces.size()];
  return text;
}

}  // namespace claimgraph::testing
