// Calendar words: years ("2008", "2008-2010", "2026-01-15"), months ("June
// 2026", "in April"), month spans ("January-June 2009", "December 2025
// through January 2026") and written dates ("December 31, 2025", "31
// December 2025").
#include <string_view>

#include "extractors/period_calendar.h"
#include "extractors/period_parsers.h"

namespace claimgraph {
namespace {

// Words after a number that make it an amount or a count, not a year.
constexpr std::string_view kAmountWords[] = {
    "million",  "billion",   "trillion",  "thousand",  "mn",      "bn",          "mln",
    "bln",      "tn",        "m",         "k",         "percent", "pct",         "bps",
    "basis",    "times",     "shares",    "employees", "people",  "jobs",        "workers",
    "staff",    "units",     "customers", "clients",   "users",   "subscribers", "stores",
    "branches", "locations", "vehicles",  "cars",      "homes",   "barrels",     "tons",
    "tonnes",   "ounces",    "patients",  "students",  "members", "acres",       "hectares",
    "miles",    "km",        "meters",    "metres",    "feet",    "mw",          "gw",
    "points",   "contracts", "orders",    "products",  "servers", "chips",       "sq",
    "square",   "votes"};

constexpr std::string_view kCurrencyCodes[] = {"usd", "eur", "gbp", "jpy", "chf", "cad",
                                               "aud", "cny", "rmb", "inr", "rs",  "sek",
                                               "nok", "dkk", "hkd", "sgd"};

// Words that introduce a bare month name ("in May", "mid-May").
constexpr std::string_view kMonthCues[] = {"in",      "since", "until",  "by",   "during", "from",
                                           "through", "early", "late",   "mid",  "of",     "last",
                                           "this",    "next",  "before", "after"};

template <size_t N>
bool IsOneOf(const PeriodText& t, Word w, const std::string_view (&words)[N]) {
  const size_t size = w.end - w.start;
  for (std::string_view word : words) {
    // The length first: most candidates differ in it, and Is() is a call.
    if (word.size() == size && t.Is(w, word)) return true;
  }
  return false;
}

bool PrecededByCurrency(const PeriodText& t, size_t start) {
  const std::string_view s = t.text();
  if (start >= 1 && (s[start - 1] == '$' || s[start - 1] == '#')) return true;
  if (start >= 2) {
    const std::string_view two = s.substr(start - 2, 2);
    if (two == "\xC2\xA3" || two == "\xC2\xA5") return true;  // pound, yen
  }
  if (start >= 3) {
    const std::string_view three = s.substr(start - 3, 3);
    if (three == "\xE2\x82\xAC" || three == "\xE2\x82\xB9") return true;
  }
  if (start >= 2 && (s[start - 1] == ',' || s[start - 1] == '.') && t.IsDigit(start - 2)) {
    return true;  // the tail of "1,2008" or "3.2008"
  }
  return IsOneOf(t, t.PrevWord(start), kCurrencyCodes);
}

bool FollowedByAmount(const PeriodText& t, size_t end) {
  const std::string_view s = t.text();
  if (end < s.size() && (s[end] == ',' || s[end] == '.') && t.IsDigit(end + 1)) {
    return true;  // "2,000", "2008.5"
  }
  const size_t p = t.SkipSpaces(end);
  if (p < s.size() && s[p] == '%') return true;
  return IsOneOf(t, t.WordAt(p), kAmountWords);
}

// "30", "31st", "2nd": a day of the month (1..31), as a whole word.
std::optional<int> DayAt(const PeriodText& t, Word w) {
  size_t digits = w.start;
  while (digits < w.end && t.IsDigit(digits)) ++digits;
  const std::optional<int> day = t.SmallNumberAt(Word{w.start, digits}, 2);
  if (!day || *day < 1 || *day > 31) return std::nullopt;
  const Word suffix{digits, w.end};
  if (!suffix.empty() && !t.IsAny(suffix, {"st", "nd", "rd", "th"})) {
    return std::nullopt;
  }
  return day;
}

// A month name at w, its end past an abbreviation's '.'.
struct MonthWord {
  int month = 0;
  size_t end = 0;
};

std::optional<MonthWord> MonthWordAt(const PeriodText& t, Word w) {
  const int month = MonthFromName(t.Slice(w));
  if (month == 0 || !t.StartsUpper(w)) return std::nullopt;
  size_t end = w.end;
  if (!IsFullMonthName(t.Slice(w)) && end < t.size() && t.text()[end] == '.') {
    ++end;
  }
  return MonthWord{month, end};
}

// The year after a month: " 2026", ", 2026", " of 2026", " '26".
std::optional<std::pair<size_t, int>> YearAfter(const PeriodScan& scan, size_t pos, bool comma) {
  const PeriodText& t = scan.text;
  size_t p = t.SkipSpaces(pos);
  if (comma && p < t.size() && t.text()[p] == ',') ++p;
  p = t.SkipSpaces(p);
  if (p == pos) return std::nullopt;
  Word w = t.WordAt(p);
  if (t.Is(w, "of")) w = t.NextWord(w.end);
  if (t.ApostropheAt(w.start) > 0) {
    const Word yy = t.WordAt(w.start + t.ApostropheAt(w.start));
    const std::optional<int> value = t.SmallNumberAt(yy, 2);
    if (value && yy.end - yy.start == 2) {
      return std::make_pair(yy.end, ExpandTwoDigitYear(*value));
    }
    return std::nullopt;
  }
  if (w.end - w.start != 4) return std::nullopt;
  const std::optional<int> year = PlainYearAt(scan, w);
  if (!year) return std::nullopt;
  return std::make_pair(w.end, *year);
}

// A month with an optional year: "June", "June 2026", "Dec. '25".
struct MonthRef {
  int month = 0;
  int year = 0;
  size_t end = 0;
};

std::optional<MonthRef> MonthRefAt(const PeriodScan& scan, Word w) {
  const auto month = MonthWordAt(scan.text, w);
  if (!month) return std::nullopt;
  MonthRef ref{month->month, 0, month->end};
  if (const auto year = YearAfter(scan, month->end, false)) {
    ref.year = year->second;
    ref.end = year->first;
  }
  return ref;
}

// "January-June 2009", "December 2025 through January 2026".
std::optional<Mention> MonthSpanAfter(const PeriodScan& scan, Word anchor, const MonthRef& first) {
  const PeriodText& t = scan.text;
  size_t p = t.SkipSpaces(first.end);
  if (const size_t dash = t.DashAt(p)) {
    p += dash;
  } else {
    const Word sep = t.WordAt(p);
    if (p == first.end || !t.IsAny(sep, {"to", "through", "until", "thru"})) {
      return std::nullopt;
    }
    p = sep.end;
  }
  const auto second = MonthRefAt(scan, t.NextWord(p));
  if (!second) return std::nullopt;
  int y2 = second->year != 0 ? second->year : first.year;
  if (y2 == 0 && scan.published) y2 = scan.published->year;
  int y1 = first.year;
  if (y1 == 0) y1 = first.month <= second->month ? y2 : y2 - 1;
  if (y2 == 0) y1 = 0;
  return PeriodMention(anchor.start, second->end, MonthSpan(y1, first.month, y2, second->month));
}

bool BareMonthAllowed(const PeriodText& t, Word anchor, int month) {
  if (!IsFullMonthName(t.Slice(anchor))) return false;
  if (month != 5) return true;  // "May" is also a verb
  const size_t dash = t.DashBefore(anchor.start);
  const Word before = dash ? t.WordEndingAt(anchor.start - dash) : t.PrevWord(anchor.start);
  return IsOneOf(t, before, kMonthCues);
}

// What may follow a year: another year ("2008-2010", "2024-25", "2008 to
// 2010") or "fiscal year" ("2025 fiscal year").
void MatchYearFollowers(const PeriodScan& scan, Word anchor, int year, std::vector<Mention>* out) {
  const PeriodText& t = scan.text;
  size_t p = t.SkipSpaces(anchor.end);
  const size_t dash = t.DashAt(p);
  const Word sep = t.WordAt(p);
  if (dash == 0 && (p == anchor.end || !t.IsAny(sep, {"to", "through"}))) {
    // "2025 fiscal year"
    const Word fiscal = t.NextWord(anchor.end);
    const Word year_word = t.NextWord(fiscal.end);
    if (t.Is(fiscal, "fiscal") && t.Is(year_word, "year")) {
      Period fy;
      fy.granularity = Granularity::kFiscalYear;
      fy.year = year;
      fy.fiscal = true;
      out->push_back(PeriodMention(anchor.start, year_word.end, fy));
    }
    return;
  }
  const Word second = dash ? t.WordAt(p + dash) : t.NextWord(sep.end);
  int y2 = 0;
  if (second.end - second.start == 4) {
    y2 = PlainYearAt(scan, second).value_or(0);
  } else if (dash && second.end - second.start == 2 && second.start == p + dash) {
    y2 = year / 100 * 100 + t.SmallNumberAt(second, 2).value_or(0);
    if (FollowedByAmount(t, second.end)) y2 = 0;
  }
  if (y2 <= year || y2 - year > 50) return;
  out->push_back(PeriodMention(anchor.start, second.end, MonthSpan(year, 1, y2, 12)));
}

}  // namespace

std::optional<int> PlainYearAt(const PeriodScan& scan, Word word) {
  const PeriodText& t = scan.text;
  if (word.end - word.start != 4) return std::nullopt;
  const std::optional<int> year = t.SmallNumberAt(word, 4);
  if (!year || *year < 1900 || *year > 2099) return std::nullopt;
  if (PrecededByCurrency(t, word.start)) return std::nullopt;
  if (FollowedByAmount(t, word.end)) return std::nullopt;
  return year;
}

std::optional<DateMatch> ParseWrittenDate(const PeriodScan& scan, size_t pos, bool past) {
  const PeriodText& t = scan.text;
  const Word first = t.WordAt(pos);
  int month = 0;
  std::optional<int> day;
  size_t end = 0;
  if (const auto month_first = MonthWordAt(t, first)) {  // "June 30"
    const Word day_word = t.NextWord(month_first->end);
    day = DayAt(t, day_word);
    month = month_first->month;
    end = day_word.end;
  } else if ((day = DayAt(t, first))) {  // "30 June"
    const auto month_second = MonthWordAt(t, t.NextWord(first.end));
    if (!month_second) return std::nullopt;
    month = month_second->month;
    end = month_second->end;
  }
  if (!day || month == 0) return std::nullopt;
  DateMatch match{first.start, end, std::nullopt};
  Date date{0, month, *day};
  if (const auto year = YearAfter(scan, end, true)) {
    match.end = year->first;
    date.year = year->second;
  } else if (scan.published) {
    date.year = scan.published->year;
    if (past && *scan.published < date) --date.year;
  }
  if (*day > DaysInMonth(date.year == 0 ? 2000 : date.year, month)) {
    return std::nullopt;  // "February 30"
  }
  if (date.IsValid()) match.date = date;
  return match;
}

void MatchMonth(const PeriodScan& scan, Word anchor, std::vector<Mention>* out) {
  const PeriodText& t = scan.text;
  const auto first = MonthRefAt(scan, anchor);
  if (!first) return;
  const Word before = t.PrevWord(anchor.start);
  const bool day_first = DayAt(t, before).has_value();
  for (size_t start : {before.start, anchor.start}) {
    if (start == before.start && !day_first) continue;
    const auto date = ParseWrittenDate(scan, start, false);
    if (!date || date->end <= anchor.start) continue;
    Period p = date->date ? DayPeriod(*date->date) : Period{};
    p.granularity = Granularity::kDay;
    out->push_back(PeriodMention(date->start, date->end, p));
  }
  if (const auto span = MonthSpanAfter(scan, anchor, *first)) {
    out->push_back(*span);
  }
  if (first->year != 0) {
    out->push_back(PeriodMention(anchor.start, first->end, MonthPeriod(first->year, first->month)));
  } else if (BareMonthAllowed(t, anchor, first->month)) {
    const int year = scan.published ? scan.published->year : 0;
    out->push_back(PeriodMention(anchor.start, anchor.end, MonthPeriod(year, first->month)));
  }
}

void MatchYear(const PeriodScan& scan, Word anchor, std::vector<Mention>* out) {
  const PeriodText& t = scan.text;
  const std::string_view s = t.text();
  if (s.size() >= anchor.start + 10 && s[anchor.end] == '-' && !t.IsDigit(anchor.start + 10)) {
    const std::string_view iso = s.substr(anchor.start, 10);
    if (iso[7] == '-') {  // "2026-01-15": a date or nothing
      if (const auto date = Date::Parse(iso)) {
        out->push_back(PeriodMention(anchor.start, anchor.start + 10, DayPeriod(*date)));
      }
      return;
    }
  }
  const std::optional<int> year = PlainYearAt(scan, anchor);
  if (!year) return;
  out->push_back(PeriodMention(anchor.start, anchor.end, YearPeriod(*year)));
  MatchYearFollowers(scan, anchor, *year, out);
}

}  // namespace claimgraph
