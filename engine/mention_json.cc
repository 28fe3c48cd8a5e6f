#include "engine/mention_json.h"

#include "engine/json_writer.h"

namespace claimgraph {

namespace {

void WriteQuantity(const Quantity& q, MentionType type, JsonWriter* w) {
  w->Field("amount", q.amount);
  if (type == MentionType::kMoney) w->Field("currency", q.currency);
  if (!q.unit.empty()) w->Field("unit", q.unit);
  w->Field("qualifier", QualifierName(q.qualifier));
  w->Field("low", q.low);    // -inf -> null: open below
  w->Field("high", q.high);  // +inf -> null: open above
  if (q.equivalent) w->Field("equivalent", true);
  if (q.vague) w->Field("vague", true);
}

void WriteOptionalString(std::string_view key, const std::string& value, JsonWriter* w) {
  w->Key(key);
  if (value.empty()) {
    w->Null();
  } else {
    w->String(value);
  }
}

void WritePeriod(const Period& p, JsonWriter* w) {
  WriteOptionalString("period_start", p.start, w);
  WriteOptionalString("period_end", p.end, w);
  w->Field("granularity", GranularityName(p.granularity));
  if (p.year != 0) w->Field("year", p.year);
  if (p.quarter != 0) w->Field("quarter", p.quarter);
  if (p.fiscal) w->Field("fiscal", true);
  if (!p.relative_offset.empty()) w->Field("relative", p.relative_offset);
}

}  // namespace

void AppendMentionJson(const Mention& m, std::string_view doc_id, std::string_view text,
                       std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Field("doc_id", doc_id);
  w.Field("type", MentionTypeName(m.type));
  w.Field("start", static_cast<uint64_t>(m.start));
  w.Field("end", static_cast<uint64_t>(m.end));
  w.Field("text", m.Text(text));
  if (m.type == MentionType::kPeriod) {
    WritePeriod(m.period, &w);
  } else {
    WriteQuantity(m.quantity, m.type, &w);
  }
  w.EndObject();
  out->push_back('\n');
}

void AppendMetadataJson(const MetadataField& field, std::string_view doc_id, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Field("doc_id", doc_id);
  w.Field("type", "metadata");
  w.Field("start", static_cast<uint64_t>(field.start));
  w.Field("end", static_cast<uint64_t>(field.end));
  w.Field("label", field.label);
  w.Field("value", field.value);
  w.EndObject();
  out->push_back('\n');
}

void AppendErrorJson(const ReadError& error, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Field("type", "error");
  w.Field("doc_id", error.doc_id);
  w.Field("origin", error.origin);
  w.Field("code", error.status.CodeName());
  w.Field("message", error.status.message());
  w.EndObject();
  out->push_back('\n');
}

}  // namespace claimgraph
