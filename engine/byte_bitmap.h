// Byte bitmaps: one bit per byte of a text, set where the byte is of some
// kind (RunBytes bits, engine/byte_scan.h, or one of a few given bytes). A
// scan that
// looks for word starts or digits can then step from one set bit to the
// next with a count of trailing zeros instead of testing every byte, and
// the bits are made 16 bytes at a time with SSE2 where the machine has it.
//
// Bit i of a bitmap is bit i % 64 of word i / 64; the bits past the text's
// end are clear. Pure functions; thread-safe.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "engine/byte_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace claimgraph {

namespace byte_bitmap_internal {

#if defined(__SSE2__)
// The high bit of each of the 16 bytes of v that is of `kinds`.
template <unsigned kinds>
inline __m128i KindBytes16(__m128i v) {
  __m128i in = _mm_setzero_si128();
  if constexpr ((kinds & kRunLetters) != 0) {
    // 'a'..'z' (after folding case) moved to -128..-103, below -102 as signed.
    const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i moved = _mm_add_epi8(folded, _mm_set1_epi8(static_cast<char>(0x80 - 'a')));
    in = _mm_or_si128(in, _mm_cmplt_epi8(moved, _mm_set1_epi8(static_cast<char>(-128 + 26))));
  }
  if constexpr ((kinds & kRunDigits) != 0) {
    const __m128i moved = _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - '0')));
    in = _mm_or_si128(in, _mm_cmplt_epi8(moved, _mm_set1_epi8(static_cast<char>(-128 + 10))));
  }
  if constexpr ((kinds & kRunUnderscore) != 0) {
    in = _mm_or_si128(in, _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
  }
  if constexpr ((kinds & kRunNonAscii) != 0) in = _mm_or_si128(in, v);
  return in;
}
#endif

// The bits of the 64 bytes at p that are of `kinds`, or (kinds == 0) that
// equal one of `bytes`. REQUIRES: 64 readable bytes at p.
template <unsigned kinds>
inline uint64_t Bits64(const char* p, std::string_view bytes) {
#if defined(__SSE2__)
  uint64_t bits = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    __m128i in;
    if constexpr (kinds == 0) {
      in = _mm_setzero_si128();
      for (char b : bytes) in = _mm_or_si128(in, _mm_cmpeq_epi8(v, _mm_set1_epi8(b)));
    } else {
      in = KindBytes16<kinds>(v);
    }
    bits |= uint64_t{static_cast<uint16_t>(_mm_movemask_epi8(in))} << (16 * k);
  }
  return bits;
#else
  uint64_t bits = 0;
  for (int i = 0; i < 64; ++i) {
    const bool in =
        kinds == 0 ? bytes.find(p[i]) != std::string_view::npos : IsRunByte<kinds>(p[i]);
    bits |= uint64_t{in} << i;
  }
  return bits;
#endif
}

template <unsigned kinds>
inline void Fill(std::string_view text, std::string_view bytes, std::vector<uint64_t>* out) {
  const size_t words = (text.size() + 63) / 64;
  out->resize(words);
  const size_t whole = text.size() / 64;
  for (size_t w = 0; w < whole; ++w) (*out)[w] = Bits64<kinds>(text.data() + 64 * w, bytes);
  if (whole < words) {
    // The last bytes, in a zero-padded block; the bits of the padding are
    // cleared.
    char tail[64] = {};
    std::memcpy(tail, text.data() + 64 * whole, text.size() - 64 * whole);
    uint64_t bits = Bits64<kinds>(tail, bytes);
    bits &= (uint64_t{1} << (text.size() - 64 * whole)) - 1;
    (*out)[whole] = bits;
  }
}

}  // namespace byte_bitmap_internal

// Sets *out to the bitmap of text's bytes that are of `kinds` (RunBytes
// bits, not 0).
template <unsigned kinds>
inline void KindBitmap(std::string_view text, std::vector<uint64_t>* out) {
  static_assert(kinds != 0);
  byte_bitmap_internal::Fill<kinds>(text, {}, out);
}

// Sets *out to the bitmap of text's bytes equal to c.
inline void ByteBitmap(std::string_view text, char c, std::vector<uint64_t>* out) {
  byte_bitmap_internal::Fill<0>(text, std::string_view(&c, 1), out);
}

// Sets *out to the bitmap of text's bytes equal to any byte of `bytes`
// (a few: each costs a comparison per 16 bytes).
inline void AnyByteBitmap(std::string_view text, std::string_view bytes,
                          std::vector<uint64_t>* out) {
  byte_bitmap_internal::Fill<0>(text, bytes, out);
}

// Keeps the bits that start a run: set, with the bit before clear (bit 0
// has no bit before).
inline void KeepRunStarts(std::vector<uint64_t>* bits) {
  uint64_t carry = 0;  // the top bit of the previous word
  for (uint64_t& w : *bits) {
    const uint64_t before = (w << 1) | carry;
    carry = w >> 63;
    w &= ~before;
  }
}

// The first set bit at or after pos, or bits.size() * 64 when none.
inline size_t NextSetBit(const std::vector<uint64_t>& bits, size_t pos) {
  size_t w = pos / 64;
  if (w >= bits.size()) return bits.size() * 64;
  uint64_t word = bits[w] & (~uint64_t{0} << (pos % 64));
  while (word == 0) {
    if (++w == bits.size()) return bits.size() * 64;
    word = bits[w];
  }
  return 64 * w + static_cast<size_t>(std::countr_zero(word));
}

// The first clear bit at or after pos, or bits.size() * 64 when none.
inline size_t NextClearBit(const std::vector<uint64_t>& bits, size_t pos) {
  size_t w = pos / 64;
  if (w >= bits.size()) return bits.size() * 64;
  uint64_t word = ~bits[w] & (~uint64_t{0} << (pos % 64));
  while (word == 0) {
    if (++w == bits.size()) return bits.size() * 64;
    word = ~bits[w];
  }
  return 64 * w + static_cast<size_t>(std::countr_zero(word));
}

}  // namespace claimgraph
