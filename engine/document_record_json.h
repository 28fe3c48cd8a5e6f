// The document line of `claimgraph extract --with-documents`: everything the
// store keeps about one document, so that a reduce step (`claimgraph sst`)
// writes the very records `claimgraph ingest` would have written.
//
//   {"document":{"id","title","source","published","url","origin","text",
//                "prose_end","metadata":[{"label","value","start","end"}],
//                "content_hash","ruleset","claims"},
//    "claim_records":["<base64>", ...]}
//
// It precedes the document's ordinary claim lines (schemas/claim.schema.json,
// for people and jq). The claim JSON leaves out fields the store keeps
// (quantity.vague and .equivalent, currency and unit apart), so each claim
// also travels as its exact store value (engine/stored_codec.h), base64.
// Pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/claim.h"
#include "engine/document.h"
#include "engine/status.h"

namespace claimgraph {

// One parsed document line.
struct DocumentRecord {
  Document doc;
  std::string ruleset;
  std::vector<Claim> claims;
};

// Appends the document line of `doc`, extracted with `ruleset` into
// `claims`, followed by '\n'.
void AppendDocumentRecordJson(const Document& doc, std::string_view ruleset,
                              const std::vector<Claim>& claims, std::string* out);

// True when `line` is a document line (a JSON object whose first key is
// "document"); claim and error lines are not.
bool IsDocumentRecordLine(std::string_view line);

// Parses a document line into *record. InvalidArgument naming the field at
// fault: malformed JSON, a missing or mistyped field, a claim record that
// does not decode or names another document, or a content hash that does
// not match the fields (an edited line, or another claimgraph version).
Status ParseDocumentRecordJson(std::string_view line, DocumentRecord* record);

}  // namespace claimgraph
