#include "graph/graph_export.h"

#include <array>
#include <filesystem>
#include <fstream>

#include "engine/json_writer.h"

namespace claimgraph {

namespace {

constexpr size_t kFlushBytes = size_t{1} << 16;

// Writes *buf to out when large (always when force); false when out failed.
bool Drain(std::string* buf, std::ostream& out, bool force) {
  if (force || buf->size() >= kFlushBytes) {
    out.write(buf->data(), static_cast<std::streamsize>(buf->size()));
    buf->clear();
  }
  return static_cast<bool>(out);
}

Status Finish(std::string* buf, std::ostream& out, std::string_view what) {
  if (!Drain(buf, out, true) || !out.flush()) {
    return Status::IOError(std::string(what) + " export: write failed");
  }
  return Status::OK();
}

std::string_view ProvenanceId(const ClaimGraph& g, const EdgeInfo& e) {
  return e.provenance == kNoVertex ? std::string_view() : g.Id(e.provenance);
}

void AppendXmlData(std::string_view key, std::string_view value, std::string* out) {
  if (value.empty()) return;
  *out += "<data key=\"";
  *out += key;
  *out += "\">";
  AppendXmlEscaped(value, out);
  *out += "</data>";
}

// s in double quotes for DOT: quotes and backslashes escaped, newlines as \n.
void AppendDotString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(c);
    } else if (c == '\n') {
      *out += "\\n";
    } else if (c != '\r') {
      out->push_back(c);
    }
  }
  out->push_back('"');
}

constexpr std::array<std::string_view, kVertexTypeCount> kDotShapes = {
    "box", "box", "component", "oval", "diamond", "note", "folder", "ellipse"};
constexpr std::array<std::string_view, kVertexTypeCount> kNeo4jLabels = {
    "Company", "Segment", "Product", "Person", "Metric", "Document", "Source", "Claim"};

std::string UpperName(EdgeType t) {
  std::string s(EdgeTypeName(t));
  for (char& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return s;
}

Status WriteWholeFile(const std::string& path, const std::string& content) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << content;
  f.close();
  if (!f) return Status::IOError("neo4j export: cannot write " + path);
  return Status::OK();
}

// One CSV file written through a buffer.
class CsvFile {
 public:
  explicit CsvFile(std::string path) : path_(std::move(path)), f_(path_, std::ios::binary) {}
  std::string* buf() { return &buf_; }
  bool EndRow() {
    buf_ += "\r\n";
    return Drain(&buf_, f_, false);
  }
  Status Close() {
    Drain(&buf_, f_, true);
    f_.close();
    if (!f_) return Status::IOError("neo4j export: cannot write " + path_);
    return Status::OK();
  }

 private:
  std::string path_;
  std::ofstream f_;
  std::string buf_;
};

Status WriteNeo4jNodes(const ClaimGraph& g, const std::string& dir, std::string* args) {
  std::array<std::unique_ptr<CsvFile>, kVertexTypeCount> files;
  for (VertexId v = 0; v < g.vertex_count(); ++v) {
    const auto t = static_cast<size_t>(g.Type(v));
    if (!files[t]) {
      const std::string name = "nodes_" + std::string(VertexTypeName(g.Type(v))) + ".csv";
      files[t] = std::make_unique<CsvFile>(dir + "/" + name);
      *files[t]->buf() += "id:ID,name,type,:LABEL";
      files[t]->EndRow();
      *args += " --nodes=" + name;
    }
    std::string* b = files[t]->buf();
    AppendCsvField(g.Id(v), b);
    b->push_back(',');
    AppendCsvField(g.Label(v), b);
    b->push_back(',');
    *b += VertexTypeName(g.Type(v));
    b->push_back(',');
    *b += kNeo4jLabels[t];
    if (!files[t]->EndRow()) return files[t]->Close();
  }
  for (auto& f : files) {
    if (!f) continue;
    if (Status s = f->Close(); !s.ok()) return s;
  }
  return Status::OK();
}

Status WriteNeo4jRelationships(const ClaimGraph& g, const std::string& dir) {
  CsvFile f(dir + "/relationships.csv");
  *f.buf() += ":START_ID,:END_ID,:TYPE,relation,label,claim";
  f.EndRow();
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    const EdgeInfo info = g.Edge(e);
    std::string* b = f.buf();
    AppendCsvField(g.Id(info.source), b);
    b->push_back(',');
    AppendCsvField(g.Id(info.target), b);
    *b += "," + UpperName(info.type) + ",";
    AppendCsvField(info.relation, b);
    b->push_back(',');
    AppendCsvField(info.label, b);
    b->push_back(',');
    AppendCsvField(ProvenanceId(g, info), b);
    if (!f.EndRow()) break;
  }
  return f.Close();
}

// The XML declaration, the root element and the <key> declarations.
std::string GraphMlHeader() {
  std::string b =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (std::string_view key : {"id", "type", "label"}) {
    b += "  <key id=\"n_" + std::string(key) + "\" for=\"node\" attr.name=\"" + std::string(key) +
         "\" attr.type=\"string\"/>\n";
  }
  for (std::string_view key : {"type", "relation", "label", "claim"}) {
    b += "  <key id=\"e_" + std::string(key) + "\" for=\"edge\" attr.name=\"" + std::string(key) +
         "\" attr.type=\"string\"/>\n";
  }
  return b;
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "graphml") return ExportFormat::kGraphMl;
  if (name == "dot") return ExportFormat::kDot;
  if (name == "json") return ExportFormat::kJson;
  if (name == "neo4j") return ExportFormat::kNeo4j;
  return std::nullopt;
}

