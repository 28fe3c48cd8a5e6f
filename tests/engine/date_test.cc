#include "engine/date.h"

#include <catch2/catch.hpp>
#include <climits>
#include <ctime>

namespace claimgraph::date_test {
namespace {

std::string Iso(const std::optional<Date>& date) { return date ? date->ToString() : "nullopt"; }

TEST_CASE("Date parses plain ISO dates", "[date]") {
  const auto date = Date::Parse("2026-01-15");
  REQUIRE(date);
  CHECK(date->year == 2026);
  CHECK(date->month == 1);
  CHECK(date->day == 15);
  CHECK(date->ToString() == "2026-01-15");
}

TEST_CASE("Date parses ISO dates followed by a time", "[date]") {
  CHECK(Iso(Date::Parse("2026-11-05T12:00:00Z")) == "2026-11-05");
  CHECK(Iso(Date::Parse("2026-11-05 12:00")) == "2026-11-05");
  CHECK(Iso(Date::Parse("2026-11-05T08:30:00.123+02:00")) == "2026-11-05");
  CHECK(Iso(Date::Parse("2026-11-05T23:59:60-0500")) == "2026-11-05");
}

TEST_CASE("Date rejects malformed text and bad times", "[date]") {
  for (const char* bad :
       {"", "2026", "2026-1-15", "26-01-15", "2026/01/15", "2026-01-15x", "2026-01-15T",
        "2026-01-15T25:00", "2026-01-15T12:61", "2026-01-15T12:00+24:00", "2026-01-15T12:00:00.",
        " 2026-01-15", "2026-01-15T12:00Zjunk", "abcd-ef-gh"}) {
    INFO(bad);
    CHECK_FALSE(Date::Parse(bad));
  }
}

TEST_CASE("Date rejects impossible calendar days", "[date]") {
  CHECK_FALSE(Date::Parse("2026-02-29"));
  CHECK_FALSE(Date::Parse("2026-02-30"));
  CHECK_FALSE(Date::Parse("2026-04-31"));
  CHECK_FALSE(Date::Parse("2026-13-01"));
  CHECK_FALSE(Date::Parse("2026-00-10"));
  CHECK_FALSE(Date::Parse("2026-01-00"));
  CHECK_FALSE(Date::Parse("0000-01-01"));
  CHECK(Iso(Date::Parse("2024-02-29")) == "2024-02-29");
  CHECK(Iso(Date::Parse("0001-01-01")) == "0001-01-01");
  CHECK(Iso(Date::Parse("9999-12-31")) == "9999-12-31");
}

TEST_CASE("Leap years follow the Gregorian century rule", "[date]") {
  CHECK(IsLeapYear(2024));
  CHECK(IsLeapYear(2000));
  CHECK_FALSE(IsLeapYear(1900));
  CHECK_FALSE(IsLeapYear(2100));
  CHECK_FALSE(IsLeapYear(2026));
  CHECK(DaysInMonth(2024, 2) == 29);
  CHECK(DaysInMonth(1900, 2) == 28);
  CHECK(DaysInMonth(2026, 4) == 30);
  CHECK(DaysInMonth(2026, 12) == 31);
  CHECK(DaysInMonth(2026, 0) == 0);
  CHECK(DaysInMonth(2026, 13) == 0);
}

TEST_CASE("AddMonths clamps to the end of shorter months", "[date]") {
  const Date jan31{2024, 1, 31};
  CHECK(jan31.AddMonths(1).ToString() == "2024-02-29");
  CHECK(Date{2025, 1, 31}.AddMonths(1).ToString() == "2025-02-28");
  CHECK(jan31.AddMonths(3).ToString() == "2024-04-30");
  CHECK(jan31.AddMonths(-2).ToString() == "2023-11-30");
  CHECK(Date{2026, 11, 5}.AddMonths(24).ToString() == "2028-11-05");
  CHECK(Date{2026, 3, 15}.AddMonths(-15).ToString() == "2024-12-15");
  CHECK(Date{2026, 3, 15}.AddMonths(0).ToString() == "2026-03-15");
}

TEST_CASE("AddDays crosses month and year ends in both directions", "[date]") {
  CHECK(Date{2025, 12, 31}.AddDays(1).ToString() == "2026-01-01");
  CHECK(Date{2026, 1, 1}.AddDays(-1).ToString() == "2025-12-31");
  CHECK(Date{2024, 2, 28}.AddDays(1).ToString() == "2024-02-29");
  CHECK(Date{2023, 2, 28}.AddDays(1).ToString() == "2023-03-01");
  CHECK(Date{2024, 3, 1}.AddDays(-1).ToString() == "2024-02-29");
  CHECK(Date{2026, 11, 5}.AddDays(-365).ToString() == "2025-11-05");
  CHECK(Date{2000, 1, 1}.AddDays(366).ToString() == "2001-01-01");
  CHECK(Date{1970, 1, 1}.AddDays(20000).ToString() == "2024-10-04");
  CHECK(Date{2024, 10, 4}.AddDays(-20000).ToString() == "1970-01-01");
}

TEST_CASE("Absurd dates print empty and survive arithmetic", "[date]") {
  const Date zero{0, 1, 1};
  const Date big{99999, 1, 1};
  const Date month13{2026, 13, 1};
  for (const Date& d : {zero, big, month13, Date{2026, 2, 30}}) {
    CHECK_FALSE(d.IsValid());
    CHECK(d.ToString().empty());
    CHECK(d.AddDays(1).ToString().empty());
    CHECK(d.AddMonths(1).ToString().empty());
  }
  CHECK(Date{9999, 12, 31}.AddDays(1).ToString().empty());
  CHECK(Date{1, 1, 1}.AddDays(-1).ToString().empty());
  CHECK(Date{9999, 12, 1}.AddMonths(1).ToString().empty());
  CHECK(Date{1, 1, 1}.AddMonths(-1).ToString().empty());
  CHECK(Date{2026, 1, 1}.AddDays(INT_MAX).ToString().empty());
  CHECK(Date{2026, 1, 1}.AddDays(INT_MIN).ToString().empty());
  CHECK(Date{2026, 1, 1}.AddMonths(INT_MAX).ToString().empty());
  CHECK(Date{2026, 1, 1}.AddMonths(INT_MIN).ToString().empty());
}

TEST_CASE("Dates order chronologically", "[date]") {
  CHECK(Date{2025, 12, 31} < Date{2026, 1, 1});
  CHECK(Date{2026, 1, 2} > Date{2026, 1, 1});
  CHECK(Date{2026, 2, 1} == *Date::Parse("2026-02-01"));
}

TEST_CASE("UnixSecondsNow is the system clock in whole seconds", "[date]") {
  // time() reads the kernel's coarse clock, which may still show the last
  // second for a tick after the precise one has moved on (CI saw
  // UnixSecondsNow() == after + 1 once), hence a second either way.
  const auto before = static_cast<int64_t>(std::time(nullptr));
  const int64_t now = UnixSecondsNow();
  const auto after = static_cast<int64_t>(std::time(nullptr));
  CHECK(now >= before - 1);
  CHECK(now <= after + 1);
}

}  // namespace
}  // namespace claimgraph::date_test
