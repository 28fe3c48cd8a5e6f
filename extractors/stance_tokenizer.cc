#include "extractors/stance_tokenizer.h"

#include "engine/utf8.h"
#include "extractors/ascii.h"
#include "extractors/phrase_matcher.h"

namespace claimgraph {

namespace {

// Length of the apostrophe at text[i] (' or U+2019), 0 when there is none.
size_t ApostropheAt(std::string_view text, size_t i) {
  if (text[i] == '\'') return 1;
  if (text.substr(i, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

// Length of a typographic character at text[i] that is not part of a word:
// dashes (break), quotes, no-break space; 0 for anything else.
size_t TypographicAt(std::string_view text, size_t i, bool* is_break) {
  std::string_view rest = text.substr(i);
  *is_break = rest.substr(0, 3) == "\xE2\x80\x93" || rest.substr(0, 3) == "\xE2\x80\x94";
  if (*is_break) return 3;
  if (rest.substr(0, 2) == "\xC2\xA0") return 2;
  if (rest.substr(0, 2) == "\xE2\x80" && rest.size() >= 3) return 3;  // quotes, ellipsis...
  return 0;
}

bool IsBreakChar(char c) {
  return std::string_view(",;:.!?()[]").find(c) != std::string_view::npos;
}

}  // namespace

void TokenizeForStance(std::string_view s, StanceTokens* out) {
  std::string& bytes = out->bytes_;
  std::vector<StanceTokens::Token>& tokens = out->tokens_;
  tokens.clear();
  tokens.reserve(s.size() / 5 + 1);
  // Every byte read writes at most one byte (an apostrophe of three writes
  // one), so the buffer is sized once and written through a pointer; it is
  // cut to what was written at the end.
  bytes.resize(s.size());
  char* const buf = bytes.data();
  size_t n = 0;  // bytes written
  // The word being read is buf[word_begin, n).
  size_t word_begin = 0;
  auto word_size = [&] { return n - word_begin; };
  auto ends_with = [&](std::string_view tail) {
    return word_size() >= tail.size() &&
           std::string_view(buf + n - tail.size(), tail.size()) == tail;
  };
  auto push = [&](size_t begin, size_t size) {
    tokens.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(size), false});
  };
  // Ends the word: drops a possessive "'s" and splits off "n't".
  auto flush = [&] {
    if (word_size() == 0) return;
    // Each ending is tested only when the word ends in its last letter.
    if (buf[n - 1] == 's' && ends_with("'s")) n -= 2;
    if (word_size() > 3 && buf[n - 1] == 't' && ends_with("n't")) {
      push(word_begin, word_size() - 3);
      push(n - 3, 3);
    } else if (word_size() > 0) {
      push(word_begin, word_size());
    }
    word_begin = n;
  };
  auto emit_break = [&] {
    if (!tokens.empty() && !tokens.back().is_break) {
      tokens.push_back({static_cast<uint32_t>(n), 0, true});
    }
  };
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    // Fast paths for the two commonest bytes. An ASCII letter or digit
    // starts no apostrophe, typographic character or number separator, so
    // the general steps below would append it lower-cased, and so on to the
    // end of the run; a space only ends the word.
    if (IsAsciiAlnumByte(c)) {
      do buf[n++] = AsciiLowerByte(s[i++]);
      while (i < s.size() && IsAsciiAlnumByte(s[i]));
      continue;
    }
    if (c == ' ') {
      flush();
      ++i;
      continue;
    }
    bool is_break = false;
    size_t typo = TypographicAt(s, i, &is_break);
    size_t apos = ApostropheAt(s, i);
    bool in_number = (c == ',' || c == '.') && word_size() > 0 && IsAsciiDigit(buf[n - 1]) &&
                     i + 1 < s.size() && IsAsciiDigit(s[i + 1]);
    if (apos > 0 && word_size() > 0 && i + apos < s.size() && IsAsciiAlnum(s[i + apos])) {
      buf[n++] = '\'';
      i += apos;
    } else if (in_number) {
      buf[n++] = c;
      ++i;
    } else if (typo > 0) {
      flush();
      if (is_break) emit_break();
      i += typo;
    } else if (IsWordByte(c)) {
      buf[n++] = AsciiLowerByte(c);
      ++i;
    } else {
      bool free_hyphen =
          c == '-' && (word_size() == 0 || i + 1 >= s.size() || !IsWordByte(s[i + 1]));
      flush();
      if (IsBreakChar(c) || free_hyphen) emit_break();
      ++i;
    }
  }
  flush();
  bytes.resize(n);
}

std::vector<StanceToken> TokenizeForStance(std::string_view s) {
  StanceTokens tokens;
  TokenizeForStance(s, &tokens);
  std::vector<StanceToken> out;
  out.reserve(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    out.push_back({std::string(tokens.text(i)), tokens.is_break(i)});
  }
  return out;
}

}  // namespace claimgraph
