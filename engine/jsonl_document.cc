#include "engine/jsonl_document.h"

#include <nlohmann/json.hpp>

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

}  // namespace

Status ParseJsonlDocument(std::string_view line, Document* doc) {
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
