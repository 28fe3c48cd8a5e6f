#include "cli/graph_source.h"

#include "cli/analysis_source.h"
#include "cli/snapshot.h"
#include "graph/graph_build.h"

namespace claimgraph::cli {

Result<ClaimGraph> LoadGraphForCommand(const Store& store, const EntityCatalog& catalog,
                                       const std::string& schema_dir, const std::string& command) {
  return SnapshotGraphOr(store, command, [&]() -> Result<ClaimGraph> {
    auto lexicon = MetricLexicon::Load(schema_dir + "/metrics.json");
    if (!lexicon.ok()) return lexicon.status();
    auto analysis = AnalyzeStore(store, MakeAnalysisContext(catalog, *lexicon));
    if (!analysis.ok()) return analysis.status();
    return BuildClaimGraph(store, catalog.entities(), LinksFromFindings(analysis->findings));
  });
}

}  // namespace claimgraph::cli
