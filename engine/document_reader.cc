#include "engine/document_reader.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <deque>
#include <filesystem>
#include <system_error>

#include "engine/jsonl_document.h"
#include "engine/line_reader.h"
#include "engine/metadata_trailer.h"
#include "engine/utf8.h"

namespace claimgraph {

namespace fs = std::filesystem;

namespace {

// JSON escaping can double a text's size; allow for it plus the other fields.
size_t MaxJsonlLineBytes(const ReaderOptions& options) {
  return options.max_document_bytes * 2 + (size_t{64} << 10);
}

InputFormat FormatFromPath(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return (ext == ".jsonl" || ext == ".ndjson") ? InputFormat::kJsonl : InputFormat::kText;
}

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

}  // namespace

Result<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text" || name == "txt") return InputFormat::kText;
  if (name == "jsonl" || name == "ndjson") return InputFormat::kJsonl;
  return Status::InvalidArgument("unknown input format \"" + std::string(name) +
                                 "\" (expected auto, text or jsonl)");
}

Status FinishDocument(const ReaderOptions& options, Document* doc) {
  const std::string& text = doc->text;
  if (text.size() > options.max_document_bytes) {
    return Status::ResourceExhausted(
        "document is " + std::to_string(text.size()) + " bytes, over the limit of " +
        std::to_string(options.max_document_bytes) + " (--max-doc-bytes)");
  }
  if (text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    return Status::InvalidArgument("empty document");
  }
  size_t nul = text.find('\0');
  if (nul != std::string::npos) {
    return Status::InvalidArgument("NUL byte at offset " + std::to_string(nul) + " (binary file?)");
  }
  size_t bad = FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    return Status::InvalidArgument("invalid UTF-8 at byte offset " + std::to_string(bad));
  }
  doc->metadata.clear();
  doc->prose_end = FindMetadataTrailer(text, &doc->metadata);
  return Status::OK();
}

// One file waiting to be read: its path, the id it gets, its format.
struct PendingFile {
  std::string path;
  std::string id;
  InputFormat format;
};

struct DocumentReader::Rep {
  ReaderOptions options;
  std::deque<std::string> inputs;
  std::deque<PendingFile> files;
  std::unique_ptr<LineReader> lines;  // the JSONL file being read, if any
  std::string lines_path;
  std::string line;

  Outcome NextFromLines(Document* doc, ReadError* error);
  // `prefix`: bytes of the file already read (a format sniff).
  Outcome ReadTextFile(const PendingFile& file, std::string_view prefix, Document* doc,
                       ReadError* error);
  Outcome StartFile(const PendingFile& file, Document* doc, ReadError* error);
  // Expands one command-line input into files; false with *error set when the
  // input cannot be read at all.
  bool Expand(const std::string& input, ReadError* error);
};

DocumentReader::DocumentReader(std::vector<std::string> inputs, ReaderOptions options)
    : rep_(std::make_unique<Rep>()) {
  rep_->options = options;
  rep_->inputs.assign(inputs.begin(), inputs.end());
}

DocumentReader::~DocumentReader() = default;

DocumentReader::Outcome DocumentReader::Next(Document* doc, ReadError* error) {
  Rep& r = *rep_;
  for (;;) {
    if (r.lines) {
      Outcome o = r.NextFromLines(doc, error);
      if (o != Outcome::kEnd) return o;
      r.lines.reset();
    }
    if (!r.files.empty()) {
      PendingFile file = std::move(r.files.front());
      r.files.pop_front();
      Outcome o = r.StartFile(file, doc, error);
      if (o != Outcome::kEnd) return o;
      continue;
    }
    if (r.inputs.empty()) return Outcome::kEnd;
    std::string input = std::move(r.inputs.front());
    r.inputs.pop_front();
    if (!r.Expand(input, error)) return Outcome::kError;
  }
}

