// DocumentReader: turns command-line inputs into Documents, one at a time.
//
// Inputs are plain text files, directories (walked recursively in sorted
// order; hidden entries skipped), JSON Lines files (one document per line:
// {"id","text","source","published","url","title"}, only "text" required)
// and "-" for standard input. The format comes from the extension (.jsonl,
// .ndjson -> JSON Lines; anything else -> text), from
// ReaderOptions::format, or for stdin from its first byte ('{' -> JSON Lines).
//
// Document ids: the JSONL "id" (a string or integer); else, for a JSONL line
// without one, "<file>:<line>"; for a text file, its path relative to the
// directory argument it was found under, or the argument itself.
//
// Every accepted document is valid UTF-8 without NUL bytes, non-empty and at
// most max_document_bytes long, with its metadata trailer split off. Anything
// else is reported as a ReadError naming the file, line and document, and
// reading goes on with the next document. Memory stays bounded by the
// document size limit whatever the input size.
//
// Not thread-safe: one reader per thread (the pipeline reads on one thread).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "engine/document.h"
#include "engine/status.h"

namespace claimgraph {

enum class InputFormat { kAuto, kText, kJsonl };

// Parses "auto", "text", "jsonl". Returns InvalidArgument otherwise.
Result<InputFormat> ParseInputFormat(std::string_view name);

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;
  // 16 MiB: two orders of magnitude above a long filing's text, small enough
  // that a runaway input cannot take the machine's memory.
  size_t max_document_bytes = size_t{16} << 20;
};

struct ReadError {
  std::string origin;  // "path" or "path:line"
  std::string doc_id;  // empty when the id could not be read
  Status status;
};

class DocumentReader {
 public:
  enum class Outcome { kDocument, kError, kEnd };

  DocumentReader(std::vector<std::string> inputs, ReaderOptions options);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Reads the next document into *doc (kDocument), or reports the next bad
  // document or unreadable input in *error (kError; the caller may continue),
  // or returns kEnd when every input is exhausted.
  Outcome Next(Document* doc, ReadError* error);

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

// Validates text and splits off its metadata trailer; the shared final step
// for every document, whatever its format. Returns InvalidArgument naming
// the problem (empty, NUL byte at offset N, invalid UTF-8 at byte N, too
// large).
Status FinishDocument(const ReaderOptions& options, Document* doc);

}  // namespace claimgraph
