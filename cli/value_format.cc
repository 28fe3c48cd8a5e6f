#include "cli/value_format.h"

#include <cmath>
#include <cstdio>

namespace claimgraph::cli {

namespace {

// "2.25e11" -> "225B"; three significant digits at most, trailing zeros cut.
std::string Compact(double v) {
  const char* suffix = "";
  double a = std::fabs(v);
  if (a >= 1e12) {
    v /= 1e12, suffix = "T";
  } else if (a >= 1e9) {
    v /= 1e9, suffix = "B";
  } else if (a >= 1e6) {
    v /= 1e6, suffix = "M";
  } else if (a >= 1e4) {
    v /= 1e3, suffix = "K";
  }
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.3g", v);
  std::string s(buf);
  if (s.find('e') != std::string::npos) {  // beyond 3 digits: print plainly
    std::snprintf(buf, sizeof(buf), "%.0f", v);
    s = buf;
  }
  return s + suffix;
}

std::string CurrencyPrefix(const std::string& iso) {
  if (iso == "USD") return "$";
  if (iso == "EUR") return "€";
  if (iso == "GBP") return "£";
  if (iso == "JPY") return "¥";
  return iso + " ";
}

std::string One(const Mention& m, double v) {
  if (!std::isfinite(v)) return "?";
  const Quantity& q = m.quantity;
  std::string sign = v < 0 ? "-" : "";
  double a = std::fabs(v);
  switch (m.type) {
    case MentionType::kMoney:
      return sign + CurrencyPrefix(q.currency) + Compact(a);
    case MentionType::kPercent:
      return sign + Compact(a) + "%";
    case MentionType::kPercentagePoints:
      return sign + Compact(a) + "pp";
    case MentionType::kBasisPoints:
      return sign + Compact(a) + "bp";
    case MentionType::kMultiple:
      return sign + Compact(a) + "x";
    case MentionType::kCount:
      return sign + Compact(a) + " " + q.unit;
    case MentionType::kDuration:
      return sign + Compact(a) + " " + q.unit + (a == 1 ? "" : "s");
    default:
      return sign + Compact(a);
  }
}

std::string FormatPeriod(const Period& p) {
  std::string out(GranularityName(p.granularity));
  if (!p.start.empty()) out += " " + p.start + ".." + p.end;
  if (!p.relative_offset.empty()) out += " (" + p.relative_offset + ")";
  return out;
}

}  // namespace

std::string FormatValue(const Mention& m) {
  if (m.type == MentionType::kPeriod) return FormatPeriod(m.period);
  const Quantity& q = m.quantity;
  switch (q.qualifier) {
    case Qualifier::kExact:
      return One(m, q.amount);
    case Qualifier::kApprox:
      return "~" + One(m, q.amount);
    case Qualifier::kAtLeast:
      return "at least " + One(m, q.amount);
    case Qualifier::kAtMost:
      return "at most " + One(m, q.amount);
    case Qualifier::kRange:
      return One(m, q.low) + " to " + One(m, q.high);
  }
  return One(m, q.amount);
}

}  // namespace claimgraph::cli

namespace claimgraph::cli {

std::string FormatClaimValue(const std::optional<ClaimValue>& v) {
  if (!v) return "";
  Mention m;
  m.type = v->type;
  m.quantity = v->quantity;
  return FormatValue(m);
}

}  // namespace claimgraph::cli
