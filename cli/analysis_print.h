// Printing of `claimgraph contradictions` findings and `claimgraph
// consistency` source scores: a table for people, JSON Lines for machines,
// and a single self-contained HTML report (inline CSS, no scripts, no
// external links) for reading in a browser.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "engine/stored.h"
#include "graph/analysis_codec.h"

namespace claimgraph::cli {

// The full claims the printed findings refer to, by claim id. A finding
// whose claim is missing (deleted since the analysis) prints the id alone.
using ClaimsById = std::unordered_map<std::string, StoredClaim>;

// One line per finding: {"kind","label","subject","other_subject","metric",
// "period","a":CLAIM,"b":CLAIM,"a_count","b_count","explanation"}, where
// CLAIM is the claim's JSON as `query --format jsonl` prints it plus
// "source", "source_key", "published" and "title".
void AppendFindingsJsonl(const std::vector<const Finding*>& findings, const ClaimsById& claims,
                         std::string* out);
// Each finding stacked: label and block, then claim a, claim b (value,
// source, date, speaker, shortened evidence) and why.
void AppendFindingsTable(const std::vector<const Finding*>& findings, const ClaimsById& claims,
                         std::string* out);
// A whole HTML document.
void AppendFindingsHtml(const std::vector<const Finding*>& findings, const ClaimsById& claims,
                        const AnalysisStats& stats, std::string* out);

void AppendSourcesJsonl(const std::vector<const SourceScore*>& sources, std::string* out);
void AppendSourcesTable(const std::vector<const SourceScore*>& sources, const AnalysisStats& stats,
                        std::string* out);
void AppendSourcesHtml(const std::vector<const SourceScore*>& sources, const AnalysisStats& stats,
                       std::string* out);

}  // namespace claimgraph::cli
