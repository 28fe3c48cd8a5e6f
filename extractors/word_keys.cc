#include "extractors/word_keys.h"

#include <cstring>

namespace claimgraph {

namespace {

struct CodeTable {
  uint8_t of[256] = {};
  constexpr CodeTable() {
    for (int i = 0; i < 256; ++i)
      of[i] = static_cast<uint8_t>(WordKeys::Code(static_cast<char>(i)));
  }
};
constexpr CodeTable kByteCodes;

// The number of set bits of runs from bit pos on, counted over at least 57
// bits (a longer run may read as 57 or more: the keys cap lengths at
// WordKeys::kLongest anyway). The 8 bytes of the bitmap from pos's byte on
// are read at once where there are 8.
size_t RunLength(const uint64_t* runs, size_t words, size_t pos) {
  uint64_t bits;
  if constexpr (std::endian::native == std::endian::little) {
    if (pos / 8 + 8 <= words * 8) {
      std::memcpy(&bits, reinterpret_cast<const char*>(runs) + pos / 8, sizeof bits);
      return static_cast<size_t>(std::countr_one(bits >> (pos % 8)));
    }
  }
  const size_t w = pos / 64;
  const unsigned shift = pos % 64;
  bits = runs[w] >> shift;
  if (shift != 0 && w + 1 < words) bits |= runs[w + 1] << (64 - shift);
  return static_cast<size_t>(std::countr_one(bits));
}

}  // namespace

void FilterWordStarts(std::string_view text, const std::vector<uint64_t>& runs,
                      const WordKeys& keys, std::vector<uint64_t>* starts) {
  const auto code = [&](size_t i) {
    return i < text.size() ? kByteCodes.of[static_cast<unsigned char>(text[i])] : uint8_t{0};
  };
  const uint64_t* run_bits = runs.data();
  const size_t run_words = runs.size();
  uint64_t* start_bits = starts->data();
  for (size_t w = 0; w < starts->size(); ++w) {
    uint64_t left = start_bits[w];
    uint64_t kept = 0;
    while (left != 0) {
      const auto bit = static_cast<unsigned>(std::countr_zero(left));
      left &= left - 1;
      const size_t pos = 64 * w + bit;
      // No branch on the outcome: the bit is or-ed in either way.
      const size_t length = RunLength(run_bits, run_words, pos);
      const bool pass = keys.MayBeCoded(length, code(pos), code(pos + 1));
      kept |= uint64_t{pass} << bit;
    }
    start_bits[w] = kept;
  }
}

}  // namespace claimgraph
