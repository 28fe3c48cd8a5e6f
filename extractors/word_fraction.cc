#include "extractors/word_fraction.h"

#include <initializer_list>

#include "extractors/spelled_number.h"

namespace claimgraph {

namespace {

bool IsSmall(WordKind k) {
  return k == WordKind::kUnit || k == WordKind::kTeen || k == WordKind::kTens;
}

bool IsScaleWord(const WordToken& t) {
  return t.kind() == WordKind::kHundred || (t.kind() == WordKind::kBigScale && !t.info->plural);
}

bool IsCompoundableOrdinal(OrdinalClass c) {
  return c == OrdinalClass::kUnit || c == OrdinalClass::kTeen || c == OrdinalClass::kTens;
}

// Start of the multiplier ending just before t[m]: "ninety-five", "twelve".
// Returns m when there is none.
size_t MultiplierStart(const WordToken* t, size_t m) {
  if (m >= 2 && t[m - 1].kind() == WordKind::kUnit && t[m - 2].kind() == WordKind::kTens) {
    return m - 2;
  }
  if (m >= 1 && IsSmall(t[m - 1].kind())) return m - 1;
  return m;
}

double SumValues(const WordToken* t, size_t from, size_t to) {
  double sum = 0;
  for (size_t i = from; i < to; ++i) sum += t[i].value();
  return sum;
}

struct Denominator {
  size_t start;  // first token of the denominator
  double value;
};

// The longest ordinal compound ending at t[o]: "twenty-fifth", "one hundred
// and fifth", "one thousand fifths", "twenty-five hundredths".
Denominator GreedyDenominator(const WordToken* t, size_t o) {
  const WordInfo& ord = *t[o].info;
  size_t j = o;
  double d = ord.value;
  if (ord.ordinal == OrdinalClass::kUnit && j > 0 && t[j - 1].kind() == WordKind::kTens) {
    d += t[--j].value();
  }
  if (ord.ordinal == OrdinalClass::kScale) {
    const size_t m = MultiplierStart(t, j);
    if (m < j) d *= SumValues(t, m, j), j = m;
  } else if (IsCompoundableOrdinal(ord.ordinal)) {
    size_t k = j;
    if (k > 0 && t[k - 1].kind() == WordKind::kAnd) --k;
    if (k > 0 && IsScaleWord(t[k - 1]) && t[k - 1].value() > d) {
      const size_t m = MultiplierStart(t, k - 1);
      d += t[k - 1].value() * (m < k - 1 ? SumValues(t, m, k - 1) : 1);
      j = m;
    }
  }
  return {j, d};
}

// When the greedy denominator left no numerator: the words after the first
// scale word ("one hundred | thirty fifths"), else the ordinal alone.
Denominator FallbackDenominator(const WordToken* t, size_t o) {
  const WordInfo& ord = *t[o].info;
  for (size_t s = 0; s < o; ++s) {
    if (!IsScaleWord(t[s])) continue;
    if (s + 2 == o && t[s + 1].kind() == WordKind::kTens && ord.ordinal == OrdinalClass::kUnit) {
      return {s + 1, t[s + 1].value() + ord.value};
    }
    break;
  }
  return {o, ord.value};
}

// Numerator t[0..m) over d, with the mixed-number rule for "and". Sets
// *numerator to the part that sits over the denominator.
bool Resolve(const WordToken* t, size_t m, double d, double* value, double* numerator) {
  size_t last_and = m;
  for (size_t i = 0; i < m; ++i) {
    if (t[i].kind() == WordKind::kAnd) last_and = i;
  }
  if (last_and == m || last_and == 0) {
    if (!EvalWholeInteger(t, m, numerator)) return false;
    *value = *numerator / d;
    return true;
  }
  double whole = 0, part = 0;
  if (!EvalWholeInteger(t, last_and, &whole) ||
      !EvalWholeInteger(t + last_and + 1, m - last_and - 1, &part)) {
    return false;
  }
  if (part < d) {
    *value = whole + part / d, *numerator = part;
  } else {
    *value = (whole + part) / d, *numerator = whole + part;
  }
  return true;
}

// True when the word just before text[pos] is one of `list`.
bool PrecededByWord(std::string_view text, size_t pos,
                    std::initializer_list<std::string_view> list) {
  size_t e = pos;
  while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  size_t b = e;
  while (b > 0 && IsAsciiAlnum(text[b - 1])) --b;
  if (b == e) return false;
  for (std::string_view w : list) {
    if (e - b == w.size() && MatchesWordAt(text, b, w)) return true;
  }
  return false;
}

bool IsFractionPrefix(const WordToken& t) {
  const WordKind k = t.kind();
  return IsSmall(k) || k == WordKind::kAnd || k == WordKind::kArticle || IsScaleWord(t);
}

// "one and a half million", "half a dozen": a scale after half or quarter.
size_t ApplyScaleTail(const WordToken* t, size_t n, size_t o, double* v) {
  const OrdinalClass c = t[o].info->ordinal;
  if (c != OrdinalClass::kHalf && c != OrdinalClass::kQuarter) return o + 1;
  size_t k = o + 1;
  if (k + 1 < n && t[k].kind() == WordKind::kArticle) ++k;
  if (k < n && !t[k].info->plural && (IsScaleWord(t[k]) || t[k].kind() == WordKind::kDozen)) {
    *v *= t[k].value();
    return k + 1;
  }
  return o + 1;
}

// The value of the numerator words t[0..o) over the ordinal t[o]; false
// when they make no fraction.
bool NumeratorOverOrdinal(std::string_view text, const WordToken* t, size_t o, double* value) {
  const WordInfo& ord = *t[o].info;
  Denominator den = GreedyDenominator(t, o);
  if (den.start == 0 || t[den.start - 1].kind() == WordKind::kAnd) {
    den = FallbackDenominator(t, o);
  }
  if (den.start == 0 || t[den.start - 1].kind() == WordKind::kAnd) return false;
  if (den.start == o && ord.ordinal == OrdinalClass::kUnit && ord.value <= 2) {
    return false;  // "a first class seat", "one second"
  }
  double numerator = 0;
  if (!Resolve(t, den.start, den.value, value, &numerator)) return false;
  if (!ord.plural && numerator != 1) return false;
  return ord.ordinal != OrdinalClass::kQuarter ||
         (numerator < 4 &&
          !PrecededByWord(text, t[0].start,
                          {"last", "past", "next", "previous", "prior", "first", "consecutive",
                           "straight", "recent", "coming", "following", "successive", "final"}));
}

}  // namespace

size_t ParseWordFraction(std::string_view text, const WordToken* t, size_t n, double* value) {
  size_t o = 0;
  while (o < n && t[o].kind() != WordKind::kOrdinal) {
    if (!IsFractionPrefix(t[o])) return 0;
    ++o;
  }
  if (o == n) return 0;
  double v = 0;
  if (o == 0) {  // bare "half", but not "the first half"
    const WordInfo& ord = *t[0].info;
    if (ord.ordinal != OrdinalClass::kHalf || ord.plural ||
        PrecededByWord(text, t[0].start,
                       {"first", "second", "other", "latter", "back", "front", "1st", "2nd"})) {
      return 0;
    }
    v = 0.5;
  } else if (!NumeratorOverOrdinal(text, t, o, &v)) {
    return 0;
  }
  const size_t used = ApplyScaleTail(t, n, o, &v);
  *value = v;
  return used;
}

}  // namespace claimgraph
