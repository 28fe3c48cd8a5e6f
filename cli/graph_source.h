// Where the `graph` commands get their graph: one function, so that the
// source can change (today: built from the store; later: the nightly
// rebuild's snapshot plus the contradiction links) without touching the
// commands.
#pragma once

#include <string>

#include "engine/status.h"
#include "engine/store.h"
#include "extractors/entity_catalog.h"
#include "graph/claim_graph.h"

namespace claimgraph::cli {

// The graph of `store`: the nightly rebuild's snapshot while the store is
// unchanged since (cli/snapshot.h); otherwise built on the spot from the
// store, every `catalog` entity, and contradicts/corroborates links from an
// analysis of the stored claims (metric lexicon from `schema_dir`), with a
// note on stderr naming `command` when a snapshot exists but is stale.
// Errors: the store's (Corruption, IOError), the lexicon's, and the
// builder's (ResourceExhausted). The graph does not refer to `store` or
// `catalog` once returned.
Result<ClaimGraph> LoadGraphForCommand(const Store& store, const EntityCatalog& catalog,
                                       const std::string& schema_dir, const std::string& command);

}  // namespace claimgraph::cli
