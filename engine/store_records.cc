#include "engine/store_records.h"

#include <cassert>
#include <map>
#include <set>

#include "engine/store_internal.h"
#include "engine/stored_codec.h"

namespace claimgraph {

void BuildDocumentRecords(StoredDocument* doc, const std::vector<Claim>& claims,
                          const RecordFn& put, std::map<std::string, int64_t>* deltas) {
  const Document& d = doc->doc;
  std::set<std::string_view> seen;
  // A document's claims name the same few entities over and over: one
  // record each (the last claim's, as a batch of repeated puts would keep).
  std::map<std::string, std::string> entities;
  std::string value;
  std::vector<std::string> keys;
  // The claims' counters, tallied before any key is built: a document's
  // claims count in a dozen counters or so, five times a claim.
  struct Tally {
    std::string_view group, name;
    int64_t n = 0;
  };
  std::vector<Tally> tally;
  auto count = [&tally](std::string_view group, std::string_view name) {
    for (Tally& t : tally) {
      if (t.name == name && t.group == group) {
        ++t.n;
        return;
      }
    }
    tally.push_back({group, name, 1});
  };
  for (const Claim& claim : claims) {
    assert(claim.doc_id == d.id);
    if (!seen.insert(claim.claim_id).second) continue;  // the same claim twice
    value.clear();
    EncodeStoredClaim(claim, d.source, d.published, d.title, &value);
    put(kCfClaims, claim.claim_id, value);
    for (ClaimIndex index : kAllClaimIndexes) {
      keys.clear();
      AppendClaimIndexKeys(index, claim, d.source, d.published, &keys);
      for (const std::string& key : keys) put(IndexCf(index), key, std::string_view());
    }
    for (StoredEntity& e : ClaimEntities(claim)) {
      std::string record = EncodeEntity(e);
      entities.insert_or_assign(std::move(e.id), std::move(record));
    }
    ForEachClaimCounter(claim, count);
  }
  for (const Tally& t : tally) (*deltas)[CounterKey(t.group, t.name)] += t.n;
  for (const auto& [id, record] : entities) put(kCfEntities, id, record);
  doc->claim_count = seen.size();
  value.clear();
  EncodeStoredDocument(*doc, &value);
  put(kCfDocuments, d.id, value);
  (*deltas)[CounterKey("total", "documents")] += 1;
  if (!d.source.empty()) (*deltas)[CounterKey("source", d.source)] += 1;
}

}  // namespace claimgraph
