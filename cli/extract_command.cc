// `claimgraph extract`: typed claims, one JSON line per claim (or a table).
// A pure streaming filter: JSONL documents in, JSONL claims out.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/document_inputs.h"
#include "cli/value_format.h"
#include "engine/claim_json.h"
#include "extractors/claim_extractor.h"

namespace claimgraph::cli {

namespace {

struct ExtractOptions {
  InputOptions input;
  std::string format = "jsonl";
  std::vector<std::string> catalogs;
};

std::string Snippet(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "...";
}

void AppendTableRow(const Claim& c, std::string* out) {
  std::string value = FormatClaimValue(c.value);
  if (c.kind == ClaimKind::kStatus) value = c.status;
  if (c.kind == ClaimKind::kStance) value = c.stance;
  if (c.kind == ClaimKind::kScore) value = c.label + " " + std::to_string(c.score).substr(0, 4);
  if (c.kind == ClaimKind::kRelative) value += " vs " + c.comparator;
  if (c.prior) value += " (from " + FormatClaimValue(c.prior) + ")";
  char line[1024];
  std::snprintf(line, sizeof(line), "  %-9s %-18s %-20s %-28s %-12s %-14s %s\n",
                std::string(ClaimKindName(c.kind)).c_str(),
                Snippet(c.subject.id.empty() ? "?" : c.subject.id, 18).c_str(),
                Snippet(c.metric.empty() ? "-" : c.metric, 20).c_str(), Snippet(value, 28).c_str(),
                std::string(ModalityName(c.modality)).c_str(),
                Snippet(c.speaker ? c.speaker->name : "-", 14).c_str(),
                Snippet(c.evidence_text, 70).c_str());
  *out += line;
}

int RunExtract(const GlobalOptions& global, ExtractOptions& o) {
  auto extractor = ClaimExtractor::Create({ResolveSchemaDir(global), o.catalogs});
  if (!extractor.ok()) {
    std::cerr << "claimgraph extract: " << extractor.status().message() << "\n";
    return 1;
  }
  const bool table = o.format == "table";
  std::string out;
  size_t claims = 0;
  auto summary = ReadDocuments(o.input, !table, &out, [&](const Document& doc) {
    std::vector<Claim> found = (*extractor)->Extract(doc);
    claims += found.size();
    if (table) out += doc.id + "  (" + std::to_string(found.size()) + " claims)\n";
    for (const Claim& c : found) {
      if (table) {
        AppendTableRow(c, &out);
      } else {
        AppendClaimJson(c, &out);
      }
    }
  });
  if (!summary) return 2;
  if (table) {
    out += "\n" + std::to_string(summary->documents) + " documents, " +
           std::to_string(summary->errors) + " errors, " + std::to_string(claims) + " claims\n";
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
      "  claimgraph extract --catalog my_companies.json filings/");
  AddInputOptions(cmd, &opts->input);
  cmd->add_option("--format", opts->format, "Output: jsonl (default) or table")
      ->check(CLI::IsMember({"jsonl", "table"}));
  cmd->add_option("--catalog", opts->catalogs,
                  "Extra entity catalog (same format as schemas/catalog.json); repeatable")
      ->check(CLI::ExistingFile)
      ->expected(1);
  cmd->callback([&global, opts, exit_code] { *exit_code = RunExtract(global, *opts); });
}

}  // namespace claimgraph::cli
