// PeriodRecognizer: finds reporting periods, relative periods, horizons and
// durations, and resolves them to calendar intervals.
//
// Periods: quarters ("Q3 2026", "third quarter of 2008", "second quarter
// ended June 30", "3Q25"), fiscal years ("fiscal 2025", "FY2025", "FY 25"),
// halves and nine-month periods ("January-June 2009", "H1 2024", "first nine
// months of 2007"), years ("2008", "in 2026"), months ("June 2026"), dates
// ("December 31, 2025", "2026-01-15"), relative expressions ("a year
// earlier", "year-ago", "the corresponding period", "last year", "this
// quarter") and horizons ("next 4-8 quarters", "over the next three years").
// Durations ("every 18 months", "for 15 years", "in 15 quarters") are
// MentionType::kDuration with quantity.unit = "day"/"week"/"month"/"quarter"/
// "year" and the count in quantity (a range when stated as one).
//
// Relative expressions and horizons resolve against `published` when it is
// given; otherwise their dates stay empty and relative_offset says what they
// mean ("-1y").
//
// Resolution rules (each a documented choice, not a guess per sentence):
// - A mention covers determiners and cue words ("the", "next", "every",
//   "within", "ago") but not a leading preposition: "over the next three
//   years" -> "the next three years", "in 2026" -> "2026".
// - Quarters and halves without a year ("the third quarter", "Q3") take the
//   published year; "ended June 30" makes the period end on that date
//   (the year before when it would fall after the published date).
// - Fiscal periods keep year/quarter and fiscal=true but no dates, since a
//   company's fiscal calendar is unknown, unless an end date is stated
//   ("the fiscal year ended June 30, 2025" -> 2024-07-01..2025-06-30).
// - Month spans, "the first nine months of 2007", "the nine-month period"
//   (first N months of the year, for N = 6 or 9) are kMonth/kQuarter/kHalf/
//   kNineMonths/kYear when they are exactly one, else kSpan. A bare month
//   needs a capitalized full name ("April"; "May" only after "in", "since",
//   ...) and takes the published year.
// - A bare 19xx/20xx number is a year unless money, a digit group, a
//   decimal, a percentage or followed by a scale or count noun.
// - "last/this/next year|quarter|month", "the prior year", "a year
//   earlier", "a year ago", "year-ago", "the same period last year", "the
//   corresponding period": the calendar unit containing published, moved
//   ("-1y", "0q", "+1y"); an unstated length counts as a year. "The
//   year-ago quarter" is the last quarter ended before published, a year
//   earlier. "N units ago" (a period, not a duration): the calendar unit
//   N units back; days and weeks give the day. "The quarter" alone is a
//   quarter with no dates (it refers to one named elsewhere).
// - Horizons ("the next 4-8 quarters", "within two years"): kHorizon from
//   published to published + the upper bound ("+8q"); "the coming months"
//   and "few" count as 3 units, "several" as 5; "next year" without "the"
//   is the next calendar year. "The past five years": kSpan ending on
//   published ("-5y"). "Year-to-date": kSpan from January 1 ("0y").
// - Durations need a stated number ("a year" is not one): amount = low,
//   qualifier kRange with low/high for "2-3 quarters", else kExact with
//   low = high = amount.
//
// Thread safety: a const PeriodRecognizer may be shared across threads.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/date.h"
#include "engine/mention.h"

namespace claimgraph {

class NumberParser;

class PeriodRecognizer {
 public:
  // REQUIRES: numbers outlives this object.
  explicit PeriodRecognizer(const NumberParser& numbers);
  ~PeriodRecognizer();
  PeriodRecognizer(const PeriodRecognizer&) = delete;
  PeriodRecognizer& operator=(const PeriodRecognizer&) = delete;

  // Appends every period and duration mention in `text` to *out, in text
  // order. Offsets are relative to text.
  void Recognize(std::string_view text, const std::optional<Date>& published,
                 std::vector<Mention>* out) const;

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace claimgraph
