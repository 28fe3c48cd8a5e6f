// `claimgraph extract`: typed claims, one JSON line per claim (or a table).
// A pure streaming filter: JSONL documents in, JSONL claims out.
#include <CLI/CLI.hpp>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/claim_table.h"
#include "cli/commands.h"
#include "cli/document_inputs.h"
#include "cli/ordered_pipeline.h"
#include "engine/claim_json.h"
#include "engine/document_record_json.h"
#include "engine/mention_json.h"
#include "extractors/claim_extractor.h"

namespace claimgraph::cli {

namespace {

struct ExtractOptions {
  InputOptions input;
  std::string format = "jsonl";
  std::vector<std::string> catalogs;
  bool with_documents = false;
  size_t threads = 0;  // 0 = one per core
};

// A batch for one worker: enough work (about 5 ms) that handing it over costs
// little, small enough that output still streams and memory stays bounded.
constexpr size_t kBatchDocuments = 64;
constexpr size_t kBatchBytes = size_t{256} << 10;

int RunExtract(const GlobalOptions& global, ExtractOptions& o) {
  auto extractor = ClaimExtractor::Create({ResolveSchemaDir(global), o.catalogs});
  if (!extractor.ok()) {
    std::cerr << "claimgraph extract: " << extractor.status().message() << "\n";
    return 1;
  }
  const bool table = o.format == "table";
  std::string out;
  std::atomic<size_t> claims = 0;
  // One document's output; called from several threads at once with --threads.
  auto extract_one = [&](const Document& doc, std::string* dst) {
    std::vector<Claim> found = (*extractor)->Extract(doc);
    claims += found.size();
    if (o.with_documents && !table)
      AppendDocumentRecordJson(doc, (*extractor)->ruleset(), found, dst);
    if (table) {
      *dst += doc.id + "  (" + std::to_string(found.size()) + " claims)\n";
      AppendClaimTableHeader(dst);
    }
    for (Claim& c : found) {
      if (table) {
        AppendClaimTableRow(StoredClaim{std::move(c), doc.source, doc.published, doc.title}, dst);
      } else {
        AppendClaimJson(c, dst);
      }
    }
  };
  const size_t threads =
      o.threads != 0 ? o.threads : std::max<size_t>(1, std::thread::hardware_concurrency());
  std::optional<ReadSummary> summary;
  if (threads == 1) {
    summary =
        ReadDocuments(o.input, !table, &out, [&](const Document& doc) { extract_one(doc, &out); });
  } else {
    // Same output as one thread: documents and error lines in input order.
    // Documents go to the workers in batches: one hand-off (a lock, a
    // wake-up, an output string) per batch instead of per document, which on
    // 5 KB documents cost a sixth of the second core.
    OrderedPipeline pipeline({threads, 0, 0}, [&out](std::string& text) {
      out += text;
      FlushOutput(&out, false);
    });
    auto batch = std::make_shared<std::vector<Document>>();
    size_t batch_bytes = 0;
    auto submit_batch = [&] {
      if (batch->empty()) return;
      pipeline.Submit(
          [&extract_one, docs = std::move(batch)](std::string* dst) {
            for (const Document& doc : *docs) extract_one(doc, dst);
          },
          batch_bytes);
      batch = std::make_shared<std::vector<Document>>();
      batch_bytes = 0;
    };
    summary = ReadDocuments(
        o.input, !table, &out,
        [&](const Document& doc) {
          batch->push_back(doc);
          batch_bytes += doc.text.size();
          if (batch->size() >= kBatchDocuments || batch_bytes >= kBatchBytes) submit_batch();
        },
        [&](const ReadError& error) {
          submit_batch();  // the documents before the error come first
          std::string line;
          if (!table) AppendErrorJson(error, &line);
          pipeline.SubmitReady(std::move(line));
        });
    submit_batch();
    pipeline.Finish();
  }
  if (!summary) return 2;
  if (table) {
    out += "\n" + std::to_string(summary->documents) + " documents, " +
           std::to_string(summary->errors) + " errors, " + std::to_string(claims.load()) +
           " claims\n";
  }
  FlushOutput(&out, true);
  return summary->errors > 0 ? 1 : 0;
}

}  // namespace

void RegisterExtract(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Extract typed claims: subject, metric, value, prior value and change, period,\n"
      "modality (reported, forecast, hypothetical...), negation, speaker, and the\n"
      "evidence sentence. Kinds: quantity, relative, status, stance, score.\n\n"
      "Output (jsonl): one claim per line, described by schemas/claim.schema.json;\n"
      "{\"type\":\"error\"} lines for documents that could not be read. Deterministic claim\n"
      "ids; a pure streaming filter (JSONL in, JSONL out), usable as a map task.\n\n"
      "Examples:\n"
      "  claimgraph extract corpus/articles --format table\n"
      "  claimgraph extract news.jsonl | jq 'select(.metric==\"backlog\")'\n"
      "  claimgraph extract --catalog my_companies.json filings/\n"
      "  claimgraph extract --with-documents part-0.jsonl | claimgraph sst --out shards/0");
  AddInputOptions(cmd, &opts->input);
  cmd->add_option("--format", opts->format, "Output: jsonl (default) or table")
      ->check(CLI::IsMember({"jsonl", "table"}));
  cmd->add_option("--catalog", opts->catalogs,
                  "Extra entity catalog (same format as schemas/catalog.json); repeatable")
      ->check(CLI::ExistingFile)
      ->expected(1);
  cmd->add_option("--threads", opts->threads,
                  "Extraction threads (default 0: one per core; 1: sequential). Output is the\n"
                  "same whatever the number: in input order, streamed as it is ready");
  cmd->add_flag(
      "--with-documents", opts->with_documents,
      "Before each document's claims, a {\"document\":...} line with all the store keeps\n"
      "(text, metadata, ruleset, exact claim records): the map step of\n"
      "`claimgraph sst` (docs/SCALING.md); jsonl only");
  cmd->callback([&global, opts, exit_code] { *exit_code = RunExtract(global, *opts); });
}

}  // namespace claimgraph::cli
