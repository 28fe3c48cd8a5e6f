#include "engine/date.h"

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace claimgraph {
namespace {

constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

// Days from 0001-01-01 (day 0) to the given valid date.
int64_t DaysFromEpoch(int year, int month, int day) {
  const int64_t y = year - 1;
  int64_t days = y * 365 + y / 4 - y / 100 + y / 400;
  for (int m = 1; m < month; ++m) days += DaysInMonth(year, m);
  return days + day - 1;
}

// Inverse of DaysFromEpoch. REQUIRES: 0 <= days.
Date DateFromEpochDays(int64_t days) {
  constexpr int64_t kDaysPer400Years = 146097;
  int64_t year = 1 + 400 * (days / kDaysPer400Years);
  days %= kDaysPer400Years;
  while (true) {
    const int64_t length = IsLeapYear(static_cast<int>(year)) ? 366 : 365;
    if (days < length) break;
    days -= length;
    ++year;
  }
  Date date;
  date.year = static_cast<int>(year);
  date.month = 1;
  while (days >= DaysInMonth(date.year, date.month)) {
    days -= DaysInMonth(date.year, date.month);
    ++date.month;
  }
  date.day = static_cast<int>(days) + 1;
  return date;
}

Date InvalidDate() { return Date{0, 0, 0}; }

// Reads exactly `count` ASCII digits at text[pos]; false when there are not.
bool ReadDigits(std::string_view text, size_t pos, size_t count, int* out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  *out = value;
  return true;
}

// "+HH:MM", "+HHMM", "-HH" or "Z"; true when `zone` is exactly one of them.
bool IsZone(std::string_view zone) {
  if (zone.empty() || zone == "Z") return true;
  if (zone[0] != '+' && zone[0] != '-') return false;
  int hours = 0;
  int minutes = 0;
  if (!ReadDigits(zone, 1, 2, &hours) || hours > 23) return false;
  std::string_view rest = zone.substr(3);
  if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
  if (rest.empty()) return zone.size() == 3;
  return rest.size() == 2 && ReadDigits(rest, 0, 2, &minutes) && minutes < 60;
}

// "HH:MM", "HH:MM:SS", "HH:MM:SS.fff", each with an optional zone.
bool IsTime(std::string_view time) {
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
  if (!ReadDigits(time, 0, 2, &hours) || hours > 23) return false;
  if (time.size() < 5 || time[2] != ':') return false;
  if (!ReadDigits(time, 3, 2, &minutes) || minutes > 59) return false;
  size_t pos = 5;
  if (pos < time.size() && time[pos] == ':') {
    if (!ReadDigits(time, pos + 1, 2, &seconds) || seconds > 60) return false;
    pos += 3;
    if (pos < time.size() && time[pos] == '.') {
      const size_t digits_start = ++pos;
      while (pos < time.size() && time[pos] >= '0' && time[pos] <= '9') ++pos;
      if (pos == digits_start) return false;
    }
  }
  return IsZone(time.substr(pos));
}

}  // namespace

bool IsLeapYear(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

std::optional<Date> Date::Parse(std::string_view text) {
  Date date;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!ReadDigits(text, 0, 4, &date.year) || !ReadDigits(text, 5, 2, &date.month) ||
      !ReadDigits(text, 8, 2, &date.day) || !date.IsValid()) {
    return std::nullopt;
  }
  if (text.size() == 10) return date;
  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') {
    return std::nullopt;
  }
  if (!IsTime(text.substr(11))) return std::nullopt;
  return date;
}

bool Date::IsValid() const {
  return year >= kMinYear && year <= kMaxYear && day >= 1 && day <= DaysInMonth(year, month);
}

std::string Date::ToString() const {
  if (!IsValid()) return "";
  char buf[40];  // room for any int, so no truncation warning
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
  return buf;
}

Date Date::AddMonths(int months) const {
  if (!IsValid()) return *this;
  const int64_t index = int64_t{year} * 12 + (month - 1) + months;
  const int64_t new_year = index >= 0 ? index / 12 : -1;
  if (new_year < kMinYear || new_year > kMaxYear) return InvalidDate();
  Date result;
  result.year = static_cast<int>(new_year);
  result.month = static_cast<int>(index % 12) + 1;
  const int last = DaysInMonth(result.year, result.month);
  result.day = day < last ? day : last;
  return result;
}

Date Date::AddDays(int days) const {
  if (!IsValid()) return *this;
  const int64_t target = DaysFromEpoch(year, month, day) + days;
  if (target < 0 || target > DaysFromEpoch(kMaxYear, 12, 31)) {
    return InvalidDate();
  }
  return DateFromEpochDays(target);
}

int64_t UnixSecondsNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace claimgraph
