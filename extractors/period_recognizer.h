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
