#include "engine/stored_codec.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "engine/varint.h"

namespace claimgraph {

namespace {

constexpr char kRecordVersion = 3;  // 2: relation claims (relation, object); 3: terms

// The last enumerator of each enum the codec stores; decoding rejects
// larger values. Update these when an enum grows.
constexpr ClaimKind kLastClaimKind = ClaimKind::kRelation;
constexpr Modality kLastModality = Modality::kOpinion;
constexpr MentionType kLastMentionType = MentionType::kDuration;
constexpr Qualifier kLastQualifier = Qualifier::kRange;
constexpr Granularity kLastGranularity = Granularity::kSpan;
constexpr EntityType kLastEntityType = EntityType::kPerson;

// Smallest encoding of one MetadataField: two empty strings, two 1-byte
// varints. Bounds a decoded count before anything is allocated for it.
constexpr size_t kMinMetadataFieldSize = 4;

void PutSigned(std::string* out, int64_t v) { PutVarint64(out, ZigzagEncode(v)); }
void PutBool(std::string* out, bool b) { out->push_back(b ? 1 : 0); }

void PutString(std::string* out, std::string_view s) {
  PutVarint64(out, s.size());
  out->append(s);
}

template <typename E>
void PutEnum(std::string* out, E e) {
  PutVarint64(out, static_cast<uint64_t>(e));
}

void PutPeriod(std::string* out, const Period& p) {
  PutString(out, p.start);
  PutString(out, p.end);
  PutEnum(out, p.granularity);
  PutSigned(out, p.year);
  PutSigned(out, p.quarter);
  PutBool(out, p.fiscal);
  PutString(out, p.relative_offset);
}

void PutQuantity(std::string* out, const Quantity& q) {
  PutDouble(out, q.amount);
  PutDouble(out, q.low);
  PutDouble(out, q.high);
  PutEnum(out, q.qualifier);
  PutString(out, q.currency);
  PutString(out, q.unit);
  PutBool(out, q.equivalent);
  PutBool(out, q.vague);
}

void PutClaimValue(std::string* out, const std::optional<ClaimValue>& v) {
  PutBool(out, v.has_value());
  if (!v) return;
  PutEnum(out, v->type);
  PutQuantity(out, v->quantity);
  PutVarint64(out, v->start);
  PutVarint64(out, v->end);
  PutString(out, v->text);
  PutBool(out, v->period.has_value());
  if (v->period) PutPeriod(out, *v->period);
  PutString(out, v->period_text);
}

void PutSpeaker(std::string* out, const std::optional<Speaker>& s) {
  PutBool(out, s.has_value());
  if (!s) return;
  PutString(out, s->name);
  PutString(out, s->role);
  PutString(out, s->id);
}

// Reads fields from the front of `in`. The first failure is sticky: it
// records a Corruption naming the field, and every later read is a no-op,
// so decoders read straight through and call Finish() once at the end.
class Reader {
 public:
  Reader(std::string_view in, std::string_view record) : in_(in), record_(record) {}

  // Names nested fields in error messages: "value." + "quantity.amount".
  void set_prefix(std::string_view prefix) { prefix_ = prefix; }
  bool ok() const { return status_.ok(); }

  void Varint(const char* field, uint64_t* v);
  void Size(const char* field, size_t* v);
  void Signed(const char* field, int64_t* v);
  void Int(const char* field, int* v);
  void Double(const char* field, double* d);
  void Bool(const char* field, bool* b);
  void String(const char* field, std::string* s);

  template <typename E>
  void Enum(const char* field, E last, E* e) {
    uint64_t v = 0;
    Varint(field, &v);
    if (!ok()) return;
    if (v > static_cast<uint64_t>(last)) return Fail("bad value for field", field);
    *e = static_cast<E>(v);
  }

  // Reads an element count, rejecting one that could not fit in the rest of
  // the input at `min_size` bytes per element (so no huge allocation).
  void Count(const char* field, size_t min_size, size_t* n);
  // The first byte must be the record version, and it is consumed.
  void Version();
  // OK when every read succeeded and the input is used up.
  Status Finish();

