#include "extractors/sentence_splitter.h"

#include <array>
#include <string>

#include "engine/byte_bitmap.h"
#include "extractors/ascii.h"

namespace claimgraph {

namespace {

constexpr std::array<std::string_view, 40> kAbbreviations = {
    "inc", "corp", "co",  "ltd", "plc", "mr",  "mrs",    "ms",   "dr",   "prof",
    "st",  "jr",   "sr",  "vs",  "no",  "nos", "approx", "est",  "dept", "jan",
    "feb", "mar",  "apr", "jun", "jul", "aug", "sep",    "sept", "oct",  "nov",
    "dec", "e.g",  "i.e", "u.s", "u.k", "fig", "ca",     "cf",   "etc",  "al"};

// The longest entry of kAbbreviations.
constexpr size_t kMaxAbbreviationBytes = 6;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// The word (letters and inner dots) that ends just before text[dot].
bool IsAbbreviation(std::string_view text, size_t dot) {
  size_t s = dot;
  // Looking further back than the longest abbreviation would only find a
  // longer word, which is none; stopping there keeps "a.a.a.a..." linear.
  while (s > 0 && dot - s <= kMaxAbbreviationBytes &&
         (IsAsciiAlpha(text[s - 1]) || text[s - 1] == '.')) {
    --s;
  }
  if (s == dot || dot - s > kMaxAbbreviationBytes) return false;
  if (dot - s == 1) return true;  // an initial: "J. Smith", "U.S"
  char lower[kMaxAbbreviationBytes];
  for (size_t i = s; i < dot; ++i) lower[i - s] = AsciiLower(text[i]);
  const std::string_view word(lower, dot - s);
  for (std::string_view a : kAbbreviations) {
    if (word == a) return true;
  }
  return false;
}

// Where the sentence that contains text[i] (a terminator) ends, or npos when
// the terminator does not end it.
size_t EndAfterTerminator(std::string_view text, size_t i) {
  char c = text[i];
  if (c == '.' && i > 0 && i + 1 < text.size() && IsAsciiDigit(text[i - 1]) &&
      IsAsciiDigit(text[i + 1])) {
    return std::string_view::npos;  // 3.2
  }
  if (c == '.' && IsAbbreviation(text, i)) return std::string_view::npos;
  size_t end = i + 1;
  while (end < text.size() && (text[end] == '"' || text[end] == '\'' || text[end] == ')' ||
                               text[end] == ']' || text[end] == '.')) {
    ++end;
  }
  // Closing curly quotes (U+201D, U+2019).
  while (end + 2 < text.size() && text[end] == '\xE2' && text[end + 1] == '\x80' &&
         (text[end + 2] == '\x9D' || text[end + 2] == '\x99')) {
    end += 3;
  }
  size_t next = end;
  while (next < text.size() && IsSpace(text[next])) ++next;
  if (next >= text.size() || text[next] == '\n') return end;
  if (next == end) return std::string_view::npos;  // "3.2x", "e.g.,"
  unsigned char n = static_cast<unsigned char>(text[next]);
  if (IsAsciiUpper(static_cast<char>(n)) || IsAsciiDigit(static_cast<char>(n)) || n == '"' ||
      n == '\'' || n == '(' || n >= 0x80) {
    return end;
  }
  return std::string_view::npos;
}

// Where to cut text[start, end) when it is longer than kMaxSentenceBytes:
// after the last space within the limit, else (one long word) at the last
// UTF-8 character boundary within it.
size_t CutPoint(std::string_view text, size_t start) {
  size_t cut = start + kMaxSentenceBytes;
  for (size_t i = cut; i > start + kMaxSentenceBytes / 2; --i) {
    if (IsSpace(text[i - 1])) return i;
  }
  while (cut > start + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

void Push(std::string_view text, size_t start, size_t end, std::vector<SentenceSpan>* out) {
  for (;;) {
    while (start < end && (IsSpace(text[start]) || text[start] == '\n')) ++start;
    size_t stop = end;
    while (stop > start && (IsSpace(text[stop - 1]) || text[stop - 1] == '\n')) --stop;
    if (stop <= start) return;
    if (stop - start <= kMaxSentenceBytes) {
      out->push_back({start, stop});
      return;
    }
    const size_t cut = CutPoint(text, start);
    size_t piece_end = cut;
    while (piece_end > start && IsSpace(text[piece_end - 1])) --piece_end;
    out->push_back({start, piece_end});
    start = cut;
  }
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text) {
  std::vector<SentenceSpan> out;
  // The bytes that may end a sentence, as a bitmap: the scan steps from one
  // to the next.
  std::vector<uint64_t> marks;
  AnyByteBitmap(text, ".\n!?", &marks);
  size_t start = 0;
  for (size_t i = NextSetBit(marks, 0); i < text.size(); i = NextSetBit(marks, i + 1)) {
    if (text[i] == '\n') {
      Push(text, start, i, &out);
      start = i + 1;
    } else {
      size_t end = EndAfterTerminator(text, i);
      if (end == std::string_view::npos) continue;
      Push(text, start, end, &out);
      start = end;
      i = end - 1;
    }
  }
  Push(text, start, text.size(), &out);
  return out;
}

}  // namespace claimgraph
