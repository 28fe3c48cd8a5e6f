// UTF-8 validation and offset helpers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph {

// Returns the byte offset of the first byte that does not start a valid UTF-8
// sequence (overlong forms, surrogates and code points past U+10FFFF are
// invalid), or std::string_view::npos when the whole text is valid.
size_t FindInvalidUtf8(std::string_view text);

// Number of code points in text[0, byte_offset).
// REQUIRES: text is valid UTF-8 and byte_offset <= text.size().
size_t CodePointCount(std::string_view text, size_t byte_offset);

// `text` with ASCII letters lower-cased; other bytes (UTF-8 included) kept.
std::string AsciiLowered(std::string_view text);

// The bytes of words as evidence terms see them: ASCII letters and digits,
// and every byte of a multi-byte UTF-8 sequence. "chip-maker" is two words.
constexpr bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}
// The same as a table, for the loops that read every byte of a text.
struct WordByteTable {
  bool is[256] = {};
  constexpr WordByteTable() {
    for (int b = 0; b < 256; ++b) is[b] = IsWordByte(static_cast<char>(b));
  }
};
inline constexpr WordByteTable kWordBytes;
inline bool IsWordByteFast(char c) { return kWordBytes.is[static_cast<unsigned char>(c)]; }
// Whether `w` can be an evidence term: non-empty, word bytes only, no ASCII
// capital letter.
bool IsTermWord(std::string_view w);
// The distinct words of `text` (maximal runs of word bytes, ASCII
// lower-cased) that `vocabulary` holds, sorted. REQUIRES: `vocabulary` is
// sorted.
std::vector<std::string> FindTerms(std::string_view text,
                                   const std::vector<std::string>& vocabulary);

}  // namespace claimgraph
