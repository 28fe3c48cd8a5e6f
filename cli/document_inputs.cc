#include "cli/document_inputs.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "engine/document_reader.h"
#include "engine/mention_json.h"

namespace claimgraph::cli {

void AddInputOptions(CLI::App* cmd, InputOptions* o) {
  cmd->add_option("inputs", o->inputs,
                  "Text files, directories (recursive), .jsonl files "
                  "({\"id\",\"text\",\"source\",\"published\",\"url\",\"title\"}), or - for stdin");
  cmd->add_option("--input-format", o->input_format,
                  "auto (by extension; stdin by its first byte), text or jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}));
  cmd->add_option("--max-doc-bytes", o->max_doc_bytes,
                  "Reject documents larger than this (default 16 MiB)")
      ->check(CLI::PositiveNumber);
}

void FlushOutput(std::string* out, bool force) {
  if (!force && out->size() < (size_t{1} << 16)) return;
  std::fwrite(out->data(), 1, out->size(), stdout);
  out->clear();
}

std::optional<ReadSummary> ReadDocuments(InputOptions& o, bool json_errors, std::string* out,
                                         const std::function<void(const Document&)>& on_document,
                                         const ReadErrorFn& on_error) {
  auto format = ParseInputFormat(o.input_format);
  if (!format.ok()) {
    std::cerr << "claimgraph: " << format.status().message() << "\n";
    return std::nullopt;
  }
  if (o.inputs.empty()) {
    if (isatty(STDIN_FILENO)) {
      std::cerr << "claimgraph: no input; give files, directories, or - for stdin (see --help)\n";
      return std::nullopt;
    }
    o.inputs.push_back("-");
  }
  DocumentReader reader(o.inputs, ReaderOptions{*format, o.max_doc_bytes});
  ReadSummary summary;
  Document doc;
  ReadError error;
  for (;;) {
    auto outcome = reader.Next(&doc, &error);
    if (outcome == DocumentReader::Outcome::kEnd) break;
    if (outcome == DocumentReader::Outcome::kError) {
      ++summary.errors;
      if (on_error) {
        on_error(error);
      } else {
        if (json_errors) AppendErrorJson(error, out);
        FlushOutput(out, true);
        std::fflush(stdout);
      }
      std::cerr << "claimgraph: " << error.origin
                << (error.doc_id.empty() || error.doc_id == error.origin
                        ? ""
                        : " (document " + error.doc_id + ")")
                << ": " << error.status.message() << "\n";
      continue;
    }
    ++summary.documents;
    on_document(doc);
    FlushOutput(out, false);
  }
  FlushOutput(out, true);
  return summary;
}

}  // namespace claimgraph::cli
