// `claimgraph extract`: typed claims, one JSON line per claim (or a table).
// A pure streaming filter: JSONL documents in, JSONL claims out.
#include <CLI/CLI.hpp>
#include <atomic>
#include <cstdio>
#include <iostream>
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
    OrderedPipeline pipeline({threads, 0, 0}, [&out](std::string& text) {
      out += text;
      FlushOutput(&out, false);
    });
    summary = ReadDocuments(
        o.input, !table, &out,
        [&](const Document& doc) {
          pipeline.Submit([&extract_one, doc](std::string* dst) { extract_one(doc, dst); },
                          doc.text.size());
        },
        [&](const ReadError& error) {
          std::string line;
          if (!table) AppendErrorJson(error, &line);
          pipeline.SubmitReady(std::move(line));
        });
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
