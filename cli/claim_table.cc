#include "cli/claim_table.h"

#include <cmath>
#include <cstdio>

#include "cli/value_format.h"
#include "engine/key_codec.h"

namespace claimgraph::cli {

namespace {

// The value column: what the claim says, whatever its kind.
std::string ValueText(const Claim& c) {
  std::string value = FormatClaimValue(c.value);
  switch (c.kind) {
    case ClaimKind::kStatus:
      value = c.status;
      break;
    case ClaimKind::kStance:
      value = c.stance;
      break;
    case ClaimKind::kScore: {
      char score[32];
      std::snprintf(score, sizeof(score), " %.2f", c.score);
      value = c.label + score;
      break;
    }
    case ClaimKind::kRelative:
      value += " vs " + c.comparator;
      break;
    case ClaimKind::kRelation:
      value = c.relation + " " + (c.object.id.empty() ? c.object.name : c.object.id);
      break;
    case ClaimKind::kQuantity:
      break;
  }
  if (c.prior) value += " (from " + FormatClaimValue(c.prior) + ")";
  if (c.negated) value = "not " + value;
  return value;
}

std::string ModalityText(const Claim& c) {
  if (c.kind != ClaimKind::kQuantity && c.kind != ClaimKind::kRelative) return "-";
  return std::string(ModalityName(c.modality));
}

void AppendCsvField(std::string_view field, std::string* out) {
  if (field.find_first_of(",\"\n\r") == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

std::string Number(double v) {
  if (!std::isfinite(v)) return "";  // an open bound
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%.17g", v);
  return buf;
}

}  // namespace

std::string Snippet(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "...";
}

void AppendClaimTableHeader(std::string* out) {
  char line[512];
  std::snprintf(line, sizeof(line), "  %-18s %-20s %-30s %-10s %-12s %-14s %-10s %s\n", "SUBJECT",
                "METRIC", "VALUE", "PERIOD", "MODALITY", "SOURCE", "DATE", "EVIDENCE");
  *out += line;
}

void AppendClaimTableRow(const StoredClaim& sc, std::string* out) {
  const Claim& c = sc.claim;
  const std::string period = ClaimPeriodKey(c);
  char line[1024];
  std::snprintf(line, sizeof(line), "  %-18s %-20s %-30s %-10s %-12s %-14s %-10s %s\n",
                Snippet(c.subject.id.empty() ? "?" : c.subject.id, 18).c_str(),
                Snippet(c.metric.empty() ? "-" : c.metric, 20).c_str(),
                Snippet(ValueText(c), 30).c_str(), period.empty() ? "-" : period.c_str(),
                ModalityText(c).c_str(), Snippet(sc.source.empty() ? "-" : sc.source, 14).c_str(),
                sc.published.empty() ? "-" : sc.published.substr(0, 10).c_str(),
                Snippet(c.evidence_text, 80).c_str());
  *out += line;
}

void AppendClaimCsvHeader(std::string* out) {
  *out +=
      "claim_id,doc_id,kind,subject_id,subject_name,metric,value,amount,unit,qualifier,low,high,"
      "prior,prior_amount,period,modality,negated,speaker,source,published,evidence\n";
}

void AppendClaimCsvRow(const StoredClaim& sc, std::string* out) {
  const Claim& c = sc.claim;
  auto unit = [](const std::optional<ClaimValue>& v) {
    if (!v) return std::string();
    return v->quantity.currency.empty() ? v->quantity.unit : v->quantity.currency;
  };
  const std::string fields[] = {
      c.claim_id,
      c.doc_id,
      std::string(ClaimKindName(c.kind)),
      c.subject.id,
      c.subject.name,
      c.metric,
      ValueText(c),
      c.value ? Number(c.value->quantity.amount) : "",
      unit(c.value),
      c.value ? std::string(QualifierName(c.value->quantity.qualifier)) : "",
      c.value ? Number(c.value->quantity.low) : "",
      c.value ? Number(c.value->quantity.high) : "",
      c.prior ? c.prior->text : "",
      c.prior ? Number(c.prior->quantity.amount) : "",
      ClaimPeriodKey(c),
      ModalityText(c),
      c.negated ? "true" : "false",
      c.speaker ? c.speaker->name : "",
      sc.source,
      sc.published,
      c.evidence_text,
  };
  for (size_t i = 0; i < std::size(fields); ++i) {
    if (i > 0) out->push_back(',');
    AppendCsvField(fields[i], out);
  }
  out->push_back('\n');
}

}  // namespace claimgraph::cli
