// `claimgraph annotate`: quantities, periods and document metadata, one JSON
// line per mention (or a table for people).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.h"
#include "cli/value_format.h"
#include "engine/document_reader.h"
#include "engine/mention_json.h"
#include "extractors/annotator.h"

namespace claimgraph::cli {

namespace {

struct AnnotateOptions {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  std::string input_format = "auto";
  size_t max_doc_bytes = ReaderOptions().max_document_bytes;
  std::string types_csv;  // --types as given
  std::vector<std::string> types;
  bool no_metadata = false;
};

const std::set<std::string>& KnownTypes() {
  static const std::set<std::string> kTypes = {
      "money", "percent", "percentage_points", "basis_points", "multiple", "number",
      "count", "period", "duration", "metadata"};
  return kTypes;
}

class Printer {
 public:
  Printer(const AnnotateOptions& o) : table_(o.format == "table"), options_(o) {}
  ~Printer() { Flush(); }

  void Document(const claimgraph::Document& doc, const std::vector<Mention>& mentions);
  void Error(const ReadError& e);
  void Summary();

 private:
  bool Wanted(std::string_view type) const {
    return options_.types.empty() ||
           std::find(options_.types.begin(), options_.types.end(), type) != options_.types.end();
  }
  void Flush() {
    std::fwrite(buf_.data(), 1, buf_.size(), stdout);
    buf_.clear();
  }
  void MaybeFlush() {
    if (buf_.size() > (1u << 16)) Flush();
  }

