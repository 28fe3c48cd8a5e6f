#include "engine/claim_json.h"

#include "engine/json_writer.h"

namespace claimgraph {

namespace {

void WritePeriod(const Period& p, const std::string& text, JsonWriter* w) {
  w->BeginObject();
  w->Key("start");
  p.start.empty() ? w->Null() : w->String(p.start);
  w->Key("end");
  p.end.empty() ? w->Null() : w->String(p.end);
  w->Field("granularity", GranularityName(p.granularity));
  if (p.year != 0) w->Field("year", p.year);
  if (p.quarter != 0) w->Field("quarter", p.quarter);
  if (p.fiscal) w->Field("fiscal", true);
  if (!p.relative_offset.empty()) w->Field("relative", p.relative_offset);
  w->Field("text", text);
  w->EndObject();
}

void WriteValue(const std::optional<ClaimValue>& v, JsonWriter* w) {
  if (!v) {
    w->Null();
    return;
  }
  const Quantity& q = v->quantity;
  w->BeginObject();
  w->Field("type", MentionTypeName(v->type));
  w->Field("amount", q.amount);
  w->Key("unit");
  if (!q.currency.empty()) {
    w->String(q.currency);
  } else if (!q.unit.empty()) {
    w->String(q.unit);
  } else if (v->type == MentionType::kPercent) {
    w->String("percent");
  } else if (v->type == MentionType::kBasisPoints) {
    w->String("bp");
  } else if (v->type == MentionType::kPercentagePoints) {
    w->String("pp");
  } else if (v->type == MentionType::kMultiple) {
    w->String("x");
  } else {
    w->Null();
  }
  w->Field("qualifier", QualifierName(q.qualifier));
  w->Field("low", q.low);
  w->Field("high", q.high);
  w->Field("text", v->text);
  w->Field("start", static_cast<uint64_t>(v->start));
  w->Field("end", static_cast<uint64_t>(v->end));
  w->Key("period");
  if (v->period) {
    WritePeriod(*v->period, v->period_text, w);
  } else {
    w->Null();
  }
  w->EndObject();
}

void WriteOptionalString(std::string_view key, const std::string& value, JsonWriter* w) {
  w->Key(key);
  value.empty() ? w->Null() : w->String(value);
}

}  // namespace

void AppendClaimJson(const Claim& c, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Field("claim_id", c.claim_id);
  w.Field("doc_id", c.doc_id);
  w.Field("kind", ClaimKindName(c.kind));
  w.Key("subject");
  w.BeginObject();
  WriteOptionalString("id", c.subject.id, &w);
  WriteOptionalString("name", c.subject.name, &w);
  w.Key("type");
  c.subject.id.empty() ? w.Null() : w.String(EntityTypeName(c.subject.type));
  w.EndObject();
  WriteOptionalString("metric", c.metric, &w);
  w.Key("value");
  WriteValue(c.value, &w);
  w.Key("prior");
  WriteValue(c.prior, &w);
  w.Key("change");
  if (c.change || !c.change_direction.empty()) {
    w.BeginObject();
    WriteOptionalString("direction", c.change_direction, &w);
    w.Key("value");
    WriteValue(c.change, &w);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("period");
  if (c.value && c.value->period) {
    WritePeriod(*c.value->period, c.value->period_text, &w);
  } else {
    w.Null();
  }
  w.Field("modality", ModalityName(c.modality));
  w.Field("negated", c.negated);
  w.Key("speaker");
  if (c.speaker) {
    w.BeginObject();
    w.Field("name", c.speaker->name);
    WriteOptionalString("role", c.speaker->role, &w);
    WriteOptionalString("id", c.speaker->id, &w);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("evidence");
  w.BeginObject();
  w.Field("start", static_cast<uint64_t>(c.evidence_start));
  w.Field("end", static_cast<uint64_t>(c.evidence_end));
  w.Field("text", c.evidence_text);
  w.EndObject();
  w.Field("rule", c.rule);
  w.Field("ruleset", c.ruleset);
  if (c.kind == ClaimKind::kRelative) w.Field("comparator", c.comparator);
  if (c.kind == ClaimKind::kStatus) w.Field("status", c.status);
  if (c.kind == ClaimKind::kStance) {
    w.Field("stance", c.stance);
    w.Field("score", c.score);
  }
  if (c.kind == ClaimKind::kScore) {
    w.Field("label", c.label);
    w.Field("score", c.score);
  }
  if (c.kind == ClaimKind::kRelation) {
    w.Field("relation", c.relation);
    w.Key("object");
    w.BeginObject();
    w.Field("id", c.object.id);
    w.Field("name", c.object.name);
    w.Field("type", EntityTypeName(c.object.type));
    w.EndObject();
  }
  w.EndObject();
  out->push_back('\n');
}

}  // namespace claimgraph
