// In-process latency of `query --entity` and `ask` on an existing store:
// opens the store once (as a reader, as the CLI does), then runs each query
// form many times, cycling through them, and prints p50/p90/p99/max per
// form as JSON lines. The timed part is what the CLI does after start-up:
// resolve the entity or parse the question, search, and encode the hits as
// JSONL. Not a test: it asserts nothing.
//
// Usage: claimgraph_bench_query --db DIR [--runs N] [--limit N]
//            [--entity NAME]... [--ask QUESTION]...
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "engine/claim_json.h"
#include "engine/claim_search.h"
#include "engine/store.h"
#include "extractors/claim_extractor.h"
#include "extractors/entity_catalog.h"
#include "extractors/entity_resolver.h"
#include "extractors/question_parser.h"

namespace claimgraph {
namespace {

struct Form {
  std::string label;
  bool ask = false;
  std::string text;  // entity name or question
  std::vector<double> ms;
  size_t hits = 0;
};

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

int Main(int argc, char** argv) {
  std::string db;
  std::string schema_dir = CLAIMGRAPH_DEFAULT_SCHEMA_DIR;
  size_t runs = 200;
  size_t limit = 100;
  std::vector<Form> forms;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--db") {
      db = value;
    } else if (flag == "--runs") {
      runs = std::strtoul(value.c_str(), nullptr, 10);
    } else if (flag == "--limit") {
      limit = std::strtoul(value.c_str(), nullptr, 10);
    } else if (flag == "--schemas") {
      schema_dir = value;
    } else if (flag == "--entity") {
      forms.push_back({"query --entity " + value, false, value, {}, 0});
    } else if (flag == "--ask") {
      forms.push_back({"ask " + value, true, value, {}, 0});
    } else {
      std::fprintf(stderr, "claimgraph_bench_query: unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  if (db.empty() || forms.empty() || runs == 0) {
    std::fprintf(stderr,
                 "usage: claimgraph_bench_query --db DIR [--runs N] [--limit N] "
                 "[--entity NAME]... [--ask QUESTION]...\n");
    return 2;
  }
  const auto open_start = std::chrono::steady_clock::now();
  auto store = Store::Open(db, StoreOptions{.read_only = true});
  if (!store.ok()) {
    std::fprintf(stderr, "claimgraph_bench_query: %s\n", store.status().ToString().c_str());
    return 1;
  }
  EntityCatalog catalog;
  Status s = catalog.AddFile(schema_dir + "/catalog.json");
  auto parser = QuestionParser::Create(schema_dir, &catalog);
  if (!s.ok() || !parser.ok()) {
    std::fprintf(stderr, "claimgraph_bench_query: %s\n",
                 (s.ok() ? parser.status() : s).ToString().c_str());
    return 1;
  }
  auto ruleset = ClaimExtractor::Ruleset({schema_dir, {}});
  if (!ruleset.ok()) {
    std::fprintf(stderr, "claimgraph_bench_query: %s\n", ruleset.status().ToString().c_str());
    return 1;
  }
  const double open_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - open_start)
          .count();
  std::printf("{\"step\":\"open store, load catalog and questions\",\"ms\":%.1f}\n", open_ms);

  std::string out;
  for (size_t run = 0; run < runs * forms.size(); ++run) {
    Form& f = forms[run % forms.size()];
    const auto t0 = std::chrono::steady_clock::now();
    ClaimQuery q;
    if (f.ask) {
      ParsedQuestion parsed = (*parser)->Parse(f.text);
      if (!parsed.error.empty()) {
        std::fprintf(stderr, "claimgraph_bench_query: %s: %s\n", f.text.c_str(),
                     parsed.error.c_str());
        return 1;
      }
      q = std::move(parsed.query);
      q.ruleset = ruleset->hash;  // as `claimgraph ask` does
      q.term_vocabulary = ruleset->terms;
    } else {
      ClaimScope scope;
      scope.label = f.text;
      for (const std::string& id : ResolveEntityName(catalog, f.text)) {
        for (std::string& d : EntityWithDescendants(catalog, id)) {
          scope.subjects.push_back(std::move(d));
        }
      }
      q.scopes.push_back(std::move(scope));
    }
    if (q.limit == 0) q.limit = limit;
    auto hits = SearchClaims(**store, q);
    if (!hits.ok()) {
      std::fprintf(stderr, "claimgraph_bench_query: %s\n", hits.status().ToString().c_str());
      return 1;
    }
    out.clear();
    for (const ClaimHit& h : *hits) AppendClaimJson(h.claim.claim, &out);
    f.ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    f.hits = hits->size();
  }
  std::vector<double> every;
  for (const Form& f : forms) {
    every.insert(every.end(), f.ms.begin(), f.ms.end());
    std::printf(
        "{\"form\":\"%s\",\"runs\":%zu,\"hits\":%zu,\"p50_ms\":%.2f,\"p90_ms\":%.2f,"
        "\"p99_ms\":%.2f,\"max_ms\":%.2f}\n",
        f.label.c_str(), f.ms.size(), f.hits, Percentile(f.ms, 0.5), Percentile(f.ms, 0.9),
        Percentile(f.ms, 0.99), Percentile(f.ms, 1.0));
  }
  std::printf(
      "{\"form\":\"all\",\"runs\":%zu,\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,"
      "\"max_ms\":%.2f}\n",
      every.size(), Percentile(every, 0.5), Percentile(every, 0.9), Percentile(every, 0.99),
      Percentile(every, 1.0));
  return 0;
}

}  // namespace
}  // namespace claimgraph

int main(int argc, char** argv) { return claimgraph::Main(argc, argv); }
