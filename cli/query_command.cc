// `claimgraph query` (filters) and `claimgraph ask` (a question in words):
// both build a ClaimQuery, run it on a reader instance of the store, and
// print the claims as a table, JSON Lines (the claim schema) or CSV.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/claim_table.h"
#include "cli/commands.h"
#include "cli/document_inputs.h"
#include "cli/store_access.h"
#include "engine/claim_json.h"
#include "engine/claim_search.h"
#include "engine/date.h"
#include "extractors/claim_extractor.h"
#include "extractors/metric_lexicon.h"
#include "extractors/question_parser.h"

namespace claimgraph::cli {

namespace {

struct QueryCommandOptions {
  std::string db;
  std::vector<std::string> entities;
  bool exact = false;
  std::vector<std::string> metrics;
  std::vector<std::string> sources;
  std::vector<std::string> modalities;
  std::vector<std::string> kinds;
  std::string since;
  std::string until;
  std::string period;
  std::string format = "table";
  size_t limit = 0;
  std::vector<std::string> catalogs;
  std::string question;  // ask
};

constexpr Modality kModalities[] = {
    Modality::kReported, Modality::kForecast,     Modality::kEstimate,    Modality::kGuidance,
    Modality::kTarget,   Modality::kHypothetical, Modality::kConditional, Modality::kOpinion};
constexpr ClaimKind kKinds[] = {ClaimKind::kQuantity, ClaimKind::kRelative, ClaimKind::kStatus,
                                ClaimKind::kStance,   ClaimKind::kScore,    ClaimKind::kRelation};

std::vector<std::string> ModalityNames() {
  std::vector<std::string> v;
  for (Modality m : kModalities) v.emplace_back(ModalityName(m));
  return v;
}
std::vector<std::string> KindNames() {
  std::vector<std::string> v;
  for (ClaimKind k : kKinds) v.emplace_back(ClaimKindName(k));
  return v;
}

// Checks --metric against the lexicon; prints near names when unknown.
bool CheckMetrics(const GlobalOptions& global, const std::vector<std::string>& metrics) {
  if (metrics.empty()) return true;
  auto lexicon = MetricLexicon::Load(ResolveSchemaDir(global) + "/metrics.json");
  if (!lexicon.ok()) {
    std::cerr << "claimgraph query: " << lexicon.status().message() << "\n";
    return false;
  }
  for (const std::string& m : metrics) {
    if (lexicon->Find(m) != nullptr) continue;
    std::cerr << "claimgraph query: unknown metric '" << m << "'";
    std::string near;
    for (const auto& def : lexicon->metrics()) {
      const std::string stem = m.substr(0, std::min<size_t>(m.size(), 4));
      if (def.id.find(stem) != std::string::npos) near += (near.empty() ? "" : ", ") + def.id;
    }
    if (!near.empty()) std::cerr << "; did you mean: " << near;
    std::cerr << " (all metrics: schemas/metrics.json)\n";
    return false;
  }
  return true;
}

// Everything but the scopes, from the flags.
bool BuildFilters(const QueryCommandOptions& o, ClaimQuery* q) {
  for (const std::string& m : o.modalities) {
    for (Modality mod : kModalities) {
      if (ModalityName(mod) == m) q->modalities.push_back(mod);
    }
  }
  for (const std::string& k : o.kinds) {
    for (ClaimKind kind : kKinds) {
      if (ClaimKindName(kind) == k) q->kinds.push_back(kind);
    }
  }
  q->sources = o.sources;
  q->since = o.since;
  q->until = o.until;
  q->period = o.period;
  q->limit = o.limit;
  return true;
}

void PrintHits(const std::vector<ClaimHit>& hits, const ClaimQuery& q, const std::string& format,
               bool grouped) {
  std::string out;
  if (format == "jsonl") {
    for (const ClaimHit& h : hits) AppendClaimJson(h.claim.claim, &out);
  } else if (format == "csv") {
    AppendClaimCsvHeader(&out);
    for (const ClaimHit& h : hits) AppendClaimCsvRow(h.claim, &out);
  } else if (!grouped) {
    AppendClaimTableHeader(&out);
    for (const ClaimHit& h : hits) AppendClaimTableRow(h.claim, &out);
    out += std::to_string(hits.size()) + " claims\n";
  } else {
    for (size_t scope = 0; scope < std::max<size_t>(1, q.scopes.size()); ++scope) {
      size_t n = 0;
      for (const ClaimHit& h : hits) n += h.scope == scope;
      if (n == 0) continue;
      const std::string label = q.scopes.empty() ? "claims" : q.scopes[scope].label;
      out += "\n== " + label + " (" + std::to_string(n) + (n == 1 ? " claim)\n" : " claims)\n");
      AppendClaimTableHeader(&out);
      for (const ClaimHit& h : hits) {
        if (h.scope == scope) AppendClaimTableRow(h.claim, &out);
      }
    }
    out += "\n" + std::to_string(hits.size()) + " claims\n";
  }
  FlushOutput(&out, true);
}

int RunSearch(const std::string& command, const Store& store, const ClaimQuery& q,
              const std::string& format, bool grouped) {
  auto hits = SearchClaims(store, q);
  if (!hits.ok()) {
    std::cerr << "claimgraph " << command << ": " << hits.status().message() << "\n";
    return 1;
  }
  PrintHits(*hits, q, format, grouped);
  return 0;
}

int RunQuery(const GlobalOptions& global, QueryCommandOptions& o) {
  if (!CheckMetrics(global, o.metrics)) return 2;
  auto store = OpenStoreOrReport("query", ResolveDb(o.db), StoreOptions{.read_only = true});
  if (!store) return 1;
  auto catalog = LoadCatalogOrReport("query", global, o.catalogs);
  if (!catalog) return 1;
  ClaimQuery q;
  BuildFilters(o, &q);
  for (const std::string& name : o.entities) {
    ClaimScope scope;
    scope.label = name;
    scope.subjects = ResolveSubjects(*catalog, *store, name, !o.exact);
    scope.metrics = o.metrics;
    if (scope.subjects.empty()) {
      std::cerr << "claimgraph query: unknown entity '" << name
                << "': not a ticker, name or alias in the catalog, nor an entity in the store\n";
      return 1;
    }
    q.scopes.push_back(std::move(scope));
  }
  if (o.entities.empty() && !o.metrics.empty()) q.scopes.push_back({"", {}, o.metrics, {}, {}});
  return RunSearch("query", *store, q, o.format, false);
}

void PrintUnderstanding(const ParsedQuestion& p, const EntityCatalog& catalog, std::ostream& os) {
  os << "understood:";
  for (const std::string& id : p.entities) {
    const CatalogEntity* e = catalog.Find(id);
    os << " entity " << (e ? e->name : id) << " (" << id << ");";
  }
  for (const std::string& t : p.topics) os << " topic " << t << ";";
  if (!p.query.since.empty()) os << " since " << p.query.since << ";";
  if (!p.query.until.empty()) os << " until " << p.query.until << ";";
  if (!p.query.period.empty()) os << " period " << p.query.period << ";";
  for (Modality m : p.query.modalities) os << " modality " << ModalityName(m) << ";";
  os << "\n";
  if (!p.unknown.empty()) {
    os << "not understood (ignored):";
    for (const std::string& w : p.unknown) os << " \"" << w << "\"";
    os << "\n";
  }
}

int RunAsk(const GlobalOptions& global, QueryCommandOptions& o) {
  auto catalog = LoadCatalogOrReport("ask", global, o.catalogs);
  if (!catalog) return 1;
  auto parser = QuestionParser::Create(ResolveSchemaDir(global), catalog.get());
  if (!parser.ok()) {
    std::cerr << "claimgraph ask: " << parser.status().message() << "\n";
    return 1;
  }
  ParsedQuestion parsed = (*parser)->Parse(o.question);
  if (!parsed.error.empty()) {
    std::cerr << "claimgraph ask: " << parsed.error << "\n";
    return 1;
  }
  // Evidence words ("chips") are looked up in the by_term index when the
  // store's claims were extracted with these rules; otherwise every claim
  // of the question's companies is read, which gives the same answer.
  auto ruleset = ClaimExtractor::Ruleset({ResolveSchemaDir(global), o.catalogs});
  if (ruleset.ok()) {
    parsed.query.ruleset = ruleset->hash;
    parsed.query.term_vocabulary = std::move(ruleset->terms);
  } else {
    std::cerr << "claimgraph ask: not using the term index: " << ruleset.status().message() << "\n";
  }
  auto store = OpenStoreOrReport("ask", ResolveDb(o.db), StoreOptions{.read_only = true});
  if (!store) return 1;
  // The question's own limit ("top 5") wins over the default.
  if (parsed.query.limit == 0) parsed.query.limit = o.limit;
  const bool table = o.format == "table";
  PrintUnderstanding(parsed, *catalog, table ? std::cout : std::cerr);
  std::cout.flush();
  return RunSearch("ask", *store, parsed.query, o.format, true);
}

void AddFilterOptions(CLI::App* cmd, QueryCommandOptions* o) {
  cmd->add_option("--metric", o->metrics, "Canonical metric id (schemas/metrics.json); repeatable");
  cmd->add_option("--source", o->sources, "Document source, exact; repeatable");
  cmd->add_option("--modality", o->modalities, "Modality; repeatable")
      ->check(CLI::IsMember(ModalityNames()));
  cmd->add_option("--kind", o->kinds, "Claim kind; repeatable")->check(CLI::IsMember(KindNames()));
  auto date = CLI::Validator(
      [](std::string& s) {
        return s.size() == 10 && Date::Parse(s) ? std::string() : "expected YYYY-MM-DD: " + s;
      },
      "DATE");
  cmd->add_option("--since", o->since, "Documents published on or after DATE")->check(date);
  cmd->add_option("--until", o->until, "Documents published on or before DATE")->check(date);
  cmd->add_option("--period", o->period,
                  "Period of the value: 2025, 2025-Q3, 2025-H1, 2025-07, FY2025 (a prefix)");
}

void AddOutputOptions(CLI::App* cmd, QueryCommandOptions* o, bool csv) {
  AddDbOption(cmd, &o->db);
  std::vector<std::string> formats = {"table", "jsonl"};
  if (csv) formats.push_back("csv");
  cmd->add_option("--format", o->format,
                  csv ? "Output: table (default), jsonl (claim schema) or csv"
                      : "Output: table (default) or jsonl (claim schema)")
      ->check(CLI::IsMember(formats));
  cmd->add_option("--limit", o->limit,
                  csv ? "At most N claims, newest first (default: all)"
                      : "At most N claims, newest first (default: 100; 0 = all)");
  cmd->add_option("--catalog", o->catalogs, "Extra entity catalog; repeatable")
      ->check(CLI::ExistingFile)
      ->expected(1);
}

}  // namespace

void RegisterQuery(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<QueryCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "query",
      "Claims in the store that match every filter, newest first.\n\n"
      "--entity takes a ticker, name or alias (AMZN, Amazon, AWS, Trainium) and, for a\n"
      "company, includes its segments and products unless --exact. Works while an\n"
      "ingest runs in another process.\n\n"
      "Examples:\n"
      "  claimgraph query --entity AMZN --metric backlog\n"
      "  claimgraph query --entity Trainium --modality forecast --format jsonl | jq .value\n"
      "  claimgraph query --metric free_cash_flow --since 2026-01-01 --format csv > fcf.csv");
  cmd->add_option("--entity", opts->entities, "Ticker, name or alias; repeatable");
  cmd->add_flag("--exact", opts->exact, "Only the named entity, not its segments and products");
  AddFilterOptions(cmd, opts.get());
  AddOutputOptions(cmd, opts.get(), true);
  cmd->callback([&global, opts, exit_code] { *exit_code = RunQuery(global, *opts); });
}

void RegisterAsk(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<QueryCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ask",
      "Answer a question about what is claimed, grouped by product or topic.\n\n"
      "Understands companies, segments, products and people (ticker, name or alias),\n"
      "topics (chips, margins, cash flow, backlog, guidance... see schemas/questions.json),\n"
      "dates (since/until YYYY-MM-DD), periods (in 2025, Q3 2025, FY2025) and modalities\n"
      "(forecasts, hypothetical). Prints what it understood and every word it did not.\n\n"
      "Examples:\n"
      "  claimgraph ask \"what is claimed about AMZN chips\"\n"
      "  claimgraph ask \"what does Nvidia claim\"\n"
      "  claimgraph ask \"claims about Trainium3 since 2026-01-01\" --format jsonl");
  cmd->add_option("question", opts->question, "The question, in quotes")->required();
  opts->limit = 100;  // an answer is for reading; `query` or --limit 0 give everything
  AddOutputOptions(cmd, opts.get(), false);
  cmd->callback([&global, opts, exit_code] { *exit_code = RunAsk(global, *opts); });
}

}  // namespace claimgraph::cli
