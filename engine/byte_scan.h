// Word-at-a-time byte tests for the loops that read every byte of a text:
// each looks at 8 bytes with a few integer operations, so that a scan can
// step over a run of bytes that need no work 8 at a time.
//
// Each test is exact about "any": it returns true if and only if at least
// one of the 8 bytes qualifies. (The subtraction behind it can mark a byte
// above a qualifying one by its borrow, which only matters to callers that
// want to know which byte: these do not say.)
//
// Pure functions; any byte order.
#pragma once

#include <cstdint>
#include <cstring>

namespace claimgraph {

// The 8 bytes at p, unaligned. REQUIRES: 8 readable bytes at p.
inline uint64_t LoadWord(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

namespace byte_scan_internal {
constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHigh = 0x8080808080808080ull;
// High bit of each byte below n (n <= 128), plus spurious bits above one.
constexpr uint64_t Below(uint64_t w, unsigned n) { return (w - kOnes * n) & ~w & kHigh; }
}  // namespace byte_scan_internal

// Whether some byte of w equals c.
constexpr bool HasByte(uint64_t w, char c) {
  using namespace byte_scan_internal;
  return Below(w ^ (kOnes * static_cast<unsigned char>(c)), 1) != 0;
}

// Whether some byte of w is below n. REQUIRES: n <= 128.
constexpr bool HasByteBelow(uint64_t w, unsigned n) { return byte_scan_internal::Below(w, n) != 0; }

// Whether some byte of w has its top bit set (is not ASCII).
constexpr bool HasNonAscii(uint64_t w) { return (w & byte_scan_internal::kHigh) != 0; }

}  // namespace claimgraph
