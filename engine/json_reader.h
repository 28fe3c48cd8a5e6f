// Pieces of the one-pass JSON readers of hot lines: the JSONL document
// decoder (engine/jsonl_document.h) and the analysis finding lines
// (graph/analysis_codec.h). Each reader takes the common case only and
// leaves every other line to nlohmann, which also words the errors.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace claimgraph {

// Reads the JSON string whose opening quote is in[*pos] into *out (escapes
// decoded) and moves *pos past its closing quote. False, with *pos and
// *out unspecified, for anything else and for what the one-pass readers
// leave to nlohmann: raw control characters, surrogate escapes (\uD800 to
// \uDFFF), an unknown escape, a string not closed. Does not check UTF-8:
// callers check the whole line once, as nlohmann does.
bool ReadJsonString(std::string_view in, size_t* pos, std::string* out);

}  // namespace claimgraph
