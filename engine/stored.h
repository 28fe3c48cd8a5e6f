// What the store keeps: a document with its provenance and content hash,
// and each claim with the document fields queries filter and print on.
// Plain value types; safe to share read-only across threads. Binary
// encodings live in engine/stored_codec.h.
#pragma once

#include <cstdint>
#include <string>

#include "engine/claim.h"
#include "engine/document.h"

namespace claimgraph {

struct StoredDocument {
  Document doc;              // text, metadata trailer, source, published, url, title, origin
  std::string content_hash;  // hex hash of text + metadata (ContentHash)
  std::string ruleset;       // the rules its claims were extracted with
  uint64_t claim_count = 0;
  int64_t ingested_at = 0;  // unix seconds
};

struct StoredClaim {
  Claim claim;
  std::string source;     // the document's source (may be empty)
  std::string published;  // the document's published date (may be empty)
  std::string title;      // the document's title (may be empty)
};

// Hex hash of everything in a document that can change its claims: id,
// text, source, published, url and title. Stable across runs and machines.
std::string ContentHash(const Document& doc);

}  // namespace claimgraph