 private:
  void Fail(std::string_view what, const char* field);

  std::string_view in_;
  std::string_view record_;  // "stored claim"
  std::string_view prefix_;
  Status status_;
};

void Reader::Fail(std::string_view what, const char* field) {
  if (!ok()) return;
  std::string msg;
  msg.reserve(record_.size() + what.size() + prefix_.size() + 32);
  msg.append(record_).append(": ").append(what).append(" ");
  msg.append(prefix_).append(field);
  status_ = Status::Corruption(msg);
}

void Reader::Varint(const char* field, uint64_t* v) {
  if (!ok() || GetVarint64(&in_, v)) return;
  // GetVarint64 only reports overflow when a whole varint's worth remains.
  Fail(in_.size() < kMaxVarint64Length ? "truncated at field" : "bad varint at field", field);
}

void Reader::Size(const char* field, size_t* v) {
  uint64_t u = 0;
  Varint(field, &u);
  if constexpr (sizeof(size_t) < sizeof(uint64_t)) {
    if (u > std::numeric_limits<size_t>::max()) return Fail("value out of range at field", field);
  }
  if (ok()) *v = static_cast<size_t>(u);
}

void Reader::Count(const char* field, size_t min_size, size_t* n) {
  uint64_t u = 0;
  Varint(field, &u);
  if (!ok()) return;
  if (u > in_.size() / min_size) return Fail("truncated at field", field);
  *n = static_cast<size_t>(u);
}

void Reader::Signed(const char* field, int64_t* v) {
  uint64_t u = 0;
  Varint(field, &u);
  if (ok()) *v = ZigzagDecode(u);
}

void Reader::Int(const char* field, int* v) {
  int64_t wide = 0;
  Signed(field, &wide);
  if (!ok()) return;
  if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) {
    return Fail("value out of range at field", field);
  }
  *v = static_cast<int>(wide);
}

void Reader::Double(const char* field, double* d) {
  if (ok() && !GetDouble(&in_, d)) Fail("truncated at field", field);
}

void Reader::Bool(const char* field, bool* b) {
  if (!ok()) return;
  if (in_.empty()) return Fail("truncated at field", field);
  const char c = in_[0];
  if (c != 0 && c != 1) return Fail("bad value for field", field);
  *b = c == 1;
  in_.remove_prefix(1);
}

void Reader::String(const char* field, std::string* s) {
  uint64_t len = 0;
  Varint(field, &len);
  if (!ok()) return;
  if (len > in_.size()) return Fail("truncated at field", field);
  s->assign(in_.data(), static_cast<size_t>(len));
  in_.remove_prefix(static_cast<size_t>(len));
}

void Reader::Version() {
  if (in_.empty()) return Fail("truncated at field", "version");
  if (in_[0] != kRecordVersion) {
    status_ = Status::Corruption(std::string(record_) + ": unknown record version " +
                                 std::to_string(static_cast<uint8_t>(in_[0])));
    return;
  }
  in_.remove_prefix(1);
}

Status Reader::Finish() {
  if (ok() && !in_.empty()) {
    status_ = Status::Corruption(std::string(record_) + ": " + std::to_string(in_.size()) +
                                 " trailing bytes after the last field");
  }
  return status_;
}

void GetPeriod(Reader* r, Period* p) {
  r->String("period.start", &p->start);
  r->String("period.end", &p->end);
  r->Enum("period.granularity", kLastGranularity, &p->granularity);
  r->Int("period.year", &p->year);
  r->Int("period.quarter", &p->quarter);
  r->Bool("period.fiscal", &p->fiscal);
  r->String("period.relative_offset", &p->relative_offset);
}

void GetQuantity(Reader* r, Quantity* q) {
  r->Double("quantity.amount", &q->amount);
  r->Double("quantity.low", &q->low);
  r->Double("quantity.high", &q->high);
  r->Enum("quantity.qualifier", kLastQualifier, &q->qualifier);
  r->String("quantity.currency", &q->currency);
  r->String("quantity.unit", &q->unit);
  r->Bool("quantity.equivalent", &q->equivalent);
  r->Bool("quantity.vague", &q->vague);
}

// `name` is the claim field ("value", "prior", "change"); `prefix` is the
// same with a trailing dot, for the nested fields.
void GetClaimValue(Reader* r, const char* name, std::string_view prefix,
                   std::optional<ClaimValue>* v) {
  bool present = false;
  r->Bool(name, &present);
  if (!r->ok() || !present) return v->reset();
  // Decoded into what the record held, so a scan that reuses its records
  // reuses their strings' memory too.
  ClaimValue& cv = v->has_value() ? **v : v->emplace();
  r->set_prefix(prefix);
  r->Enum("type", kLastMentionType, &cv.type);
  GetQuantity(r, &cv.quantity);
  r->Size("start", &cv.start);
  r->Size("end", &cv.end);
  r->String("text", &cv.text);
  bool has_period = false;
  r->Bool("period", &has_period);
  if (r->ok() && has_period) {
    GetPeriod(r, cv.period.has_value() ? &*cv.period : &cv.period.emplace());
  } else {
    cv.period.reset();
  }
  r->String("period_text", &cv.period_text);
  r->set_prefix("");
}

void GetSpeaker(Reader* r, std::optional<Speaker>* s) {
  bool present = false;
  r->Bool("speaker", &present);
  if (!r->ok() || !present) return s->reset();
  Speaker& sp = s->has_value() ? **s : s->emplace();
  r->String("speaker.name", &sp.name);
  r->String("speaker.role", &sp.role);
  r->String("speaker.id", &sp.id);
}

void GetMetadata(Reader* r, std::vector<MetadataField>* fields) {
  size_t count = 0;
  r->Count("metadata", kMinMetadataFieldSize, &count);
  if (!r->ok()) return;
  fields->resize(count);
  r->set_prefix("metadata.");
  for (MetadataField& f : *fields) {
    r->String("label", &f.label);
    r->String("value", &f.value);
    r->Size("start", &f.start);
    r->Size("end", &f.end);
  }
  r->set_prefix("");
}

// Readers slice the text with a document's offsets (the extractor cuts the
// prose and each trailer field out of it), so offsets past its end make a
// record corrupt even when every field decoded.
Status CheckDocumentOffsets(const Document& d) {
  const size_t size = d.text.size();
  if (d.prose_end > size) {
    return Status::Corruption("stored document: prose_end " + std::to_string(d.prose_end) +
                              " is past the end of the text (" + std::to_string(size) + " bytes)");
  }
  for (size_t i = 0; i < d.metadata.size(); ++i) {
    const MetadataField& f = d.metadata[i];
    if (f.start > f.end || f.end > size) {
      return Status::Corruption("stored document: metadata[" + std::to_string(i) + "] span [" +
                                std::to_string(f.start) + ", " + std::to_string(f.end) +
                                ") is not inside the text (" + std::to_string(size) + " bytes)");
    }
  }
  return Status::OK();
}

}  // namespace

