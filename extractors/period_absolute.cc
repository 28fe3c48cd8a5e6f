// Quarters, halves and fiscal years: "Q3 2026", "3Q25", "H1 2024",
// "FY2025", "fiscal year 2025", "the third quarter of 2008", "first-half",
// "second quarter ended June 30", and the year tails they share.
#include <string_view>

#include "extractors/period_calendar.h"
#include "extractors/period_parsers.h"

namespace claimgraph {
namespace {

struct YearRef {
  size_t end = 0;
  int year = 0;
  bool fiscal = false;
  bool relative = false;
  int relative_years = 0;
};

// "2025" (1900..2099) or, after an apostrophe or when allowed, "25".
std::optional<YearRef> YearNumberAt(const PeriodScan& scan, size_t pos,
                                    bool allow_bare_two_digits) {
  const PeriodText& t = scan.text;
  const size_t apostrophe = t.ApostropheAt(pos);
  const Word w = t.WordAt(pos + apostrophe);
  const size_t length = w.end - w.start;
  if (length == 4 && apostrophe == 0) {
    const std::optional<int> year = PlainYearAt(scan, w);
    if (year) return YearRef{w.end, *year};
  } else if (length == 2 && (apostrophe > 0 || allow_bare_two_digits)) {
    const std::optional<int> yy = t.SmallNumberAt(w, 2);
    if (yy) return YearRef{w.end, ExpandTwoDigitYear(*yy)};
  }
  return std::nullopt;
}

// "fiscal 2025", "fiscal year 2025", "fiscal '25", "FY2025", "FY25",
// "FY 2025", "FY'25" starting at pos.
std::optional<YearRef> FiscalRefAt(const PeriodScan& scan, size_t pos) {
  const PeriodText& t = scan.text;
  const Word w = t.WordAt(pos);
  if (w.empty()) return std::nullopt;
  std::optional<YearRef> ref;
  if (t.Is(w, "fiscal")) {
    size_t p = t.SkipSpaces(w.end);
    const Word year_word = t.WordAt(p);
    if (t.Is(year_word, "year")) p = t.SkipSpaces(year_word.end);
    if (p > w.end) ref = YearNumberAt(scan, p, false);
  } else if (w.end - w.start >= 2 && t.IsAny(Word{w.start, w.start + 2}, {"fy"})) {
    const size_t digits = w.end - w.start - 2;
    if (digits == 0) {
      ref = YearNumberAt(scan, t.SkipSpaces(w.end), true);
    } else if (digits == 2 || digits == 4) {
      const std::optional<int> value = t.SmallNumberAt(Word{w.start + 2, w.end}, 4);
      if (value && digits == 2) ref = YearRef{w.end, ExpandTwoDigitYear(*value)};
      if (value && digits == 4 && *value >= 1900 && *value <= 2099) {
        ref = YearRef{w.end, *value};
      }
    }
  }
  if (ref) ref->fiscal = true;
  return ref;
}

// "this/last/next/the current/the previous/the prior [fiscal] year" and
// "the year", resolved against the published date.
std::optional<YearRef> RelativeYearAt(const PeriodScan& scan, size_t pos) {
  const PeriodText& t = scan.text;
  Word w = t.WordAt(pos);
  const bool the = t.Is(w, "the");
  if (the) w = t.NextWord(w.end);
  int years = 0;
  if (t.IsAny(w, {"last", "previous", "prior"})) {
    years = -1;
  } else if (t.Is(w, "next")) {
    years = 1;
  } else if (!t.IsAny(w, {"this", "current"}) && !(the && t.Is(w, "year"))) {
    return std::nullopt;
  }
  YearRef ref;
  if (!t.Is(w, "year")) w = t.NextWord(w.end);
  if (t.Is(w, "fiscal")) {
    ref.fiscal = true;
    w = t.NextWord(w.end);
  }
  if (!t.Is(w, "year")) return std::nullopt;
  ref.end = w.end;
  ref.relative = true;
  ref.relative_years = years;
  if (scan.published) ref.year = scan.published->year + years;
  return ref;
}

std::optional<YearRef> YearRefAt(const PeriodScan& scan, size_t pos) {
  if (auto ref = FiscalRefAt(scan, pos)) return ref;
  if (auto ref = YearNumberAt(scan, pos, false)) return ref;
  return RelativeYearAt(scan, pos);
}

// "Q3"/"q3" (letter first) or "3Q" (digit first) with optional glued year
// digits ("3Q25", "Q32026" is not accepted: only 2 or 4 glued digits after
// a digit-first code).
struct Code {
  bool half = false;
  int number = 0;
  bool letter_first = false;
  int glued_year = 0;
};

std::optional<Code> ParseCode(std::string_view s) {
  if (s.size() < 2) return std::nullopt;
  auto lower = [](char c) { return static_cast<char>(c | 0x20); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  Code code;
  char letter = 0;
  if (digit(s[1]) && (lower(s[0]) == 'q' || lower(s[0]) == 'h')) {
    letter = lower(s[0]);
    code.number = s[1] - '0';
    code.letter_first = true;
  } else if (digit(s[0]) && (lower(s[1]) == 'q' || lower(s[1]) == 'h')) {
    letter = lower(s[1]);
    code.number = s[0] - '0';
  } else {
    return std::nullopt;
  }
  code.half = letter == 'h';
  if (code.number < 1 || code.number > (code.half ? 2 : 4)) return std::nullopt;
  const std::string_view rest = s.substr(2);
  if (rest.empty()) return code;
  if (code.letter_first || (rest.size() != 2 && rest.size() != 4)) {
    return std::nullopt;
  }
  int value = 0;
  for (char c : rest) {
    if (!digit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  code.glued_year = rest.size() == 2 ? ExpandTwoDigitYear(value) : value;
  if (code.glued_year < 1900 || code.glued_year > 2099) return std::nullopt;
  return code;
}

// A quarter (or half) n of `year`, shaped by what its tail said.
Period BuildPart(const PeriodScan& scan, bool half, int n, int year, bool fiscal,
                 const YearTail& tail) {
  Period p;
  if (tail.ended) {
    p = MonthsEndingOn(*tail.ended, half ? 6 : 3);
    p.granularity = half ? Granularity::kHalf : Granularity::kQuarter;
  } else {
    if (year == 0 && !fiscal && !tail.found && scan.published) {
      year = scan.published->year;
    }
    p = half ? HalfPeriod(year, n) : QuarterPeriod(year, n);
    if (fiscal) SetDates(Date{0, 0, 0}, Date{0, 0, 0}, &p);
  }
  p.quarter = half ? 0 : n;
  p.fiscal = fiscal;
  if (tail.relative) {
    p.relative_offset = RelativeOffset(tail.relative_years, TimeUnit::kYear);
  }
  return p;
}

// Words before an ordinal that belong to the period: "the", "fiscal",
// "2025", "FY25" ("the fiscal 2025 third quarter").
struct Prefix {
  size_t start = 0;
  int year = 0;
  bool fiscal = false;
};

Prefix ParsePrefix(const PeriodScan& scan, size_t start) {
  const PeriodText& t = scan.text;
  Prefix prefix{start, 0, false};
  Word w = t.PrevWord(start);
  if (auto ref = FiscalRefAt(scan, w.start); ref && ref->end == w.end) {
    prefix = Prefix{w.start, ref->year, true};
    w = t.PrevWord(w.start);
  } else if (auto year = PlainYearAt(scan, w); year && w.end - w.start == 4) {
    prefix = Prefix{w.start, *year, false};
    w = t.PrevWord(w.start);
    if (auto fiscal = FiscalRefAt(scan, w.start); fiscal && fiscal->end > w.end) {
      prefix = Prefix{w.start, *year, true};  // "fiscal 2025 third quarter"
      w = t.PrevWord(w.start);
    }
  }
  if (t.Is(w, "fiscal")) {
    prefix.start = w.start;
    prefix.fiscal = true;
    w = t.PrevWord(w.start);
  }
  if (t.Is(w, "the")) prefix.start = w.start;
  return prefix;
}

// "the quarter" without an ordinal: resolved only by an end date.
void MatchBareQuarter(const PeriodScan& scan, Word the, Word anchor, std::vector<Mention>* out) {
  const YearTail tail = ParseYearTail(scan, anchor.end);
  Period p;
  p.granularity = Granularity::kQuarter;
  if (tail.ended) {
    p = MonthsEndingOn(*tail.ended, 3);
    const Date& e = *tail.ended;
    if (e.month % 3 == 0 && e.day == DaysInMonth(e.year, e.month)) {
      p.quarter = e.month / 3;
    }
  }
  const size_t end = tail.end_clause ? tail.end : anchor.end;
  out->push_back(PeriodMention(the.start, end, p));
}

// "the fiscal year ended June 30, 2025", "last fiscal year", "the fiscal
// year" (its number unknown).
void MatchFiscalYearWords(const PeriodScan& scan, Word w, std::vector<Mention>* out) {
  const PeriodText& t = scan.text;
  const Word year_word = t.NextWord(w.end);
  if (!t.Is(year_word, "year")) return;
  Period p;
  p.granularity = Granularity::kFiscalYear;
  p.fiscal = true;
  size_t start = w.start;
  size_t end = year_word.end;
  const YearTail tail = ParseYearTail(scan, year_word.end);
  Word before = t.PrevWord(w.start);
  if (tail.end_clause) {
    if (tail.ended) p = MonthsEndingOn(*tail.ended, 12);
    p.granularity = Granularity::kFiscalYear;
    p.fiscal = true;
    end = tail.end;
  } else if (t.IsAny(before, {"this", "current", "last", "previous", "prior", "next"})) {
    const int years = t.IsAny(before, {"this", "current"}) ? 0 : t.Is(before, "next") ? 1 : -1;
    p.relative_offset = RelativeOffset(years, TimeUnit::kYear);
    start = before.start;
    before = t.PrevWord(before.start);
  } else if (!t.Is(before, "the")) {
    return;  // a bare "fiscal year" names no period
  }
  if (t.Is(before, "the")) start = before.start;
  out->push_back(PeriodMention(start, end, p));
}

}  // namespace

Mention PeriodMention(size_t start, size_t end, const Period& period) {
  Mention m;
  m.type = MentionType::kPeriod;
  m.start = start;
  m.end = end;
  m.period = period;
  return m;
}

YearTail ParseYearTail(const PeriodScan& scan, size_t pos) {
  const PeriodText& t = scan.text;
  YearTail tail;
  tail.end = pos;
  const size_t p = t.SkipSpaces(pos);
  const Word w = t.WordAt(p);
  if (p > pos && t.IsAny(w, {"ended", "ending", "through", "to"})) {
    const auto date = ParseWrittenDate(scan, t.SkipSpaces(w.end), !t.Is(w, "ending"));
    if (!date) return tail;
    tail.found = true;
    tail.end_clause = true;
    tail.end = date->end;
    tail.ended = date->date;
    if (date->date) tail.year = date->date->year;
    return tail;
  }
  std::optional<YearRef> ref;
  if (p > pos && t.IsAny(w, {"of", "in"})) {
    ref = YearRefAt(scan, t.SkipSpaces(w.end));
  } else if (p > pos || t.ApostropheAt(p) > 0) {
    ref = YearRefAt(scan, p);
  }
  if (!ref) return tail;
  tail.found = true;
  tail.end = ref->end;
  tail.year = ref->year;
  tail.fiscal = ref->fiscal;
  tail.relative = ref->relative;
  tail.relative_years = ref->relative_years;
  return tail;
}

void MatchQuarterCode(const PeriodScan& scan, Word anchor, std::vector<Mention>* out) {
  const PeriodText& t = scan.text;
  const Word w = t.WordAt(anchor.start);
  const std::optional<Code> code = ParseCode(t.Slice(w));
  if (!code) return;
  YearTail tail;
  tail.end = w.end;
  int year = code->glued_year;
  if (year == 0) {
    tail = ParseYearTail(scan, w.end);
    year = tail.year;
    if (!tail.found && !code->letter_first) return;  // "3Q" alone
  }
  const Period p = BuildPart(scan, code->half, code->number, year, tail.fiscal, tail);
  out->push_back(PeriodMention(w.start, tail.end, p));
}

void MatchFiscal(const PeriodScan& scan, Word anchor, std::vector<Mention>* out) {
  const PeriodText& t = scan.text;
  const Word w = t.WordAt(anchor.start);
  if (const auto ref = FiscalRefAt(scan, w.start)) {
    Period p;
    p.granularity = Granularity::kFiscalYear;
    p.year = ref->year;
    p.fiscal = true;
    out->push_back(PeriodMention(w.start, ref->end, p));
    // "FY25 Q3", "fiscal 2025 H2": a part of that fiscal year.
    const Word next = t.NextWord(ref->end);
    const std::optional<Code> code = ParseCode(t.Slice(next));
    if (code && code->letter_first && next.end - next.start == 2) {
      YearTail none;
      const Period part = BuildPart(scan, code->half, code->number, ref->year, true, none);
      out->push_back(PeriodMention(w.start, next.end, part));
    }
    return;
  }
  if (t.Is(w, "fiscal")) MatchFiscalYearWords(scan, w, out);
}

void MatchOrdinalPeriod(const PeriodScan& scan, Word anchor, std::vector<Mention>* out) {
  const PeriodText& t = scan.text;
  const bool half = t.Is(anchor, "half");
  size_t head_end = anchor.end;
  if (t.DashAt(anchor.end) == 1) {
    const Word next = t.WordAt(anchor.end + 1);
    if (t.IsAny(next, {"over", "on", "to"})) return;      // "quarter-over-quarter"
    if (half && t.Is(next, "year")) head_end = next.end;  // "first half-year"
  }
  const bool hyphen = t.DashBefore(anchor.start) == 1;
  const Word ord = hyphen ? t.WordEndingAt(anchor.start - 1) : t.PrevWord(anchor.start);
  if (!hyphen && ord.end == anchor.start) return;
  int n = OrdinalFromWord(t.Slice(ord));
  const bool last = t.Is(ord, "last");
  if (last) n = half ? 2 : 4;
  if (n == 0) {
    if (!half && !hyphen && t.Is(ord, "the")) {
      MatchBareQuarter(scan, ord, anchor, out);
    }
    return;
  }
  if (half && n > 2) return;
  const Prefix prefix = ParsePrefix(scan, ord.start);
  const YearTail tail = ParseYearTail(scan, head_end);
  if (last && !tail.found) return;  // "last quarter" is relative
  const int year = tail.year != 0 ? tail.year : prefix.year;
  const Period p = BuildPart(scan, half, n, year, prefix.fiscal || tail.fiscal, tail);
  out->push_back(PeriodMention(prefix.start, tail.found ? tail.end : head_end, p));
}

}  // namespace claimgraph
