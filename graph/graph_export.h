// Exporting a ClaimGraph for other tools: GraphML (networkx, Gephi,
// yEd), DOT (Graphviz), JSON ({"nodes":[...],"edges":[...]}) and CSV files
// for `neo4j-admin database import full`. Every exporter streams vertex by
// vertex and edge by edge, so a large graph is never one string in memory.
// Exact commands for each tool are in docs/GRAPH.md.
//
// Attributes: a node has id (its external id), type and label; an edge has
// type, and when set relation (kRelation claims), label (analysis links)
// and claim (the external id of its provenance claim vertex).
//
// Thread safety: free functions; the graph is only read.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "engine/status.h"
#include "graph/claim_graph.h"

namespace claimgraph {

enum class ExportFormat { kGraphMl, kDot, kJson, kNeo4j };

// "graphml", "dot", "json", "neo4j"; nullopt for anything else.
std::optional<ExportFormat> ParseExportFormat(std::string_view name);

// GraphML 1.0 (UTF-8, XML-escaped, <key> declarations for every attribute),
// directed; parallel edges carry distinct edge ids. Errors: IOError when
// `out` fails.
Status ExportGraphMl(const ClaimGraph& graph, std::ostream& out);

// A Graphviz digraph; every id and string quoted and escaped; node shapes
// by type. Errors: IOError when `out` fails.
Status ExportDot(const ClaimGraph& graph, std::ostream& out);

// {"nodes":[{"id","type","label"}],"edges":[{"source","target","type",
// "relation"?,"label"?,"claim"?}]} (optional keys only when set).
// Errors: IOError when `out` fails.
Status ExportJson(const ClaimGraph& graph, std::ostream& out);

// Writes into `dir` (created when missing; existing files of ours
// replaced): nodes_<type>.csv for each vertex type present, header
// `id:ID,name,type,:LABEL` (labels Company, Segment, Product, Person,
// Metric, Document, Source, Claim); relationships.csv, header
// `:START_ID,:END_ID,:TYPE,relation,label,claim` (:TYPE upper-case, e.g.
// SUBJECT_OF); and README.txt. RFC 4180 quoting. Returns the
// `neo4j-admin database import full ...` command that loads them.
// Errors: IOError naming the file that could not be written.
Result<std::string> ExportNeo4j(const ClaimGraph& graph, const std::string& dir);

// Appends `s` as one RFC 4180 CSV field: quoted (quotes doubled) when it
// holds a comma, quote, CR or LF.
void AppendCsvField(std::string_view s, std::string* out);

// Appends `s` XML-escaped for text and attribute values (& < > " ' and
// CR, LF, TAB as character references; other control characters, which
// XML 1.0 cannot hold, as U+FFFD).
void AppendXmlEscaped(std::string_view s, std::string* out);

}  // namespace claimgraph
