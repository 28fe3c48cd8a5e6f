#include "engine/utf8.h"

#include <algorithm>
#include <cstdint>

namespace claimgraph {

namespace {

// Length of the valid sequence starting at text[i], or 0 when invalid.
size_t ValidSequenceLength(std::string_view text, size_t i) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  uint8_t b0 = p[i];
  if (b0 < 0x80) return 1;
  size_t len;
  uint32_t min_cp;
  uint32_t cp;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, min_cp = 0x80, cp = b0 & 0x1Fu;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, min_cp = 0x800, cp = b0 & 0x0Fu;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, min_cp = 0x10000, cp = b0 & 0x07u;
  } else {
    return 0;
  }
  if (i + len > n) return 0;
  for (size_t k = 1; k < len; ++k) {
    uint8_t b = p[i + k];
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min_cp || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    // Fast path: eight ASCII bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      __builtin_memcpy(&word, text.data() + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    size_t len = ValidSequenceLength(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

size_t CodePointCount(std::string_view text, size_t byte_offset) {
  size_t count = 0;
  for (size_t i = 0; i < byte_offset && i < text.size(); ++i) {
    if ((static_cast<uint8_t>(text[i]) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string AsciiLowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsTermWord(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(),
                                   [](char c) { return IsWordByte(c) && !(c >= 'A' && c <= 'Z'); });
}

std::vector<std::string> FindTerms(std::string_view text,
                                   const std::vector<std::string>& vocabulary) {
  std::vector<std::string> found;
  if (vocabulary.empty()) return found;
  size_t shortest = vocabulary[0].size(), longest = 0;
  bool first_byte[256] = {};
  for (const std::string& v : vocabulary) {
    shortest = std::min(shortest, v.size());
    longest = std::max(longest, v.size());
    if (!v.empty()) first_byte[static_cast<unsigned char>(v[0])] = true;
  }
  std::string word;  // reused: no allocation per word
  for (size_t pos = 0; pos < text.size();) {
    if (!IsWordByteFast(text[pos])) {
      ++pos;
      continue;
    }
    const size_t start = pos;
    while (pos < text.size() && IsWordByteFast(text[pos])) ++pos;
    const size_t n = pos - start;
    if (n < shortest || n > longest) continue;
    char c = text[start];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!first_byte[static_cast<unsigned char>(c)]) continue;
    word.assign(text.data() + start, n);
    for (char& ch : word) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    if (std::binary_search(vocabulary.begin(), vocabulary.end(), word) &&
        std::find(found.begin(), found.end(), word) == found.end()) {
      found.push_back(word);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace claimgraph
