#include "mention_expect.h"

#include <cmath>
#include <sstream>

namespace claimgraph::testing {

namespace {

bool Near(double a, double b) {
  if (std::isinf(a) || std::isinf(b)) return a == b;
  return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b)) + 1e-12;
}

// Compares a bound: JSON null means open-ended.
bool BoundMatches(const nlohmann::json& e, double v) {
  if (e.is_null()) return std::isinf(v);
  return Near(e.get<double>(), v);
}

std::string Str(const nlohmann::json& e) { return e.dump(); }

}  // namespace

std::string Mismatch(const nlohmann::json& expect, const Mention& m) {
  std::ostringstream why;
  const Quantity& q = m.quantity;
  const Period& p = m.period;
  for (auto& [key, e] : expect.items()) {
    bool ok = true;
    std::string got;
    if (key == "type") {
      got = MentionTypeName(m.type), ok = e == got;
    } else if (key == "amount") {
      got = std::to_string(q.amount), ok = Near(e.get<double>(), q.amount);
    } else if (key == "currency") {
      got = q.currency, ok = e == got;
    } else if (key == "qualifier") {
      got = QualifierName(q.qualifier), ok = e == got;
    } else if (key == "low") {
      got = std::to_string(q.low), ok = BoundMatches(e, q.low);
    } else if (key == "high") {
      got = std::to_string(q.high), ok = BoundMatches(e, q.high);
    } else if (key == "unit") {
      got = q.unit, ok = e == got;
    } else if (key == "equivalent") {
      got = q.equivalent ? "true" : "false", ok = e.get<bool>() == q.equivalent;
    } else if (key == "vague") {
      got = q.vague ? "true" : "false", ok = e.get<bool>() == q.vague;
    } else if (key == "granularity") {
      got = GranularityName(p.granularity), ok = e == got;
    } else if (key == "period_start") {
      got = p.start, ok = e == got;
    } else if (key == "period_end") {
      got = p.end, ok = e == got;
    } else if (key == "relative") {
      got = p.relative_offset, ok = e == got;
    } else {
      continue;  // text, doc, occurrence: used to find the mention
    }
    if (!ok) {
      why << key << ": expected " << Str(e) << ", got " << got;
      return why.str();
    }
  }
  return "";
}

const Mention* Covering(const std::vector<Mention>& mentions, size_t start, size_t end) {
  for (const Mention& m : mentions) {
    if (m.start <= start && end <= m.end) return &m;
  }
  return nullptr;
}

std::string Describe(const Mention& m, std::string_view text) {
  std::ostringstream out;
  out << MentionTypeName(m.type) << " \"" << m.Text(text) << "\" [" << m.start << "," << m.end
      << ")";
  if (m.type == MentionType::kPeriod) {
    out << " " << GranularityName(m.period.granularity) << " " << m.period.start << ".."
        << m.period.end << " rel=" << m.period.relative_offset;
  } else {
    out << " amount=" << m.quantity.amount << " " << m.quantity.currency << m.quantity.unit << " "
        << QualifierName(m.quantity.qualifier) << " [" << m.quantity.low << ", " << m.quantity.high
        << "]";
  }
  return out.str();
}

}  // namespace claimgraph::testing
