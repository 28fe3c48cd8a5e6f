// SortOnTwoThreads against std::sort.
#include "engine/parallel_sort.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace claimgraph::parallel_sort_test {

TEST_CASE("sorting on two threads gives std::sort's order for a total order", "[sort][parallel]") {
  std::mt19937_64 random(7);
  // Below the two-thread size, at it, odd and large; keys with many
  // duplicates, ordered in full by the index that breaks their ties.
  for (ptrdiff_t n : {ptrdiff_t{0}, ptrdiff_t{1}, ptrdiff_t{1000}, kTwoThreadSortMin,
                      kTwoThreadSortMin + 1, 3 * kTwoThreadSortMin + 17}) {
    std::vector<std::pair<uint32_t, uint32_t>> items;
    for (ptrdiff_t i = 0; i < n; ++i) {
      items.emplace_back(static_cast<uint32_t>(random() % 500), static_cast<uint32_t>(i));
    }
    std::shuffle(items.begin(), items.end(), random);
    auto expected = items;
    std::sort(expected.begin(), expected.end());
    SortOnTwoThreads(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a < b; });
    CHECK(items == expected);
  }
}

}  // namespace claimgraph::parallel_sort_test