bool DocumentReader::Rep::Expand(const std::string& input, ReadError* error) {
  InputFormat forced = options.format;
  if (input == "-") {
    files.push_back({input, "stdin", forced});
    return true;
  }
  std::error_code ec;
  if (fs::is_directory(input, ec)) {
    std::vector<PendingFile> found;
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (IsHidden(it->path())) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file()) continue;
      std::string rel = fs::relative(it->path(), input).generic_string();
      InputFormat f = forced == InputFormat::kAuto ? FormatFromPath(rel) : forced;
      found.push_back({it->path().string(), rel, f});
    }
    if (ec) {
      *error = {input, "", Status::IOError(input + ": " + ec.message())};
      return false;
    }
    std::sort(found.begin(), found.end(),
              [](const PendingFile& a, const PendingFile& b) { return a.id < b.id; });
    files.insert(files.end(), found.begin(), found.end());
    return true;
  }
  if (!fs::exists(input, ec)) {
    *error = {input, "", Status::NotFound(input + ": no such file or directory")};
    return false;
  }
  InputFormat f = forced == InputFormat::kAuto ? FormatFromPath(input) : forced;
  files.push_back({input, input, f});
  return true;
}

DocumentReader::Outcome DocumentReader::Rep::StartFile(const PendingFile& file, Document* doc,
                                                       ReadError* error) {
  InputFormat format = file.format;
  std::string sniffed;                 // the first non-space byte of stdin, read raw
  if (format == InputFormat::kAuto) {  // only stdin is left undecided
    char c = 0;
    ssize_t n;
    while ((n = ::read(fileno(stdin), &c, 1)) == 1 || (n < 0 && errno == EINTR)) {
      if (n == 1 && c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
    }
    if (n == 1) sniffed.assign(1, c);
    format = c == '{' ? InputFormat::kJsonl : InputFormat::kText;
  }
  if (format == InputFormat::kText) return ReadTextFile(file, sniffed, doc, error);
  auto opened = LineReader::Open(file.path, MaxJsonlLineBytes(options));
  if (!opened.ok()) {
    *error = {file.path, "", opened.status()};
    return Outcome::kError;
  }
  lines = std::move(opened).value();
  lines->Unread(sniffed);
  lines_path = file.path == "-" ? "stdin" : file.path;
  return NextFromLines(doc, error);
}

DocumentReader::Outcome DocumentReader::Rep::ReadTextFile(const PendingFile& file,
                                                          std::string_view prefix, Document* doc,
                                                          ReadError* error) {
  *doc = Document();
  doc->id = file.id;
  doc->origin = file.path == "-" ? "stdin" : file.path;
  Status s = ReadWholeFile(file.path, options.max_document_bytes, &doc->text);
  doc->text.insert(0, prefix);
  if (s.ok()) s = FinishDocument(options, doc);
  if (!s.ok()) {
    *error = {doc->origin, doc->id, s};
    return Outcome::kError;
  }
  return Outcome::kDocument;
}

DocumentReader::Outcome DocumentReader::Rep::NextFromLines(Document* doc, ReadError* error) {
  for (;;) {
    LineReader::Outcome o = lines->Next(&line);
    std::string origin = lines_path + ":" + std::to_string(lines->line_number());
    switch (o) {
      case LineReader::Outcome::kEnd:
        return Outcome::kEnd;
      case LineReader::Outcome::kError:
        *error = {lines_path, "", lines->error()};
        lines.reset();
        return Outcome::kError;
      case LineReader::Outcome::kTooLong:
        *error = {origin, "",
                  Status::ResourceExhausted("line is longer than " +
                                            std::to_string(MaxJsonlLineBytes(options)) +
                                            " bytes (--max-doc-bytes)")};
        return Outcome::kError;
      case LineReader::Outcome::kLine:
        break;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank line
    *doc = Document();
    doc->origin = origin;
    Status s = ParseJsonlDocument(line, doc);
    if (s.ok()) {
      if (doc->id.empty()) doc->id = origin;
      s = FinishDocument(options, doc);
    }
    if (!s.ok()) {
      *error = {origin, doc->id, s};
      return Outcome::kError;
    }
    return Outcome::kDocument;
  }
}

}  // namespace claimgraph
