// SearchClaims: runs a ClaimQuery against a Store, using its indexes.
//
// Each scope is answered from the narrowest index it allows (subject and
// metric -> by_block, subject -> by_subject, speaker -> by_speaker,
// metric -> by_metric, source -> by_source); only a query with no scope and
// no source scans every claim. Candidates are then checked against every
// condition, so an index only ever narrows, never decides.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/claim_query.h"
#include "engine/status.h"
#include "engine/store.h"

namespace claimgraph {

struct ClaimHit {
  StoredClaim claim;
  size_t scope = 0;  // the first scope of the query it matched (0 when there are none)
};

// The matching claims, newest document first (then by document id and
// position in the document), at most query.limit of them when it is set.
Result<std::vector<ClaimHit>> SearchClaims(const Store& store, const ClaimQuery& query);

// Whether `claim` passes the query's global filters (kinds, modalities,
// sources, dates, period), and the first scope it matches (nullopt: none).
bool PassesFilters(const ClaimQuery& query, const StoredClaim& claim);
std::optional<size_t> MatchingScope(const ClaimQuery& query, const StoredClaim& claim);

}  // namespace claimgraph
