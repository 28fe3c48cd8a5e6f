// `claimgraph sst`: the reduce step of a scale-out ingest. Reads the output
// of `claimgraph extract --with-documents` and writes the store's records
// of those documents as sorted RocksDB table files (engine/shard_writer.h),
// for `claimgraph load-sst`.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "engine/date.h"
#include "engine/document_record_json.h"
#include "engine/json_writer.h"
#include "engine/line_reader.h"
#include "engine/shard_writer.h"

namespace claimgraph::cli {

namespace {

// A document line holds a whole document (16 MiB at most) and its claims.
constexpr size_t kMaxLineBytes = size_t{64} << 20;

struct SstOptions {
  std::vector<std::string> inputs;
  std::string out;
  std::string format = "text";
};

struct SstCounts {
  uint64_t documents = 0;    // document lines read
  uint64_t claim_lines = 0;  // claim lines (their records travel in document lines)
  uint64_t error_lines = 0;  // documents extract could not read
  uint64_t errors = 0;       // lines this command could not use
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Reads one input into the shard; reports bad lines on stderr.
void ReadInput(const std::string& path, int64_t now, ShardWriter* writer, SstCounts* counts) {
  auto reader = LineReader::Open(path, kMaxLineBytes);
  if (!reader.ok()) {
    std::cerr << "claimgraph sst: " << reader.status().message() << "\n";
    ++counts->errors;
    return;
  }
  std::string line;
  DocumentRecord record;
  for (;;) {
    const LineReader::Outcome outcome = (*reader)->Next(&line);
    if (outcome == LineReader::Outcome::kEnd) return;
    const std::string where = path + ":" + std::to_string((*reader)->line_number());
    if (outcome == LineReader::Outcome::kError) {
      std::cerr << "claimgraph sst: " << path << ": " << (*reader)->error().message() << "\n";
      ++counts->errors;
      return;
    }
    if (outcome == LineReader::Outcome::kTooLong) {
      std::cerr << "claimgraph sst: " << where << ": line longer than " << kMaxLineBytes
                << " bytes, skipped\n";
      ++counts->errors;
    } else if (IsDocumentRecordLine(line)) {
      Status s = ParseDocumentRecordJson(line, &record);
      if (!s.ok()) {
        std::cerr << "claimgraph sst: " << where << ": " << s.message() << "\n";
        ++counts->errors;
        continue;
      }
      ++counts->documents;
      writer->Add(record.doc, record.ruleset, record.claims, now);
    } else if (StartsWith(line, "{\"claim_id\":")) {
      ++counts->claim_lines;
    } else if (StartsWith(line, "{\"type\":\"error\"")) {
      ++counts->error_lines;
    } else if (!line.empty()) {
      std::cerr << "claimgraph sst: " << where
                << ": not a line of `claimgraph extract --with-documents`\n";
      ++counts->errors;
    }
  }
}

void PrintSummary(const SstOptions& o, const ShardManifest& m, const SstCounts& c, double secs) {
  if (o.format == "json") {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Field("out", o.out);
    w.Field("documents", m.documents);
    w.Field("claims", m.claims);
    w.Field("keys", m.keys);
    w.Field("files", static_cast<uint64_t>(m.files.size()));
    w.Field("bytes", m.bytes);
    w.Field("extract_errors", c.error_lines);
    w.Field("errors", c.errors);
    w.Field("seconds", secs);
    w.EndObject();
    std::cout << out << "\n";
    return;
  }
  std::printf("wrote %llu docs, %llu claims, %llu keys in %zu files (%llu bytes) to %s in %.1f s\n",
              static_cast<unsigned long long>(m.documents),
              static_cast<unsigned long long>(m.claims), static_cast<unsigned long long>(m.keys),
              m.files.size(), static_cast<unsigned long long>(m.bytes), o.out.c_str(), secs);
}

int RunSst(SstOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  if (o.inputs.empty()) o.inputs.push_back("-");
  auto writer = ShardWriter::Create(o.out);
  if (!writer.ok()) {
    std::cerr << "claimgraph sst: " << writer.status().message() << "\n";
    return 1;
  }
  const int64_t now = UnixSecondsNow();
  SstCounts counts;
  for (const std::string& input : o.inputs) ReadInput(input, now, writer->get(), &counts);
  if (counts.documents == 0 && counts.claim_lines > 0) {
    std::cerr << "claimgraph sst: the input has claim lines but no document lines; run "
                 "`claimgraph extract --with-documents`. Nothing written to "
              << o.out << "\n";
    return 1;
  }
  auto manifest = (*writer)->Finish();
  if (!manifest.ok()) {
    std::cerr << "claimgraph sst: " << manifest.status().message() << "\n";
    return 1;
  }
  PrintSummary(o, *manifest, counts,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return counts.errors > 0 ? 1 : 0;
}

}  // namespace

void RegisterSst(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<SstOptions>();
  CLI::App* cmd = app.add_subcommand(
      "sst",
      "Write the store's records of extracted documents as sorted RocksDB table files:\n"
      "the reduce step of a scale-out ingest (docs/SCALING.md).\n\n"
      "Input: the output of `claimgraph extract --with-documents` (files, or stdin):\n"
      "a document line before each document's claims. Output: DIR with one or more\n"
      "table files per column family, written with the store's own options, and\n"
      "DIR/shard.json (counts and counters; written last). Records are exactly those\n"
      "`claimgraph ingest` writes. A document id seen twice keeps its last version.\n"
      "The shard is sorted in memory: give each `sst` one partition (a doc-id range).\n\n"
      "Prints: wrote N docs, M claims, K keys in F files (B bytes) to DIR in T s\n"
      "Exit status: 0 ok, 1 when a line or file could not be used (reported on stderr),\n"
      "2 usage.\n\n"
      "Examples:\n"
      "  claimgraph extract --with-documents part-0.jsonl > mapped-0.jsonl\n"
      "  claimgraph sst --out shards/0 mapped-0.jsonl\n"
      "  claimgraph extract --with-documents news.jsonl | claimgraph sst --out shards/all\n"
      "  claimgraph sst --out shards/1 --format json mapped-1*.jsonl | jq .keys\n"
      "  claimgraph load-sst --db news.db shards/*");
  cmd->add_option("inputs", opts->inputs, "Mapped files (default: stdin; - is stdin)");
  cmd->add_option("--out", opts->out, "Directory to create (absent or empty)")->required();
  cmd->add_option("--format", opts->format, "Summary: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([opts, exit_code] { *exit_code = RunSst(*opts); });
}

}  // namespace claimgraph::cli
