#include "extractors/spelled_number.h"

#include <cmath>

#include "extractors/word_fraction.h"

namespace claimgraph {

namespace {

bool IsSmallNumber(WordKind k) {
  return k == WordKind::kUnit || k == WordKind::kTeen || k == WordKind::kTens;
}

// Running state of EvalSpelledInteger: total of closed groups (each ended by
// a big scale) plus the open group's hundreds and sub-hundred parts.
struct IntegerState {
  double total = 0;
  double hundreds = 0;
  double small = 0;
  double group_unit = 1;  // place value of the open group's last word
  double tail_unit = 1;   // place value once the last group was scaled
  double last_big = 0;
  WordKind last = WordKind::kOf;  // kOf: nothing read yet
  bool has_scale = false;
};

// Applies a big scale word; false when it does not fit here.
bool ApplyBigScale(const WordToken& tok, IntegerState* s) {
  const double group = s->hundreds + s->small;
  if (group > 0) {
    if (s->last_big != 0 && tok.value() >= s->last_big) return false;
    s->total += group * tok.value();
    s->tail_unit = s->group_unit * tok.value();
    s->hundreds = s->small = 0;
  } else if (s->last == WordKind::kBigScale && tok.value() > s->last_big) {
    s->total *= tok.value();  // "three lakh crore", "two thousand million"
    s->tail_unit *= tok.value();
  } else {
    return false;
  }
  s->last_big = tok.value();
  return true;
}

// Applies a hundred, dozen or big scale word; false when it does not fit.
bool StepScale(const WordToken& tok, bool article, IntegerState* s) {
  if (article) s->small = 1;  // "a hundred", "a dozen", "a million"
  switch (tok.kind()) {
    case WordKind::kHundred:
      if (s->small <= 0 || s->small >= 100 || s->hundreds != 0) return false;
      s->hundreds = s->small * 100;
      s->small = 0;
      s->group_unit = 100;
      break;
    case WordKind::kDozen:
      if (s->small <= 0) return false;
      s->small *= 12;
      s->group_unit *= 12;
      break;
    default:
      if (!ApplyBigScale(tok, s)) return false;
  }
  s->has_scale = true;
  return true;
}

// Applies token k; false when the integer ends before it.
bool Step(const WordToken* t, size_t n, size_t k, IntegerState* s) {
  const WordToken& tok = t[k];
  const bool article = s->last == WordKind::kArticle;
  switch (tok.kind()) {
    case WordKind::kArticle:
      return k == 0 && k + 1 < n &&
             (t[k + 1].kind() == WordKind::kHundred || t[k + 1].kind() == WordKind::kBigScale ||
              t[k + 1].kind() == WordKind::kDozen);
    case WordKind::kUnit:
    case WordKind::kTeen:
    case WordKind::kTens: {
      const bool after_tens = tok.kind() == WordKind::kUnit && s->last == WordKind::kTens;
      if (article || (s->small != 0 && !after_tens)) return false;
      s->small += tok.value();
      s->group_unit = 1;
      return true;
    }
    case WordKind::kHundred:
    case WordKind::kDozen:
    case WordKind::kBigScale:
      return StepScale(tok, article, s);
    case WordKind::kAnd:
      return (s->last == WordKind::kHundred || s->last == WordKind::kBigScale ||
              s->last == WordKind::kDozen) &&
             k + 1 < n && IsSmallNumber(t[k + 1].kind());
    default:
      return false;
  }
}

// Digits spelled after "point": "zero three", "seventy-one", "eleven".
// Returns tokens used from t[k]; sets *fraction and the digit count.
size_t EvalDecimalWords(const WordToken* t, size_t n, size_t k, double* fraction, int* places) {
  double digits = 0;
  int count = 0;
  size_t i = k;
  while (i < n && count < 15) {
    const WordKind kind = t[i].kind();
    double v = t[i].value();
    if (kind == WordKind::kTens && i + 1 < n && t[i + 1].kind() == WordKind::kUnit) {
      v += t[++i].value();
    } else if (kind != WordKind::kZero && !IsSmallNumber(kind)) {
      break;
    }
    const int width = v >= 10 ? 2 : 1;
    digits = digits * (width == 2 ? 100 : 10) + v;
    count += width;
    ++i;
  }
  *fraction = digits / std::pow(10.0, count);
  *places = count;
  return i - k;
}

// The interval a vague head word stands for: "hundreds" [100, 1000],
// "dozens" [24, 144] (two dozen to a gross), "several" [3, 9], "few"
// [2, 5], "a couple" [2, 3]. False when t[k] is no vague head.
bool VagueHead(const WordInfo& head, bool article, double* low, double* high) {
  if (!article && head.kind == WordKind::kVague) {
    *low = head.value, *high = head.value * 10;
  } else if (!article && head.kind == WordKind::kDozen && head.plural) {
    *low = 24, *high = 144;
  } else if (!article && head.kind == WordKind::kSeveral) {
    *low = 3, *high = 9;
  } else if (head.kind == WordKind::kFew) {
    *low = 2, *high = 5;
  } else if (article && head.kind == WordKind::kCouple) {
    *low = 2, *high = 3;
  } else {
    return false;
  }
  return true;
}

// Multiplies the interval by the rising singular scales at t[i..]
// ("several hundred million"). Returns the end.
size_t ScaleChain(const WordToken* t, size_t n, size_t i, double* low, double* high) {
  for (double last = 0; i < n && !t[i].info->plural &&
                        (t[i].kind() == WordKind::kHundred || t[i].kind() == WordKind::kBigScale ||
                         t[i].kind() == WordKind::kDozen) &&
                        t[i].value() > last;
       ++i) {
    last = t[i].value();
    *low *= last, *high *= last;
  }
  return i;
}

// "tens of billions", "hundreds", "several hundred", "a few thousand",
// "dozens", "a couple of million". Returns tokens used, 0 if not vague.
size_t ParseVague(const WordToken* t, size_t n, double* low, double* high) {
  const bool article = t[0].kind() == WordKind::kArticle;
  const size_t k = article ? 1 : 0;
  if (k >= n) return 0;
  const WordInfo& head = *t[k].info;
  if (!VagueHead(head, article, low, high)) return 0;
  size_t i = k + 1;
  if (head.kind == WordKind::kVague || head.kind == WordKind::kDozen) {
    // "of <plural scale>" chains: "hundreds of thousands of millions".
    while (i + 1 < n && t[i].kind() == WordKind::kOf && t[i + 1].kind() == WordKind::kVague &&
           t[i + 1].value() >= 1e3) {
      *low *= t[i + 1].value(), *high *= t[i + 1].value();
      i += 2;
    }
    return head.value == 10 && i == k + 1 ? 0 : i;  // bare "tens" is not
  }
  // A count word needs scales after it, except "a couple (of)".
  const bool couple = head.kind == WordKind::kCouple;
  const size_t of = couple && i + 1 < n && t[i].kind() == WordKind::kOf ? 1 : 0;
  const size_t e = ScaleChain(t, n, i + of, low, high);
  if (e > i + of) return e;
  return couple ? i : 0;
}

// The integer at t[0..] with an optional "point ..." decimal and, after a
// decimal, one big scale ("two point five million"). Returns tokens used.
size_t ParseIntegerWords(const WordToken* t, size_t n, double* value, double* unit,
                         bool* has_scale) {
  SpelledInteger integer;
  size_t used;
  if (t[0].kind() == WordKind::kZero) {
    used = 1;
  } else {
    used = EvalSpelledInteger(t, n, &integer);
    if (used == 0) return 0;
  }
  *value = integer.value, *unit = integer.unit, *has_scale = integer.has_scale;
  if (used + 1 < n && t[used].kind() == WordKind::kPoint) {
    double fraction = 0;
    int places = 0;
    const size_t digits = EvalDecimalWords(t, n, used + 1, &fraction, &places);
    if (digits > 0) {
      *value += fraction;
      *unit = std::pow(10.0, -places);
      used += 1 + digits;
      if (used < n && t[used].kind() == WordKind::kBigScale && !t[used].info->plural &&
          !integer.big_scale) {
        *value *= t[used].value(), *unit *= t[used].value();
        *has_scale = true;
        ++used;
      }
    }
  }
  return used;
}

// Fills *r from a vague magnitude at t[0..n); false when there is none.
bool ReadVague(const WordToken* t, size_t n, ParsedNumber* r) {
  double low = 0, high = 0;
  const size_t used = ParseVague(t, n, &low, &high);
  if (used == 0) return false;
  r->end = t[used - 1].end;
  r->value = r->low = low;
  r->high = high;
  r->precision = (high - low) / 2;
  r->vague = r->has_scale = true;
  return true;
}

// Fills *r from the longer of the fraction and the integer (or decimal) at
// t[0..n); false when neither reads.
bool ReadExact(std::string_view text, const WordToken* t, size_t n, ParsedNumber* r) {
  double fraction = 0, value = 0, unit = 1;
  bool has_scale = false;
  const size_t frac_used = ParseWordFraction(text, t, n, &fraction);
  const size_t int_used = ParseIntegerWords(t, n, &value, &unit, &has_scale);
  if (frac_used == 0 && int_used == 0) return false;
  if (frac_used >= int_used) {
    r->end = t[frac_used - 1].end;
    r->value = fraction;
    r->precision = 0;
    r->has_scale = t[frac_used - 1].kind() != WordKind::kOrdinal;
  } else {
    // "twenty-second" is an ordinal, not the number twenty.
    if (int_used < n && t[int_used].kind() == WordKind::kOrdinal && t[int_used].hyphen_before) {
      return false;
    }
    r->end = t[int_used - 1].end;
    r->value = value;
    r->precision = unit / 2;
    r->has_scale = has_scale;
  }
  r->low = r->high = r->value;
  return true;
}

}  // namespace

size_t EvalSpelledInteger(const WordToken* t, size_t n, SpelledInteger* out) {
  IntegerState s;
  size_t used = 0;
  for (size_t k = 0; k < n && Step(t, n, k, &s); ++k) {
    s.last = t[k].kind();
    used = k + 1;
  }
  if (used == 0 || s.last == WordKind::kArticle || s.last == WordKind::kAnd) {
    return 0;
  }
  const bool open = s.hundreds + s.small > 0;
  out->value = s.total + s.hundreds + s.small;
  out->unit = open ? s.group_unit : s.tail_unit;
  out->has_scale = s.has_scale;
  out->big_scale = s.last_big != 0;
  return used;
}

bool EvalWholeInteger(const WordToken* t, size_t n, double* value) {
  if (n == 1 && t[0].kind() == WordKind::kArticle) {
    *value = 1;
    return true;
  }
  double sum = 0;
  size_t k = 0;
  while (k < n) {
    SpelledInteger part;
    const size_t used = EvalSpelledInteger(t + k, n - k, &part);
    if (used == 0) return false;
    sum += part.value;
    k += used;
    if (k < n) {
      if (t[k].kind() != WordKind::kAnd || k + 1 == n) return false;
      ++k;
    }
  }
  *value = sum;
  return n > 0;
}

bool ParseSpelledNumber(std::string_view text, size_t pos, const NumberWords& words,
                        ParsedNumber* out) {
  WordToken t[kMaxNumberWords];
  const size_t n = TokenizeNumberWords(text, pos, words, t, kMaxNumberWords);
  if (n == 0) return false;
  ParsedNumber r;
  r.start = pos;
  r.spelled = true;
  if (!ReadVague(t, n, &r) && !ReadExact(text, t, n, &r)) return false;
  *out = r;
  return true;
}

}  // namespace claimgraph
