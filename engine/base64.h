// Base64 (RFC 4648, standard alphabet, with padding) for binary records
// carried inside JSON lines. Pure functions; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace claimgraph {

// Appends the encoding of `bytes` to *out.
void AppendBase64(std::string_view bytes, std::string* out);
// The bytes `text` encodes; nullopt when it is not padded base64.
std::optional<std::string> DecodeBase64(std::string_view text);

}  // namespace claimgraph
