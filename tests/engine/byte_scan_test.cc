// The word-at-a-time byte tests agree with a byte-by-byte reference on
// every byte value at every position, and on words of mixed bytes.
#include "engine/byte_scan.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <random>

namespace claimgraph::byte_scan_test {

namespace {

// The 8 bytes of w in memory order.
void Bytes(uint64_t w, unsigned char out[8]) { std::memcpy(out, &w, 8); }

// The leading bytes of b of the kinds in `kinds`, byte by byte.
size_t Run(const unsigned char b[8], unsigned kinds) {
  auto of = [kinds](unsigned char c) {
    return ((kinds & kRunLetters) && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) ||
           ((kinds & kRunDigits) && c >= '0' && c <= '9') ||
           ((kinds & kRunUnderscore) && c == '_') || ((kinds & kRunNonAscii) && c >= 0x80);
  };
  size_t n = 0;
  while (n < 8 && of(b[n])) ++n;
  return n;
}

void CheckAgainstReference(uint64_t w) {
  unsigned char b[8];
  Bytes(w, b);
  bool has_quote = false, has_dot = false, below_1 = false, below_32 = false, below_128 = false;
  bool non_ascii = false;
  for (unsigned char c : b) {
    has_quote |= c == '"';
    has_dot |= c == '.';
    below_1 |= c < 1;
    below_32 |= c < 0x20;
    below_128 |= c < 0x80;
    non_ascii |= c >= 0x80;
  }
  INFO("word " << std::hex << w);
  CHECK(HasByte(w, '"') == has_quote);
  CHECK(HasByte(w, '.') == has_dot);
  CHECK(HasByteBelow(w, 1) == below_1);
  CHECK(HasByteBelow(w, 0x20) == below_32);
  CHECK(HasByteBelow(w, 0x80) == below_128);
  CHECK(HasNonAscii(w) == non_ascii);
  // The run counts, against a byte-by-byte count.
  char text[8];
  std::memcpy(text, b, 8);
  CHECK(RunBytesAt<kRunLetters>(text) == Run(b, kRunLetters));
  CHECK(RunBytesAt<kRunDigits>(text) == Run(b, kRunDigits));
  CHECK(RunBytesAt<kRunLetters | kRunUnderscore>(text) == Run(b, kRunLetters | kRunUnderscore));
  CHECK(RunBytesAt<kRunLetters | kRunDigits>(text) == Run(b, kRunLetters | kRunDigits));
  CHECK(RunBytesAt<kRunLetters | kRunDigits | kRunUnderscore>(text) ==
        Run(b, kRunLetters | kRunDigits | kRunUnderscore));
  CHECK(RunBytesAt<kRunLetters | kRunDigits | kRunNonAscii>(text) ==
        Run(b, kRunLetters | kRunDigits | kRunNonAscii));
}

}  // namespace

TEST_CASE("Byte tests find each byte value at each position", "[byte_scan]") {
  // Fillers that qualify for none of the tests ('a'), or for some (0xFF is
  // not ASCII; '.' equals one of the bytes looked for).
  for (int filler : {int{'a'}, int{'.'}, 0xFF, 0x21}) {
    for (int position = 0; position < 8; ++position) {
      for (int value = 0; value < 256; ++value) {
        unsigned char b[8];
        for (unsigned char& c : b) c = static_cast<unsigned char>(filler);
        b[position] = static_cast<unsigned char>(value);
        CheckAgainstReference(LoadWord(reinterpret_cast<const char*>(b)));
      }
    }
  }
}

TEST_CASE("Byte tests agree with the reference on mixed words", "[byte_scan]") {
  std::mt19937_64 random(42);
  // Bytes drawn from the edges of each test, where a borrow could mislead.
  const unsigned char edges[] = {0x00, 0x01, 0x1F, 0x20, 0x21, '"', '.', '-',  0x7F, 0x80,
                                 0x81, 0xC2, 0xFE, 0xFF, 'a',  'Z', '0', '9',  '/',  ':',
                                 '@',  'A',  '[',  '_',  '`',  'z', '{', 0xE1, 0xDA, 0xDF};
  for (int i = 0; i < 20000; ++i) {
    unsigned char b[8];
    for (unsigned char& c : b) c = edges[random() % sizeof edges];
    CheckAgainstReference(LoadWord(reinterpret_cast<const char*>(b)));
  }
}

}  // namespace claimgraph::byte_scan_test
