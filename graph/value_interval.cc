#include "graph/value_interval.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace claimgraph {

namespace {

constexpr double kTolerance = 1e-9;

// The first run of digits (with separators) in text: its value and how many
// digits follow the decimal point. nullopt when text has no digit.
struct WrittenNumber {
  double value = 0;
  int decimals = 0;
};

std::optional<WrittenNumber> FirstNumber(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && !(text[i] >= '0' && text[i] <= '9')) ++i;
  if (i == text.size()) return std::nullopt;
  WrittenNumber n;
  bool fraction = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      n.value = n.value * 10 + (c - '0');
      if (fraction) ++n.decimals;
    } else if (c == ',' && !fraction && i + 1 < text.size() && text[i + 1] >= '0' &&
               text[i + 1] <= '9') {
      continue;
    } else if (c == '.' && !fraction && i + 1 < text.size() && text[i + 1] >= '0' &&
               text[i + 1] <= '9') {
      fraction = true;
    } else {
      break;
    }
  }
  n.value /= std::pow(10.0, n.decimals);
  return n;
}

bool Open(double v) { return std::isinf(v); }

// A compact money amount: 2.25e11 -> "225B".
std::string Compact(double v) {
  const double a = std::fabs(v);
  const char* suffix = "";
  double scaled = v;
  if (a >= 1e12) {
    scaled = v / 1e12, suffix = "T";
  } else if (a >= 1e9) {
    scaled = v / 1e9, suffix = "B";
  } else if (a >= 1e6) {
    scaled = v / 1e6, suffix = "M";
  } else if (a >= 1e4) {
    scaled = v / 1e3, suffix = "K";
  }
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.4g%s", scaled, suffix);
  return buf;
}

std::string Amount(double v, std::string_view dimension) {
  if (dimension == "money:USD") return (v < 0 ? "-$" : "$") + Compact(std::fabs(v));
  if (dimension.rfind("money:", 0) == 0) {
    return Compact(v) + " " + std::string(dimension.substr(6));
  }
  if (dimension == "percent") return Compact(v) + "%";
  if (dimension == "points") return Compact(v) + " pp";
  if (dimension == "multiple") return Compact(v) + "x";
  if (dimension.rfind("count:", 0) == 0) {
    return Compact(v) + " " + std::string(dimension.substr(6));
  }
  return Compact(v);
}

}  // namespace

std::string DimensionOf(MentionType type, const Quantity& q) {
  switch (type) {
    case MentionType::kMoney:
      return "money:" + (q.currency.empty() ? std::string("?") : q.currency);
    case MentionType::kPercent:
      return "percent";
    case MentionType::kPercentagePoints:
    case MentionType::kBasisPoints:
      return "points";
    case MentionType::kMultiple:
      return "multiple";
    case MentionType::kCount:
      return "count:" + q.unit;
    case MentionType::kNumber:
      return "number";
    case MentionType::kPeriod:
    case MentionType::kDuration:
      return "";
  }
  return "";
}

double DigitPrecision(std::string_view text, double amount) {
  std::optional<WrittenNumber> n = FirstNumber(text);
  if (!n || n->value == 0) return 0;
  const double scale = std::fabs(amount) / n->value;
  return 0.5 * std::pow(10.0, -n->decimals) * scale;
}

std::optional<ValueInterval> IntervalOf(const ClaimValue& value) {
  ValueInterval out;
  out.dimension = DimensionOf(value.type, value.quantity);
  const Quantity& q = value.quantity;
  if (out.dimension.empty() || std::isnan(q.amount)) return std::nullopt;
  const double unit = value.type == MentionType::kBasisPoints ? 0.01 : 1.0;
  out.amount = q.amount * unit;
  const double half = DigitPrecision(value.text, q.amount) * unit;
  const double lo = std::isnan(q.low) ? out.amount : q.low * unit;
  const double hi = std::isnan(q.high) ? out.amount : q.high * unit;
  switch (q.qualifier) {
    case Qualifier::kExact:
      out.low = std::min(lo, out.amount - half);
      out.high = std::max(hi, out.amount + half);
      break;
    case Qualifier::kApprox: {
      const double w = std::fabs(out.amount) * kApproxWidth;
      out.low = std::min(lo, out.amount - w);
      out.high = std::max(hi, out.amount + w);
      break;
    }
    case Qualifier::kAtLeast:
      out.low = Open(lo) ? out.amount : std::min(lo, out.amount);
      out.high = kUnbounded;
      break;
    case Qualifier::kAtMost:
      out.low = -kUnbounded;
      out.high = Open(hi) ? out.amount : std::max(hi, out.amount);
      break;
    case Qualifier::kRange:
      out.low = std::min(lo, hi);
      out.high = std::max(lo, hi);
      break;
  }
  return out;
}

bool Overlaps(double a_low, double a_high, double b_low, double b_high) {
  auto slack = [](double x) { return std::isinf(x) ? 0.0 : std::fabs(x) * kTolerance; };
  return a_low <= b_high + slack(b_high) && b_low <= a_high + slack(a_high);
}

bool IsScaleSlip(double a_low, double a_high, double a_amount, double b_low, double b_high,
                 double b_amount) {
  if (a_amount == 0 || b_amount == 0 || (a_amount < 0) != (b_amount < 0)) return false;
  if (Overlaps(a_low, a_high, b_low, b_high)) return false;
  for (double f : {1e3, 1e6, 1e9, 1e-3, 1e-6, 1e-9}) {
    if (Overlaps(a_low * f, a_high * f, b_low, b_high) &&
        std::fabs(a_amount * f - b_amount) <= 0.01 * std::fabs(b_amount)) {
      return true;
    }
  }
  return false;
}

std::string FormatInterval(double amount, double low, double high, Qualifier qualifier,
                           std::string_view dimension) {
  switch (qualifier) {
    case Qualifier::kAtLeast:
      return "more than " + Amount(Open(low) ? amount : low, dimension);
    case Qualifier::kAtMost:
      return "up to " + Amount(Open(high) ? amount : high, dimension);
    case Qualifier::kApprox:
      return "about " + Amount(amount, dimension);
    case Qualifier::kRange:
      if (!Open(low) && !Open(high)) {
        return Amount(low, dimension) + " to " + Amount(high, dimension);
      }
      break;
    case Qualifier::kExact:
      break;
  }
  return Amount(amount, dimension);
}

}  // namespace claimgraph
