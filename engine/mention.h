// Mention: a recognized quantity, period or duration in a document.
//
// Offsets are byte offsets into the document's UTF-8 text, end-exclusive.
// Values are normalized: money in base units of its ISO 4217 currency,
// percentages in percent (30% is 30), basis points and percentage points in
// their own unit, periods as ISO dates. Plain value types; safe to copy and
// to share read-only across threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace claimgraph {

enum class MentionType {
  kMoney,
  kPercent,
  kPercentagePoints,
  kBasisPoints,
  kMultiple,
  kNumber,
  kCount,
  kPeriod,
  kDuration,
};

// How the stated value relates to the true one.
enum class Qualifier : uint8_t {
  kExact,    // "$1.2 billion": the interval is the precision the digits imply
  kApprox,   // about, roughly, nearly, some ...
  kAtLeast,  // more than, over, at least, "$20 billion+"
  kAtMost,   // under, less than, up to ...
  kRange,    // "4-8 quarters", "between X and Y", "tens of billions"
};

// Granularity of a resolved period.
enum class Granularity {
  kUnknown,
  kDay,
  kMonth,
  kQuarter,
  kHalf,
  kNineMonths,
  kYear,
  kFiscalYear,
  kHorizon,  // a forward-looking window: "next 4-8 quarters"
  kSpan,     // any other explicit span: "January-June 2009"
};

std::string_view MentionTypeName(MentionType type);
std::string_view QualifierName(Qualifier qualifier);
std::string_view GranularityName(Granularity granularity);

constexpr double kUnbounded = std::numeric_limits<double>::infinity();

// A numeric value with its uncertainty interval.
// low/high: -kUnbounded / kUnbounded mean open-ended (written as JSON null).
struct Quantity {
  double amount = 0;
  double low = 0;
  double high = 0;
  Qualifier qualifier = Qualifier::kExact;
  std::string currency;     // ISO 4217 code, money only
  std::string unit;         // count noun ("employees"), duration unit ("month")
  bool equivalent = false;  // a parenthetical equivalent of the mention before
  bool vague = false;       // "tens of billions", "several hundred"
};

// A calendar interval. Dates are "YYYY-MM-DD"; empty when the text does not
// allow resolving them (a fiscal year of unknown calendar, say).
struct Period {
  std::string start;
  std::string end;
  Granularity granularity = Granularity::kUnknown;
  int year = 0;         // 0 when unknown
  int quarter = 0;      // 1..4 for quarters, else 0
  bool fiscal = false;  // stated as a fiscal period
  // Relative expressions ("a year earlier", "last year") are resolved
  // against the document's published date; relative_offset says by how much
  // ("-1y", "+8q"), empty for absolute periods.
  std::string relative_offset;
};

struct Mention {
  MentionType type = MentionType::kNumber;
  size_t start = 0;   // byte offset, inclusive
  size_t end = 0;     // byte offset, exclusive
  Quantity quantity;  // every type but kPeriod
  Period period;      // kPeriod (and kDuration's unit lives in quantity.unit)

  bool IsQuantity() const { return type != MentionType::kPeriod; }
  // The mention's text. REQUIRES: text is the document it was found in.
  std::string_view Text(std::string_view text) const { return text.substr(start, end - start); }
};

}  // namespace claimgraph
