#include "engine/varint.h"

#include <algorithm>
#include <cstring>

namespace claimgraph {

void PutVarint64(std::string* dst, uint64_t value) {
  char buf[kMaxVarint64Length];
  size_t n = 0;
  while (value >= 0x80) {
    buf[n++] = static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  buf[n++] = static_cast<char>(value);
  dst->append(buf, n);
}

void PutDouble(std::string* dst, double value) {
  uint64_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  char buf[sizeof(bits)];
  for (char& c : buf) {
    c = static_cast<char>(bits & 0xFF);
    bits >>= 8;
  }
  dst->append(buf, sizeof(buf));
}

bool GetVarint64(std::string_view* input, uint64_t* value) {
  uint64_t result = 0;
  const size_t limit = std::min(input->size(), kMaxVarint64Length);
  for (size_t i = 0; i < limit; ++i) {
    const auto byte = static_cast<uint8_t>((*input)[i]);
    // The tenth byte may only carry bit 63.
    if (i == kMaxVarint64Length - 1 && byte > 1) return false;
    result |= uint64_t{byte & 0x7Fu} << (7 * i);
    if (byte < 0x80) {
      input->remove_prefix(i + 1);
      *value = result;
      return true;
    }
  }
  return false;
}

bool GetDouble(std::string_view* input, double* value) {
  uint64_t bits = 0;
  if (input->size() < sizeof(bits)) return false;
  for (size_t i = 0; i < sizeof(bits); ++i) {
    bits |= uint64_t{static_cast<uint8_t>((*input)[i])} << (8 * i);
  }
  std::memcpy(value, &bits, sizeof(bits));
  input->remove_prefix(sizeof(bits));
  return true;
}

}  // namespace claimgraph
