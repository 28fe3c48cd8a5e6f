#include "engine/document_record_json.h"

#include <nlohmann/json.hpp>

#include "engine/base64.h"
#include "engine/json_writer.h"
#include "engine/stored.h"
#include "engine/stored_codec.h"

namespace claimgraph {

namespace {

using nlohmann::json;

constexpr std::string_view kLinePrefix = "{\"document\":";

Status Field(const json& obj, const char* key, std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) {
    return Status::InvalidArgument(std::string("document.") + key + " must be a string");
  }
  *out = it->get<std::string>();
  return Status::OK();
}

Status Field(const json& obj, const char* key, size_t* out) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_number_unsigned()) {
    return Status::InvalidArgument(std::string("document.") + key +
                                   " must be a non-negative integer");
  }
  *out = it->get<size_t>();
  return Status::OK();
}

Status ParseMetadata(const json& d, Document* doc) {
  auto it = d.find("metadata");
  if (it == d.end() || !it->is_array()) {
    return Status::InvalidArgument("document.metadata must be an array");
  }
  for (const json& m : *it) {
    MetadataField f;
    if (!m.is_object()) return Status::InvalidArgument("document.metadata: not an object");
    Status s = Field(m, "label", &f.label);
    if (s.ok()) s = Field(m, "value", &f.value);
    if (s.ok()) s = Field(m, "start", &f.start);
    if (s.ok()) s = Field(m, "end", &f.end);
    if (!s.ok()) return Status::InvalidArgument("metadata: " + s.message());
    // Readers slice the text with these offsets (score claims' evidence).
    if (f.start > f.end || f.end > doc->text.size()) {
      return Status::InvalidArgument("metadata[" + std::to_string(doc->metadata.size()) +
                                     "]: span [" + std::to_string(f.start) + ", " +
                                     std::to_string(f.end) + ") is outside the text");
    }
    doc->metadata.push_back(std::move(f));
  }
  return Status::OK();
}

Status ParseClaims(const json& line, DocumentRecord* record) {
  auto it = line.find("claim_records");
  if (it == line.end() || !it->is_array()) {
    return Status::InvalidArgument("claim_records must be an array");
  }
  for (const json& item : *it) {
    std::optional<std::string> bytes;
    if (item.is_string()) bytes = DecodeBase64(item.get_ref<const std::string&>());
    StoredClaim c;
    if (!bytes || !DecodeStoredClaim(*bytes, &c).ok()) {
      return Status::InvalidArgument("claim_records[" + std::to_string(record->claims.size()) +
                                     "] is not a claim record");
    }
    if (c.claim.doc_id != record->doc.id) {
      return Status::InvalidArgument("claim " + c.claim.claim_id + " belongs to document " +
                                     c.claim.doc_id);
    }
    record->claims.push_back(std::move(c.claim));
  }
  return Status::OK();
}

}  // namespace

void AppendDocumentRecordJson(const Document& doc, std::string_view ruleset,
                              const std::vector<Claim>& claims, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("document");
  w.BeginObject();
  w.Field("id", doc.id);
  w.Field("title", doc.title);
  w.Field("source", doc.source);
  w.Field("published", doc.published);
  w.Field("url", doc.url);
  w.Field("origin", doc.origin);
  w.Field("text", doc.text);
  w.Field("prose_end", static_cast<uint64_t>(doc.prose_end));
  w.Key("metadata");
  w.BeginArray();
  for (const MetadataField& f : doc.metadata) {
    w.BeginObject();
    w.Field("label", f.label);
    w.Field("value", f.value);
    w.Field("start", static_cast<uint64_t>(f.start));
    w.Field("end", static_cast<uint64_t>(f.end));
    w.EndObject();
  }
  w.EndArray();
  w.Field("content_hash", ContentHash(doc));
  w.Field("ruleset", ruleset);
  w.Field("claims", static_cast<uint64_t>(claims.size()));
  w.EndObject();
  w.Key("claim_records");
  w.BeginArray();
  std::string bytes, encoded;
  for (const Claim& c : claims) {
    bytes.clear();
    encoded.clear();
    EncodeStoredClaim(StoredClaim{c, doc.source, doc.published, doc.title}, &bytes);
    AppendBase64(bytes, &encoded);
    w.String(encoded);
  }
  w.EndArray();
  w.EndObject();
  out->push_back('\n');
}

bool IsDocumentRecordLine(std::string_view line) {
  return line.substr(0, kLinePrefix.size()) == kLinePrefix;
}

Status ParseDocumentRecordJson(std::string_view line, DocumentRecord* record) {
  *record = DocumentRecord();
  json j = json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("malformed JSON");
  auto d = j.find("document");
  if (d == j.end() || !d->is_object()) return Status::InvalidArgument("no document object");
  Document& doc = record->doc;
  std::string hash;
  for (auto [key, field] : {std::pair{"id", &doc.id},
                            {"title", &doc.title},
                            {"source", &doc.source},
                            {"published", &doc.published},
                            {"url", &doc.url},
                            {"origin", &doc.origin},
                            {"text", &doc.text},
                            {"content_hash", &hash},
                            {"ruleset", &record->ruleset}}) {
    Status s = Field(*d, key, field);
    if (!s.ok()) return s;
  }
  Status s = Field(*d, "prose_end", &doc.prose_end);
  if (s.ok()) s = ParseMetadata(*d, &doc);
  if (s.ok() && doc.prose_end > doc.text.size()) {
    s = Status::InvalidArgument("document.prose_end is past the end of the text");
  }
  if (s.ok()) s = ParseClaims(j, record);
  if (!s.ok()) return Status::InvalidArgument("document " + doc.id + ": " + s.message());
  if (ContentHash(doc) != hash) {
    return Status::InvalidArgument("document " + doc.id +
                                   ": content_hash does not match its fields (an edited line, or "
                                   "written by another claimgraph version)");
  }
  return Status::OK();
}

}  // namespace claimgraph
