#include "extractors/number_parser.h"

#include <cmath>

#include "extractors/digit_number.h"
#include "extractors/number_words.h"
#include "extractors/spelled_number.h"

namespace claimgraph {

struct NumberParser::Rep {
  NumberWords words;
};

namespace {

// Bytes of the sign at text[i]: '-', '+' or U+2212 MINUS SIGN; 0 if none.
size_t SignLen(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  if (text[i] == '-' || text[i] == '+') return 1;
  if (text.substr(i, 3) == "\xE2\x88\x92") return 3;
  return 0;
}

// A sign separated from its number ("- 1 4/5") is a sign only at the start
// of the text or after an opening bracket, '=' or ':'; elsewhere it is a
// dash or a list bullet.
bool DetachedSignAllowed(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (i == 0) return true;
  const char c = text[i - 1];
  return c == '(' || c == '[' || c == '{' || c == '=' || c == ':';
}

bool StartsNumber(std::string_view text, size_t i) {
  if (i >= text.size()) return false;
  const char c = text[i];
  return IsAsciiDigit(c) || IsAsciiAlpha(c) ||
         (c == '.' && i + 1 < text.size() && IsAsciiDigit(text[i + 1]));
}

// The unsigned number at text[i], digits or words.
bool ParseMagnitude(std::string_view text, size_t i, ScaleContext context, const NumberWords& words,
                    ParsedNumber* out) {
  if (i >= text.size()) return false;
  if (IsAsciiDigit(text[i]) || text[i] == '.') {
    return ScanDigitNumber(text, i, context, words, out);
  }
  if (!IsAsciiAlpha(text[i]) || (i > 0 && IsAsciiAlnum(text[i - 1]))) {
    return false;
  }
  return ParseSpelledNumber(text, i, words, out);
}

bool IsWholeCount(const ParsedNumber& n) {
  return !n.vague && n.value > 0 && n.value == std::floor(n.value);
}

// "one over three", "2000 over 3", "one out of three": a ratio, unless a
// word follows the denominator ("$2000 over 3 years", "5 out of 10
// analysts"), which makes it a count of something.
void ExtendRatio(std::string_view text, ScaleContext context, const NumberWords& words,
                 ParsedNumber* n) {
  if (!IsWholeCount(*n)) return;
  size_t i = SkipHSpace(text, n->end);
  if (i == n->end) return;
  if (MatchesWordAt(text, i, "over")) {
    i += 4;
  } else if (MatchesWordAt(text, i, "out")) {
    const size_t j = SkipHSpace(text, i + 3);
    if (j == i + 3 || !MatchesWordAt(text, j, "of")) return;
    i = j + 2;
  } else {
    return;
  }
  const size_t j = SkipHSpace(text, i);
  ParsedNumber den;
  if (j == i || !ParseMagnitude(text, j, context, words, &den) || !IsWholeCount(den)) {
    return;
  }
  const size_t after = SkipHSpace(text, den.end);
  if (after < text.size() && IsAsciiAlnum(text[after])) return;
  n->value /= den.value;
  n->low = n->high = n->value;
  n->precision = 0;
  n->spelled = n->spelled || den.spelled;
  n->end = den.end;
}

// A sign ('-', "minus", "negative") at text[pos]; sets *magnitude to where
// the number proper starts. Returns false when there is no usable sign.
bool ReadSign(std::string_view text, size_t pos, size_t* magnitude) {
  if (const size_t len = SignLen(text, pos); len > 0) {
    if (pos > 0 && IsAsciiAlnum(text[pos - 1])) return false;  // "SCP-173"
    const size_t i = SkipHSpace(text, pos + len);
    if (i != pos + len && !DetachedSignAllowed(text, pos)) return false;
    *magnitude = i;
    return true;
  }
  if (pos > 0 && IsAsciiAlnum(text[pos - 1])) return false;
  for (std::string_view word : {"minus", "negative"}) {
    if (!MatchesWordAt(text, pos, word)) continue;
    const size_t i = SkipHSpace(text, pos + word.size());
    if (i == pos + word.size()) return false;
    *magnitude = i;
    return true;
  }
  return false;
}

}  // namespace

NumberParser::NumberParser() : rep_(std::make_unique<Rep>()) {}
NumberParser::~NumberParser() = default;

bool NumberParser::ParseAt(std::string_view text, size_t pos, ScaleContext context,
                           ParsedNumber* out) const {
  size_t start = pos;
  bool negative = false;
  if (ReadSign(text, pos, &start)) {
    if (!StartsNumber(text, start)) return false;
    negative = text[pos] != '+';
  }
  ParsedNumber n;
  if (!ParseMagnitude(text, start, context, rep_->words, &n)) return false;
  if (start != pos && n.vague) return false;  // "minus hundreds"
  ExtendRatio(text, context, rep_->words, &n);
  n.start = pos;
  if (negative) {
    n.value = -n.value;
    n.low = n.high = n.value;
  }
  *out = n;
  return true;
}

std::vector<ParsedNumber> NumberParser::FindAll(std::string_view text) const {
  std::vector<ParsedNumber> found;
  const NumberWords& words = rep_->words;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const bool after_alnum = i > 0 && IsAsciiAlnum(text[i - 1]);
    bool candidate = false;
    if (IsAsciiDigit(c)) {
      candidate = !after_alnum;
    } else if (IsAsciiAlpha(c)) {
      const size_t e = AsciiWordEnd(text, i);
      candidate = !after_alnum && words.MaybeStarter(text.substr(i, e - i));
      if (!candidate) {
        i = e;
        continue;
      }
    } else {
      candidate = c == '.' || SignLen(text, i) > 0;
    }
    ParsedNumber n;
    if (candidate && ParseAt(text, i, ScaleContext::kPlain, &n) &&
        (n.end == text.size() || !IsAsciiAlnum(text[n.end]))) {
      found.push_back(n);
      i = n.end;
      continue;
    }
    if (IsAsciiAlnum(c)) {  // "180ml", "A320": skip the whole token
      while (i < text.size() && IsAsciiAlnum(text[i])) ++i;
    } else {
      ++i;
    }
  }
  return found;
}

}  // namespace claimgraph
