#include "cli/analysis_source.h"

#include "cli/snapshot.h"

namespace claimgraph::cli {

AnalysisContext MakeAnalysisContext(const EntityCatalog& catalog, const MetricLexicon& lexicon) {
  AnalysisContext context;
  for (const CatalogEntity& e : catalog.entities()) {
    context.display_names[e.id] = e.name;
    const bool part = e.type == EntityType::kSegment || e.type == EntityType::kProduct;
    if (part && !e.parent.empty()) context.parent_of[e.id] = e.parent;
  }
  for (const MetricDef& m : lexicon.metrics()) {
    if (m.additive) context.additive_metrics.insert(m.id);
  }
  return context;
}

Result<Analysis> LoadAnalysisForCommand(const Store& store, const AnalysisContext& context,
                                        const std::string& command,
                                        const AnalysisSelection& selection) {
  return SnapshotAnalysisOr(store, command, selection,
                            [&] { return AnalyzeStore(store, context); });
}

}  // namespace claimgraph::cli
