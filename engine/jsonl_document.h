// Decoding of one JSON Lines document: {"id","text","source","published",
// "url","title"}; only "text" is required. Unknown fields are ignored.
#pragma once

#include <string_view>

#include "engine/document.h"
#include "engine/status.h"

namespace claimgraph {

// Parses `line` into *doc (id, text, source, published, url, title). Leaves
// doc->id empty when the line has no id. Returns InvalidArgument naming the
// problem: malformed JSON, not an object, missing or non-string "text", a
// field of the wrong type. On error *doc may hold the id, for reporting.
Status ParseJsonlDocument(std::string_view line, Document* doc);

}  // namespace claimgraph
