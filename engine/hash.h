// Fnv1a64 and HexId: the stable, platform-independent hash behind claim ids,
// ruleset ids and document content hashes. Not cryptographic: it detects
// change, it does not resist an adversary. Pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace claimgraph {

constexpr uint64_t kFnv1aSeed = 0xcbf29ce484222325ull;

// 64-bit FNV-1a of `data`, continuing from `h` (chain calls to hash parts).
inline uint64_t Fnv1a64(std::string_view data, uint64_t h = kFnv1aSeed) {
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

// 16 lower-case hex digits.
std::string HexId(uint64_t v);

}  // namespace claimgraph
