// Where `claimgraph contradictions` and `claimgraph consistency` get their
// analysis from, in one place, so that the source can change (today: the
// store is analyzed on the spot; later: the nightly rebuild's snapshot)
// without touching the commands.
#pragma once

#include <string>

#include "engine/status.h"
#include "engine/store.h"
#include "extractors/entity_catalog.h"
#include "extractors/metric_lexicon.h"
#include "graph/analysis_codec.h"
#include "graph/contradictions.h"

namespace claimgraph::cli {

// The analysis context from the catalog (segments' and products' parent
// companies, display names) and the lexicon (metrics with "additive": true).
// The result holds copies; neither argument need outlive it.
AnalysisContext MakeAnalysisContext(const EntityCatalog& catalog, const MetricLexicon& lexicon);

// The analysis of every claim in `store` under `context`: the nightly
// rebuild's snapshot while the store is unchanged since (cli/snapshot.h),
// else AnalyzeStore (a full scan of the claims), with a note on stderr
// naming `command` when a snapshot exists but is stale or unreadable.
// Errors: the store's read errors.
// From a snapshot only the `selection` is decoded (the caller filters
// anyway); a computed analysis is whole.
Result<Analysis> LoadAnalysisForCommand(const Store& store, const AnalysisContext& context,
                                        const std::string& command,
                                        const AnalysisSelection& selection = {});

}  // namespace claimgraph::cli
