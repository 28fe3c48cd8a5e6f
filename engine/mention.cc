#include "engine/mention.h"

namespace claimgraph {

std::string_view MentionTypeName(MentionType type) {
  switch (type) {
    case MentionType::kMoney:
      return "money";
    case MentionType::kPercent:
      return "percent";
    case MentionType::kPercentagePoints:
      return "percentage_points";
    case MentionType::kBasisPoints:
      return "basis_points";
    case MentionType::kMultiple:
      return "multiple";
    case MentionType::kNumber:
      return "number";
    case MentionType::kCount:
      return "count";
    case MentionType::kPeriod:
      return "period";
    case MentionType::kDuration:
      return "duration";
  }
  return "unknown";
}

std::string_view QualifierName(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kExact:
      return "exact";
    case Qualifier::kApprox:
      return "approx";
    case Qualifier::kAtLeast:
      return "at_least";
    case Qualifier::kAtMost:
      return "at_most";
    case Qualifier::kRange:
      return "range";
  }
  return "unknown";
}

std::string_view GranularityName(Granularity granularity) {
  switch (granularity) {
    case Granularity::kUnknown:
      return "unknown";
    case Granularity::kDay:
      return "day";
    case Granularity::kMonth:
      return "month";
    case Granularity::kQuarter:
      return "quarter";
    case Granularity::kHalf:
      return "half";
    case Granularity::kNineMonths:
      return "nine_months";
    case Granularity::kYear:
      return "year";
    case Granularity::kFiscalYear:
      return "fiscal_year";
    case Granularity::kHorizon:
      return "horizon";
    case Granularity::kSpan:
      return "span";
  }
  return "unknown";
}

}  // namespace claimgraph
