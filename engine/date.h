// Date: a proleptic Gregorian calendar day, the unit periods resolve to.
//
// Supported years are 1..9999. A Date built by hand may hold anything
// (year 0, month 13); such a date is not IsValid(), prints as "" and is
// returned unchanged by the arithmetic, so an absurd input can never turn
// into a plausible-looking wrong date. Plain value type; safe to share
// read-only across threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace claimgraph {

struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..DaysInMonth(year, month)

  // Parses "YYYY-MM-DD", optionally followed by a time ("T12:00:00Z",
  // " 12:00", "T08:30:00.123+02:00"); the time is checked and dropped.
  // Returns nullopt for anything else or an impossible date (2026-02-30,
  // year outside 1..9999, hour 25).
  static std::optional<Date> Parse(std::string_view text);

  // True when year is 1..9999, month 1..12 and day 1..DaysInMonth.
  bool IsValid() const;

  // "YYYY-MM-DD"; "" when !IsValid().
  std::string ToString() const;

  // The same day `months` months later (negative: earlier), clamped to the
  // last day of the target month (2024-01-31 + 1 month = 2024-02-29).
  // Returns an invalid date (year 0) when the result leaves years 1..9999,
  // and *this unchanged when *this is invalid.
  Date AddMonths(int months) const;
  // `days` days later (negative: earlier), across month and year ends.
  // Same out-of-range and invalid-input behaviour as AddMonths.
  Date AddDays(int days) const;

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// Seconds since the Unix epoch, now: what a stored document's
// ingested_at holds.
int64_t UnixSecondsNow();

// Gregorian rule: every 4th year, except centuries not divisible by 400.
// Any int is accepted (year 0 and negative years follow the same rule).
bool IsLeapYear(int year);
// 28..31 for month 1..12; 0 for a month outside 1..12.
int DaysInMonth(int year, int month);

}  // namespace claimgraph
