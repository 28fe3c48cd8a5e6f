#include "extractors/digit_number.h"

#include <charconv>
#include <cmath>

namespace claimgraph {

namespace {

bool DigitAt(std::string_view text, size_t i) { return i < text.size() && IsAsciiDigit(text[i]); }

size_t DigitRunEnd(std::string_view text, size_t i) {
  while (DigitAt(text, i)) ++i;
  return i;
}

// The digits of a number without its separators, parsed by from_chars so
// that "9.2321312" rounds exactly as written.
class DigitBuffer {
 public:
  bool Append(std::string_view text, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      if (!IsAsciiDigit(text[i])) continue;
      if (len_ == sizeof(buf_)) return false;
      buf_[len_++] = text[i];
    }
    return true;
  }
  bool Point() {
    if (len_ == sizeof(buf_)) return false;
    buf_[len_++] = '.';
    return true;
  }
  double Value() const {
    double v = 0;
    std::from_chars(buf_, buf_ + len_, v);
    return v;
  }

 private:
  char buf_[64] = {};
  size_t len_ = 0;
};

// "192.168.1.2", "3/4/2020": a run inside a dotted or slashed sequence,
// whose parts are separate numbers.
bool InSequence(std::string_view text, size_t pos, size_t run_end, char sep) {
  if (pos >= 2 && text[pos - 1] == sep && IsAsciiDigit(text[pos - 2])) {
    return true;
  }
  if (run_end >= text.size() || text[run_end] != sep) return false;
  const size_t e = DigitRunEnd(text, run_end + 1);
  return e > run_end + 1 && e + 1 < text.size() && text[e] == sep && IsAsciiDigit(text[e + 1]);
}

// Three digits at i not followed by another digit (nor by '/' for spaces,
// which would make "2 1/4" a mixed fraction).
bool GroupAt(std::string_view text, size_t i, bool space) {
  if (!DigitAt(text, i) || !DigitAt(text, i + 1) || !DigitAt(text, i + 2)) {
    return false;
  }
  if (DigitAt(text, i + 3)) return false;
  return !space || i + 3 >= text.size() || text[i + 3] != '/';
}

// End of the "<sep>ddd" groups starting at i; i when there are none.
size_t Groups(std::string_view text, size_t i, std::string_view sep, bool space) {
  while (text.substr(i, sep.size()) == sep && GroupAt(text, i + sep.size(), space)) {
    i += sep.size() + 3;
  }
  return i;
}

// Indian grouping after a 1-2 digit lead: ",dd" groups then ",ddd".
size_t IndianGroups(std::string_view text, size_t i) {
  size_t e = i;
  while (e + 3 < text.size() && text[e] == ',' && DigitAt(text, e + 1) && DigitAt(text, e + 2) &&
         text[e + 3] == ',') {
    e += 3;
  }
  if (e > i && text[e] == ',' && GroupAt(text, e + 1, false)) return e + 4;
  return i;
}

// End of the integer part with its group separators.
size_t IntegerPartEnd(std::string_view text, size_t pos, size_t run_end) {
  const size_t len = run_end - pos;
  if (len > 3 || text[pos] == '0') return run_end;
  size_t e = Groups(text, run_end, ",", false);
  if (e == run_end && len <= 2) e = IndianGroups(text, run_end);
  if (e == run_end) {
    const size_t sp = HSpaceLen(text, run_end);
    if (sp > 1 || (sp == 1 && text[run_end] == ' ')) {
      e = Groups(text, run_end, text.substr(run_end, sp), true);
    }
  }
  return e;
}

// "5,00", "1,3": a comma decimal, unless the number is part of a list
// ("22,24,26,31"). Returns the end of the decimals, or i.
size_t CommaDecimalEnd(std::string_view text, size_t pos, size_t i) {
  if (i >= text.size() || text[i] != ',') return i;
  const size_t e = DigitRunEnd(text, i + 1);
  if (e == i + 1 || e - i - 1 > 2) return i;
  if (e < text.size() && text[e] == ',' && DigitAt(text, e + 1)) return i;
  if (pos >= 2 && text[pos - 1] == ',' && IsAsciiDigit(text[pos - 2])) return i;
  return e;
}

// Parses the integer of [from, to) (digits only) exactly.
double RunValue(std::string_view text, size_t from, size_t to) {
  DigitBuffer b;
  if (!b.Append(text, from, to)) return std::nan("");
  return b.Value();
}

struct Mantissa {
  size_t end = 0;
  double value = 0;
  int decimals = 0;
  bool plain = true;  // an integer without separators
};

bool ReadMantissa(std::string_view text, size_t pos, Mantissa* m) {
  DigitBuffer b;
  size_t i = pos;
  if (text[pos] != '.') {
    const size_t run_end = DigitRunEnd(text, pos);
    if (InSequence(text, pos, run_end, '.') || InSequence(text, pos, run_end, '/')) {
      m->end = run_end;
      m->plain = false;
      m->value = RunValue(text, pos, run_end);
      return !std::isnan(m->value);
    }
    i = IntegerPartEnd(text, pos, run_end);
    m->plain = i == run_end;
    if (!b.Append(text, pos, i)) return false;
    if (const size_t e = CommaDecimalEnd(text, pos, i); e != i) {
      if (!b.Point() || !b.Append(text, i, e)) return false;
      m->decimals = static_cast<int>(e - i - 1);
      m->plain = false;
      i = e;
    }
  } else if (pos > 0 && IsAsciiDigit(text[pos - 1])) {
    return false;
  }
  if (m->decimals == 0 && i + 1 < text.size() && text[i] == '.' && DigitAt(text, i + 1)) {
    const size_t e = DigitRunEnd(text, i + 1);
    if (!b.Point() || !b.Append(text, i + 1, e)) return false;
    m->decimals = static_cast<int>(e - i - 1);
    m->plain = false;
    i = e;
  }
  if (i == pos) return false;
  m->end = i;
  m->value = b.Value();
  return true;
}

// "e10", "E+14", "e-1" at i. Returns the end, or i when absent.
size_t ExponentEnd(std::string_view text, size_t i, int* exponent) {
  if (i >= text.size() || (text[i] != 'e' && text[i] != 'E')) return i;
  size_t j = i + 1;
  const bool negative = j < text.size() && text[j] == '-';
  if (j < text.size() && (text[j] == '-' || text[j] == '+')) ++j;
  const size_t e = DigitRunEnd(text, j);
  if (e == j || e - j > 3 || (e < text.size() && IsAsciiAlpha(text[e]))) return i;
  const int v = static_cast<int>(RunValue(text, j, e));
  *exponent = negative ? -v : v;
  return e;
}

// "^23", "^-1", "^--23" at i. Returns the end, or i when absent.
size_t PowerEnd(std::string_view text, size_t i, double* power) {
  if (i >= text.size() || text[i] != '^') return i;
  size_t j = i + 1;
  bool negative = false;
  for (; j < text.size() && (text[j] == '-' || text[j] == '+'); ++j) {
    if (text[j] == '-') negative = !negative;
  }
  Mantissa m;
  if (!DigitAt(text, j) || !ReadMantissa(text, j, &m)) return i;
  *power = negative ? -m.value : m.value;
  return m.end;
}

// "/4" at i with a non-zero denominator. Returns the end, or i.
size_t SlashEnd(std::string_view text, size_t i, double* denominator) {
  if (i >= text.size() || text[i] != '/') return i;
  const size_t e = DigitRunEnd(text, i + 1);
  if (e == i + 1) return i;
  *denominator = RunValue(text, i + 1, e);
  return *denominator > 0 ? e : i;
}

// "1 4/5", "2  1/4": a proper fraction after spaces. Returns the end, or i.
size_t MixedFractionEnd(std::string_view text, size_t i, double* fraction) {
  size_t j = i;
  while (j < text.size() && text[j] == ' ') ++j;
  if (j == i || !DigitAt(text, j)) return i;
  const size_t num_end = DigitRunEnd(text, j);
  double den = 0;
  const size_t e = SlashEnd(text, num_end, &den);
  if (e == num_end || DigitAt(text, e) || (e < text.size() && text[e] == '/')) {
    return i;
  }
  const double num = RunValue(text, j, num_end);
  if (!(num < den)) return i;
  *fraction = num / den;
  return e;
}

bool OrdinalSuffixAt(std::string_view text, size_t i) {
  if (i + 2 > text.size()) return false;
  const char a = AsciiLower(text[i]), b = AsciiLower(text[i + 1]);
  const bool suffix = (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
                      (a == 't' && b == 'h');
  return suffix && (i + 2 == text.size() || !IsAsciiAlnum(text[i + 2]));
}

// Scale abbreviations after a number; 0 when `w` is none here.
double SuffixScale(std::string_view w, bool glued, ScaleContext context) {
  const bool money = context == ScaleContext::kMoney;
  if (w == "k" || w == "K") return 1e3;
  if (w == "M" || w == "MM") return 1e6;
  if (w == "G") return 1e9;
  if (w == "m" || w == "mm") return money ? 1e6 : 0;
  if (w == "b" || w == "B") return glued || money ? 1e9 : 0;
  if (w == "T") return glued || money ? 1e12 : 0;
  if (w == "t") return money ? 1e12 : 0;
  struct Abbrev {
    std::string_view word;
    double scale;
  };
  static constexpr Abbrev kAbbrevs[] = {{"mn", 1e6},   {"mln", 1e6}, {"mil", 1e6}, {"mio", 1e6},
                                        {"bn", 1e9},   {"bln", 1e9}, {"bil", 1e9}, {"tn", 1e12},
                                        {"tln", 1e12}, {"trn", 1e12}};
  for (const Abbrev& a : kAbbrevs) {
    if (w.size() != a.word.size()) continue;
    size_t k = 0;
    while (k < w.size() && AsciiLower(w[k]) == a.word[k]) ++k;
    if (k == w.size()) return a.scale;
  }
  return 0;
}

// A scale word (any case) that may follow a number: hundred, thousand,
// million, lakh(s), crore(s), dozen(s). 0 when `w` is none.
double ScaleWord(std::string_view w, const NumberWords& words) {
  const WordInfo* info = words.Lookup(w);
  if (info == nullptr) return 0;
  const WordKind k = info->kind;
  const bool scale = k == WordKind::kHundred || k == WordKind::kBigScale || k == WordKind::kDozen;
  return scale ? info->value : 0;
}

// The scale after a number at i ("10k", "2.33 k", "2 million", "3 lakh
// crore"). Returns its end and sets *scale, or returns i.
size_t ScaleEnd(std::string_view text, size_t i, ScaleContext context, const NumberWords& words,
                double* scale) {
  size_t j = SkipHSpace(text, i);
  size_t e = AsciiWordEnd(text, j);
  if (e == j || DigitAt(text, e)) return i;
  std::string_view w = text.substr(j, e - j);
  double s = SuffixScale(w, j == i, context);
  if (s == 0) s = ScaleWord(w, words);
  if (s == 0) return i;
  for (double last = s;;) {  // larger scale words multiply: "lakh crore"
    j = SkipHSpace(text, e);
    const size_t e2 = AsciiWordEnd(text, j);
    if (j == e || e2 == j || DigitAt(text, e2)) break;
    const double next = ScaleWord(text.substr(j, e2 - j), words);
    if (next <= last || next == 12) break;
    s *= next, last = next, e = e2;
  }
  *scale = s;
  return e;
}

// Applies what may follow the mantissa at *i: an exponent, a power, a
// fraction or a mixed fraction. False for an ordinal suffix ("4th").
bool ApplyTail(std::string_view text, const Mantissa& m, ParsedNumber* r, size_t* i) {
  int exponent = 0;
  double power = 0, fraction = 0, denominator = 0;
  size_t e = *i;
  if (e = ExponentEnd(text, *i, &exponent); e != *i) {
    r->value *= std::pow(10.0, exponent);
    r->precision *= std::pow(10.0, exponent);
  } else if (e = PowerEnd(text, *i, &power); e != *i) {
    r->value = std::pow(r->value, power);
    r->precision = 0;
  } else if (m.plain && (e = SlashEnd(text, *i, &denominator)) != *i) {
    r->value /= denominator;
    r->precision = 0;
  } else if (m.plain && (e = MixedFractionEnd(text, *i, &fraction)) != *i) {
    r->value += fraction;
    r->precision = 0;
  } else if (OrdinalSuffixAt(text, *i)) {
    return false;
  }
  *i = e;
  return true;
}

}  // namespace

bool ScanDigitNumber(std::string_view text, size_t pos, ScaleContext context,
                     const NumberWords& words, ParsedNumber* out) {
  Mantissa m;
  if (pos >= text.size() || !ReadMantissa(text, pos, &m)) return false;
  ParsedNumber r;
  r.start = pos;
  r.value = m.value;
  r.precision = 0.5 * std::pow(10.0, -m.decimals);
  size_t i = m.end;
  if (!ApplyTail(text, m, &r, &i) || !std::isfinite(r.value)) return false;
  double scale = 1;
  if (const size_t e = ScaleEnd(text, i, context, words, &scale); e != i) {
    r.value *= scale;
    r.precision *= scale;
    r.has_scale = true;
    i = e;
  }
  r.end = i;
  r.low = r.high = r.value;
  *out = r;
  return true;
}

}  // namespace claimgraph
