#include "engine/claim_json.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>

#include "engine/json_writer.h"

namespace claimgraph {

namespace {

// Writes one claim line, the fixed parts (keys with their quotes, colons,
// commas and braces) as ready-made fragments: the same bytes JsonWriter
// would write, with a few dozen appends fewer per claim. Pieces go to a
// stack buffer, appended to *out when full and by Finish().
class ClaimLine {
 public:
  // The first byte is set so that GCC's -Wmaybe-uninitialized (with
  // sanitizers) does not take the buffer for unwritten when it is appended.
  explicit ClaimLine(std::string* out) : out_(out) { buffer_[0] = '\0'; }

  // REQUIRES: s.size() <= kBufferSize (fragments and names are short).
  void Raw(std::string_view s) {
    std::memcpy(Room(s.size()), s.data(), s.size());
    used_ += s.size();
  }
  void String(std::string_view s) {
    const size_t bound = JsonStringBound(s.size());
    if (bound > kBufferSize) {
      Flush();
      AppendJsonString(s, out_);
      return;
    }
    Advance(WriteJsonString(s, Room(bound)));
  }
  // null when s is empty.
  void OptionalString(std::string_view s) { s.empty() ? Raw("null") : String(s); }
  void Double(double v) {
    if (!std::isfinite(v)) return Raw("null");
    char* p = Room(kNumberRoom);
    Advance(std::to_chars(p, p + kNumberRoom, v).ptr);
  }
  void Uint(uint64_t v) {
    char* p = Room(kNumberRoom);
    Advance(std::to_chars(p, p + kNumberRoom, v).ptr);
  }
  void Int(int64_t v) {
    char* p = Room(kNumberRoom);
    Advance(std::to_chars(p, p + kNumberRoom, v).ptr);
  }
  void Finish() { Flush(); }

 private:
  static constexpr size_t kNumberRoom = 32;  // the longest double is 24 bytes
  static constexpr size_t kBufferSize = 8192;

  char* Room(size_t n) {
    if (kBufferSize - used_ < n) Flush();
    return buffer_ + used_;
  }
  void Advance(const char* end) { used_ = static_cast<size_t>(end - buffer_); }
  void Flush() {
    if (used_ == 0) return;
    out_->append(buffer_, used_);
    used_ = 0;
  }

