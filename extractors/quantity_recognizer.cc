#include "extractors/quantity_recognizer.h"

#include <algorithm>
#include <cmath>

#include "extractors/number_candidates.h"
#include "extractors/quantity_internal.h"

namespace claimgraph {

namespace {

struct ScaleWord {
  const char* word;
  double factor;
};

constexpr ScaleWord kScaleWords[] = {
    {"thousand", 1e3},  {"k", 1e3},   {"million", 1e6}, {"mn", 1e6},   {"mln", 1e6}, {"mil", 1e6},
    {"m", 1e6},         {"mm", 1e6},  {"billion", 1e9}, {"bn", 1e9},   {"bln", 1e9}, {"b", 1e9},
    {"trillion", 1e12}, {"tn", 1e12}, {"tln", 1e12},    {"trn", 1e12},
};

bool ContainsChar(std::string_view s, char c) { return s.find(c) != s.npos; }

}  // namespace

const double kScaleFactors[] = {1e3, 1e3, 1e6, 1e6, 1e6,  1e6,  1e6,  1e6,
                                1e9, 1e9, 1e9, 1e9, 1e12, 1e12, 1e12, 1e12};

QuantityRecognizer::QuantityRecognizer() : rep_(std::make_unique<Rep>()) {}
QuantityRecognizer::~QuantityRecognizer() = default;

Result<std::unique_ptr<QuantityRecognizer>> QuantityRecognizer::Create(
    const QuantityLexicon& lexicon, const NumberParser& numbers) {
  std::unique_ptr<QuantityRecognizer> qr(new QuantityRecognizer());
  Rep& r = *qr->rep_;
  r.numbers = &numbers;
  r.candidates = std::make_unique<RE2>(kNumberCandidatePattern);
  if (!r.candidates->ok()) {
    return Status::InvalidArgument("candidate pattern: " + r.candidates->error());
  }
  r.currencies = lexicon.currencies;
  for (size_t i = 0; i < r.currencies.size(); ++i) {
    const CurrencyEntry& c = r.currencies[i];
    int id = static_cast<int>(i);
    r.currency_prefix.AddAll(c.prefixes, id);
    r.currency_suffix.AddAll(c.codes, 2 * id);
    r.currency_suffix.AddAll(c.words, 2 * id);
    r.currency_suffix.AddAll(c.minor_words, 2 * id + 1);
    for (const std::string& p : c.prefixes) {  // "100 €": symbols go after too
      if (std::none_of(p.begin(), p.end(), [](char ch) { return IsAsciiAlnum(ch); })) {
        r.currency_suffix.Add(p, 2 * id);
      }
    }
  }
  for (const char* p : {"%", "percent", "percents", "per cent", "pct", "percentage"}) {
    r.units.Add(p, kUnitPercent);
  }
  for (const char* p :
       {"percentage points", "percentage point", "percentage-point", "percentage-points", "pp",
        "ppt", "ppts", "% points", "% point", "%-points", "%-point", "points of percentage"}) {
    r.units.Add(p, kUnitPercentagePoints);
  }
  for (const char* p :
       {"basis points", "basis point", "basis-point", "basis-points", "bp", "bps", "bsp"}) {
    r.units.Add(p, kUnitBasisPoints);
  }
  for (const char* p : {"times", "fold", "-fold"}) r.units.Add(p, kUnitMultiple);
  r.units.Add("x", kUnitMultipleGlued);
  for (size_t i = 0; i < std::size(kScaleWords); ++i) {
    r.scales.Add(kScaleWords[i].word, static_cast<int>(i));
  }
  const QualifierCues& q = lexicon.qualifiers;
  r.approx.AddAll(q.approx, 0);
  r.approx_below.AddAll(q.approx_below, 0);
  r.at_least.AddAll(q.at_least, 0);
  r.at_most.AddAll(q.at_most, 0);
  r.at_least_suffix.AddAll(q.at_least_suffix, 0);
  r.at_most_suffix.AddAll(q.at_most_suffix, 0);
  r.negative.AddAll(q.negative, 0);
  for (const char* p : {"percent of", "percents of", "per cent of", "percentage of"}) {
    r.percent_of.Add(p, 0);
  }
  r.between.Add("between", 0);
  r.articles.Add("a", 0);
  r.articles.Add("an", 0);
  for (const char* p : {"at",  "of",  "to",  "with", "by",         "for",       "from",   "in",
                        "on",  "is",  "was", "are",  "were",       "be",        "been",   "reached",
                        "hit", "has", "had", "have", "generating", "generates", "running"}) {
    r.before_article_cue.Add(p, 0);
  }
  r.from.Add("from", 0);
  r.stopwords.insert(lexicon.count_stopwords.begin(), lexicon.count_stopwords.end());
  r.approx_width = lexicon.approx_width;
  return qr;
}

void QuantityRecognizer::Recognize(std::string_view text, std::vector<Mention>* out) const {
  const Rep& r = *rep_;
  const size_t first = out->size();
  // The hand-written scan, or the pattern itself for the rare text it does
  // not cover.
  std::optional<NumberCandidateScan> scan;
  if (NumberCandidateScanApplies(text)) scan.emplace(text);
  const re2::StringPiece input(text.data(), text.size());
  const auto next = [&](size_t from) -> std::optional<NumberCandidate> {
    if (scan) return scan->Next(from);
    re2::StringPiece match;
    if (!r.candidates->Match(input, from, text.size(), RE2::UNANCHORED, &match, 1)) {
      return std::nullopt;
    }
    const size_t start = static_cast<size_t>(match.data() - text.data());
    return NumberCandidate{start, start + match.size()};
  };
  size_t pos = 0;
  std::optional<NumberCandidate> c;
  while (pos < text.size() && (c = next(pos))) {
    size_t s = c->start;
    Draft d;
    if (!r.ReadOne(text, s, /*allow_glued=*/false, &d)) {
      // Skip the rest of the token so "MI300X" is not retried digit by digit.
      size_t e = s + std::max<size_t>(c->end - c->start, 1);
      while (e < text.size() && IsAsciiAlnum(text[e])) ++e;
      pos = e;
      continue;
    }
    r.TryMinorTail(text, &d);
    r.TryRange(text, &d);
    r.ApplyQualifiers(text, &d);
    out->push_back(r.ToMention(d));
    pos = std::max(d.end, s + 1);
  }
  // "1.7 bln euro ( $ 2.182 bln )": the second is an equivalent of the first.
  for (size_t i = first + 1; i < out->size(); ++i) {
    Mention& cur = (*out)[i];
    const Mention& prev = (*out)[i - 1];
    if (cur.type != MentionType::kMoney || prev.type != MentionType::kMoney) continue;
    if (cur.start < prev.end) continue;
    std::string_view gap = text.substr(prev.end, cur.start - prev.end);
    size_t open = gap.find('(');
    if (open == gap.npos) continue;
    bool only_space = true;
    for (size_t k = 0; k < gap.size(); ++k) {
      if (k != open && !IsAsciiSpace(gap[k])) only_space = false;
    }
    if (only_space && prev.quantity.currency != cur.quantity.currency) {
      cur.quantity.equivalent = true;
    }
  }
}

void QuantityRecognizer::Rep::ApplyQualifiers(std::string_view text, Draft* d) const {
  if (d->qualifier == Qualifier::kExact) {
    PhraseMatch best;
    Qualifier which = Qualifier::kExact;
    // "more than a $20 billion rate": the cue may stand before an article.
    // Only after a preposition or copula ("running at more than a $20 billion
    // rate"), not after a verb ("matters more than a 20% discount").
    PhraseMatch article = articles.EndingAt(text, d->start, true);
    size_t article_anchor = d->start;
    if (article.found()) {
      for (const PhraseMatcher* cues : {&approx, &at_least, &at_most}) {
        PhraseMatch cue = cues->EndingAt(text, article.start, true);
        if (cue.found() && before_article_cue.EndingAt(text, cue.start, true).found()) {
          article_anchor = article.start;
        }
      }
    }
    for (size_t anchor : {d->start, article_anchor}) {
      for (auto [matcher, q] :
           {std::pair{&approx, Qualifier::kApprox}, std::pair{&at_least, Qualifier::kAtLeast},
            std::pair{&at_most, Qualifier::kAtMost}}) {
        PhraseMatch m = matcher->EndingAt(text, anchor, true);
        if (m.found() && (!best.found() || m.start < best.start)) best = m, which = q;
      }
      if (best.found()) break;
    }
    if (best.found()) {
      d->qualifier = which;
      d->approx_below =
          which == Qualifier::kApprox && approx_below.EndingAt(text, best.end, false).found();
      d->start = best.start;
    } else if (PhraseMatch m = at_least_suffix.StartingAt(text, d->end, true);
               m.found() && (text[m.start] != '+' || m.start == d->end)) {
      d->qualifier = Qualifier::kAtLeast;
      d->end = m.end;
    } else if (PhraseMatch m2 = at_most_suffix.StartingAt(text, d->end, true); m2.found()) {
      d->qualifier = Qualifier::kAtMost;
      d->end = m2.end;
    }
  }
  if (d->number.value >= 0) {
    if (PhraseMatch m = negative.EndingAt(text, d->start, true); m.found()) {
      d->sign = -1;
      d->start = m.start;
    }
  }
  // "(3.2)" in financial statements is a negative number.
  if (d->start > 0 && text[d->start - 1] == '(' && d->end < text.size() && text[d->end] == ')' &&
      d->qualifier == Qualifier::kExact &&
      (d->type == MentionType::kMoney ||
       ContainsChar(text.substr(d->num_start, d->num_end - d->num_start), '.'))) {
    d->sign = -1;
  }
}

Mention QuantityRecognizer::Rep::ToMention(const Draft& d) const {
  Mention m;
  m.type = d.type;
  m.start = d.start;
  m.end = d.end;
  Quantity& q = m.quantity;
  double divisor = 1;
  if (d.currency >= 0) {
    q.currency = currencies[static_cast<size_t>(d.currency)].iso;
    if (d.minor) divisor = currencies[static_cast<size_t>(d.currency)].minor_per_major;
  }
  q.unit = d.count_unit;
  q.qualifier = d.qualifier;
  q.vague = d.number.vague;
  const double v = d.sign * d.number.value / divisor;
  q.amount = v;
  switch (d.qualifier) {
    case Qualifier::kExact: {
      double p = d.number.precision / divisor;
      q.low = v - p, q.high = v + p;
      break;
    }
    case Qualifier::kApprox:
      q.low = v * (1 - approx_width);
      q.high = d.approx_below ? v : v * (1 + approx_width);
      break;
    case Qualifier::kAtLeast:
      q.low = v, q.high = kUnbounded;
      break;
    case Qualifier::kAtMost:
      q.low = -kUnbounded, q.high = v;
      break;
    case Qualifier::kRange: {
      double lo = v;
      double hi = d.sign * (d.number.vague ? d.number.high : d.range_high) / divisor;
      q.low = std::min(lo, hi), q.high = std::max(lo, hi);
      q.amount = d.number.vague ? q.low : (q.low + q.high) / 2;
      break;
    }
  }
  if (q.low > q.high) std::swap(q.low, q.high);
  return m;
}

}  // namespace claimgraph
