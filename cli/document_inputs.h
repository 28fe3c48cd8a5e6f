// Document inputs shared by every subcommand that reads documents:
// positional INPUT..., --input-format, --max-doc-bytes; and the read loop
// that reports bad documents (a JSON error line in jsonl mode, a message on
// stderr always) and goes on with the rest.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/document.h"
#include "engine/document_reader.h"

namespace CLI {
class App;
}

namespace claimgraph::cli {

struct InputOptions {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  size_t max_doc_bytes = size_t{16} << 20;
};

// Adds the input options to a subcommand.
void AddInputOptions(CLI::App* cmd, InputOptions* options);

struct ReadSummary {
  size_t documents = 0;
  size_t errors = 0;
};

// Called for each bad document instead of appending its error line to *out.
using ReadErrorFn = std::function<void(const ReadError&)>;

// Reads every input and calls on_document for each good one. Bad ones are
// reported to stderr and, when json_errors, as {"type":"error"} lines
// appended to *out (flushed to stdout in order), or handed to on_error when
// given (a caller that prints documents out of line keeps them in order).
// Returns the counts, or exits with a usage message (returning nullopt)
// when no input is given on a terminal or the input format is unknown.
std::optional<ReadSummary> ReadDocuments(InputOptions& options, bool json_errors, std::string* out,
                                         const std::function<void(const Document&)>& on_document,
                                         const ReadErrorFn& on_error = nullptr);

// Writes and clears *out when it is large (or always when force).
void FlushOutput(std::string* out, bool force);

}  // namespace claimgraph::cli
