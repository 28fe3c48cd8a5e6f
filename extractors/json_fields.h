// Internal to extractors/: reading fields of a parsed JSON schema file with
// errors that name the file and the field path. Only .cc files that already
// parse JSON include this (it pulls in nlohmann/json).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/status.h"

namespace claimgraph {

// Appends obj[key], which must be an array of non-empty strings, to *out.
// A missing key is an error only when required. Errors read
// "<where>.<key>[3]: must be a non-empty string".
Status ReadStringList(const nlohmann::json& obj, const char* key, const std::string& where,
                      bool required, std::vector<std::string>* out);

}  // namespace claimgraph
