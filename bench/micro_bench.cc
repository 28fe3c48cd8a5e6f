// Microbenchmarks of each recognizer and of the claim assembler, in bytes of
// text per second, on generated articles (very number-dense) and on the
// seed articles (real prose); and a bare RE2::Set baseline: the patterns
// the recognizers use plus the cue phrases of rules.json as word-boundary
// alternations, compiled into one RE2::Set and run over each sentence.
// After the runs it prints "extractor / RE2::Set" ratios.
// Not a test: it asserts nothing. Usage: claimgraph_micro_bench
// [--benchmark_filter=...] (Google Benchmark flags).
#include <benchmark/benchmark.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "corpus_generator.h"
#include "engine/document.h"
#include "engine/line_reader.h"
#include "extractors/claim_extractor.h"
#include "extractors/claim_rules.h"
#include "extractors/entity_catalog.h"
#include "extractors/entity_recognizer.h"
#include "extractors/metric_lexicon.h"
#include "extractors/number_parser.h"
#include "extractors/period_recognizer.h"
#include "extractors/quantity_lexicon.h"
#include "extractors/quantity_recognizer.h"
#include "extractors/sentence_splitter.h"
#include "extractors/stance_scorer.h"

namespace claimgraph {
namespace {

const std::string kSchemas = CLAIMGRAPH_DEFAULT_SCHEMA_DIR;

template <typename T>
T OrDie(Result<T> r) {
  if (!r.ok()) {
    std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
    std::exit(1);
  }
  return std::move(r).value();
}

struct Corpus {
  std::vector<Document> docs;
  size_t bytes = 0;
  void Add(std::string text, std::string published) {
    Document d;
    d.id = "doc-" + std::to_string(docs.size());
    d.text = std::move(text);
    d.prose_end = d.text.size();
    d.published = std::move(published);
    bytes += d.text.size();
    docs.push_back(std::move(d));
  }
};

const Corpus& Generated() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    bench::CorpusGenerator gen(42);
    while (c->bytes < 1000000) c->Add(gen.Article(5000), gen.Date());
    return c;
  }();
  return *corpus;
}

const Corpus& Seeds() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    std::vector<std::string> paths;
    for (const auto& e : std::filesystem::directory_iterator(CLAIMGRAPH_CORPUS_DIR)) {
      paths.push_back(e.path().string());
    }
    std::sort(paths.begin(), paths.end());
    for (const std::string& p : paths) {
      std::string text;
      if (ReadWholeFile(p, size_t{16} << 20, &text).ok()) c->Add(std::move(text), "2026-11-01");
    }
    return c;
  }();
  return *corpus;
}

const Corpus& CorpusOf(int which) { return which == 0 ? Generated() : Seeds(); }

// Runs fn(doc) over the whole corpus per iteration; reports bytes/s.
template <typename Fn>
void OverCorpus(benchmark::State& state, Fn fn) {
  const Corpus& c = CorpusOf(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    for (const Document& d : c.docs) fn(d);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(c.bytes));
}

void BM_SentenceSplitter(benchmark::State& state) {
  OverCorpus(state, [](const Document& d) { benchmark::DoNotOptimize(SplitSentences(d.text)); });
}

void BM_NumberParser(benchmark::State& state) {
  NumberParser numbers;
  OverCorpus(state, [&](const Document& d) { benchmark::DoNotOptimize(numbers.FindAll(d.text)); });
}

void BM_Quantity(benchmark::State& state) {
  NumberParser numbers;
  auto lexicon = OrDie(QuantityLexicon::Load(kSchemas + "/quantities.json"));
  auto quantities = OrDie(QuantityRecognizer::Create(lexicon, numbers));
  std::vector<Mention> out;
  OverCorpus(state, [&](const Document& d) {
    out.clear();
    quantities->Recognize(d.text, &out);
    benchmark::DoNotOptimize(out.data());
  });
}

void BM_Period(benchmark::State& state) {
  NumberParser numbers;
  PeriodRecognizer periods(numbers);
  std::vector<Mention> out;
  OverCorpus(state, [&](const Document& d) {
    out.clear();
    periods.Recognize(d.text, Date::Parse(d.published), &out);
    benchmark::DoNotOptimize(out.data());
  });
}

void BM_Entity(benchmark::State& state) {
  EntityCatalog catalog;
  if (!catalog.AddFile(kSchemas + "/catalog.json").ok()) std::exit(1);
  auto entities = OrDie(EntityRecognizer::Create(catalog));
  OverCorpus(state,
             [&](const Document& d) { benchmark::DoNotOptimize(entities->Recognize(d.text)); });
}

void BM_Metric(benchmark::State& state) {
  auto lexicon = OrDie(MetricLexicon::Load(kSchemas + "/metrics.json"));
  auto metrics = OrDie(MetricRecognizer::Create(lexicon));
  OverCorpus(state,
             [&](const Document& d) { benchmark::DoNotOptimize(metrics->Recognize(d.text)); });
}

void BM_Stance(benchmark::State& state) {  // sentence by sentence, as the assembler calls it
  auto stance = OrDie(StanceScorer::Load(kSchemas + "/stance.json"));
  OverCorpus(state, [&](const Document& d) {
    for (const SentenceSpan& s : SplitSentences(d.text)) {
      benchmark::DoNotOptimize(
          stance->Score(std::string_view(d.text).substr(s.start, s.end - s.start)));
    }
  });
}

void BM_ClaimExtractor(benchmark::State& state) {
  auto extractor = OrDie(ClaimExtractor::Create({kSchemas, {}}));
  OverCorpus(state, [&](const Document& d) { benchmark::DoNotOptimize(extractor->Extract(d)); });
}

