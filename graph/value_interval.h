// ValueInterval: the range of true values a stated quantity allows, the
// unit contradiction detection compares (docs/CONSISTENCY.md, "Intervals").
//
//   "$1.2 billion"            exact    [1.15e9, 1.25e9]   half a unit of the last digit
//   "$1,200 million"          exact    [1.1995e9, 1.2005e9]
//   "about $1.2 billion"      approx   [1.08e9, 1.32e9]   at least +-10%
//   "more than $20 billion"   at_least [2e10, +inf)
//   "up to 5%"                at_most  (-inf, 5]
//   "$10-$20 million"         range    [1e7, 2e7]
//
// Amounts are already normalized by the recognizer (scale words applied,
// money in base units of its currency). Two intervals are comparable only
// in the same dimension: money of one currency (no exchange rates are
// applied, so EUR and USD claims are never compared), percent, percentage
// points (basis points are converted to points), multiples, counts of one
// noun, plain numbers. Pure functions; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/claim.h"
#include "engine/mention.h"

namespace claimgraph {

struct ValueInterval {
  double amount = 0;      // the stated value (midpoint of a range)
  double low = 0;         // -kUnbounded when open below
  double high = 0;        // kUnbounded when open above
  std::string dimension;  // "money:USD", "percent", "points", "multiple", "count:<noun>", "number"
};

// Relative widening of an approximate value (QUANTITIES.md approx_width).
inline constexpr double kApproxWidth = 0.10;

// The interval of a claim value, or nullopt for values that have no
// comparable amount (periods, durations, NaN amounts).
std::optional<ValueInterval> IntervalOf(const ClaimValue& value);

// The unit dimension of a quantity ("money:USD"); empty for periods and
// durations.
std::string DimensionOf(MentionType type, const Quantity& quantity);

// Half a unit of the last digit `text` states, times the scale that turns
// the written number into `amount`: "$1.2 billion" with amount 1.2e9 gives
// 5e7. 0 when text holds no digits (spelled numbers: "two").
double DigitPrecision(std::string_view text, double amount);

// True when the intervals share a point (bounds compared with a relative
// tolerance of 1e-9 for floating-point noise).
bool Overlaps(double a_low, double a_high, double b_low, double b_high);

// True when the two values disagree but would agree if one of them were
// scaled by a power of 1000 (a "billion" written for "million"): the
// `scale` label.
bool IsScaleSlip(double a_low, double a_high, double a_amount, double b_low, double b_high,
                 double b_amount);

// A value for people: "$225B", "more than $20B", "about 12%", "$10M to $20M".
std::string FormatInterval(double amount, double low, double high, Qualifier qualifier,
                           std::string_view dimension);

}  // namespace claimgraph
