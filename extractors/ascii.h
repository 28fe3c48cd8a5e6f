// ASCII character classes, byte by byte: unlike <cctype> they ignore the
// locale and take a plain char (bytes of UTF-8 sequences are none of them).
// Shared by the scanners of extractors/ so that each does not carry its own.
#pragma once

#include <cstddef>
#include <string_view>

namespace claimgraph {

constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || IsAsciiUpper(c); }
constexpr bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }
constexpr bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
constexpr char AsciiLower(char c) {
  return IsAsciiUpper(c) ? static_cast<char>(c + ('a' - 'A')) : c;
}

// Whether text equals `lower` (lower-case ASCII, other bytes as they are),
// ignoring the case of the text's ASCII letters.
inline bool EqualsAsciiLower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (AsciiLower(text[i]) != lower[i]) return false;
  }
  return true;
}

// Whether text holds U+017F (long s) or U+212A (Kelvin sign), which RE2's
// Unicode case folding equates with 's' and 'k': a scan that folds ASCII
// only cannot stand in for a case-insensitive pattern on such text.
inline bool HasNonAsciiFoldsToAscii(std::string_view text) {
  return text.find("\xC5\xBF") != std::string_view::npos ||
         text.find("\xE2\x84\xAA") != std::string_view::npos;
}

// The same classes as 256-entry tables, for the loops that read every byte
// of a text: one load instead of a chain of compares.
struct AsciiByteTable {
  bool alnum[256] = {};
  bool space[256] = {};
  char lower[256] = {};
  // A byte as the phrase lists store it: lower-cased, any whitespace ' '.
  char phrase_key[256] = {};
  constexpr AsciiByteTable() {
    for (int b = 0; b < 256; ++b) {
      const char c = static_cast<char>(b);
      alnum[b] = IsAsciiAlnum(c);
      space[b] = IsAsciiSpace(c);
      lower[b] = AsciiLower(c);
      phrase_key[b] = IsAsciiSpace(c) ? ' ' : AsciiLower(c);
    }
  }
};
inline constexpr AsciiByteTable kAsciiBytes;

inline bool IsAsciiAlnumByte(char c) { return kAsciiBytes.alnum[static_cast<unsigned char>(c)]; }
inline bool IsAsciiSpaceByte(char c) { return kAsciiBytes.space[static_cast<unsigned char>(c)]; }
inline char AsciiLowerByte(char c) { return kAsciiBytes.lower[static_cast<unsigned char>(c)]; }
inline char PhraseKeyByte(char c) { return kAsciiBytes.phrase_key[static_cast<unsigned char>(c)]; }

}  // namespace claimgraph