// A phrase list as a case-insensitive word-boundary alternation; a space
// in a phrase matches any run of whitespace.
std::string Alternation(const PhraseMatcher& m) {
  std::string out;
  for (const PhraseMatcher::Phrase& p : m.phrases()) {
    if (!out.empty()) out += '|';
    for (char c : p.text) out += c == ' ' ? std::string("\\s+") : RE2::QuoteMeta(std::string(1, c));
  }
  return "(?i)\\b(?:" + out + ")\\b";
}

// The recognizers' own patterns (their anchors and candidate scans) and the
// cue lists of rules.json and metrics.json.
std::vector<std::string> BaselinePatterns() {
  std::vector<std::string> patterns = {
      // QuantityRecognizer's candidate scan.
      "(?i)[0-9]|\\.[0-9]|\\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
      "twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
      "fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozens?|"
      "several|tens|hundreds|thousands|millions|billions|a\\s+(?:hundred|thousand|million|"
      "billion|trillion|dozen|few|couple))\\b",
      // PeriodRecognizer's anchors.
      "(?i)\\b(?:(q[1-4]|[1-4]q|h[12]|[12]h)|(fy|fiscal\\b)|((?:jan(?:uary)?|feb(?:ruary)?|"
      "mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|"
      "nov(?:ember)?|dec(?:ember)?)\\b)|((?:day|week|month|quarter|qtr|year|yr)s?|half|period|"
      "ytd)\\b|((?:19|20)\\d\\d)\\b)",
      // Entity discovery's triggers: exchange tickers and cashtags.
      "\\(\\s*[A-Za-z ]{2,20}\\s*:\\s*[A-Z0-9]{1,7}",
      "\\$[A-Z][A-Z0-9]{0,5}\\b",
  };
  auto rules = OrDie(ClaimRules::Load(kSchemas + "/rules.json"));
  for (const PhraseMatcher* m :
       {&rules.clause_breaks, &rules.hypothetical, &rules.conditional, &rules.forecast,
        &rules.guidance, &rules.target, &rules.estimate, &rules.opinion, &rules.negation,
        &rules.speaker_verbs, &rules.speaker_sources, &rules.pronouns, &rules.change,
        &rules.prior_after, &rules.comparatives, &rules.status, &rules.metric_verbs}) {
    if (!m->empty()) patterns.push_back(Alternation(*m));
  }
  auto lexicon = OrDie(MetricLexicon::Load(kSchemas + "/metrics.json"));
  PhraseMatcher metric_phrases;
  for (const MetricDef& def : lexicon.metrics()) {
    for (const MetricSynonym& s : def.synonyms) metric_phrases.Add(s.phrase, 0);
  }
  patterns.push_back(Alternation(metric_phrases));
  return patterns;
}

void BM_RE2SetBaseline(benchmark::State& state) {
  RE2::Options options;
  options.set_max_mem(int64_t{256} << 20);
  RE2::Set set(options, RE2::UNANCHORED);
  const std::vector<std::string> patterns = BaselinePatterns();
  for (const std::string& p : patterns) {
    std::string error;
    if (set.Add(p, &error) < 0) {
      std::fprintf(stderr, "bad pattern %s: %s\n", p.c_str(), error.c_str());
      std::exit(1);
    }
  }
  if (!set.Compile()) std::exit(1);
  state.counters["patterns"] = static_cast<double>(patterns.size());
  std::vector<int> hits;
  OverCorpus(state, [&](const Document& d) {
    for (const SentenceSpan& s : SplitSentences(d.text)) {
      set.Match(re2::StringPiece(d.text.data() + s.start, s.end - s.start), &hits);
      benchmark::DoNotOptimize(hits.data());
    }
  });
}

#define CORPORA ->Arg(0)->Arg(1)->ArgName("seeds")->Unit(benchmark::kMillisecond)
BENCHMARK(BM_SentenceSplitter) CORPORA;
BENCHMARK(BM_NumberParser) CORPORA;
BENCHMARK(BM_Quantity) CORPORA;
BENCHMARK(BM_Period) CORPORA;
BENCHMARK(BM_Entity) CORPORA;
BENCHMARK(BM_Metric) CORPORA;
BENCHMARK(BM_Stance) CORPORA;
BENCHMARK(BM_ClaimExtractor) CORPORA;
BENCHMARK(BM_RE2SetBaseline) CORPORA;

// Prints the usual table and remembers each run's bytes/s for the ratios.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& r : runs) {
      auto it = r.counters.find("bytes_per_second");
      if (it != r.counters.end()) rates_[r.benchmark_name()] = it->second.value;
    }
  }
  void PrintRatios() const {
    for (const char* arg : {"seeds:0", "seeds:1"}) {
      const std::string suffix = std::string("/") + arg;
      auto base = rates_.find("BM_RE2SetBaseline" + suffix);
      auto ours = rates_.find("BM_ClaimExtractor" + suffix);
      if (base == rates_.end() || ours == rates_.end() || base->second <= 0) continue;
      std::printf("%s: ClaimExtractor %.1f MB/s, bare RE2::Set %.1f MB/s, ratio %.3f\n",
                  arg[6] == '0' ? "generated" : "seeds", ours->second / 1e6, base->second / 1e6,
                  ours->second / base->second);
    }
  }

 private:
  std::map<std::string, double> rates_;
};

}  // namespace
}  // namespace claimgraph

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  claimgraph::RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.PrintRatios();
  benchmark::Shutdown();
  return 0;
}
