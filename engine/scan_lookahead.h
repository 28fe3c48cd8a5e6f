// ScanLookahead: a hint a whole-store scan's caller can give when its work
// per record is mostly cache misses (hash tables of millions of ids, read in
// an order unrelated to their layout). Public: used with
// Store::ForEachClaim.
#pragma once

#include <cstddef>
#include <functional>

namespace claimgraph {

// fn(record, stage) runs on the records ahead of the one the scan's
// callback gets, on the callback's thread, so that it can prefetch what the
// callback will touch: stage s (0 first) of a record runs when the callback
// is kStep * (stages - s) records before it, or sooner at the start of a
// batch. Every record gets each stage once, in stage order, before the
// callback gets it. A stage may read what the callback builds (the prefetch of stage s + 1 uses
// what stage s brought into the cache) but must not change it: the scan's
// result is the same without the lookahead.
template <typename Record>
struct ScanLookahead {
  static constexpr size_t kStep = 2;
  std::function<void(const Record&, int stage)> fn;
  int stages = 0;
};

}  // namespace claimgraph
