#include "extractors/json_fields.h"

namespace claimgraph {

Status ReadStringList(const nlohmann::json& obj, const char* key, const std::string& where,
                      bool required, std::vector<std::string>* out) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) return Status::InvalidArgument(where + "." + key + ": missing");
    return Status::OK();
  }
  if (!it->is_array()) {
    return Status::InvalidArgument(where + "." + key + ": must be an array of strings");
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const nlohmann::json& v = (*it)[i];
    if (!v.is_string() || v.get<std::string>().empty()) {
      return Status::InvalidArgument(where + "." + key + "[" + std::to_string(i) +
                                     "]: must be a non-empty string");
    }
    out->push_back(v.get<std::string>());
  }
  return Status::OK();
}

}  // namespace claimgraph
