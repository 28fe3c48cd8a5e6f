// What changed between two rebuilds: claims added and removed, new and
// resolved contradictions, sources whose reliability moved; and the report
// `claimgraph rebuild` prints.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "cli/snapshot.h"
#include "engine/ingester.h"
#include "engine/store.h"
#include "graph/analysis_codec.h"

namespace claimgraph::cli {

// The previous run, as its snapshot recorded it.
struct PreviousRun {
  bool has_snapshot = false;  // false: no rebuild yet (or it did not finish)
  uint64_t generation = 0;
  Analysis analysis;                // its genuine findings and scores; empty without a snapshot
  std::vector<uint64_t> claim_ids;  // the snapshot's; without one, the store's now
};

// The snapshot of the generation `store` opened; without one, the store's
// claim ids (so the diff still counts claims added and removed). Errors:
// Corruption naming a snapshot file that cannot be decoded.
Result<PreviousRun> LoadPreviousRun(const Store& store);

// The genuine findings of the analysis file in `snapshot_dir`, for the
// diff. Errors: Corruption naming the file.
Result<Analysis> ReadGenuineFindings(const std::string& snapshot_dir);

struct ScoreMove {
  std::string source;
  double before = 0;
  double after = 0;
};

struct RunDiff {
  bool has_previous = false;
  uint64_t claims_added = 0;
  uint64_t claims_removed = 0;
  std::vector<Finding> new_contradictions;  // genuine findings not in the previous run
  std::vector<Finding> resolved;            // genuine findings of the previous run now gone
  std::vector<ScoreMove> moved;  // |after - before| >= kScoreMoveThreshold, largest first
  uint64_t new_sources = 0;      // sources scored now but not before
};

// Reliability changes smaller than this are noise, not news.
inline constexpr double kScoreMoveThreshold = 0.01;

// The diff of two runs in two parts, for a caller (the rebuild) that has
// the findings before the new run's claim ids. DiffFindings: all of it but
// the claim counts. Findings are matched by kind, label and their two claim
// ids (claim ids do not depend on the rules, so a conflict that survives a
// rule change keeps its identity). DiffClaimIds: the claims added and
// removed. REQUIRES (DiffClaimIds): both lists sorted.
RunDiff DiffFindings(const PreviousRun& previous, const Analysis& now);
void DiffClaimIds(const std::vector<uint64_t>& previous, const std::vector<uint64_t>& now,
                  RunDiff* diff);

struct RebuildReport {
  uint64_t generation = 0;
  IngestCounts reextracted;  // documents re-extracted (added = none here, replaced, unchanged)
  uint64_t current = 0;      // documents already extracted with these rules: kept as they are
  std::string into;          // "copy" or "empty": how the new generation was staged
  uint64_t chunks = 0;       // "empty": chunks of table files loaded
  SnapshotManifest manifest;
  RunDiff diff;
  double reextract_seconds = 0;
  double seconds = 0;  // the whole run
};

// Text: one summary line, then up to `show` rows of each list. JSON: one
// object with every count and the lists (at most `show` rows each).
void PrintRebuildReport(const RebuildReport& report, bool json, size_t show, std::ostream& out);

}  // namespace claimgraph::cli
