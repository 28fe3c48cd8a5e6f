#include "extractors/number_words.h"

#include <cassert>

#include "extractors/ascii.h"

namespace claimgraph {

namespace {

struct Entry {
  const char* word;
  WordKind kind;
  double value;
};

constexpr Entry kCardinals[] = {
    {"zero", WordKind::kZero, 0},         {"nought", WordKind::kZero, 0},
    {"naught", WordKind::kZero, 0},       {"one", WordKind::kUnit, 1},
    {"two", WordKind::kUnit, 2},          {"three", WordKind::kUnit, 3},
    {"four", WordKind::kUnit, 4},         {"five", WordKind::kUnit, 5},
    {"six", WordKind::kUnit, 6},          {"seven", WordKind::kUnit, 7},
    {"eight", WordKind::kUnit, 8},        {"nine", WordKind::kUnit, 9},
    {"ten", WordKind::kTeen, 10},         {"eleven", WordKind::kTeen, 11},
    {"twelve", WordKind::kTeen, 12},      {"thirteen", WordKind::kTeen, 13},
    {"fourteen", WordKind::kTeen, 14},    {"fifteen", WordKind::kTeen, 15},
    {"sixteen", WordKind::kTeen, 16},     {"seventeen", WordKind::kTeen, 17},
    {"eighteen", WordKind::kTeen, 18},    {"nineteen", WordKind::kTeen, 19},
    {"twenty", WordKind::kTens, 20},      {"thirty", WordKind::kTens, 30},
    {"forty", WordKind::kTens, 40},       {"fifty", WordKind::kTens, 50},
    {"sixty", WordKind::kTens, 60},       {"seventy", WordKind::kTens, 70},
    {"eighty", WordKind::kTens, 80},      {"ninety", WordKind::kTens, 90},
    {"a", WordKind::kArticle, 1},         {"an", WordKind::kArticle, 1},
    {"tens", WordKind::kVague, 10},       {"hundreds", WordKind::kVague, 1e2},
    {"thousands", WordKind::kVague, 1e3}, {"millions", WordKind::kVague, 1e6},
    {"billions", WordKind::kVague, 1e9},  {"trillions", WordKind::kVague, 1e12},
    {"several", WordKind::kSeveral, 0},   {"few", WordKind::kFew, 0},
    {"couple", WordKind::kCouple, 0},
};

// Words that continue a number but never start one.
constexpr Entry kContinuations[] = {
    {"hundred", WordKind::kHundred, 1e2},
    {"thousand", WordKind::kBigScale, 1e3},
    {"million", WordKind::kBigScale, 1e6},
    {"billion", WordKind::kBigScale, 1e9},
    {"trillion", WordKind::kBigScale, 1e12},
    {"lakh", WordKind::kBigScale, 1e5},
    {"lakhs", WordKind::kBigScale, 1e5},
    {"crore", WordKind::kBigScale, 1e7},
    {"crores", WordKind::kBigScale, 1e7},
    {"dozen", WordKind::kDozen, 12},
    {"dz", WordKind::kDozen, 12},
    {"doz", WordKind::kDozen, 12},
    {"and", WordKind::kAnd, 0},
    {"point", WordKind::kPoint, 0},
    {"of", WordKind::kOf, 0},
};

struct OrdinalEntry {
  const char* singular;
  const char* plural;
  OrdinalClass cls;
  double value;
};

constexpr OrdinalEntry kOrdinals[] = {
    {"first", "firsts", OrdinalClass::kUnit, 1},
    {"second", "seconds", OrdinalClass::kUnit, 2},
    {"third", "thirds", OrdinalClass::kUnit, 3},
    {"fourth", "fourths", OrdinalClass::kUnit, 4},
    {"fifth", "fifths", OrdinalClass::kUnit, 5},
    {"sixth", "sixths", OrdinalClass::kUnit, 6},
    {"seventh", "sevenths", OrdinalClass::kUnit, 7},
    {"eighth", "eighths", OrdinalClass::kUnit, 8},
    {"ninth", "ninths", OrdinalClass::kUnit, 9},
    {"tenth", "tenths", OrdinalClass::kTeen, 10},
    {"eleventh", "elevenths", OrdinalClass::kTeen, 11},
    {"twelfth", "twelfths", OrdinalClass::kTeen, 12},
    {"thirteenth", "thirteenths", OrdinalClass::kTeen, 13},
    {"fourteenth", "fourteenths", OrdinalClass::kTeen, 14},
    {"fifteenth", "fifteenths", OrdinalClass::kTeen, 15},
    {"sixteenth", "sixteenths", OrdinalClass::kTeen, 16},
    {"seventeenth", "seventeenths", OrdinalClass::kTeen, 17},
    {"eighteenth", "eighteenths", OrdinalClass::kTeen, 18},
    {"nineteenth", "nineteenths", OrdinalClass::kTeen, 19},
    {"twentieth", "twentieths", OrdinalClass::kTens, 20},
    {"thirtieth", "thirtieths", OrdinalClass::kTens, 30},
    {"fortieth", "fortieths", OrdinalClass::kTens, 40},
    {"fiftieth", "fiftieths", OrdinalClass::kTens, 50},
    {"sixtieth", "sixtieths", OrdinalClass::kTens, 60},
    {"seventieth", "seventieths", OrdinalClass::kTens, 70},
    {"eightieth", "eightieths", OrdinalClass::kTens, 80},
    {"ninetieth", "ninetieths", OrdinalClass::kTens, 90},
    {"hundredth", "hundredths", OrdinalClass::kScale, 1e2},
    {"thousandth", "thousandths", OrdinalClass::kScale, 1e3},
    {"millionth", "millionths", OrdinalClass::kScale, 1e6},
    {"billionth", "billionths", OrdinalClass::kScale, 1e9},
    {"trillionth", "trillionths", OrdinalClass::kScale, 1e12},
    {"half", "halves", OrdinalClass::kHalf, 2},
    {"quarter", "quarters", OrdinalClass::kQuarter, 4},
};

// Sign words are parsed by NumberParser itself but must pass the filter.
constexpr const char* kOtherStarters[] = {"minus", "negative", "half"};

uint32_t HashLower(std::string_view word) {
  uint32_t h = 2166136261u;
  for (char c : word) {
    h ^= static_cast<unsigned char>(AsciiLower(c));
    h *= 16777619u;
  }
  return h;
}

int LetterIndex(char c) { return AsciiLower(c) - 'a'; }

}  // namespace

size_t HSpaceLen(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  const char c = text[i];
  if (c == ' ' || c == '\t') return 1;
  const auto b0 = static_cast<unsigned char>(c);
  if (b0 == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    return 2;
  }
  if (b0 == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    if (b2 == 0x89 || b2 == 0xAF) return 3;
  }
  return 0;
}

size_t SkipHSpace(std::string_view text, size_t i) {
  for (size_t len = HSpaceLen(text, i); len != 0; len = HSpaceLen(text, i)) {
    i += len;
  }
  return i;
}

size_t AsciiWordEnd(std::string_view text, size_t i) {
  while (i < text.size() && IsAsciiAlpha(text[i])) ++i;
  return i;
}

bool MatchesWordAt(std::string_view text, size_t i, std::string_view word) {
  if (i + word.size() > text.size() || !EqualsAsciiLower(text.substr(i, word.size()), word)) {
    return false;
  }
  const size_t e = i + word.size();
  return e == text.size() || !IsAsciiAlnum(text[e]);
}

NumberWords::NumberWords() {
  for (const Entry& e : kCardinals) Add(e.word, {e.kind, e.value}, true);
  for (const Entry& e : kContinuations) Add(e.word, {e.kind, e.value}, false);
  Add("dozens", {WordKind::kDozen, 12, true}, true);
  Add("dzs", {WordKind::kDozen, 12, true}, false);
  Add("dozs", {WordKind::kDozen, 12, true}, false);
  for (const OrdinalEntry& o : kOrdinals) {
    Add(o.singular, {WordKind::kOrdinal, o.value, false, o.cls}, false);
    Add(o.plural, {WordKind::kOrdinal, o.value, true, o.cls}, false);
  }
  for (const char* w : kOtherStarters) AddStarterKey(w);
}

void NumberWords::Add(std::string_view word, WordInfo info, bool starter) {
  assert(word.size() < sizeof(Slot::key));
  size_t i = HashLower(word) % kSlots;
  while (slots_[i].len != 0) i = (i + 1) % kSlots;
  Slot& s = slots_[i];
  word.copy(s.key, word.size());
  s.len = static_cast<uint8_t>(word.size());
  s.info = info;
  if (starter) AddStarterKey(word);
}

void NumberWords::AddStarterKey(std::string_view word) {
  const int second = word.size() > 1 ? LetterIndex(word[1]) : 26;
  starter_lengths_[LetterIndex(word[0])][second] |= static_cast<uint16_t>(1u << word.size());
}

const WordInfo* NumberWords::Lookup(std::string_view word) const {
  if (word.empty() || word.size() >= sizeof(Slot::key)) return nullptr;
  for (size_t i = HashLower(word) % kSlots; slots_[i].len != 0; i = (i + 1) % kSlots) {
    const Slot& s = slots_[i];
    if (s.len != word.size()) continue;
    size_t k = 0;
    while (k < word.size() && AsciiLower(word[k]) == s.key[k]) ++k;
    if (k == word.size()) return &s.info;
  }
  return nullptr;
}

bool NumberWords::MaybeStarter(std::string_view word) const {
  if (word.empty() || word.size() > 15 || !IsAsciiAlpha(word[0])) return false;
  int second = 26;
  if (word.size() > 1) {
    if (!IsAsciiAlpha(word[1])) return false;
    second = LetterIndex(word[1]);
  }
  return (starter_lengths_[LetterIndex(word[0])][second] >> word.size()) & 1u;
}

size_t TokenizeNumberWords(std::string_view text, size_t pos, const NumberWords& words,
                           WordToken* out, size_t max) {
  size_t count = 0;
  size_t i = pos;
  bool hyphen = false;
  while (count < max) {
    const size_t e = AsciiWordEnd(text, i);
    if (e == i || (e < text.size() && IsAsciiDigit(text[e]))) break;
    const WordInfo* info = words.Lookup(text.substr(i, e - i));
    if (info == nullptr) break;
    out[count++] = WordToken{info, i, e, hyphen};
    // The separator: spaces, or one hyphen with optional spaces around it.
    size_t j = SkipHSpace(text, e);
    hyphen = j < text.size() && text[j] == '-';
    if (hyphen) j = SkipHSpace(text, j + 1);
    if (j == e) break;
    i = j;
  }
  return count;
}

}  // namespace claimgraph
