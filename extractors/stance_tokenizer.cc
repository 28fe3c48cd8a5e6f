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

// Appends a word, splitting off "n't" and dropping "'s".
void EmitWord(std::string word, std::vector<StanceToken>* out) {
  if (word.size() >= 2 && word.compare(word.size() - 2, 2, "'s") == 0) word.resize(word.size() - 2);
  if (word.size() > 3 && word.compare(word.size() - 3, 3, "n't") == 0) {
    out->push_back({word.substr(0, word.size() - 3), false});
    word = "n't";
  }
  if (!word.empty()) out->push_back({std::move(word), false});
}

bool IsBreakChar(char c) {
  return std::string_view(",;:.!?()[]").find(c) != std::string_view::npos;
}

void EmitBreak(std::vector<StanceToken>* out) {
  if (!out->empty() && !out->back().is_break) out->push_back({"", true});
}

}  // namespace

std::vector<StanceToken> TokenizeForStance(std::string_view s) {
  std::vector<StanceToken> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) EmitWord(std::move(word), &out);
    word.clear();
  };
  out.reserve(s.size() / 5 + 1);
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    // Fast paths for the two commonest bytes. An ASCII letter or digit
    // starts no apostrophe, typographic character or number separator, so
    // the general steps below would append it lower-cased, and so on to the
    // end of the run; a space only ends the word.
    if (IsAsciiAlnum(c)) {
      size_t end = i + 1;
      while (end < s.size() && IsAsciiAlnum(s[end])) ++end;
      const size_t old_size = word.size();
      word.append(s.substr(i, end - i));
      for (size_t k = old_size; k < word.size(); ++k) word[k] = AsciiLower(word[k]);
      i = end;
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
    bool in_number = (c == ',' || c == '.') && !word.empty() && IsAsciiDigit(word.back()) &&
                     i + 1 < s.size() && IsAsciiDigit(s[i + 1]);
    if (apos > 0 && !word.empty() && i + apos < s.size() && IsAsciiAlnum(s[i + apos])) {
      word.push_back('\'');
      i += apos;
    } else if (in_number) {
      word.push_back(c);
      ++i;
    } else if (typo > 0) {
      flush();
      if (is_break) EmitBreak(&out);
      i += typo;
    } else if (IsWordByte(c)) {
      word.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
      ++i;
    } else {
      bool free_hyphen = c == '-' && (word.empty() || i + 1 >= s.size() || !IsWordByte(s[i + 1]));
      flush();
      if (IsBreakChar(c) || free_hyphen) EmitBreak(&out);
      ++i;
    }
  }
  flush();
  return out;
}

}  // namespace claimgraph
