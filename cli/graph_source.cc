#include "cli/graph_source.h"

#include "cli/snapshot.h"
#include "graph/graph_build.h"

namespace claimgraph::cli {

Result<ClaimGraph> LoadGraphForCommand(const Store& store, const EntityCatalog& catalog) {
  return SnapshotGraphOr(store, "graph",
                         [&] { return BuildClaimGraph(store, catalog.entities(), {}); });
}

}  // namespace claimgraph::cli