void EncodeStoredDocument(const StoredDocument& doc, std::string* out) {
  const Document& d = doc.doc;
  out->push_back(kRecordVersion);
  PutString(out, d.id);
  PutString(out, d.text);
  PutString(out, d.source);
  PutString(out, d.published);
  PutString(out, d.url);
  PutString(out, d.title);
  PutString(out, d.origin);
  PutVarint64(out, d.prose_end);
  PutVarint64(out, d.metadata.size());
  for (const MetadataField& f : d.metadata) {
    PutString(out, f.label);
    PutString(out, f.value);
    PutVarint64(out, f.start);
    PutVarint64(out, f.end);
  }
  PutString(out, doc.content_hash);
  PutString(out, doc.ruleset);
  PutVarint64(out, doc.claim_count);
  PutSigned(out, doc.ingested_at);
}

Status DecodeStoredDocument(std::string_view in, StoredDocument* doc) {
  Document& d = doc->doc;
  Reader r(in, "stored document");
  r.Version();
  r.String("id", &d.id);
  r.String("text", &d.text);
  r.String("source", &d.source);
  r.String("published", &d.published);
  r.String("url", &d.url);
  r.String("title", &d.title);
  r.String("origin", &d.origin);
  r.Size("prose_end", &d.prose_end);
  GetMetadata(&r, &d.metadata);
  r.String("content_hash", &doc->content_hash);
  r.String("ruleset", &doc->ruleset);
  r.Varint("claim_count", &doc->claim_count);
  r.Signed("ingested_at", &doc->ingested_at);
  Status s = r.Finish();
  return s.ok() ? CheckDocumentOffsets(d) : s;
}

