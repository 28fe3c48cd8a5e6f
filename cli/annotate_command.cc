// `claimgraph annotate`: quantities, periods and document metadata, one JSON
// line per mention (or a table for people).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.h"
#include "cli/document_inputs.h"
#include "cli/value_format.h"
#include "engine/mention_json.h"
#include "extractors/annotator.h"

namespace claimgraph::cli {

namespace {

struct AnnotateOptions {
  InputOptions input;
  std::string format = "jsonl";
  std::string types_csv;  // --types as given
  std::vector<std::string> types;
  bool no_metadata = false;
};

const std::set<std::string>& KnownTypes() {
  static const std::set<std::string> kTypes = {
      "money", "percent", "percentage_points", "basis_points", "multiple", "number",
      "count", "period",  "duration",          "metadata"};
  return kTypes;
}

std::vector<std::string> SplitCsv(const std::string& csv) {
  std::vector<std::string> out;
  size_t start = 0;
  while (!csv.empty() && start <= csv.size()) {
    size_t comma = std::min(csv.find(',', start), csv.size());
    if (comma > start) out.push_back(csv.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

class Printer {
 public:
  Printer(const AnnotateOptions& o, std::string* out)
      : table_(o.format == "table"), options_(o), out_(*out) {}

  void Document(const claimgraph::Document& doc, const std::vector<Mention>& mentions);
  void Summary(size_t documents, size_t errors);

 private:
  bool Wanted(std::string_view type) const {
    return options_.types.empty() ||
           std::find(options_.types.begin(), options_.types.end(), type) != options_.types.end();
  }

  bool table_;
  const AnnotateOptions& options_;
  std::string& out_;
  size_t mentions_ = 0;
  std::map<std::string, size_t> by_type_;
};

void Printer::Document(const claimgraph::Document& doc, const std::vector<Mention>& mentions) {
  if (table_) {
    out_ += doc.id + "  (" + std::to_string(doc.prose_end) + " bytes of prose, " +
            std::to_string(mentions.size()) + " mentions)\n";
  }
  for (const Mention& m : mentions) {
    std::string_view type = MentionTypeName(m.type);
    if (!Wanted(type)) continue;
    ++mentions_;
    ++by_type_[std::string(type)];
    if (!table_) {
      AppendMentionJson(m, doc.id, doc.text, &out_);
      continue;
    }
    char line[512];
    std::string text(m.Text(doc.text).substr(0, 48));
    std::snprintf(line, sizeof(line), "  %-8zu %-17s %-50s %s\n", m.start,
                  std::string(type).c_str(), text.c_str(), FormatValue(m).c_str());
    out_ += line;
  }
  if (options_.no_metadata || !Wanted("metadata")) return;
  for (const MetadataField& f : doc.metadata) {
    ++by_type_["metadata"];
    if (table_) {
      out_ += "  metadata: " + f.label + (f.value.empty() ? "" : " = " + f.value) + "\n";
    } else {
      AppendMetadataJson(f, doc.id, &out_);
    }
  }
}

void Printer::Summary(size_t documents, size_t errors) {
  if (!table_) return;
  out_ += "\n" + std::to_string(documents) + " documents, " + std::to_string(errors) + " errors, " +
          std::to_string(mentions_) + " mentions";
  const char* sep = " (";
  for (const auto& [type, n] : by_type_) {
    out_ += sep + type + " " + std::to_string(n);
    sep = ", ";
  }
  out_ += by_type_.empty() ? "\n" : ")\n";
}

int RunAnnotate(const GlobalOptions& global, AnnotateOptions& o) {
  o.types = SplitCsv(o.types_csv);
  for (const auto& t : o.types) {
    if (!KnownTypes().count(t)) {
      std::cerr << "claimgraph annotate: unknown type \"" << t << "\" in --types\n";
      return 2;
    }
  }
  auto annotator = Annotator::Create(ResolveSchemaDir(global));
  if (!annotator.ok()) {
    std::cerr << "claimgraph annotate: " << annotator.status().message() << "\n";
    return 1;
  }
  std::string out;
  Printer printer(o, &out);
  auto summary = ReadDocuments(o.input, o.format == "jsonl", &out, [&](const Document& doc) {
    printer.Document(doc, (*annotator)->Annotate(doc));
  });
  if (!summary) return 2;
  printer.Summary(summary->documents, summary->errors);
  FlushOutput(&out, true);
  return summary->errors > 0 ? 1 : 0;
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
      "  "
      "{\"doc_id\",\"type\",\"start\",\"end\",\"text\",\"amount\",\"currency\",\"qualifier\","
      "\"low\",\"high\"}\n"
      "plus {\"type\":\"metadata\"} lines for label/value trailers and {\"type\":\"error\"}\n"
      "lines for documents that could not be read. Exit status 1 if any document failed.\n\n"
      "Examples:\n"
      "  claimgraph annotate corpus/articles --format table\n"
      "  claimgraph annotate news.jsonl --types money,percent | jq .amount\n"
      "  echo 'Sales rose to EUR 13.1 mn from EUR 8.2 mn.' | claimgraph annotate -");
  AddInputOptions(cmd, &opts->input);
  cmd->add_option("--format", opts->format, "Output: jsonl (default) or table")
      ->check(CLI::IsMember({"jsonl", "table"}));
  cmd->add_option("--types", opts->types_csv,
                  "Only these types, comma-separated (money,percent,percentage_points,"
                  "basis_points,multiple,number,count,period,duration,metadata)");
  cmd->add_flag("--no-metadata", opts->no_metadata, "Do not print metadata trailer fields");
  cmd->callback([&global, opts, exit_code] { *exit_code = RunAnnotate(global, *opts); });
}

}  // namespace claimgraph::cli
