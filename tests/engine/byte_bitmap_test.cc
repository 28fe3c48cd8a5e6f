// The byte bitmaps agree with a byte-by-byte reference on every byte value,
// at every length around the 64-byte blocks, and the bit searches agree
// with a plain walk over the bits.
#include "engine/byte_bitmap.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace claimgraph::byte_bitmap_test {

namespace {

bool Bit(const std::vector<uint64_t>& bits, size_t i) { return (bits[i / 64] >> (i % 64)) & 1; }

// A text of every length up to 200 made from `alphabet` at random, and for
// every byte value a 130-byte text holding it at two places that move with
// the value (so that, over the values, both halves of the 64-byte blocks
// see every kind of byte).
std::vector<std::string> Texts(uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::string> texts;
  const std::string alphabet = "aZz_09.- \xC3\xA9@[`{/:";
  for (size_t n = 0; n <= 200; ++n) {
    std::string t;
    for (size_t i = 0; i < n; ++i) t += alphabet[rng() % alphabet.size()];
    texts.push_back(t);
  }
  for (int b = 0; b < 256; ++b) {
    std::string t(130, 'x');
    t[static_cast<size_t>(b) % 130] = static_cast<char>(b);
    t[(static_cast<size_t>(b) * 7 + 3) % 130] = static_cast<char>(b);
    texts.push_back(t);
  }
  return texts;
}

template <unsigned kinds>
void CheckKinds(const std::string& text) {
  std::vector<uint64_t> bits;
  KindBitmap<kinds>(text, &bits);
  REQUIRE(bits.size() == (text.size() + 63) / 64);
  for (size_t i = 0; i < text.size(); ++i) {
    INFO("kinds " << kinds << " byte " << static_cast<int>(static_cast<unsigned char>(text[i]))
                  << " at " << i);
    REQUIRE(Bit(bits, i) == IsRunByte<kinds>(text[i]));
  }
  for (size_t i = text.size(); i < bits.size() * 64; ++i) REQUIRE(!Bit(bits, i));
}

}  // namespace

TEST_CASE("Kind bitmaps agree with the byte-by-byte test", "[bytes]") {
  for (const std::string& text : Texts(7)) {
    CheckKinds<kRunLetters>(text);
    CheckKinds<kRunDigits>(text);
    CheckKinds<kRunUnderscore>(text);
    CheckKinds<kRunNonAscii>(text);
    CheckKinds<kRunLetters | kRunDigits | kRunUnderscore>(text);
    CheckKinds<kRunLetters | kRunDigits | kRunNonAscii>(text);
  }
}

TEST_CASE("Byte bitmaps mark exactly the bytes equal to one byte or to any of a few", "[bytes]") {
  for (const std::string& text : Texts(11)) {
    for (char c : {'.', '\0', 'x', '\xA9'}) {
      std::vector<uint64_t> bits;
      ByteBitmap(text, c, &bits);
      for (size_t i = 0; i < bits.size() * 64; ++i) {
        REQUIRE(Bit(bits, i) == (i < text.size() && text[i] == c));
      }
    }
    for (std::string_view set :
         {std::string_view(".\n!?"), std::string_view("Z_\xC3", 3), std::string_view("\0x", 2)}) {
      std::vector<uint64_t> bits;
      AnyByteBitmap(text, set, &bits);
      for (size_t i = 0; i < bits.size() * 64; ++i) {
        REQUIRE(Bit(bits, i) == (i < text.size() && set.find(text[i]) != std::string_view::npos));
      }
    }
  }
}

TEST_CASE("Run starts and bit searches agree with a walk over the bits", "[bytes]") {
  std::mt19937_64 rng(3);
  for (int round = 0; round < 300; ++round) {
    std::vector<uint64_t> bits(1 + rng() % 4);
    // Sparse, dense and random words, so runs cross word edges.
    for (uint64_t& w : bits) {
      const uint64_t r = rng();
      w = round % 3 == 0 ? r : round % 3 == 1 ? (r | rng()) : (r & rng() & rng());
    }
    std::vector<uint64_t> starts = bits;
    KeepRunStarts(&starts);
    const size_t n = bits.size() * 64;
    for (size_t i = 0; i < n; ++i) {
      REQUIRE(Bit(starts, i) == (Bit(bits, i) && (i == 0 || !Bit(bits, i - 1))));
    }
    for (size_t pos = 0; pos <= n + 70; ++pos) {
      size_t set = pos, clear = pos;
      while (set < n && !Bit(bits, set)) ++set;
      while (clear < n && Bit(bits, clear)) ++clear;
      REQUIRE(NextSetBit(bits, pos) == std::min(set, n));
      REQUIRE(NextClearBit(bits, pos) == std::min(clear, n));
    }
  }
}

}  // namespace claimgraph::byte_bitmap_test
