// The JSON Lines wire format of `claimgraph annotate` (described by
// schemas/mention.schema.json): one object per mention, per metadata field
// and per error.
#pragma once

#include <string>
#include <string_view>

#include "engine/document.h"
#include "engine/document_reader.h"
#include "engine/mention.h"

namespace claimgraph {

// {"doc_id","type","start","end","text", ...type-specific fields}.
// REQUIRES: m was found in `text`.
void AppendMentionJson(const Mention& m, std::string_view doc_id, std::string_view text,
                       std::string* out);

// {"doc_id","type":"metadata","start","end","label","value"}.
void AppendMetadataJson(const MetadataField& field, std::string_view doc_id, std::string* out);

// {"type":"error","doc_id","origin","code","message"}.
void AppendErrorJson(const ReadError& error, std::string* out);

}  // namespace claimgraph
