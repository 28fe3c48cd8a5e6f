// Two strings that an IdHash (graph/id_hash.h) cannot tell apart without
// reading them, for the tests of the tables built on it.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

namespace claimgraph::testing {

// Two strings `prefix` + a number whose `hash` agrees in the high 32 bits
// (the tag a slot keeps) and the low 4 (the first slot probed in a table of
// 16), found by search; two empty strings when none is found among the
// first 4 million numbers.
template <typename Hash>
std::pair<std::string, std::string> TagCollision(const std::string& prefix, const Hash& hash) {
  std::unordered_map<uint64_t, std::string> seen;
  for (int i = 0; i < 4000000; ++i) {
    std::string s = prefix + std::to_string(i);
    const uint64_t h = hash(s);
    auto [it, added] = seen.emplace((h >> 32) << 4 | (h & 15), s);
    if (!added) return {it->second, s};
  }
  return {};
}

}  // namespace claimgraph::testing
