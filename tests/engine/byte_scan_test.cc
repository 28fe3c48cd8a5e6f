// The word-at-a-time byte tests agree with a byte-by-byte reference on
// every byte value at every position, and on words of mixed bytes.
#include "engine/byte_scan.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>

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

TEST_CASE("RunEnd finds the end of a run at every start in texts of every length", "[byte_scan]") {
  std::mt19937_64 random(7);
  const char bytes[] = {'a', 'Z', '0', '9', '_', ' ', '-', '@', '[', '`', '{', '/', ':', '\xC3'};
  constexpr unsigned kinds = kRunLetters | kRunUnderscore;
  constexpr unsigned word_kinds = kRunLetters | kRunDigits | kRunNonAscii;
  size_t long_runs = 0;
  for (size_t size = 0; size < 40; ++size) {
    for (int round = 0; round < 30; ++round) {
      std::string text;
      // Mostly letters, so that runs cross 8-byte steps.
      for (size_t i = 0; i < size; ++i) text += random() % 4 != 0 ? 'x' : bytes[random() % 14];
      for (size_t pos = 0; pos <= size; ++pos) {
        auto letter = [](unsigned char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        };
        size_t end = pos, word_end = pos;
        while (end < size && (letter(text[end]) || text[end] == '_')) ++end;
        while (word_end < size) {
          const auto c = static_cast<unsigned char>(text[word_end]);
          if (!letter(c) && !(c >= '0' && c <= '9') && c < 0x80) break;
          ++word_end;
        }
        INFO("text \"" << text << "\" at " << pos);
        CHECK(RunEnd<kinds>(text, pos) == end);
        CHECK(RunEnd<word_kinds>(text, pos) == word_end);
        long_runs += end - pos >= 9;
      }
    }
  }
  CHECK(long_runs > 100);
}

TEST_CASE("IsRunByte agrees with the byte-by-byte reference on every byte value", "[byte_scan]") {
  for (int value = 0; value < 256; ++value) {
    unsigned char b[8] = {};
    b[0] = static_cast<unsigned char>(value);
    const char c = static_cast<char>(value);
    INFO("byte " << value);
    CHECK(IsRunByte<kRunLetters | kRunUnderscore>(c) == (Run(b, kRunLetters | kRunUnderscore) > 0));
    CHECK(IsRunByte<kRunDigits | kRunNonAscii>(c) == (Run(b, kRunDigits | kRunNonAscii) > 0));
    CHECK(IsRunByte<kRunLetters | kRunDigits>(c) == (Run(b, kRunLetters | kRunDigits) > 0));
  }
}

}  // namespace claimgraph::byte_scan_test
