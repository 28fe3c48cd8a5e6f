#include "engine/jsonl_document.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/json_reader.h"
#include "engine/utf8.h"

namespace claimgraph {

namespace {

using nlohmann::json;

// Copies an optional string field; error when present with another type.
Status OptionalString(const json& obj, const char* key, std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::OK();
  if (!it->is_string()) {
    return Status::InvalidArgument(std::string("field \"") + key + "\" must be a string");
  }
  *out = it->get<std::string>();
  return Status::OK();
}

Status ReadId(const json& obj, std::string* id) {
  auto it = obj.find("id");
  if (it == obj.end() || it->is_null()) return Status::OK();
  if (it->is_string()) {
    *id = it->get<std::string>();
  } else if (it->is_number_integer()) {
    *id = std::to_string(it->get<int64_t>());
  } else if (it->is_number_unsigned()) {
    *id = std::to_string(it->get<uint64_t>());
  } else {
    return Status::InvalidArgument("field \"id\" must be a string or an integer");
  }
  if (id->empty()) return Status::InvalidArgument("field \"id\" is empty");
  return Status::OK();
}

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The one-pass decoder of the common line. Every function returns false for
// anything it does not handle, and the caller then asks nlohmann.
class FastLine {
 public:
  explicit FastLine(std::string_view in) : in_(in) {}

  bool Parse(Document* out) {
    SkipSpace();
    if (!Eat('{')) return false;
    SkipSpace();
    if (Eat('}')) return false;  // no "text": nlohmann words the error
    std::string key, scratch;
    while (true) {
      if (!String(&key)) return false;
      SkipSpace();
      if (!Eat(':')) return false;
      SkipSpace();
      const int field = FieldIndex(key);
      if (field >= 0 && (seen_ & (1u << field)) != 0) return false;  // twice: last one wins
      if (Peek() == '"') {
        std::string* value = field >= 0 ? &values_[field] : &scratch;
        if (!String(value)) return false;
        if (field >= 0) seen_ |= 1u << field;
      } else if (in_.substr(pos_, 4) == "null") {
        pos_ += 4;
        if (field >= 0) nulls_ |= 1u << field;
      } else {
        return false;  // numbers, objects, arrays, booleans
      }
      SkipSpace();
      if (Eat('}')) break;
      if (!Eat(',')) return false;
      SkipSpace();
    }
    SkipSpace();
    if (pos_ != in_.size()) return false;
    // Errors are left to nlohmann's path, which words them.
    if ((seen_ & (1u << kText)) == 0) return false;
    if ((nulls_ & (1u << kText)) != 0 || (nulls_ & seen_) != 0) return false;
    if ((seen_ & (1u << kId)) != 0 && values_[kId].empty()) return false;
    std::string* targets[] = {&out->id,        &out->text, &out->source,
                              &out->published, &out->url,  &out->title};
    for (int f = 0; f < kFields; ++f) {
      if ((seen_ & (1u << f)) != 0) *targets[f] = std::move(values_[f]);
    }
    return true;
  }

 private:
  enum Field { kId, kText, kSource, kPublished, kUrl, kTitle, kFields };

  static int FieldIndex(std::string_view key) {
    constexpr std::string_view kNames[] = {"id", "text", "source", "published", "url", "title"};
    for (int f = 0; f < kFields; ++f) {
      if (key == kNames[f]) return f;
    }
    return -1;
  }

  char Peek() const { return pos_ < in_.size() ? in_[pos_] : '\0'; }
  bool Eat(char c) {
    if (Peek() != c || pos_ >= in_.size()) return false;
    ++pos_;
    return true;
  }
  void SkipSpace() {
    while (pos_ < in_.size() && IsJsonSpace(in_[pos_])) ++pos_;
  }

  bool String(std::string* out) { return ReadJsonString(in_, &pos_, out); }

  std::string_view in_;
  size_t pos_ = 0;
  std::string values_[kFields];
  unsigned seen_ = 0;   // fields with a string value
  unsigned nulls_ = 0;  // fields given as null
};

}  // namespace

Status ParseJsonlDocument(std::string_view line, Document* doc) {
  // nlohmann rejects invalid UTF-8 anywhere in the line; so does the fast
  // path, by leaving such lines to it.
  if (FindInvalidUtf8(line) == std::string_view::npos && FastLine(line).Parse(doc)) {
    return Status::OK();
  }
  return internal::ParseJsonlDocumentReference(line, doc);
}

Status internal::ParseJsonlDocumentReference(std::string_view line, Document* doc) {
  json obj = json::parse(line.begin(), line.end(), nullptr, false);
  if (obj.is_discarded()) return Status::InvalidArgument("malformed JSON");
  if (!obj.is_object()) return Status::InvalidArgument("line is not a JSON object");
  Status s = ReadId(obj, &doc->id);
  if (!s.ok()) return s;
  auto text = obj.find("text");
  if (text == obj.end()) return Status::InvalidArgument("missing field \"text\"");
  if (!text->is_string()) {
    return Status::InvalidArgument("field \"text\" must be a string");
  }
  doc->text = text->get<std::string>();
  for (auto [key, field] :
       {std::pair{"source", &doc->source}, std::pair{"published", &doc->published},
        std::pair{"url", &doc->url}, std::pair{"title", &doc->title}}) {
    s = OptionalString(obj, key, field);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace claimgraph