void EncodeStoredClaim(const StoredClaim& stored, std::string* out) {
  EncodeStoredClaim(stored.claim, stored.source, stored.published, stored.title, out);
}

void EncodeStoredClaim(const Claim& c, std::string_view source, std::string_view published,
                       std::string_view title, std::string* out) {
  out->push_back(kRecordVersion);
  PutString(out, c.claim_id);
  PutString(out, c.doc_id);
  PutEnum(out, c.kind);
  PutString(out, c.subject.id);
  PutString(out, c.subject.name);
  PutEnum(out, c.subject.type);
  PutString(out, c.metric);
  PutClaimValue(out, c.value);
  PutClaimValue(out, c.prior);
  PutClaimValue(out, c.change);
  PutString(out, c.change_direction);
  PutEnum(out, c.modality);
  PutBool(out, c.negated);
  PutSpeaker(out, c.speaker);
  PutVarint64(out, c.evidence_start);
  PutVarint64(out, c.evidence_end);
  PutString(out, c.evidence_text);
  PutString(out, c.rule);
  PutString(out, c.ruleset);
  PutString(out, c.comparator);
  PutString(out, c.status);
  PutString(out, c.stance);
  PutDouble(out, c.score);
  PutString(out, c.label);
  PutString(out, c.relation);
  PutString(out, c.object.id);
  PutString(out, c.object.name);
  PutEnum(out, c.object.type);
  PutVarint64(out, c.terms.size());
  for (const std::string& term : c.terms) PutString(out, term);
  PutString(out, source);
  PutString(out, published);
  PutString(out, title);
}

Status DecodeStoredClaim(std::string_view in, StoredClaim* stored) {
  Claim& c = stored->claim;
  Reader r(in, "stored claim");
  r.Version();
  r.String("claim_id", &c.claim_id);
  r.String("doc_id", &c.doc_id);
  r.Enum("kind", kLastClaimKind, &c.kind);
  r.String("subject.id", &c.subject.id);
  r.String("subject.name", &c.subject.name);
  r.Enum("subject.type", kLastEntityType, &c.subject.type);
  r.String("metric", &c.metric);
  GetClaimValue(&r, "value", "value.", &c.value);
  GetClaimValue(&r, "prior", "prior.", &c.prior);
  GetClaimValue(&r, "change", "change.", &c.change);
  r.String("change_direction", &c.change_direction);
  r.Enum("modality", kLastModality, &c.modality);
  r.Bool("negated", &c.negated);
  GetSpeaker(&r, &c.speaker);
  r.Size("evidence_start", &c.evidence_start);
  r.Size("evidence_end", &c.evidence_end);
  r.String("evidence_text", &c.evidence_text);
  r.String("rule", &c.rule);
  r.String("ruleset", &c.ruleset);
  r.String("comparator", &c.comparator);
  r.String("status", &c.status);
  r.String("stance", &c.stance);
  r.Double("score", &c.score);
  r.String("label", &c.label);
  r.String("relation", &c.relation);
  r.String("object.id", &c.object.id);
  r.String("object.name", &c.object.name);
  r.Enum("object.type", kLastEntityType, &c.object.type);
  size_t terms = 0;
  r.Count("terms", 1, &terms);
  c.terms.resize(terms);
  for (std::string& term : c.terms) r.String("terms", &term);
  r.String("source", &stored->source);
  r.String("published", &stored->published);
  r.String("title", &stored->title);
  return r.Finish();
}

}  // namespace claimgraph
