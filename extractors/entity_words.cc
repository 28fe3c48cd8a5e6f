#include "extractors/entity_words.h"

#include <algorithm>
#include <cstdint>

#include "engine/byte_bitmap.h"
#include "engine/byte_scan.h"

namespace claimgraph {

namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Decodes the character at text[pos]; kInvalid (length 1) for a byte that
// does not start a well-formed sequence.
char32_t Decode(std::string_view text, size_t pos, size_t* len) {
  auto b = static_cast<unsigned char>(text[pos]);
  *len = 1;
  if (b < 0x80) return b;
  size_t need = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0;
  if (need == 0 || b > 0xF4 || pos + need > text.size()) return kInvalid;
  char32_t cp = b & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
  for (size_t i = 1; i < need; ++i) {
    if (!IsContinuation(text[pos + i])) return kInvalid;
    cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
  }
  *len = need;
  return cp;
}

// Punctuation, symbols and spaces outside ASCII: Latin-1 signs, general
// punctuation, currency and letterlike symbols, arrows, maths, box drawing,
// dingbats, CJK and full-width punctuation, emoji.
bool IsNonAsciiPunct(char32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || cp == 0xFEFF || (cp >= 0xFF00 && cp <= 0xFF0F) ||
         (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0x1F000 && cp <= 0x1FAFF);
}

bool IsWordCodepoint(char32_t cp) {
  if (cp == kInvalid) return true;
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  return !IsNonAsciiPunct(cp);
}

bool IsUpperCodepoint(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x137) return cp % 2 == 0;
  if (cp >= 0x139 && cp <= 0x148) return cp % 2 == 1;
  if (cp >= 0x14A && cp <= 0x177) return cp % 2 == 0;
  if (cp == 0x178) return true;
  if (cp >= 0x179 && cp <= 0x17E) return cp % 2 == 1;
  return (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

// ASCII folds of U+00C0..U+00FF and U+0100..U+017F ('-' for the two signs).
constexpr std::string_view kLatin1Fold =
    "aaaaaaaceeeeiiiidnooooo-ouuuuytsaaaaaaaceeeeiiiidnooooo-ouuuuyty";
constexpr std::string_view kLatinExtAFold =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllll"
    "nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatin1Fold.size() == 0x40 && kLatinExtAFold.size() == 0x80);

// The slug form of one character: "" when it separates words.
std::string SlugChar(std::string_view text, size_t pos, size_t len, char32_t cp) {
  if (cp < 0x80) {
    char c = AsciiLower(static_cast<char>(cp));
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return std::string(1, c);
    return "";
  }
  if (!IsWordCodepoint(cp)) return "";
  char fold = '\0';
  if (cp >= 0xC0 && cp <= 0xFF) fold = kLatin1Fold[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) fold = kLatinExtAFold[cp - 0x100];
  if (fold == '-') return "";
  if (fold != '\0') return std::string(1, fold);
  return std::string(text.substr(pos, len));
}

}  // namespace

size_t CharLength(std::string_view text, size_t pos) {
  size_t len = 1;
  Decode(text, pos, &len);
  return len;
}

bool IsWordCharAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) return kAsciiBytes.alnum[b];
  size_t len = 1;
  return IsWordCodepoint(Decode(text, pos, &len));
}

bool IsWordCharBefore(std::string_view text, size_t pos) {
  if (pos == 0 || pos > text.size()) return false;
  size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && IsContinuation(text[start])) --start;
  size_t len = 1;
  char32_t cp = Decode(text, start, &len);
  if (start + len != pos) return true;  // a stray continuation byte
  return IsWordCodepoint(cp);
}

bool IsUpperAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  size_t len = 1;
  return IsUpperCodepoint(Decode(text, pos, &len));
}

size_t WordEnd(std::string_view text, size_t pos) {
  while (pos < text.size()) {
    auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      if (!kAsciiBytes.alnum[b]) break;
      ++pos;
      continue;
    }
    size_t len = 1;
    if (!IsWordCodepoint(Decode(text, pos, &len))) break;
    pos += len;
  }
  return pos;
}

namespace {

// FindWords' byte-by-byte reading from pos on, until pos reaches `stop`;
// returns where it ended (past `stop` when a character or word crossed it).
size_t FindWordsFrom(std::string_view text, size_t pos, size_t stop, std::vector<TextSpan>* words) {
  while (pos < stop) {
    auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80 ? !kAsciiBytes.alnum[b] : !IsWordCharAt(text, pos)) {
      pos += b < 0x80 ? 1 : CharLength(text, pos);
      continue;
    }
    // WordEnd, with its ASCII steps here: most words are ASCII to the end.
    size_t end = RunEnd<kRunLetters | kRunDigits>(text, pos);
    if (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) {
      end = WordEnd(text, end);
    }
    words->push_back({pos, end});
    pos = end;
  }
  return pos;
}

}  // namespace

std::vector<TextSpan> FindWords(std::string_view text) {
  std::vector<TextSpan> words;
  words.reserve(text.size() / 6);
  // No word holds or crosses an ASCII byte that is no letter or digit, so
  // the text falls into segments of letters, digits and non-ASCII bytes
  // (a bitmap) that are read one at a time. A segment of ASCII alone is
  // one word; the others, rare in English, are read byte by byte.
  std::vector<uint64_t> segment_bytes;
  std::vector<uint64_t> non_ascii;
  KindBitmap<kRunLetters | kRunDigits | kRunNonAscii>(text, &segment_bytes);
  KindBitmap<kRunNonAscii>(text, &non_ascii);
  size_t pos = 0;  // where the reading has got to
  size_t next_non_ascii = NextSetBit(non_ascii, 0);
  for (size_t start = NextSetBit(segment_bytes, 0); start < text.size();) {
    const size_t end = std::min(NextClearBit(segment_bytes, start), text.size());
    if (next_non_ascii < start) next_non_ascii = NextSetBit(non_ascii, start);
    if (pos <= start && next_non_ascii >= end) {
      words.push_back({start, end});
      pos = end;
    } else {
      // From where the reading is. Decode never takes an ASCII byte into a
      // character, so the reading ends each segment at its end and pos is
      // at most start here; max() keeps it right if that ever changed.
      pos = FindWordsFrom(text, std::max(pos, start), end, &words);
    }
    start = NextSetBit(segment_bytes, std::max(pos, end));
  }
  return words;
}

size_t PossessiveEnd(std::string_view text, size_t pos) {
  size_t s = std::string_view::npos;
  if (pos < text.size() && text[pos] == '\'') {
    s = pos + 1;
  } else if (text.substr(pos, 3) == "\xE2\x80\x99") {
    s = pos + 3;
  }
  if (s == std::string_view::npos || s >= text.size()) return pos;
  if (text[s] != 's' && text[s] != 'S') return pos;
  return IsWordCharAt(text, s + 1) ? pos : s + 1;
}

std::string Slug(std::string_view name) {
  std::string out;
  bool pending_dash = false;
  for (size_t pos = 0; pos < name.size();) {
    size_t len = 1;
    char32_t cp = Decode(name, pos, &len);
    std::string piece = SlugChar(name, pos, len, cp);
    pos += len;
    if (piece.empty()) {
      pending_dash = !out.empty();
      continue;
    }
    if (pending_dash) out.push_back('-');
    pending_dash = false;
    out += piece;
  }
  return out;
}

}  // namespace claimgraph