void AppendCsvField(std::string_view s, std::string* out) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendXmlEscaped(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      case '"':
        *out += "&quot;";
        break;
      case '\'':
        *out += "&apos;";
        break;
      case '\n':
        *out += "&#10;";
        break;
      case '\r':
        *out += "&#13;";
        break;
      case '\t':
        *out += "&#9;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          *out += "\xEF\xBF\xBD";
        } else {
          out->push_back(c);
        }
    }
  }
}

Status ExportGraphMl(const ClaimGraph& g, std::ostream& out) {
  std::string b = GraphMlHeader();
  b += "  <graph id=\"claimgraph\" edgedefault=\"directed\">\n";
  for (VertexId v = 0; v < g.vertex_count(); ++v) {
    b += "    <node id=\"";
    AppendXmlEscaped(g.Id(v), &b);
    b += "\">";
    AppendXmlData("n_id", g.Id(v), &b);
    AppendXmlData("n_type", VertexTypeName(g.Type(v)), &b);
    AppendXmlData("n_label", g.Label(v), &b);
    b += "</node>\n";
    if (!Drain(&b, out, false)) break;
  }
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    const EdgeInfo info = g.Edge(e);
    b += "    <edge id=\"e" + std::to_string(e) + "\" source=\"";
    AppendXmlEscaped(g.Id(info.source), &b);
    b += "\" target=\"";
    AppendXmlEscaped(g.Id(info.target), &b);
    b += "\">";
    AppendXmlData("e_type", EdgeTypeName(info.type), &b);
    AppendXmlData("e_relation", info.relation, &b);
    AppendXmlData("e_label", info.label, &b);
    AppendXmlData("e_claim", ProvenanceId(g, info), &b);
    b += "</edge>\n";
    if (!Drain(&b, out, false)) break;
  }
  b += "  </graph>\n</graphml>\n";
  return Finish(&b, out, "graphml");
}

Status ExportDot(const ClaimGraph& g, std::ostream& out) {
  std::string b = "digraph claimgraph {\n  rankdir=LR;\n  node [fontsize=10];\n";
  for (VertexId v = 0; v < g.vertex_count(); ++v) {
    b += "  ";
    AppendDotString(g.Id(v), &b);
    b += " [label=";
    AppendDotString(g.Label(v), &b);
    b += ", shape=" + std::string(kDotShapes[static_cast<size_t>(g.Type(v))]) + "];\n";
    if (!Drain(&b, out, false)) break;
  }
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    const EdgeInfo info = g.Edge(e);
    b += "  ";
    AppendDotString(g.Id(info.source), &b);
    b += " -> ";
    AppendDotString(g.Id(info.target), &b);
    b += " [label=";
    AppendDotString(info.relation.empty() ? EdgeTypeName(info.type) : info.relation, &b);
    b += "];\n";
    if (!Drain(&b, out, false)) break;
  }
  b += "}\n";
  return Finish(&b, out, "dot");
}

Status ExportJson(const ClaimGraph& g, std::ostream& out) {
  std::string b = "{\"nodes\":[";
  for (VertexId v = 0; v < g.vertex_count(); ++v) {
    if (v > 0) b += ",";
    JsonWriter w(&b);
    w.BeginObject();
    w.Field("id", g.Id(v));
    w.Field("type", VertexTypeName(g.Type(v)));
    w.Field("label", g.Label(v));
    w.EndObject();
    b += "\n";
    if (!Drain(&b, out, false)) break;
  }
  b += "],\"edges\":[";
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    const EdgeInfo info = g.Edge(e);
    if (e > 0) b += ",";
    JsonWriter w(&b);
    w.BeginObject();
    w.Field("source", g.Id(info.source));
    w.Field("target", g.Id(info.target));
    w.Field("type", EdgeTypeName(info.type));
    if (!info.relation.empty()) w.Field("relation", info.relation);
    if (!info.label.empty()) w.Field("label", info.label);
    if (info.provenance != kNoVertex) w.Field("claim", g.Id(info.provenance));
    w.EndObject();
    b += "\n";
    if (!Drain(&b, out, false)) break;
  }
  b += "]}\n";
  return Finish(&b, out, "json");
}

Result<std::string> ExportNeo4j(const ClaimGraph& g, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError("neo4j export: cannot create " + dir + ": " + ec.message());
  std::string args;
  if (Status s = WriteNeo4jNodes(g, dir, &args); !s.ok()) return s;
  if (Status s = WriteNeo4jRelationships(g, dir); !s.ok()) return s;
  const std::string command = "neo4j-admin database import full" + args +
                              " --relationships=relationships.csv --multiline-fields=true"
                              " --overwrite-destination=true neo4j";
  const std::string readme =
      "CSV files for neo4j-admin, written by `claimgraph graph export --format neo4j`.\n"
      "Node files: nodes_<type>.csv (id:ID,name,type,:LABEL); relationships.csv\n"
      "(:START_ID,:END_ID,:TYPE,relation,label,claim). RFC 4180 quoting; names may\n"
      "span lines, hence --multiline-fields. With the server stopped, run in this\n"
      "directory:\n\n  " +
      command + "\n\nSee docs/GRAPH.md in the claimgraph sources.\n";
  if (Status s = WriteWholeFile(dir + "/README.txt", readme); !s.ok()) return s;
  return command;
}

}  // namespace claimgraph
