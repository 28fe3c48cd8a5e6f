// Periods and durations built around a time unit word: "a year earlier",
// "last year", "the next 4-8 quarters", "the past five years", "the first
// nine months of 2007", "year-to-date", "every 18 months", "27-year", "2-3
// quarters".
#include <cmath>

#include "extractors/number_parser.h"
#include "extractors/period_calendar.h"
#include "extractors/period_parsers.h"

namespace claimgraph {
namespace {

// How many units "few" and "several" (or no number at all, "the coming
// months") stand for when a horizon needs an upper bound.
constexpr int kFewUnits = 3;
constexpr int kSeveralUnits = 5;

struct Count {
  size_t start = 0;
  double low = 0;
  double high = 0;
  bool range = false;
  bool article = false;  // "a year", "an hour": one, but not a stated number
  bool vague = false;    // "few", "several"
};

enum class Cue { kNone, kForward, kBackward, kTrailing, kCurrent, kEvery, kWithin, kFirst };

struct UnitPhrase {
  Word anchor;
  TimeUnit unit = TimeUnit::kYear;
  bool plural = false;
  bool hyphen = false;  // "27-year", "prior-year"
  std::optional<Count> count;
  Cue cue = Cue::kNone;
  Word cue_word;
  size_t start = 0;  // where the mention starts: "the", the cue or the count
  Word right;        // the word after the unit
};

// "4-8": a dash between digits means a range, never one number.
bool HasDigitDash(const PeriodText& t, size_t start, size_t end) {
  for (size_t i = start + 1; i < end; ++i) {
    if (t.DashAt(i) && t.IsDigit(i - 1)) return true;
  }
  return false;
}

// The number (digits or words) ending exactly at `end`.
std::optional<std::pair<size_t, double>> NumberEndingAt(const PeriodScan& scan, size_t end) {
  const PeriodText& t = scan.text;
  constexpr int kMaxWords = 6;
  size_t starts[kMaxWords];
  int found = 0;
  for (size_t i = end; i > 0 && found < kMaxWords && end - i < 48; --i) {
    if (t.IsWordByte(i - 1) && (i == 1 || !t.IsWordByte(i - 2))) {
      starts[found++] = i - 1;
    }
  }
  for (int k = found - 1; k >= 0; --k) {
    const size_t start = starts[k];
    const Word word = t.WordAt(start);
    if (OrdinalFromWord(t.Slice(word)) != 0 || t.IsAny(word, {"a", "an"})) {
      continue;  // "second", "a third": ordinals and fractions, not counts
    }
    ParsedNumber number;
    if (!scan.numbers->ParseAt(t.text(), start, ScaleContext::kPlain, &number) ||
        number.end != end || number.has_scale || number.vague ||
        !(number.value > 0 && number.value <= 10000) || HasDigitDash(t, start, end)) {
      continue;
    }
    if (start > 0 && t.text()[start - 1] == '$') return std::nullopt;
    return std::make_pair(start, number.value);
  }
  return std::nullopt;
}

// "15", "fifteen", "2-3", "two to three", "4-8".
std::optional<Count> CountEndingAt(const PeriodScan& scan, size_t end) {
  const PeriodText& t = scan.text;
  const auto upper = NumberEndingAt(scan, end);
  if (!upper) return std::nullopt;
  Count count{upper->first, upper->second, upper->second};
  const size_t p = t.SkipSpacesBack(upper->first);
  size_t separator = 0;
  if (const size_t dash = t.DashBefore(p)) {
    separator = p - dash;
  } else if (const Word w = t.WordEndingAt(p); p < upper->first && t.IsAny(w, {"to", "or"})) {
    separator = w.start;
  } else {
    return count;
  }
  const auto lower = NumberEndingAt(scan, t.SkipSpacesBack(separator));
  if (lower && lower->second < count.high) {
    count.start = lower->first;
    count.low = lower->second;
    count.range = true;
  } else if (p == upper->first && t.IsWordByte(separator - 1)) {
    return std::nullopt;  // glued to a name: "COVID-19 months"
  }
  return count;
}

// "a year", "an hour", "a few years", "several quarters".
std::optional<Count> WordCountEndingAt(const PeriodText& t, size_t end, bool plural) {
  const Word w = t.WordEndingAt(end);
  if (!plural && t.IsAny(w, {"a", "an"})) {
    return Count{w.start, 1, 1, false, true, false};
  }
  if (!plural || !t.IsAny(w, {"few", "several"})) return std::nullopt;
  const double n = t.Is(w, "few") ? kFewUnits : kSeveralUnits;
  Count count{w.start, n, n, false, false, true};
  const Word a = t.PrevWord(w.start);
  if (t.Is(w, "few") && t.Is(a, "a")) count.start = a.start;
  return count;
}

Cue CueFromWord(const PeriodText& t, Word w) {
  if (t.IsAny(w, {"next", "coming", "following", "upcoming"})) {
    return Cue::kForward;
  }
  if (t.IsAny(w, {"last", "previous", "prior", "preceding"})) {
    return Cue::kBackward;
  }
  if (t.IsAny(w, {"past", "trailing"})) return Cue::kTrailing;
  if (t.IsAny(w, {"this", "current"})) return Cue::kCurrent;
  if (t.Is(w, "every")) return Cue::kEvery;
  if (t.Is(w, "within")) return Cue::kWithin;
  if (t.Is(w, "first")) return Cue::kFirst;
  return Cue::kNone;
}

bool IsModifier(const PeriodText& t, Word w) {
  return t.IsAny(w, {"more", "extra", "additional", "consecutive", "straight", "full", "successive",
                     "calendar", "trading", "business", "further"});
}

UnitPhrase ReadUnitPhrase(const PeriodScan& scan, Word anchor, TimeUnit unit, bool plural) {
  const PeriodText& t = scan.text;
  UnitPhrase ph;
  ph.anchor = anchor;
  ph.unit = unit;
  ph.plural = plural;
  ph.hyphen =
      t.DashBefore(anchor.start) == 1 && anchor.start >= 2 && t.IsWordByte(anchor.start - 2);
  size_t left = ph.hyphen ? anchor.start - 1 : t.SkipSpacesBack(anchor.start);
  const Word modifier = t.WordEndingAt(left);
  if (!ph.hyphen && IsModifier(t, modifier)) {
    left = t.SkipSpacesBack(modifier.start);
  }
  if (ph.hyphen || left < anchor.start) {
    ph.count = CountEndingAt(scan, left);
    if (!ph.count && !ph.hyphen) ph.count = WordCountEndingAt(t, left, plural);
  }
  ph.start = ph.count ? ph.count->start : anchor.start;
  ph.cue_word = ph.count ? t.PrevWord(ph.count->start)
                         : (ph.hyphen ? t.WordEndingAt(anchor.start - 1) : t.WordEndingAt(left));
  ph.cue = CueFromWord(t, ph.cue_word);
  if (ph.count && ph.count->article && ph.cue != Cue::kWithin) {
    ph.cue = Cue::kNone;  // "a year" is one unit, not "the last a year"
  }
  if (ph.cue != Cue::kNone) {
    ph.start = ph.cue_word.start;
    const Word the = t.PrevWord(ph.cue_word.start);
    if (t.Is(the, "the")) ph.start = the.start;
  }
  ph.right = t.NextWord(anchor.end);
  return ph;
}

bool IsWhole(double value) { return value == std::floor(value); }

int Upper(const Count& count) { return static_cast<int>(std::ceil(count.high)); }

void Emit(const UnitPhrase& ph, size_t end, const Period& p, std::vector<Mention>* out) {
  out->push_back(PeriodMention(ph.start, end, p));
}

// "a year earlier", "twenty years ago", "three weeks ago".
bool TryAgo(const PeriodScan& scan, const UnitPhrase& ph, std::vector<Mention>* out) {
  const PeriodText& t = scan.text;
  if (!ph.count || ph.count->range || ph.count->vague || ph.hyphen || !IsWhole(ph.count->high)) {
    return false;
  }
  bool ago = t.IsAny(ph.right, {"ago", "earlier", "back"});
  if (t.Is(ph.right, "before")) {  // "a year before." but not "before the IPO"
    const size_t p = t.SkipSpaces(ph.right.end);
    ago = p >= t.size() || !t.IsWordByte(p);
  }
  if (!ago) return false;
  out->push_back(PeriodMention(ph.count->start, ph.right.end,
                               UnitsAgo(ph.unit, Upper(*ph.count), scan.published)));
  return true;
}

// "the next 4-8 quarters", "the coming months", "next year", "within two
// years".
bool TryForward(const PeriodScan& scan, const UnitPhrase& ph, std::vector<Mention>* out) {
  const PeriodText& t = scan.text;
  if (ph.cue != Cue::kForward && ph.cue != Cue::kWithin) return false;
  if (ph.count) {
    if (ph.hyphen) return false;
    Emit(ph, ph.anchor.end, Horizon(ph.unit, Upper(*ph.count), scan.published), out);
  } else if (ph.cue == Cue::kWithin) {
    return false;
  } else if (ph.plural) {
    Emit(ph, ph.anchor.end, Horizon(ph.unit, kFewUnits, scan.published), out);
  } else if (ph.start != ph.cue_word.start) {  // "the next year"
    Emit(ph, ph.anchor.end, Horizon(ph.unit, 1, scan.published), out);
  } else if (t.Is(ph.cue_word, "next")) {  // "next year"
    Emit(ph, ph.anchor.end, CalendarRelative(ph.unit, 1, scan.published), out);
  } else {
    return false;
  }
  return true;
}

// "last year", "the prior year", "prior-year", "the past five years",
// "this quarter".
bool TryBackward(const PeriodScan& scan, const UnitPhrase& ph, std::vector<Mention>* out) {
  const bool back = ph.cue == Cue::kBackward || ph.cue == Cue::kTrailing;
  if (!back && ph.cue != Cue::kCurrent) return false;
  const size_t end = ph.anchor.end;
  if (ph.count) {
    if (!back || ph.hyphen) return false;
    Emit(ph, end, Trailing(ph.unit, Upper(*ph.count), scan.published), out);
  } else if (ph.plural) {
    return false;
  } else if (ph.cue == Cue::kCurrent) {
    Emit(ph, end, CalendarRelative(ph.unit, 0, scan.published), out);
  } else if (ph.cue == Cue::kTrailing) {
    Emit(ph, end, Trailing(ph.unit, 1, scan.published), out);
  } else {
    Emit(ph, end, CalendarRelative(ph.unit, -1, scan.published), out);
  }
  return true;
}

int MonthsIn(TimeUnit unit) {
  return unit == TimeUnit::kMonth     ? 1
         : unit == TimeUnit::kQuarter ? 3
         : unit == TimeUnit::kYear    ? 12
                                      : 0;
}

// "the first nine months of 2007", "the nine months ended September 30,
// 2007", "nine-month period", "the twelve months ended June 30".
bool TryMonthSpan(const PeriodScan& scan, const UnitPhrase& ph, std::vector<Mention>* out) {
  const PeriodText& t = scan.text;
  if (!ph.count || ph.count->range || ph.count->vague || ph.count->article ||
      !IsWhole(ph.count->high)) {
    return false;
  }
  const int months = Upper(*ph.count) * MonthsIn(ph.unit);
  if (months < 1 || months > 12) return false;
  size_t head_end = ph.anchor.end;
  const bool period_word = ph.hyphen && t.Is(ph.right, "period");
  if (period_word) head_end = ph.right.end;
  const YearTail tail = ParseYearTail(scan, head_end);
  const bool first = ph.cue == Cue::kFirst;
  const Word before = t.PrevWord(ph.count->start);
  // "the nine-month period", "six-month period": by convention the first
  // N months of the year; "a nine-month period" is a duration.
  const bool conventional =
      period_word && (months == 6 || months == 9) && !t.IsAny(before, {"a", "an"});
  if (!tail.end_clause && !first && !conventional && !(period_word && tail.found)) {
    return false;
  }
  Period p;
  if (tail.end_clause) {
    p = tail.ended ? MonthsEndingOn(*tail.ended, months) : Period{};
    if (!tail.ended) p.granularity = Granularity::kSpan;
  } else {
    int year = tail.year;
    if (!tail.found && scan.published) year = scan.published->year;
    p = MonthSpan(year, 1, year, months);
    if (tail.relative) {
      p.relative_offset = RelativeOffset(tail.relative_years, TimeUnit::kYear);
    }
  }
  p.fiscal = tail.fiscal;
  size_t start = first ? ph.start : ph.count->start;
  if (!first && t.Is(before, "the")) start = before.start;
  out->push_back(PeriodMention(start, tail.found ? tail.end : head_end, p));
  return true;
}

// "every 18 months", "15 quarters", "2-3 quarters", "27-year".
void EmitDuration(const UnitPhrase& ph, std::vector<Mention>* out) {
  const Count& count = *ph.count;
  Mention m;
  m.type = MentionType::kDuration;
  m.start = ph.cue == Cue::kEvery ? ph.cue_word.start : count.start;
  m.end = ph.anchor.end;
  m.quantity.amount = count.low;
  m.quantity.low = count.low;
  m.quantity.high = count.high;
  m.quantity.qualifier = count.range ? Qualifier::kRange : Qualifier::kExact;
  m.quantity.unit = std::string(TimeUnitName(ph.unit));
  out->push_back(m);
}

// "year-ago", "year-earlier", "year-to-date", "year to date", "YTD".
bool TrySuffixForms(const PeriodScan& scan, Word anchor, TimeUnit unit, std::vector<Mention>* out) {
  const PeriodText& t = scan.text;
  if (t.Is(anchor, "ytd")) {
    out->push_back(
        PeriodMention(anchor.start, anchor.end, ToDate(TimeUnit::kYear, scan.published)));
    return true;
  }
  const bool dash = t.DashAt(anchor.end) == 1;
  const Word next = dash ? t.WordAt(anchor.end + 1) : t.NextWord(anchor.end);
  if (dash && unit == TimeUnit::kYear && t.IsAny(next, {"ago", "earlier"})) {
    out->push_back(PeriodMention(anchor.start, next.end,
                                 CalendarRelative(TimeUnit::kYear, -1, scan.published)));
    return true;
  }
  if (!t.Is(next, "to") || (unit != TimeUnit::kYear && unit != TimeUnit::kQuarter)) {
    return false;
  }
  const size_t p = dash ? next.end + (t.DashAt(next.end) == 1 ? 1 : 0) : t.SkipSpaces(next.end);
  const Word date = t.WordAt(p);
  if (!t.Is(date, "date") || (dash && p == next.end)) return false;
  out->push_back(PeriodMention(anchor.start, date.end, ToDate(unit, scan.published)));
  return true;
}

}  // namespace

void MatchUnitPhrase(const PeriodScan& scan, Word anchor, std::vector<Mention>* out) {
  const PeriodText& t = scan.text;
  bool plural = false;
  const std::optional<TimeUnit> unit =
      t.Is(anchor, "ytd") ? TimeUnit::kYear : TimeUnitFromWord(t.Slice(anchor), &plural);
  if (!unit || TrySuffixForms(scan, anchor, *unit, out)) return;
  const UnitPhrase ph = ReadUnitPhrase(scan, anchor, *unit, plural);
  if (TryAgo(scan, ph, out) || TryForward(scan, ph, out) || TryBackward(scan, ph, out) ||
      TryMonthSpan(scan, ph, out)) {
    return;
  }
  if (ph.count && !ph.count->article && !ph.count->vague &&
      (ph.cue == Cue::kNone || ph.cue == Cue::kEvery || ph.cue == Cue::kFirst)) {
    EmitDuration(ph, out);
  }
}

}  // namespace claimgraph
