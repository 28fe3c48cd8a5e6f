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
//
// A hand-written decoder reads the common line (an object whose values are
// strings or null, valid UTF-8, no key twice) in one pass; every other line
// goes to nlohmann's parser, so both give the same document or the same
// error for every input (tests/engine/jsonl_document_test.cc and the jsonl
// fuzz target compare them).
Status ParseJsonlDocument(std::string_view line, Document* doc);

namespace internal {

// The reference decoder: nlohmann's parser for every line.
Status ParseJsonlDocumentReference(std::string_view line, Document* doc);

}  // namespace internal

}  // namespace claimgraph
