// Word-at-a-time byte tests for the loops that read every byte of a text:
// each looks at 8 bytes with a few integer operations, so that a scan can
// step over a run of bytes that need no work 8 at a time.
//
// Each test is exact about "any": it returns true if and only if at least
// one of the 8 bytes qualifies. (The subtraction behind it can mark a byte
// above a qualifying one by its borrow, which only matters to callers that
// want to know which byte: these do not say.)
//
// Pure functions; any byte order. RunBytesAt counts exactly.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

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

namespace byte_scan_internal {
// High bit of each byte of w in [lo, hi], exactly (no borrows or carries:
// the sums stay within each byte). REQUIRES: lo <= hi < 0x80.
constexpr uint64_t InRange(uint64_t w, unsigned lo, unsigned hi) {
  const uint64_t low7 = w & ~kHigh;
  const uint64_t at_least_lo = low7 + kOnes * (0x80 - lo);
  const uint64_t above_hi = low7 + kOnes * (0x7F - hi);
  return ~w & at_least_lo & ~above_hi & kHigh;
}
// How many of w's bytes, in memory order, come before the first whose high
// bit is set in `marks` (8 when none is).
inline size_t BytesBefore(uint64_t marks) {
  if (marks == 0) return 8;
  if constexpr (std::endian::native == std::endian::little) {
    return static_cast<size_t>(std::countr_zero(marks)) / 8;
  } else {
    return static_cast<size_t>(std::countl_zero(marks)) / 8;
  }
}
}  // namespace byte_scan_internal

// The kinds of byte a run counted by RunBytesAt is made of.
enum RunBytes : unsigned {
  kRunLetters = 1,  // ASCII letters
  kRunDigits = 2,   // ASCII digits
  kRunUnderscore = 4,
  kRunNonAscii = 8,  // bytes 0x80 and above
};

// How many of the 8 bytes at p, from the first, are of the kinds in
// `kinds` (RunBytes bits): 0 to 8. For example RE2's \w is kRunLetters |
// kRunDigits | kRunUnderscore. REQUIRES: 8 readable bytes at p.
template <unsigned kinds>
inline size_t RunBytesAt(const char* p) {
  using namespace byte_scan_internal;
  const uint64_t w = LoadWord(p);
  uint64_t in = 0;
  if constexpr ((kinds & kRunLetters) != 0) in |= InRange(w | kOnes * 0x20, 'a', 'z');
  if constexpr ((kinds & kRunDigits) != 0) in |= InRange(w, '0', '9');
  if constexpr ((kinds & kRunUnderscore) != 0) in |= InRange(w, '_', '_');
  if constexpr ((kinds & kRunNonAscii) != 0) in |= w & kHigh;
  return BytesBefore(~in & kHigh);
}

// Whether byte c is of the kinds in `kinds` (RunBytes bits), one byte at a
// time: what RunBytesAt counts.
template <unsigned kinds>
constexpr bool IsRunByte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return ((kinds & kRunLetters) != 0 && ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) ||
         ((kinds & kRunDigits) != 0 && b >= '0' && b <= '9') ||
         ((kinds & kRunUnderscore) != 0 && b == '_') || ((kinds & kRunNonAscii) != 0 && b >= 0x80);
}

// The end of the run of `kinds` bytes that starts at pos (pos itself when
// text[pos] is not one): 8 bytes at a time while 8 can be read, then byte
// by byte. REQUIRES: pos <= text.size().
template <unsigned kinds>
inline size_t RunEnd(std::string_view text, size_t pos) {
  while (pos + 8 <= text.size()) {
    const size_t run = RunBytesAt<kinds>(text.data() + pos);
    pos += run;
    if (run < 8) return pos;
  }
  while (pos < text.size() && IsRunByte<kinds>(text[pos])) ++pos;
  return pos;
}

}  // namespace claimgraph
