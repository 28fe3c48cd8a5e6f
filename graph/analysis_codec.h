// Analysis: the contradictions and source scores of a whole store, and its
// text encoding (the snapshot a nightly rebuild stores).
//
// AnalyzeStore streams every claim once into compact facts
// (graph/claim_fact.h), then runs FindContradictions and ScoreSources.
// Memory is the facts (about 80 bytes per claim) plus the interned strings,
// never the stored claims.
//
// Encoding: JSON Lines, UTF-8. The first line is the header
//   {"format":"claimgraph-analysis","version":1,"stats":{...}}
// followed by one {"finding":{...}} line per finding and one
// {"source":{...}} line per source score, in the Analysis's order.
//
// Thread safety: functions are pure apart from reading the store; an
// Analysis is a plain value type.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"
#include "engine/store.h"
#include "graph/claim_fact.h"
#include "graph/contradictions.h"
#include "graph/truth_discovery.h"

namespace claimgraph {

inline constexpr std::string_view kAnalysisFormat = "claimgraph-analysis";
inline constexpr int kAnalysisVersion = 1;

// What the analysis looked at: every claim is counted once, either as
// compared (numeric or stance) or under the reason it was not.
struct AnalysisStats {
  uint64_t claims = 0;
  uint64_t numeric = 0;                          // quantity claims compared by value
  uint64_t stance = 0;                           // stance claims compared by polarity
  std::map<std::string, uint64_t> not_compared;  // reason ("no metric", "negated") -> claims
  int iterations = 0;                            // truth discovery rounds
  bool converged = false;
};

struct Analysis {
  std::vector<Finding> findings;     // FindContradictions order
  std::vector<SourceScore> sources;  // ScoreSources order
  AnalysisStats stats;
};

// Analyzes facts already built (tests, or a caller with its own facts).
Analysis AnalyzeFacts(const std::vector<ClaimFact>& facts, const StringTable& strings,
                      const AnalysisContext& context, const TruthOptions& options = {});

// Reads every claim of `store` (Store::ForEachClaim) and analyzes them.
// Errors: the store's, when reading fails (Corruption naming the record).
Result<Analysis> AnalyzeStore(const Store& store, const AnalysisContext& context,
                              const TruthOptions& options = {});

// What WriteStoreAnalysis wrote, besides the findings.
struct WrittenAnalysis {
  AnalysisStats stats;
  std::vector<SourceScore> sources;  // ScoreSources order
  uint64_t findings = 0;             // lines written
  uint64_t genuine = 0;              // of which IsGenuine
};

// AnalyzeStore and WriteAnalysisFile in one, for a store too large to hold
// every Finding beside its facts (a nightly rebuild): the same bytes, but
// the findings are kept compact (two fact numbers, counts, the
// explanation's bytes) and each is made in full only while its line is
// written. `each`, when given, sees every finding in file order. Memory:
// the facts, their index and the compact findings. Errors: the store's, and
// IOError naming the file.
Result<WrittenAnalysis> WriteStoreAnalysis(const Store& store, const AnalysisContext& context,
                                           const std::string& path,
                                           const std::function<void(const Finding&)>& each = {},
                                           const TruthOptions& options = {});

// The encoding described above. Deterministic: equal analyses give equal
// bytes.
std::string EncodeAnalysis(const Analysis& analysis);

// The same bytes, one line at a time (each ending in '\n'), for a writer
// that streams them instead of holding the whole encoding.
void EncodeAnalysisLines(const Analysis& analysis,
                         const std::function<void(std::string_view)>& line);

// Writes the encoding to `path` durably and atomically (DurableFile,
// engine/store_dir.h), a line at a time. Errors: IOError naming the file.
Status WriteAnalysisFile(const std::string& path, const Analysis& analysis);

// Which parts of an encoded analysis DecodeAnalysis keeps. Lines that
// cannot be selected are skipped before they are parsed, so a reader that
// needs a small part of a large snapshot (one company's conflicts, or only
// the source scores) does not pay for the rest. Skipped lines are not
// validated.
struct AnalysisSelection {
  bool findings = true;
  bool sources = true;
  bool genuine_only = false;          // findings: IsGenuine ones only
  std::vector<std::string> subjects;  // findings: subject or other_subject among these; empty = any
};

// Parses EncodeAnalysis output, keeping what `selection` selects. Errors: Corruption naming the
// line and field for anything malformed (bad JSON, a missing or mistyped field, an unknown label,
// another format); Unsupported for another version. Never crashes on arbitrary bytes.
Result<Analysis> DecodeAnalysis(std::string_view text, const AnalysisSelection& selection = {});

// DecodeAnalysis a piece at a time, for a file read in pieces: Add each
// piece in order, every one but the last ending in '\n', then Finish once.
// The result and the errors are DecodeAnalysis's on the pieces joined; line
// numbers count across pieces.
class AnalysisDecoder {
 public:
  explicit AnalysisDecoder(AnalysisSelection selection = {});
  AnalysisDecoder(const AnalysisDecoder&) = delete;  // subjects_ points into selection_
  AnalysisDecoder& operator=(const AnalysisDecoder&) = delete;
  // Decodes the lines of `text`. After an error the decoder is spent.
  Status Add(std::string_view text);
  Result<Analysis> Finish();

 private:
  AnalysisSelection selection_;
  std::vector<std::string_view> subjects_;  // selection_.subjects, sorted
  size_t line_no_ = 0;
  Analysis out_;
};

// The one-pass reader DecodeAnalysis uses for finding lines exactly as
// EncodeAnalysis writes them (that key order, no whitespace, valid UTF-8,
// strings as engine/json_reader.h reads them, unsigned counts, a known kind
// and label).
// False, with `*f` partly written, for any other line; DecodeAnalysis then
// parses it with nlohmann, which also words every error. Exposed for tests.
bool DecodeFindingLineFast(std::string_view line, Finding* f);

}  // namespace claimgraph