  bool table_;
  const AnnotateOptions& options_;
  std::string buf_;
  size_t docs_ = 0, errors_ = 0, mentions_ = 0;
  std::map<std::string, size_t> by_type_;
};

void Printer::Document(const claimgraph::Document& doc, const std::vector<Mention>& mentions) {
  ++docs_;
  if (table_) {
    buf_ += doc.id + "  (" + std::to_string(doc.prose_end) + " bytes of prose, " +
            std::to_string(mentions.size()) + " mentions)\n";
  }
  for (const Mention& m : mentions) {
    std::string_view type = MentionTypeName(m.type);
    if (!Wanted(type)) continue;
    ++mentions_;
    ++by_type_[std::string(type)];
    if (!table_) {
      AppendMentionJson(m, doc.id, doc.text, &buf_);
      continue;
    }
    char line[512];
    std::string text(m.Text(doc.text).substr(0, 48));
    std::snprintf(line, sizeof(line), "  %-8zu %-17s %-50s %s\n", m.start,
                  std::string(type).c_str(), text.c_str(), FormatValue(m).c_str());
    buf_ += line;
  }
  if (!options_.no_metadata && Wanted("metadata")) {
    for (const MetadataField& f : doc.metadata) {
      ++by_type_["metadata"];
      if (table_) {
        buf_ += "  metadata: " + f.label + (f.value.empty() ? "" : " = " + f.value) + "\n";
      } else {
        AppendMetadataJson(f, doc.id, &buf_);
      }
    }
  }
  MaybeFlush();
}

void Printer::Error(const ReadError& e) {
  ++errors_;
  if (!table_) {
    AppendErrorJson(e, &buf_);
    Flush();
  }
  std::fflush(stdout);
  std::cerr << "claimgraph: " << e.origin
            << (e.doc_id.empty() || e.doc_id == e.origin ? "" : " (document " + e.doc_id + ")")
            << ": " << e.status.message() << "\n";
}

void Printer::Summary() {
  if (!table_) return;
  buf_ += "\n" + std::to_string(docs_) + " documents, " + std::to_string(errors_) +
          " errors, " + std::to_string(mentions_) + " mentions";
  const char* sep = " (";
  for (const auto& [type, n] : by_type_) {
    buf_ += sep + type + " " + std::to_string(n);
    sep = ", ";
  }
  buf_ += by_type_.empty() ? "\n" : ")\n";
}

std::vector<std::string> SplitCsv(const std::string& csv) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= csv.size() && !csv.empty()) {
    size_t comma = csv.find(',', start);
    if (comma == std::string::npos) comma = csv.size();
    if (comma > start) out.push_back(csv.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

int RunAnnotate(const GlobalOptions& global, AnnotateOptions& o) {
  o.types = SplitCsv(o.types_csv);
  for (const auto& t : o.types) {
    if (!KnownTypes().count(t)) {
      std::cerr << "claimgraph annotate: unknown type \"" << t << "\" in --types\n";
      return 2;
    }
  }
  auto format = ParseInputFormat(o.input_format);
  if (!format.ok()) {
    std::cerr << "claimgraph annotate: " << format.status().message() << "\n";
    return 2;
  }
  if (o.inputs.empty()) {
    if (isatty(STDIN_FILENO)) {
      std::cerr << "claimgraph annotate: no input; give files, directories, or - for "
                   "stdin (see --help)\n";
      return 2;
    }
    o.inputs.push_back("-");
  }
  auto annotator = Annotator::Create(ResolveSchemaDir(global));
  if (!annotator.ok()) {
    std::cerr << "claimgraph annotate: " << annotator.status().message() << "\n";
    return 1;
  }
  DocumentReader reader(o.inputs, ReaderOptions{*format, o.max_doc_bytes});
  Printer printer(o);
  Document doc;
  ReadError error;
  bool failed = false;
  for (;;) {
    auto outcome = reader.Next(&doc, &error);
    if (outcome == DocumentReader::Outcome::kEnd) break;
    if (outcome == DocumentReader::Outcome::kError) {
      printer.Error(error);
      failed = true;
      continue;
    }
    printer.Document(doc, (*annotator)->Annotate(doc));
  }
  printer.Summary();
  return failed ? 1 : 0;
}

}  // namespace

void RegisterAnnotate(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<AnnotateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "annotate",
      "Find money, percentages, basis points, multiples, counts, numbers, periods and\n"
      "durations, each resolved to a normalized value (money in base units of its ISO\n"
      "currency, percentages in percent, periods as ISO dates) with its byte span.\n\n"
      "Output (jsonl): one object per mention:\n"
      "  {\"doc_id\",\"type\",\"start\",\"end\",\"text\",\"amount\",\"currency\",\"qualifier\",\"low\",\"high\"}\n"
      "plus {\"type\":\"metadata\"} lines for label/value trailers and {\"type\":\"error\"}\n"
      "lines for documents that could not be read. Exit status 1 if any document failed.\n\n"
      "Examples:\n"
      "  claimgraph annotate corpus/articles --format table\n"
      "  claimgraph annotate news.jsonl --types money,percent | jq .amount\n"
      "  echo 'Sales rose to EUR 13.1 mn from EUR 8.2 mn.' | claimgraph annotate -");
  cmd->add_option("inputs", opts->inputs,
                  "Text files, directories (recursive), .jsonl files "
                  "({\"id\",\"text\",\"source\",\"published\",\"url\",\"title\"}), or - for stdin");
  cmd->add_option("--format", opts->format, "Output: jsonl (default) or table")
      ->check(CLI::IsMember({"jsonl", "table"}));
  cmd->add_option("--input-format", opts->input_format,
                  "auto (by extension; stdin by its first byte), text or jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}));
  cmd->add_option("--max-doc-bytes", opts->max_doc_bytes,
                  "Reject documents larger than this (default 16 MiB)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--types", opts->types_csv,
                  "Only these types, comma-separated (money,percent,percentage_points,"
                  "basis_points,multiple,number,count,period,duration,metadata)");
  cmd->add_flag("--no-metadata", opts->no_metadata, "Do not print metadata trailer fields");
  cmd->callback([&global, opts, exit_code] { *exit_code = RunAnnotate(global, *opts); });
}

}  // namespace claimgraph::cli
