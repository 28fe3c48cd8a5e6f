// Comparisons with the year before: "the same period last year", "the
// corresponding period", "the year-ago quarter", "the prior-year period".
#include "extractors/period_calendar.h"
#include "extractors/period_parsers.h"

namespace claimgraph {
namespace {

// "the year-ago quarter", "prior-year period": the modifier's start, or
// nullopt when the words before `noun` are not a year-ago modifier.
std::optional<size_t> YearAgoModifierStart(const PeriodText& t, Word noun) {
  const Word w = t.PrevWord(noun.start);
  if (w.empty() || t.DashBefore(w.start) != 1) return std::nullopt;
  const Word head = t.WordEndingAt(w.start - 1);
  if (t.IsAny(w, {"ago", "earlier"}) && t.Is(head, "year")) return head.start;
  if (t.Is(w, "year") && t.IsAny(head, {"prior", "previous"})) {
    return head.start;
  }
  return std::nullopt;
}

// " last year", " a year ago", " of the previous year", " in the prior year".
size_t LastYearTail(const PeriodText& t, size_t pos) {
  Word w = t.NextWord(pos);
  if (t.IsAny(w, {"a", "one"})) {
    const Word year = t.NextWord(w.end);
    const Word ago = t.NextWord(year.end);
    if (t.Is(year, "year") && t.IsAny(ago, {"ago", "earlier", "before"})) {
      return ago.end;
    }
    return pos;
  }
  if (t.IsAny(w, {"of", "in"})) {
    w = t.NextWord(w.end);
    if (t.Is(w, "the")) w = t.NextWord(w.end);
    if (!t.IsAny(w, {"previous", "prior", "preceding", "last"})) return pos;
  } else if (!t.Is(w, "last")) {
    return pos;
  }
  const Word year = t.NextWord(w.end);
  return t.Is(year, "year") ? year.end : pos;
}

}  // namespace

void MatchComparative(const PeriodScan& scan, Word anchor, std::vector<Mention>* out) {
  const PeriodText& t = scan.text;
  if (!t.IsAny(anchor, {"period", "quarter"})) return;
  const Word modifier = t.PrevWord(anchor.start);
  size_t start = modifier.start;
  bool needs_tail = false;
  if (const auto year_ago = YearAgoModifierStart(t, anchor)) {
    start = *year_ago;
  } else if (t.Is(modifier, "same")) {
    needs_tail = true;
  } else if (!t.IsAny(modifier, {"corresponding", "comparable", "equivalent"})) {
    return;
  }
  const size_t tail_end = LastYearTail(t, anchor.end);
  if (needs_tail && tail_end == anchor.end) return;
  const Word the = t.PrevWord(start);
  if (t.Is(the, "the")) start = the.start;
  const Period p = t.Is(anchor, "quarter") ? ReportingQuarter(-1, scan.published)
                                           : CalendarRelative(TimeUnit::kYear, -1, scan.published);
  out->push_back(PeriodMention(start, tail_end, p));
}

}  // namespace claimgraph
