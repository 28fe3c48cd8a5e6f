// The analysis snapshot `claimgraph rebuild` leaves beside a generation's
// database (engine/store_dir.h: DIR/gen-N/snapshot/):
//   analysis.bin   contradictions and source scores (graph/analysis_codec.h)
//   sources.bin    the source scores alone, same encoding: `consistency`
//                  reads this small file instead of every finding
//   graph.bin      the claim graph (graph/graph_io.h)
//   claim_ids.bin  the sorted 64-bit claim ids, for the next run's diff
//   manifest.json  written last: what was built, from which store state
// The manifest records the store's sequence number after re-extraction,
// so a reader uses the snapshot only while the store is unchanged since;
// after a later ingest, commands compute from the stored claims instead.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/status.h"
#include "engine/store.h"
#include "engine/store_dir.h"  // WriteFileDurably
#include "graph/analysis_codec.h"
#include "graph/claim_graph.h"
#include "graph/contradictions.h"

namespace claimgraph::cli {

struct SnapshotManifest {
  uint64_t generation = 0;
  uint64_t sequence = 0;  // Store::sequence() the snapshot was built from
  std::string ruleset;
  int64_t built_at = 0;  // unix seconds
  uint64_t documents = 0;
  uint64_t claims = 0;
  uint64_t findings = 0;        // every labelled pair
  uint64_t contradictions = 0;  // genuine ones
  uint64_t sources = 0;
  uint64_t graph_vertices = 0;
  uint64_t graph_edges = 0;
  double build_seconds = 0;     // analysis + graph + writing the files
  double analysis_seconds = 0;  // contradictions, source scores, writing analysis.bin
  double graph_seconds = 0;     // the graph from the store, written to graph.bin
  uint64_t graph_bytes = 0;     // the graph's memory once loaded (about MemoryBytes)
};

inline constexpr char kAnalysisFile[] = "analysis.bin";
inline constexpr char kSourcesFile[] = "sources.bin";
inline constexpr char kGraphFile[] = "graph.bin";
inline constexpr char kClaimIdsFile[] = "claim_ids.bin";

// The manifest in `dir`; nullopt when there is none (no rebuild yet, or
// one that died before finishing). Corruption names the file.
Result<std::optional<SnapshotManifest>> ReadSnapshotManifest(const std::string& dir);
// Writes manifest.json durably (temp file, fsync, rename, fsync dir).
Status WriteSnapshotManifest(const std::string& dir, const SnapshotManifest& manifest);

// The manifest of the snapshot of the generation `store` opened, when it
// exists and the store has not been written since it was built.
std::optional<SnapshotManifest> CurrentSnapshot(const Store& store);

// A claim id as a 64-bit number: its 16 hex digits parsed; another id hashed.
uint64_t ClaimIdNumber(const std::string& id);
// Every claim id of the store as such a number, sorted.
Result<std::vector<uint64_t>> CollectClaimIds(const Store& store);
Status WriteClaimIds(const std::string& path, const std::vector<uint64_t>& ids);
Result<std::vector<uint64_t>> ReadClaimIds(const std::string& path);

// What a reading command analyzes: the snapshot's analysis (or graph)
// while it is current; otherwise computed from the stored claims by
// `compute`, with a note on stderr ("claimgraph <command>: ...") when a
// snapshot exists but the store changed since, or it cannot be read.
Result<Analysis> SnapshotAnalysisOr(const Store& store, const std::string& command,
                                    const AnalysisSelection& selection,
                                    const std::function<Result<Analysis>()>& compute);
Result<ClaimGraph> SnapshotGraphOr(const Store& store, const std::string& command,
                                   const std::function<Result<ClaimGraph>()>& compute);

// The graph's contradicts/corroborates edges for analysis findings:
// conflict, scale, beat and miss contradict; agree, rounding and met
// corroborate; stale, same-source and period-mismatch pairs get no edge.
std::vector<ClaimLink> LinksFromFindings(const std::vector<Finding>& findings);
// The edge of one finding, or nullopt for a finding that gets none.
std::optional<ClaimLink> LinkOfFinding(const Finding& finding);

// The parts of the analysis file `path` that `selection` selects, read
// `piece_bytes` at a time (whole lines; a longer line is one piece), each
// piece taken out of the process's memory once decoded. Errors: those of
// MappedFile and DecodeAnalysis.
inline constexpr size_t kAnalysisPieceBytes = size_t{16} << 20;
Result<Analysis> ReadAnalysisFile(const std::string& path, const AnalysisSelection& selection,
                                  size_t piece_bytes = kAnalysisPieceBytes);

Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace claimgraph::cli
