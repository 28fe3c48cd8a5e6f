// `claimgraph contradictions` (where sources disagree) and `claimgraph
// consistency` (per-source corroboration and reliability). Both read the
// analysis through LoadAnalysisForCommand (cli/analysis_source.h), then
// filter and print it (cli/analysis_print.h). Method: docs/CONSISTENCY.md.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <set>

#include "cli/analysis_print.h"
#include "cli/analysis_source.h"
#include "cli/commands.h"
#include "cli/document_inputs.h"
#include "cli/store_access.h"

namespace claimgraph::cli {

namespace {

struct AnalysisCommandOptions {
  std::string db;
  std::vector<std::string> entities;
  std::vector<std::string> metrics;
  std::vector<std::string> sources;
  std::vector<std::string> catalogs;
  std::string format = "table";
  bool all = false;
};

// Everything both commands need, opened and checked; nullopt after
// printing why (*exit_code says how bad).
struct Loaded {
  std::unique_ptr<Store> store;
  std::unique_ptr<EntityCatalog> catalog;
  std::set<std::string> subjects;  // --entity resolved (contradictions)
  Analysis analysis;
};

std::optional<MetricLexicon> LoadLexicon(const std::string& command, const GlobalOptions& global,
                                         const std::vector<std::string>& metrics) {
  auto lexicon = MetricLexicon::Load(ResolveSchemaDir(global) + "/metrics.json");
  if (!lexicon.ok()) {
    std::cerr << "claimgraph " << command << ": " << lexicon.status().message() << "\n";
    return std::nullopt;
  }
  for (const std::string& m : metrics) {
    if (lexicon->Find(m) != nullptr) continue;
    std::cerr << "claimgraph " << command << ": unknown metric '" << m
              << "' (the metric ids are listed in schemas/metrics.json)\n";
    return std::nullopt;
  }
  return std::move(*lexicon);
}

// Subject ids of every --entity (a company brings its segments and
// products); empty set = no filter. False after printing an unknown name.
bool ResolveEntities(const Loaded& l, const std::vector<std::string>& names,
                     std::set<std::string>* ids) {
  for (const std::string& name : names) {
    std::vector<std::string> found = ResolveSubjects(*l.catalog, *l.store, name, true);
    if (found.empty()) {
      std::cerr << "claimgraph contradictions: unknown entity '" << name
                << "': not a ticker, name or alias in the catalog, nor an entity in the store\n";
      return false;
    }
    ids->insert(found.begin(), found.end());
  }
  return true;
}

// `findings`: whether the command prints findings (contradictions) or only
// source scores (consistency); only that is decoded from a snapshot.
std::optional<Loaded> Load(const std::string& command, const GlobalOptions& global,
                           const AnalysisCommandOptions& o, bool findings, int* exit_code) {
  std::optional<MetricLexicon> lexicon = LoadLexicon(command, global, o.metrics);
  *exit_code = 2;
  if (!lexicon) return std::nullopt;
  *exit_code = 1;
  Loaded l;
  l.store = OpenStoreOrReport(command, ResolveDb(o.db), StoreOptions{.read_only = true});
  if (!l.store) return std::nullopt;
  l.catalog = LoadCatalogOrReport(command, global, o.catalogs);
  if (!l.catalog) return std::nullopt;
  // Only what the command prints is decoded from a large snapshot.
  AnalysisSelection selection;
  selection.findings = findings;
  if (findings) {
    if (!ResolveEntities(l, o.entities, &l.subjects)) return std::nullopt;
    selection.genuine_only = !o.all;
    selection.subjects.assign(l.subjects.begin(), l.subjects.end());
  }
  auto analysis = LoadAnalysisForCommand(*l.store, MakeAnalysisContext(*l.catalog, *lexicon),
                                         command, selection);
  if (!analysis.ok()) {
    std::cerr << "claimgraph " << command << ": " << analysis.status().message() << "\n";
    return std::nullopt;
  }
  l.analysis = std::move(*analysis);
  *exit_code = 0;
  return l;
}

int RunContradictions(const GlobalOptions& global, const AnalysisCommandOptions& o) {
  int exit_code = 0;
  std::optional<Loaded> l = Load("contradictions", global, o, /*findings=*/true, &exit_code);
  if (!l) return exit_code;
  const std::set<std::string>& subjects = l->subjects;
  std::vector<const Finding*> shown;
  std::vector<std::string> ids;
  for (const Finding& f : l->analysis.findings) {
    if (!o.all && !IsGenuine(f)) continue;
    if (!subjects.empty() && subjects.count(f.subject) == 0 &&
        subjects.count(f.other_subject) == 0) {
      continue;
    }
    if (!o.metrics.empty() &&
        std::find(o.metrics.begin(), o.metrics.end(), f.metric) == o.metrics.end()) {
      continue;
    }
    shown.push_back(&f);
    ids.push_back(f.a_claim_id);
    ids.push_back(f.b_claim_id);
  }
  auto claims = l->store->GetClaims(ids);
  if (!claims.ok()) {
    std::cerr << "claimgraph contradictions: " << claims.status().message() << "\n";
    return 1;
  }
  ClaimsById by_id;
  for (StoredClaim& c : *claims) by_id.emplace(c.claim.claim_id, std::move(c));
  std::string out;
  if (o.format == "jsonl") {
    AppendFindingsJsonl(shown, by_id, &out);
  } else if (o.format == "html") {
    AppendFindingsHtml(shown, by_id, l->analysis.stats, &out);
  } else {
    AppendFindingsTable(shown, by_id, &out);
  }
  FlushOutput(&out, true);
  return 0;
}

int RunConsistency(const GlobalOptions& global, const AnalysisCommandOptions& o) {
  int exit_code = 0;
  std::optional<Loaded> l = Load("consistency", global, o, /*findings=*/false, &exit_code);
  if (!l) return exit_code;
  std::vector<const SourceScore*> shown;
  for (const SourceScore& s : l->analysis.sources) {
    if (o.sources.empty() ||
        std::find(o.sources.begin(), o.sources.end(), s.source) != o.sources.end()) {
      shown.push_back(&s);
    }
  }
  for (const std::string& wanted : o.sources) {
    const bool known = std::any_of(shown.begin(), shown.end(),
                                   [&](const SourceScore* s) { return s->source == wanted; });
    if (!known) {
      std::cerr << "claimgraph consistency: no claims from source '" << wanted
                << "' (documents without a source are \"doc:<doc_id>\")\n";
      return 1;
    }
  }
  std::string out;
  if (o.format == "jsonl") {
    AppendSourcesJsonl(shown, &out);
  } else if (o.format == "html") {
    AppendSourcesHtml(shown, l->analysis.stats, &out);
  } else {
    AppendSourcesTable(shown, l->analysis.stats, &out);
  }
  FlushOutput(&out, true);
  return 0;
}

void AddCommon(CLI::App* cmd, AnalysisCommandOptions* o) {
  AddDbOption(cmd, &o->db);
  cmd->add_option("--format", o->format, "Output: table (default), jsonl or html")
      ->check(CLI::IsMember({"table", "jsonl", "html"}));
  cmd->add_option("--catalog", o->catalogs, "Extra entity catalog; repeatable")
      ->check(CLI::ExistingFile)
      ->expected(1);
}

}  // namespace

void RegisterContradictions(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<AnalysisCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "contradictions",
      "Where sources disagree: numeric claims on the same subject, metric, period and unit\n"
      "whose values cannot both be true, and opposite stances on one entity.\n\n"
      "Lists genuine conflicts only; --all adds the consistent and explained findings with\n"
      "their labels (rounding, agree, scale, stale, same_source, period_mismatch, beat,\n"
      "miss, met). Hypothetical vs reported, forecast vs outcome, different periods,\n"
      "negated claims and a source repeating itself are never conflicts. A company is\n"
      "compared with its segments and products on additive metrics (docs/CONSISTENCY.md).\n\n"
      "Examples:\n"
      "  claimgraph contradictions\n"
      "  claimgraph contradictions --entity AMZN --metric backlog --all\n"
      "  claimgraph contradictions --format jsonl | jq -r .explanation\n"
      "  claimgraph contradictions --format html > contradictions.html");
  cmd->add_option("--entity", opts->entities,
                  "Ticker, name or alias (a company includes its segments and products); "
                  "repeatable");
  cmd->add_option("--metric", opts->metrics,
                  "Canonical metric id (schemas/metrics.json); repeatable");
  cmd->add_flag("--all", opts->all, "Also list consistent and explained findings");
  AddCommon(cmd, opts.get());
  cmd->callback([&global, opts, exit_code] { *exit_code = RunContradictions(global, *opts); });
}

void RegisterConsistency(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<AnalysisCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "consistency",
      "Per source: how many of its claims other sources corroborate or contradict, how many\n"
      "are unique, and a reliability score from iterative truth discovery (sources are\n"
      "reliable when reliable sources agree with them; docs/CONSISTENCY.md). A document\n"
      "without a source is its own source, \"doc:<doc_id>\".\n\n"
      "Examples:\n"
      "  claimgraph consistency\n"
      "  claimgraph consistency --source Reuters --format jsonl\n"
      "  claimgraph consistency --format html > sources.html");
  cmd->add_option("--source", opts->sources, "Source key, exact; repeatable");
  AddCommon(cmd, opts.get());
  cmd->callback([&global, opts, exit_code] { *exit_code = RunConsistency(global, *opts); });
}

}  // namespace claimgraph::cli
