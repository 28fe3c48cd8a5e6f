// SortOnTwoThreads: std::sort with the work split over two threads, for the
// large index sorts of an analysis (millions of fact numbers, each
// comparison reading facts that are rarely in cache).
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>

namespace claimgraph {

// Ranges shorter than this are sorted on the caller's thread alone: the
// second thread would cost more than it saves.
inline constexpr ptrdiff_t kTwoThreadSortMin = ptrdiff_t{1} << 16;

// Sorts [first, last) by `less`: a second thread sorts the first half while
// the caller sorts the second, then the halves are merged. When `less` is a
// total order (no two elements equivalent) the result is exactly std::sort's;
// otherwise equivalent elements may end in another order. `less` is called
// from both threads at once, so it must only read shared state.
template <typename It, typename Less>
void SortOnTwoThreads(It first, It last, Less less) {
  const ptrdiff_t n = last - first;
  if (n < kTwoThreadSortMin) {
    std::sort(first, last, less);
    return;
  }
  const It mid = first + n / 2;
  {
    std::jthread other([first, mid, &less] { std::sort(first, mid, less); });
    std::sort(mid, last, less);
  }
  std::inplace_merge(first, mid, last, less);
}

}  // namespace claimgraph
