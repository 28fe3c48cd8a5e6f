// WordKeys: which words a scan must look at, told by a word's length and
// its first two bytes alone. A scan for a fixed set of words (number words,
// month names) marks the words of a text in a byte bitmap
// (engine/byte_bitmap.h), and FilterWordStarts drops every word whose key
// no listed word has, with no branch per word; the scan then tests only the
// few that are left. The test is a superset: a kept word may still be
// none of the listed ones, a dropped word never is one.
//
// Internal to extractors/. A WordKeys is built at compile time and read-only
// after; FilterWordStarts keeps no state.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace claimgraph {

class WordKeys {
 public:
  // Lengths from this one on share a key.
  static constexpr size_t kLongest = 15;

  // Keeps words of `length` bytes (kLongest or more: all lengths from
  // kLongest) whose first two bytes are a and b, case-insensitively; b may
  // be any byte that is no letter or digit when the word has one byte.
  constexpr void Add(size_t length, char a, char b) {
    const size_t key = Key(std::min(length, kLongest), Code(a), Code(b));
    bits_[key / 64] |= uint64_t{1} << (key % 64);
  }
  // The same for every length from `shortest` on.
  constexpr void AddFrom(size_t shortest, char a, char b) {
    for (size_t n = shortest; n <= kLongest; ++n) Add(n, a, b);
  }
  // Add(word.size(), word[0], word[1]). REQUIRES: word.size() >= 2.
  constexpr void AddWord(std::string_view word) { Add(word.size(), word[0], word[1]); }

  // Whether a word of `length` bytes starting with a and b may be listed.
  constexpr bool MayBe(size_t length, char a, char b) const {
    return MayBeCoded(length, Code(a), Code(b));
  }
  // The same with the bytes' codes (Code below).
  constexpr bool MayBeCoded(size_t length, unsigned a, unsigned b) const {
    const size_t key = Key(std::min(length, kLongest), a, b);
    return (bits_[key / 64] >> (key % 64)) & 1;
  }

  // A byte's code: letters (either case) 1-26, digits 27-36, any other
  // byte 0.
  static constexpr unsigned Code(char c) {
    const auto b = static_cast<unsigned char>(c);
    const unsigned folded = b | 0x20u;
    if (folded >= 'a' && folded <= 'z') return folded - 'a' + 1;
    if (b >= '0' && b <= '9') return b - '0' + 27;
    return 0;
  }

 private:
  static constexpr size_t kCodes = 37;  // Code's values
  // A pair's lengths share a 16-bit group: the table is 2.7 KB, small
  // enough to stay in the first-level cache beside the text.
  static constexpr size_t Key(size_t length, unsigned a, unsigned b) {
    return (a * kCodes + b) * (kLongest + 1) + length;
  }
  uint64_t bits_[(kCodes * kCodes * (kLongest + 1) + 63) / 64] = {};
};

// Clears the bits of *starts (word starts of text, a byte bitmap) whose
// word does not pass keys: the word's length is its run of set bits in
// `runs` from the start (a bitmap of the same text), and its first two
// bytes are the text's (the second 0 past the end).
// REQUIRES: starts->size() == runs.size() == (text.size() + 63) / 64.
void FilterWordStarts(std::string_view text, const std::vector<uint64_t>& runs,
                      const WordKeys& keys, std::vector<uint64_t>* starts);

}  // namespace claimgraph
