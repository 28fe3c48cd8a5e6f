// Binary encodings of StoredDocument and StoredClaim, the values of the
// store's documents and claims column families.
//
// Each encoding starts with a one-byte record version, then the fields in a
// fixed order: strings as varint length + bytes, integers as varints
// (zigzag for signed), doubles as 8 little-endian bytes of their IEEE-754
// representation, optionals and vectors with a presence byte or a varint
// count. Decoding checks every length against the remaining input, so a
// truncated or corrupted value yields Status::Corruption, never a crash or
// a partially filled record. Pure functions; safe to call from any thread.
#pragma once

#include <string>
#include <string_view>

#include "engine/status.h"
#include "engine/stored.h"

namespace claimgraph {

// Appends the encoding of `doc` to *out.
void EncodeStoredDocument(const StoredDocument& doc, std::string* out);
// Decodes a whole value produced by EncodeStoredDocument. On error *doc is
// unspecified and the status is Corruption naming the field at fault; a
// prose_end or metadata span past the end of the text is an error too.
Status DecodeStoredDocument(std::string_view in, StoredDocument* doc);

// Appends the encoding of `claim` to *out.
void EncodeStoredClaim(const StoredClaim& claim, std::string* out);
// The same for a claim and its document's fields given apart (no StoredClaim
// to copy the claim into).
void EncodeStoredClaim(const Claim& claim, std::string_view source, std::string_view published,
                       std::string_view title, std::string* out);
// Decodes a whole value produced by EncodeStoredClaim; Corruption on error.
Status DecodeStoredClaim(std::string_view in, StoredClaim* claim);

}  // namespace claimgraph
