// Reading one quantity around a number: currency, unit, count noun, ranges.
#include <cmath>

#include "extractors/ascii.h"
#include "extractors/quantity_internal.h"

namespace claimgraph {

namespace {

bool IsLowerAlpha(char c) { return c >= 'a' && c <= 'z'; }

// A lower-case word (letters and inner hyphens) starting at p; empty if none.
std::string_view WordAt(std::string_view text, size_t p) {
  size_t e = p;
  while (e < text.size() &&
         (IsLowerAlpha(text[e]) ||
          (text[e] == '-' && e > p && e + 1 < text.size() && IsLowerAlpha(text[e + 1])))) {
    ++e;
  }
  if (e < text.size() && (IsAsciiAlnum(text[e]) || static_cast<unsigned char>(text[e]) >= 0x80)) {
    return {};  // "Nvidia", "naïve": not a plain lower-case word
  }
  return text.substr(p, e - p);
}

size_t SkipSpace(std::string_view text, size_t p) {
  while (p < text.size() && IsAsciiSpace(text[p])) ++p;
  return p;
}

// Length of an en dash or em dash (UTF-8) at p, or 1 for '-', else 0.
size_t DashAt(std::string_view text, size_t p) {
  if (p < text.size() && text[p] == '-') return 1;
  if (p + 2 < text.size() && text[p] == '\xE2' && text[p + 1] == '\x80' &&
      (text[p + 2] == '\x93' || text[p + 2] == '\x94')) {
    return 3;
  }
  return 0;
}

}  // namespace

bool QuantityRecognizer::Rep::ReadOne(std::string_view text, size_t pos, bool allow_glued,
                                      Draft* d) const {
  size_t s = pos;
  if (s > 0) {
    char c = text[s - 1];
    if (IsAsciiAlnum(c) || c == '_') {
      // Only a currency code may be glued on the left: "USD115", "EUR131m".
      if (!currency_prefix.EndingAt(text, s, false).found()) return false;
    } else if ((c == '-' || c == '/' || c == '.') && s > 1 && IsAsciiAlnum(text[s - 2])) {
      // "COVID-19", "1/4", "192.168": part of a token. "4-8" is read by
      // the range that starts at "4".
      if (!(allow_glued && c == '-')) return false;
    } else if (c == '-' && (s == 1 || IsAsciiSpace(text[s - 2]) || text[s - 2] == '(')) {
      s -= 1;  // a minus sign: the parser reads it
    }
  }
  ParsedNumber n;
  if (!numbers->ParseAt(text, s, ScaleContext::kPlain, &n)) return false;
  *d = Draft();
  d->number = n;
  d->num_start = d->start = n.start;
  d->num_end = d->end = n.end;
  if (!ReadCurrency(text, d)) ReadUnit(text, d);
  if (d->end < text.size() && IsAsciiAlnum(text[d->end])) return false;  // "3nm"
  if (d->number.vague) d->qualifier = Qualifier::kRange;
  // A lone spelled "one" or "a" is an article more often than a quantity, and
  // a vague "a couple" or "millions" means nothing without what it counts.
  if (!d->has_unit && d->number.spelled &&
      ((d->number.vague && d->type != MentionType::kCount) ||
       (!d->number.has_scale && std::fabs(d->number.value) < 2))) {
    return false;
  }
  return true;
}

bool QuantityRecognizer::Rep::ReadCurrency(std::string_view text, Draft* d) const {
  PhraseMatch pm = currency_prefix.EndingAt(text, d->num_start, true);
  if (pm.found()) {
    ParsedNumber mn;
    if (numbers->ParseAt(text, d->num_start, ScaleContext::kMoney, &mn)) d->number = mn;
    d->num_end = d->end = d->number.end;
    d->currency = pm.index;
    d->type = MentionType::kMoney;
    d->has_unit = true;
    d->start = pm.start;
    d->end = JoinSplitDecimal(text, d);
    if (pm.start > 0 && text[pm.start - 1] == '-' &&
        (pm.start == 1 || !IsAsciiAlnum(text[pm.start - 2]))) {
      d->sign = -1;  // "-$3.2 million"
      d->start = pm.start - 1;
    }
    return true;
  }
  ParsedNumber mn;
  if (numbers->ParseAt(text, d->num_start, ScaleContext::kMoney, &mn) && mn.end > d->num_end) {
    Draft alt = *d;
    alt.number = mn;
    alt.num_end = alt.end = mn.end;
    if (ReadSuffixCurrency(text, mn.end, &alt)) {
      *d = alt;
      return true;
    }
  }
  return ReadSuffixCurrency(text, d->num_end, d);
}

bool QuantityRecognizer::Rep::ReadSuffixCurrency(std::string_view text, size_t at, Draft* d) const {
  size_t dash = DashAt(text, at);
  PhraseMatch cm = dash == 1 ? currency_suffix.StartingAt(text, at + 1, false)
                             : currency_suffix.StartingAt(text, at, true);
  if (!cm.found() && (d->number.vague || d->number.has_scale)) {
    // "billions of dollars", "tens of billions of capex dollars"
    size_t p = SkipSpace(text, at);
    if (text.substr(p, 3) == "of ") {
      p = SkipSpace(text, p + 3);
      cm = currency_suffix.StartingAt(text, p, false);
      std::string_view w = cm.found() ? std::string_view() : WordAt(text, p);
      if (!w.empty()) cm = currency_suffix.StartingAt(text, p + w.size(), true);
    }
  }
  if (!cm.found()) return false;
  d->currency = cm.index / 2;
  d->minor = (cm.index % 2) == 1;
  d->type = MentionType::kMoney;
  d->has_unit = true;
  d->end = cm.end;
  if (!d->number.has_scale) {  // "75 USD million"
    size_t e;
    double f = ScaleAt(text, d->end, &e);
    if (f > 0) {
      d->number.value *= f;
      d->number.precision *= f;
      d->number.has_scale = true;
      d->end = e;
    }
  }
  return true;
}

double QuantityRecognizer::Rep::ScaleAt(std::string_view text, size_t at, size_t* end) const {
  PhraseMatch m = scales.StartingAt(text, at, true);
  if (!m.found()) return 0;
  *end = m.end;
  return kScaleFactors[m.index];
}

// "EUR131 .3 m": tokenized text splits a decimal from its integer part.
size_t QuantityRecognizer::Rep::JoinSplitDecimal(std::string_view text, Draft* d) const {
  size_t p = d->num_end;
  if (d->number.has_scale || p + 2 >= text.size() || text[p] != ' ' || text[p + 1] != '.' ||
      !IsAsciiDigit(text[p + 2])) {
    return d->end;
  }
  for (size_t k = d->num_start; k < p; ++k) {
    if (!IsAsciiDigit(text[k])) return d->end;  // only a bare integer part qualifies
  }
  double frac = 0;
  double unit = 1;
  size_t e = p + 2;
  while (e < text.size() && IsAsciiDigit(text[e])) {
    unit /= 10;
    frac += (text[e] - '0') * unit;
    ++e;
  }
  size_t scale_end = e;
  const double f = ScaleAt(text, e, &scale_end);
  // Letters right after the digits must be a scale word ("EUR131 .3m").
  if (f == 0 && e < text.size() && IsAsciiAlnum(text[e])) return d->end;
  d->number.value += frac;
  d->number.precision = unit / 2;
  d->num_end = e;
  if (f > 0) {
    d->number.value *= f;
    d->number.precision *= f;
    d->number.has_scale = true;
    e = scale_end;
  }
  return e;
}

void QuantityRecognizer::Rep::ReadUnit(std::string_view text, Draft* d) const {
  size_t dash = DashAt(text, d->num_end);
  PhraseMatch um = dash == 1 ? units.StartingAt(text, d->num_end + 1, false)
                             : units.StartingAt(text, d->num_end, true);
  if (um.found() && um.index == kUnitMultipleGlued && um.start != d->num_end) {
    um = PhraseMatch();
  }
  if (um.found()) {
    static constexpr MentionType kTypes[] = {MentionType::kPercent, MentionType::kPercentagePoints,
                                             MentionType::kBasisPoints, MentionType::kMultiple,
                                             MentionType::kMultiple};
    d->type = kTypes[um.index];
    d->has_unit = true;
    d->end = um.end;
    return;
  }
  if (PhraseMatch po = percent_of.EndingAt(text, d->num_start, true); po.found()) {
    d->type = MentionType::kPercent;  // "percent of 10"
    d->has_unit = true;
    d->start = po.start;
    return;
  }
  if (!ReadCount(text, d)) d->type = MentionType::kNumber;
}

bool QuantityRecognizer::Rep::ReadCount(std::string_view text, Draft* d) const {
  size_t p = d->num_end;
  if (p < text.size() && text[p] == '-') {
    ++p;  // "a 20-person team"
  } else {
    if (p >= text.size() || !IsAsciiSpace(text[p])) return false;
    p = SkipSpace(text, p);
  }
  if (d->number.vague && text.substr(p, 3) == "of ") p = SkipSpace(text, p + 3);
  std::string_view w1 = WordAt(text, p);
  if (w1.empty() || stopwords.count(std::string(w1))) return false;
  std::string_view unit = w1;
  size_t end = p + w1.size();
  // "two large AWS customers": modifiers before a plural noun.
  if (w1.back() != 's') {
    size_t q = end;
    for (int token = 0; token < 3 && q < text.size() && text[q] == ' '; ++token) {
      size_t t = q + 1;
      size_t e = t;
      while (e < text.size() && (IsAsciiAlnum(text[e]) || text[e] == '-')) ++e;
      std::string_view w = text.substr(t, e - t);
      if (w.empty() || stopwords.count(std::string(w))) break;
      if (w.size() > 2 && w.back() == 's' && WordAt(text, t) == w) {
        unit = w;
        end = e;
        break;
      }
      q = e;
    }
  }
  d->type = MentionType::kCount;
  d->count_unit = std::string(unit);
  d->end = end;
  return true;
}

void QuantityRecognizer::Rep::TryMinorTail(std::string_view text, Draft* d) const {
  if (d->type != MentionType::kMoney || d->minor || d->number.has_scale || d->number.vague ||
      d->number.value != std::floor(d->number.value)) {
    return;
  }
  const CurrencyEntry& c = currencies[static_cast<size_t>(d->currency)];
  if (c.minor_words.empty()) return;
  size_t p = SkipSpace(text, d->end);
  if (text.substr(p, 4) == "and ") p = SkipSpace(text, p + 4);
  ParsedNumber n;
  if (p == d->end || !numbers->ParseAt(text, p, ScaleContext::kPlain, &n) || n.has_scale ||
      n.value < 0 || n.value >= c.minor_per_major || n.value != std::floor(n.value)) {
    return;
  }
  PhraseMatch minor = currency_suffix.StartingAt(text, n.end, true);
  bool has_minor_word = minor.found() && minor.index == 2 * d->currency + 1;
  // "3 dollars 50 cents"; without the minor word only a spelled number
  // ("thirteen dollars forty five"), since "$5 and 10 others" is common.
  if (!has_minor_word && !n.spelled) return;
  size_t end = has_minor_word ? minor.end : n.end;
  if (end < text.size() && IsAsciiAlnum(text[end])) return;
  d->number.value += n.value / c.minor_per_major;
  d->number.precision = 0.5 / c.minor_per_major;
  d->end = end;
}

void QuantityRecognizer::Rep::TryRange(std::string_view text, Draft* d) const {
  if (d->number.vague || d->qualifier != Qualifier::kExact) return;
  PhraseMatch between_cue = between.EndingAt(text, d->start, true);
  size_t p = SkipSpace(text, d->end);
  size_t dash = DashAt(text, p);
  bool to = false;
  if (dash > 0) {
    p += dash;
  } else if (text.substr(p, 3) == "to ") {
    to = true;
    p += 2;
  } else if (between_cue.found() && text.substr(p, 4) == "and ") {
    p += 3;
  } else {
    return;
  }
  if (to && from.EndingAt(text, d->start, true).found()) return;  // a change
  p = SkipSpace(text, p);
  if (PhraseMatch cur = currency_prefix.StartingAt(text, p, false); cur.found()) {
    p = SkipSpace(text, cur.end);  // "$10-$20 million": read from the digits
  }
  Draft b;
  if (!ReadOne(text, p, /*allow_glued=*/true, &b) || b.number.vague) return;
  bool same = b.type == d->type && b.currency == d->currency && b.minor == d->minor &&
              b.count_unit == d->count_unit;
  bool bare = !d->has_unit && d->type == MentionType::kNumber;
  if (!same && !bare) return;
  double lo = d->number.value;
  if (!d->number.has_scale && b.number.has_scale && !b.number.spelled) {
    // "$10-$20 million": the scale of the second applies to the first.
    size_t e = b.num_start;
    while (e < b.num_end &&
           (IsAsciiDigit(text[e]) || text[e] == ',' || text[e] == '.' || text[e] == '-')) {
      ++e;
    }
    ParsedNumber bare_b;
    if (numbers->ParseAt(text.substr(0, e), b.num_start, ScaleContext::kPlain, &bare_b) &&
        bare_b.value != 0) {
      double factor = b.number.value / bare_b.value;
      lo *= factor;
      d->number.precision *= factor;
    }
  }
  if (lo > b.number.value) return;
  d->number.value = lo;
  d->range_high = b.number.value;
  d->qualifier = Qualifier::kRange;
  d->type = b.type;
  d->currency = b.currency;
  d->minor = b.minor;
  d->count_unit = b.count_unit;
  d->has_unit = b.has_unit;
  d->end = b.end;
  if (between_cue.found()) d->start = between_cue.start;
}

}  // namespace claimgraph
