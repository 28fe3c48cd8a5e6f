// LineReader: reads '\n'-terminated lines from a file or stdin with bounded
// memory. A line longer than the limit is skipped to its end (never held in
// memory) and reported as kTooLong, so one runaway line cannot exhaust memory
// or hide the lines after it.
//
// Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "engine/status.h"

namespace claimgraph {

class LineReader {
 public:
  enum class Outcome { kLine, kTooLong, kEnd, kError };

  // Opens path ("-" is standard input, which is not closed at the end).
  static Result<std::unique_ptr<LineReader>> Open(const std::string& path, size_t max_line_bytes);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Reads the next line without its '\n' (and without a trailing '\r') into
  // *line. line_number() is the 1-based number of the line just read.
  Outcome Next(std::string* line);
  size_t line_number() const { return line_number_; }
  // Puts bytes already taken from the input (a format sniff) back in front
  // of what is still to be read. REQUIRES: no line read yet.
  void Unread(std::string_view bytes) { buffer_.insert(pos_, bytes); }
  // Meaningful after kError.
  const Status& error() const { return error_; }

 private:
  LineReader(std::FILE* file, bool owned, size_t max_line_bytes);
  bool Fill();
  Outcome EmitLine(const char* start, size_t len, bool too_long, std::string* line);

  std::FILE* file_;
  bool owned_;
  size_t max_line_bytes_;
  std::string buffer_;
  size_t chunk_bytes_;  // the next read(2) size, growing on full reads
  size_t pos_ = 0;
  bool eof_ = false;
  size_t line_number_ = 0;
  Status error_;
};

// Reads a whole file ("-" is stdin) of at most max_bytes into *out.
// ResourceExhausted when larger (without reading it all), IOError when it
// cannot be read.
Status ReadWholeFile(const std::string& path, size_t max_bytes, std::string* out);

}  // namespace claimgraph
