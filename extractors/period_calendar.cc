#include "extractors/period_calendar.h"

namespace claimgraph {
namespace {

// Days in a unit when it is counted in days, else 0.
int UnitDays(TimeUnit unit) {
  if (unit == TimeUnit::kDay) return 1;
  if (unit == TimeUnit::kWeek) return 7;
  return 0;
}

int UnitMonths(TimeUnit unit) {
  if (unit == TimeUnit::kMonth) return 1;
  if (unit == TimeUnit::kQuarter) return 3;
  if (unit == TimeUnit::kYear) return 12;
  return 0;
}

// published moved by count units; invalid when it leaves the calendar.
Date MoveBy(const Date& published, TimeUnit unit, int count) {
  const long long kLimit = 1000000;  // keeps count * 12 far from overflow
  if (count > kLimit || count < -kLimit) return Date{0, 0, 0};
  if (UnitDays(unit) > 0) return published.AddDays(count * UnitDays(unit));
  return published.AddMonths(count * UnitMonths(unit));
}

Granularity SpanGranularity(int months) {
  switch (months) {
    case 1:
      return Granularity::kMonth;
    case 3:
      return Granularity::kQuarter;
    case 6:
      return Granularity::kHalf;
    case 9:
      return Granularity::kNineMonths;
    case 12:
      return Granularity::kYear;
    default:
      return Granularity::kSpan;
  }
}

// 0 for Monday .. 6 for Sunday. REQUIRES: day.IsValid().
int DaysSinceMonday(const Date& day) {
  static constexpr int kMonthShift[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  const int y = day.month < 3 ? day.year - 1 : day.year;
  const int sunday_based =
      (y + y / 4 - y / 100 + y / 400 + kMonthShift[day.month - 1] + day.day) % 7;
  return (sunday_based + 6) % 7;
}

Date FirstOfMonth(int year, int month) { return Date{year, month, 1}; }
Date LastOfMonth(int year, int month) { return Date{year, month, DaysInMonth(year, month)}; }

// Date::ToString() ("YYYY-MM-DD") without printf; periods set two dates
// each and documents have hundreds of periods.
// REQUIRES: d.IsValid() (years 1-9999).
void AssignIsoDate(const Date& d, std::string* out) {
  const auto digit = [](int v) { return static_cast<char>('0' + v % 10); };
  const char iso[10] = {digit(d.year / 1000),
                        digit(d.year / 100),
                        digit(d.year / 10),
                        digit(d.year),
                        '-',
                        digit(d.month / 10),
                        digit(d.month),
                        '-',
                        digit(d.day / 10),
                        digit(d.day)};
  out->assign(iso, sizeof(iso));
}

}  // namespace

void SetDates(const Date& start, const Date& end, Period* p) {
  if (start.IsValid() && end.IsValid() && start <= end) {
    AssignIsoDate(start, &p->start);
    AssignIsoDate(end, &p->end);
  } else {
    p->start.clear();
    p->end.clear();
  }
}

Period YearPeriod(int year) {
  Period p;
  p.granularity = Granularity::kYear;
  p.year = year;
  SetDates(FirstOfMonth(year, 1), LastOfMonth(year, 12), &p);
  return p;
}

Period QuarterPeriod(int year, int quarter) {
  Period p;
  p.granularity = Granularity::kQuarter;
  p.year = year;
  p.quarter = quarter;
  if (quarter >= 1 && quarter <= 4) {
    SetDates(FirstOfMonth(year, quarter * 3 - 2), LastOfMonth(year, quarter * 3), &p);
  }
  return p;
}

Period HalfPeriod(int year, int half) {
  Period p;
  p.granularity = Granularity::kHalf;
  p.year = year;
  if (half == 1 || half == 2) {
    SetDates(FirstOfMonth(year, half * 6 - 5), LastOfMonth(year, half * 6), &p);
  }
  return p;
}

Period MonthPeriod(int year, int month) {
  Period p;
  p.granularity = Granularity::kMonth;
  p.year = year;
  SetDates(FirstOfMonth(year, month), LastOfMonth(year, month), &p);
  return p;
}

Period DayPeriod(const Date& day) {
  Period p;
  p.granularity = Granularity::kDay;
  p.year = day.IsValid() ? day.year : 0;
  SetDates(day, day, &p);
  return p;
}

Period MonthSpan(int y1, int m1, int y2, int m2) {
  Period p;
  const int months = (y2 - y1) * 12 + (m2 - m1) + 1;
  const bool aligned = y1 == y2 && months >= 1 && (m1 - 1) % months == 0;
  p.granularity = aligned ? SpanGranularity(months) : Granularity::kSpan;
  if (y1 == y2) p.year = y1;
  if (p.granularity == Granularity::kQuarter) p.quarter = (m1 + 2) / 3;
  SetDates(FirstOfMonth(y1, m1), LastOfMonth(y2, m2), &p);
  return p;
}

Period MonthsEndingOn(const Date& end, int months) {
  Period p;
  const bool month_end = end.IsValid() && end.day == DaysInMonth(end.year, end.month);
  const bool aligned = month_end && months > 0 && end.month % months == 0;
  p.granularity = aligned ? SpanGranularity(months) : Granularity::kSpan;
  if (aligned && months == 3) p.quarter = end.month / 3;
  p.year = end.IsValid() ? end.year : 0;
  SetDates(end.AddDays(1).AddMonths(-months), end, &p);
  return p;
}

std::string RelativeOffset(int count, TimeUnit unit) {
  std::string out = count > 0 ? "+" : "";
  out += std::to_string(count);
  out += TimeUnitLetter(unit);
  return out;
}

Period CalendarRelative(TimeUnit unit, int count, const std::optional<Date>& published) {
  Period p;
  p.relative_offset = RelativeOffset(count, unit);
  p.granularity = unit == TimeUnit::kYear      ? Granularity::kYear
                  : unit == TimeUnit::kQuarter ? Granularity::kQuarter
                  : unit == TimeUnit::kMonth   ? Granularity::kMonth
                  : unit == TimeUnit::kDay     ? Granularity::kDay
                                               : Granularity::kSpan;
  if (!published || !published->IsValid()) return p;
  const Date moved = MoveBy(*published, unit, count);
  if (!moved.IsValid()) return p;
  Period resolved;
  switch (unit) {
    case TimeUnit::kYear:
      resolved = YearPeriod(moved.year);
      break;
    case TimeUnit::kQuarter:
      resolved = QuarterPeriod(moved.year, (moved.month + 2) / 3);
      break;
    case TimeUnit::kMonth:
      resolved = MonthPeriod(moved.year, moved.month);
      break;
    case TimeUnit::kDay:
      resolved = DayPeriod(moved);
      break;
    case TimeUnit::kWeek: {
      const Date monday = moved.AddDays(-DaysSinceMonday(moved));
      resolved.granularity = Granularity::kSpan;
      SetDates(monday, monday.AddDays(6), &resolved);
      break;
    }
  }
  resolved.relative_offset = p.relative_offset;
  return resolved;
}

Period ReportingQuarter(int years, const std::optional<Date>& published) {
  Period p;
  p.granularity = Granularity::kQuarter;
  p.relative_offset = RelativeOffset(years, TimeUnit::kYear);
  if (!published || !published->IsValid()) return p;
  const Date last_quarter = published->AddMonths(-3);
  if (!last_quarter.IsValid()) return p;
  Period resolved = QuarterPeriod(last_quarter.year + years, (last_quarter.month + 2) / 3);
  resolved.relative_offset = p.relative_offset;
  return resolved;
}

Period Horizon(TimeUnit unit, int upper, const std::optional<Date>& published) {
  Period p;
  p.granularity = Granularity::kHorizon;
  p.relative_offset = RelativeOffset(upper, unit);
  if (published) SetDates(*published, MoveBy(*published, unit, upper), &p);
  return p;
}

Period Trailing(TimeUnit unit, int count, const std::optional<Date>& published) {
  Period p;
  p.granularity = Granularity::kSpan;
  p.relative_offset = RelativeOffset(-count, unit);
  if (published) SetDates(MoveBy(*published, unit, -count), *published, &p);
  return p;
}

Period UnitsAgo(TimeUnit unit, int count, const std::optional<Date>& published) {
  if (UnitDays(unit) == 0) return CalendarRelative(unit, -count, published);
  Period p;
  p.granularity = Granularity::kDay;
  p.relative_offset = RelativeOffset(-count, unit);
  if (published) {
    const Date day = MoveBy(*published, unit, -count);
    SetDates(day, day, &p);
    if (day.IsValid()) p.year = day.year;
  }
  return p;
}

Period ToDate(TimeUnit unit, const std::optional<Date>& published) {
  Period p;
  p.granularity = Granularity::kSpan;
  p.relative_offset = RelativeOffset(0, unit);
  if (!published || !published->IsValid()) return p;
  const int first_month = unit == TimeUnit::kQuarter ? (published->month - 1) / 3 * 3 + 1 : 1;
  p.year = published->year;
  SetDates(FirstOfMonth(published->year, first_month), *published, &p);
  return p;
}

}  // namespace claimgraph
