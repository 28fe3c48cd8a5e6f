// Primitive binary encodings for the store's value codecs, after leveldb's
// util/coding.h: unsigned LEB128 varints (at most 10 bytes), zigzag for
// signed integers, and doubles as 8 little-endian bytes of their IEEE-754
// bit pattern (so infinities, NaN payloads and -0.0 survive). Put* append to
// *dst; Get* parse from the front of *input and advance past what they read.
// Pure functions; safe to call from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace claimgraph {

// Longest varint encoding of a uint64_t.
constexpr size_t kMaxVarint64Length = 10;

void PutVarint64(std::string* dst, uint64_t value);
// Appends exactly 8 bytes.
void PutDouble(std::string* dst, double value);

// Zigzag maps signed to unsigned so small magnitudes of either sign encode
// short: 0 -> 0, -1 -> 1, 1 -> 2, -2 -> 3, ...
constexpr uint64_t ZigzagEncode(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ (v < 0 ? ~uint64_t{0} : uint64_t{0});
}
constexpr int64_t ZigzagDecode(uint64_t u) {
  return static_cast<int64_t>((u >> 1) ^ (~(u & 1) + 1));
}

// On success stores the value, advances *input and returns true. Returns
// false, leaving *input and *value unchanged, when *input ends inside the
// varint or the varint does not fit in 64 bits (only possible when at least
// kMaxVarint64Length bytes remain).
bool GetVarint64(std::string_view* input, uint64_t* value);
// Returns false, leaving both unchanged, when fewer than 8 bytes remain.
bool GetDouble(std::string_view* input, double* value);

}  // namespace claimgraph
