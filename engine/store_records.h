// The key/value records one document writes to the store, built in one
// place: Store::PutDocument puts them in its WriteBatch and ShardWriter
// sorts them into table files, so both paths write identical bytes.
// Internal to engine/ (column families are store_internal.h's Cf values).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/claim.h"
#include "engine/stored.h"

namespace claimgraph {

// Receives one record: column family (Cf), key, value. The views are valid
// only during the call.
using RecordFn = std::function<void(size_t cf, std::string_view key, std::string_view value)>;

// Calls put for every claim of `claims` (the first of each claim id; a
// repeated id is skipped), each of their index entries and entities, and
// last the document record of *doc, after setting doc->claim_count. Adds
// the counter deltas of the new document and its claims to *deltas
// (CounterKey -> delta). REQUIRES: every claim's doc_id == doc->doc.id.
void BuildDocumentRecords(StoredDocument* doc, const std::vector<Claim>& claims,
                          const RecordFn& put, std::map<std::string, int64_t>* deltas);

}  // namespace claimgraph
