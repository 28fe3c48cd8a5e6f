// PeriodCalendar: builds resolved Periods from calendar facts (a quarter of
// a year, a month span, N units before a published date). Internal to
// extractors/.
//
// Every builder leaves start/end empty when a needed fact is unknown (year
// 0, no published date) or the result would fall outside years 1..9999, so
// callers never emit a date they could not justify. Pure functions;
// thread-safe.
#pragma once

#include <optional>
#include <string>

#include "engine/date.h"
#include "engine/mention.h"
#include "extractors/period_lexicon.h"

namespace claimgraph {

// Sets p->start/end when both dates are valid; clears them otherwise.
void SetDates(const Date& start, const Date& end, Period* p);

// Calendar periods. year 0 means "unknown": granularity and numbers are
// still set, dates stay empty.
Period YearPeriod(int year);
Period QuarterPeriod(int year, int quarter);
Period HalfPeriod(int year, int half);
Period MonthPeriod(int year, int month);
Period DayPeriod(const Date& day);
// First month m1 of y1 through the last day of m2 of y2. Granularity is
// kMonth, kQuarter, kHalf, kNineMonths or kYear when the span is exactly
// one (calendar-aligned), else kSpan. year is set when y1 == y2.
Period MonthSpan(int y1, int m1, int y2, int m2);
// The `months` months ending on `end` inclusive ("the nine months ended
// September 30, 2007"); granularity by length as for MonthSpan when the
// span is calendar-aligned (quarter set for an aligned quarter), else kSpan.
Period MonthsEndingOn(const Date& end, int months);

// "+8q", "-1y", "0y".
std::string RelativeOffset(int count, TimeUnit unit);

// The calendar unit containing `published`, moved by `count` units ("last
// year": kYear, -1). Weeks run Monday..Sunday (kSpan); days are kDay.
Period CalendarRelative(TimeUnit unit, int count, const std::optional<Date>& published);
// The quarter a report published on `published` most likely covers (the
// last quarter that ended before it), moved by `years` years: "the year-ago
// quarter". relative_offset is in years.
Period ReportingQuarter(int years, const std::optional<Date>& published);
// kHorizon from published to published + `upper` units.
Period Horizon(TimeUnit unit, int upper, const std::optional<Date>& published);
// kSpan from published - `count` units to published ("the past five years").
Period Trailing(TimeUnit unit, int count, const std::optional<Date>& published);
// The day `count` units before published ("three weeks ago": kDay) for
// days and weeks; the calendar unit otherwise ("twenty years ago": kYear).
Period UnitsAgo(TimeUnit unit, int count, const std::optional<Date>& published);
// kSpan from the first day of published's year (or quarter) to published.
Period ToDate(TimeUnit unit, const std::optional<Date>& published);

}  // namespace claimgraph
