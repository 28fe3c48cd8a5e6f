// Where the `graph` commands get their graph: one function, so that the
// source can change (today: built from the store; later: the nightly
// rebuild's snapshot plus the contradiction links) without touching the
// commands.
#pragma once

#include "engine/status.h"
#include "engine/store.h"
#include "extractors/entity_catalog.h"
#include "graph/claim_graph.h"

namespace claimgraph::cli {

// The graph of `store` with every `catalog` entity; no analysis links yet.
// Streams the store once (documents, entities, claims). Errors: the
// store's (Corruption, IOError) and the builder's (ResourceExhausted).
// The graph does not refer to `store` or `catalog` once returned.
Result<ClaimGraph> LoadGraphForCommand(const Store& store, const EntityCatalog& catalog);

}  // namespace claimgraph::cli