  std::string* out_;
  size_t used_ = 0;
  char buffer_[kBufferSize];
};

void WritePeriod(const Period& p, const std::string& text, ClaimLine* w) {
  w->Raw("{\"start\":");
  w->OptionalString(p.start);
  w->Raw(",\"end\":");
  w->OptionalString(p.end);
  w->Raw(",\"granularity\":");
  w->String(GranularityName(p.granularity));
  if (p.year != 0) w->Raw(",\"year\":"), w->Int(p.year);
  if (p.quarter != 0) w->Raw(",\"quarter\":"), w->Int(p.quarter);
  if (p.fiscal) w->Raw(",\"fiscal\":true");
  if (!p.relative_offset.empty()) w->Raw(",\"relative\":"), w->String(p.relative_offset);
  w->Raw(",\"text\":");
  w->String(text);
  w->Raw("}");
}

void WriteUnit(const ClaimValue& v, ClaimLine* w) {
  const Quantity& q = v.quantity;
  if (!q.currency.empty()) return w->String(q.currency);
  if (!q.unit.empty()) return w->String(q.unit);
  switch (v.type) {
    case MentionType::kPercent:
      return w->Raw("\"percent\"");
    case MentionType::kBasisPoints:
      return w->Raw("\"bp\"");
    case MentionType::kPercentagePoints:
      return w->Raw("\"pp\"");
    case MentionType::kMultiple:
      return w->Raw("\"x\"");
    default:
      return w->Raw("null");
  }
}

void WriteValue(const std::optional<ClaimValue>& v, ClaimLine* w) {
  if (!v) return w->Raw("null");
  const Quantity& q = v->quantity;
  w->Raw("{\"type\":");
  w->String(MentionTypeName(v->type));
  w->Raw(",\"amount\":");
  w->Double(q.amount);
  w->Raw(",\"unit\":");
  WriteUnit(*v, w);
  w->Raw(",\"qualifier\":");
  w->String(QualifierName(q.qualifier));
  w->Raw(",\"low\":");
  w->Double(q.low);
  w->Raw(",\"high\":");
  w->Double(q.high);
  w->Raw(",\"text\":");
  w->String(v->text);
  w->Raw(",\"start\":");
  w->Uint(v->start);
  w->Raw(",\"end\":");
  w->Uint(v->end);
  w->Raw(",\"period\":");
  v->period ? WritePeriod(*v->period, v->period_text, w) : w->Raw("null");
  w->Raw("}");
}

// The fields that only some kinds of claim have.
void WriteKindFields(const Claim& c, ClaimLine* w) {
  switch (c.kind) {
    case ClaimKind::kRelative:
      w->Raw(",\"comparator\":");
      return w->String(c.comparator);
    case ClaimKind::kStatus:
      w->Raw(",\"status\":");
      return w->String(c.status);
    case ClaimKind::kStance:
      w->Raw(",\"stance\":");
      w->String(c.stance);
      w->Raw(",\"score\":");
      return w->Double(c.score);
    case ClaimKind::kScore:
      w->Raw(",\"label\":");
      w->String(c.label);
      w->Raw(",\"score\":");
      return w->Double(c.score);
    case ClaimKind::kRelation:
      w->Raw(",\"relation\":");
      w->String(c.relation);
      w->Raw(",\"object\":{\"id\":");
      w->String(c.object.id);
      w->Raw(",\"name\":");
      w->String(c.object.name);
      w->Raw(",\"type\":");
      w->String(EntityTypeName(c.object.type));
      return w->Raw("}");
    default:
      return;
  }
}

}  // namespace

void AppendClaimJson(const Claim& c, std::string* out) {
  ClaimLine w(out);
  w.Raw("{\"claim_id\":");
  w.String(c.claim_id);
  w.Raw(",\"doc_id\":");
  w.String(c.doc_id);
  w.Raw(",\"kind\":");
  w.String(ClaimKindName(c.kind));
  w.Raw(",\"subject\":{\"id\":");
  w.OptionalString(c.subject.id);
  w.Raw(",\"name\":");
  w.OptionalString(c.subject.name);
  w.Raw(",\"type\":");
  c.subject.id.empty() ? w.Raw("null") : w.String(EntityTypeName(c.subject.type));
  w.Raw("},\"metric\":");
  w.OptionalString(c.metric);
  w.Raw(",\"value\":");
  WriteValue(c.value, &w);
  w.Raw(",\"prior\":");
  WriteValue(c.prior, &w);
  w.Raw(",\"change\":");
  if (c.change || !c.change_direction.empty()) {
    w.Raw("{\"direction\":");
    w.OptionalString(c.change_direction);
    w.Raw(",\"value\":");
    WriteValue(c.change, &w);
    w.Raw("}");
  } else {
    w.Raw("null");
  }
  w.Raw(",\"period\":");
  if (c.value && c.value->period) {
    WritePeriod(*c.value->period, c.value->period_text, &w);
  } else {
    w.Raw("null");
  }
  w.Raw(",\"modality\":");
  w.String(ModalityName(c.modality));
  w.Raw(c.negated ? ",\"negated\":true" : ",\"negated\":false");
  w.Raw(",\"speaker\":");
  if (c.speaker) {
    w.Raw("{\"name\":");
    w.String(c.speaker->name);
    w.Raw(",\"role\":");
    w.OptionalString(c.speaker->role);
    w.Raw(",\"id\":");
    w.OptionalString(c.speaker->id);
    w.Raw("}");
  } else {
    w.Raw("null");
  }
  w.Raw(",\"evidence\":{\"start\":");
  w.Uint(c.evidence_start);
  w.Raw(",\"end\":");
  w.Uint(c.evidence_end);
  w.Raw(",\"text\":");
  w.String(c.evidence_text);
  w.Raw("},\"rule\":");
  w.String(c.rule);
  w.Raw(",\"ruleset\":");
  w.String(c.ruleset);
  w.Raw(",\"terms\":[");
  for (size_t i = 0; i < c.terms.size(); ++i) {
    if (i > 0) w.Raw(",");
    w.String(c.terms[i]);
  }
  w.Raw("]");
  WriteKindFields(c, &w);
  w.Raw("}\n");
  w.Finish();
}

}  // namespace claimgraph
