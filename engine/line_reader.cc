#include "engine/line_reader.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

namespace claimgraph {

namespace {
// read(2) sizes. Each read first grows the buffer by the chunk (zero-filled),
// so a small file, such as one JSONL file per document, costs a small chunk;
// a large one reaches the largest chunk after a few full reads.
constexpr size_t kFirstChunkBytes = size_t{64} << 10;
constexpr size_t kMaxChunkBytes = size_t{1} << 20;

std::string ErrnoMessage(const std::string& path) { return path + ": " + std::strerror(errno); }
}  // namespace

Result<std::unique_ptr<LineReader>> LineReader::Open(const std::string& path,
                                                     size_t max_line_bytes) {
  if (path == "-") {
    return std::unique_ptr<LineReader>(new LineReader(stdin, false, max_line_bytes));
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IOError(ErrnoMessage(path));
  return std::unique_ptr<LineReader>(new LineReader(f, true, max_line_bytes));
}

LineReader::LineReader(std::FILE* file, bool owned, size_t max_line_bytes)
    : file_(file), owned_(owned), max_line_bytes_(max_line_bytes), chunk_bytes_(kFirstChunkBytes) {}

LineReader::~LineReader() {
  if (owned_) std::fclose(file_);
}

bool LineReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buffer_.size();
  buffer_.resize(old + chunk_bytes_);
  // read(2), not fread: on a pipe it returns what is there instead of
  // waiting for a whole chunk, so a live feed streams line by line.
  ssize_t got;
  do {
    got = ::read(fileno(file_), buffer_.data() + old, chunk_bytes_);
  } while (got < 0 && errno == EINTR);
  buffer_.resize(old + static_cast<size_t>(std::max<ssize_t>(got, 0)));
  if (got <= 0) {
    eof_ = true;
    if (got < 0) error_ = Status::IOError(std::strerror(errno));
    return false;
  }
  if (static_cast<size_t>(got) == chunk_bytes_) {
    chunk_bytes_ = std::min(chunk_bytes_ * 2, kMaxChunkBytes);
  }
  return true;
}

LineReader::Outcome LineReader::Next(std::string* line) {
  bool too_long = false;
  size_t scanned = 0;  // bytes after pos_ known to hold no '\n'
  for (;;) {
    const char* start = buffer_.data() + pos_;
    size_t avail = buffer_.size() - pos_;
    const void* nl = std::memchr(start + scanned, '\n', avail - scanned);
    if (nl != nullptr) {
      size_t len = static_cast<size_t>(static_cast<const char*>(nl) - start);
      pos_ += len + 1;
      return EmitLine(start, len, too_long, line);
    }
    scanned = avail;
    if (avail > max_line_bytes_) {  // drop what can never fit
      too_long = true;
      pos_ = buffer_.size();
      scanned = 0;
    }
    if (Fill()) continue;
    if (!error_.ok()) return Outcome::kError;
    avail = buffer_.size() - pos_;
    if (avail == 0 && !too_long) return Outcome::kEnd;
    start = buffer_.data() + pos_;  // a last line without '\n'
    pos_ = buffer_.size();
    return EmitLine(start, avail, too_long, line);
  }
}

LineReader::Outcome LineReader::EmitLine(const char* start, size_t len, bool too_long,
                                         std::string* line) {
  ++line_number_;
  if (too_long || len > max_line_bytes_) return Outcome::kTooLong;
  if (len > 0 && start[len - 1] == '\r') --len;
  line->assign(start, len);
  return Outcome::kLine;
}

Status ReadWholeFile(const std::string& path, size_t max_bytes, std::string* out) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IOError(ErrnoMessage(path));
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(
      f, path == "-" ? +[](std::FILE*) { return 0; } : &std::fclose);
  out->clear();
  char buf[1 << 16];
  for (;;) {
    // read(2) like LineReader::Fill: stdin is read raw everywhere, never
    // through the FILE's buffer, so no byte is read twice or lost.
    ssize_t n;
    do {
      n = ::read(fileno(f), buf, sizeof(buf));
    } while (n < 0 && errno == EINTR);
    if (n < 0) return Status::IOError(ErrnoMessage(path));
    const size_t got = static_cast<size_t>(n);
    if (got == 0) break;
    if (out->size() + got > max_bytes) {
      return Status::ResourceExhausted("document is larger than the limit of " +
                                       std::to_string(max_bytes) + " bytes (--max-doc-bytes)");
    }
    out->append(buf, got);
  }
  if (std::ferror(f)) return Status::IOError(ErrnoMessage(path));
  return Status::OK();
}

}  // namespace claimgraph
