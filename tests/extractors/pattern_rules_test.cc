// PatternRules (schemas/patterns.txt): an analyst's RE2 rules load whole or
// not at all, with errors naming file and line; a rule that would be
// catastrophic for a backtracking engine still runs in linear time; and the
// claim extractor reads metric and modality rules.
#include "extractors/pattern_rules.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "extractors/claim_extractor.h"
#include "extractors/metric_lexicon.h"
#include "test_documents.h"
#include "test_paths.h"

namespace claimgraph::pattern_rules_test {

namespace {

namespace fs = std::filesystem;

const MetricLexicon& Lexicon() {
  static const MetricLexicon lexicon =
      MetricLexicon::Load(testing::SourceDir() + "/schemas/metrics.json").value();
  return lexicon;
}

std::string ErrorOf(std::string_view text) {
  auto rules = PatternRules::Parse(text, "my_patterns.txt", Lexicon());
  REQUIRE_FALSE(rules.ok());
  return rules.status().message();
}

std::vector<std::string> Spans(const PatternRules& rules, PatternKind kind, std::string_view text) {
  std::vector<std::string> out;
  for (const PatternMatch& m : rules.FindAll(kind, text)) {
    out.emplace_back(text.substr(m.start, m.end - m.start));
  }
  return out;
}

// A copy of schemas/ whose patterns.txt is `patterns`.
void WriteSchemas(const std::string& dir, const std::string& patterns) {
  fs::copy(testing::SourceDir() + "/schemas", dir, fs::copy_options::recursive);
  std::ofstream(dir + "/patterns.txt", std::ios::trunc) << patterns;
}

std::unique_ptr<ClaimExtractor> Extractor(const std::string& schema_dir) {
  auto x = ClaimExtractor::Create({schema_dir, {}});
  INFO(x.status().ToString());
  REQUIRE(x.ok());
  return std::move(x).value();
}

const Claim* ClaimWithValue(const std::vector<Claim>& claims, std::string_view value_text) {
  for (const Claim& c : claims) {
    if (c.value && c.value->text == value_text) return &c;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("Pattern rules: comments, blank lines, kinds and labels", "[patterns]") {
  auto rules = PatternRules::Parse(
      "# analyst rules\n"
      "\n"
      "metric   backlog        \\b(RPO)\\b\n"
      "  modality hypothetical (?i)\\bif it were spun off\\b  \n",
      "p.txt", Lexicon());
  INFO(rules.status().ToString());
  REQUIRE(rules.ok());
  REQUIRE(rules->rules().size() == 2);
  CHECK(rules->rules()[0].kind == PatternKind::kMetric);
  CHECK(rules->rules()[0].label == "backlog");
  CHECK(rules->rules()[0].line == 3);
  CHECK(rules->rules()[1].kind == PatternKind::kModality);
  CHECK(rules->rules()[1].modality == Modality::kHypothetical);
  CHECK(rules->rules()[1].line == 4);
  CHECK(rules->Has(PatternKind::kMetric));
  CHECK(rules->Has(PatternKind::kModality));
}

TEST_CASE("Pattern rules: every error names the file and line, and nothing loads", "[patterns]") {
  const std::string good = "metric backlog \\bRPO\\b\n# fine so far\n";
  CHECK(ErrorOf(good + "metric revenue (top line\n") ==
        "my_patterns.txt:3: invalid pattern '(top line': missing ): (top line");
  CHECK(ErrorOf(good + "metric revenue [z-a]\n").rfind("my_patterns.txt:3: invalid pattern", 0) ==
        0);
  CHECK(ErrorOf(good + "metrc revenue sales\n") ==
        "my_patterns.txt:3: unknown rule kind 'metrc' (metric or modality)");
  CHECK(ErrorOf(good + "metric turnover_ratio \\bturns\\b\n") ==
        "my_patterns.txt:3: unknown metric 'turnover_ratio' (not an id in metrics.json)");
  CHECK(ErrorOf(good + "modality reported \\bsaid\\b\n") ==
        "my_patterns.txt:3: unknown modality 'reported' (one of hypothetical, conditional, "
        "guidance, target, estimate, forecast, opinion)");
  CHECK(ErrorOf(good + "metric revenue\n") ==
        "my_patterns.txt:3: the rule has no pattern after 'revenue'");
  CHECK(ErrorOf(good + "metric\n") ==
        "my_patterns.txt:3: a metric rule needs a metric id and a "
        "pattern");
  CHECK(ErrorOf(good + "modality forecast (?:will)?\n") ==
        "my_patterns.txt:3: the pattern '(?:will)?' matches the empty string, so it would match "
        "everywhere");
  CHECK(ErrorOf(good + "metric revenue " + std::string(5000, 'x') + "\n") ==
        "my_patterns.txt:3: the pattern is 5000 bytes, more than the limit of 4096");
  CHECK(ErrorOf(good + "metric revenue caf\xe9\n") == "my_patterns.txt:3: not valid UTF-8");
  // A program too large for RE2's memory budget is refused, not half-built.
  CHECK(ErrorOf(good + "metric revenue (?:(?:(?:a{100}){100}){100})\n")
            .rfind("my_patterns.txt:3: invalid pattern", 0) == 0);
}

TEST_CASE("Pattern rules: matches in order, group 1 as the span", "[patterns]") {
  auto rules = PatternRules::Parse(
      "metric backlog \\b(RPO)\\b\n"
      "metric revenue (?i)\\b(top[- ]line) (?:rose|fell|grew)\n",
      "p.txt", Lexicon());
  REQUIRE(rules.ok());
  CHECK(Spans(*rules, PatternKind::kMetric,
              "Top-line grew; RPO rose, rpo is lower case, RPOs is not a word; top line fell.") ==
        std::vector<std::string>{"Top-line", "RPO", "top line"});
  CHECK(Spans(*rules, PatternKind::kModality, "top line rose").empty());
}

TEST_CASE("Pattern rules: one pass tells which rules can match and changes no match",
          "[patterns]") {
  auto rules = PatternRules::Parse(
      "metric backlog \\b(RPO)\\b\n"
      "metric revenue (?i)\\b(top[- ]line) (?:rose|fell|grew)\n"
      "modality hypothetical (?i)\\bif it were sold\\b\n"
      "modality forecast \\bexpects?\\b\n",
      "p.txt", Lexicon());
  REQUIRE(rules.ok());
  const std::vector<std::pair<std::string, std::vector<bool>>> cases = {
      {"Top-line grew; RPO rose.", {true, true, false, false}},
      {"It expects $5 billion IF IT WERE SOLD.", {false, false, true, true}},
      {"RPOs and top lines: nothing here.", {false, false, false, false}},
      {"", {false, false, false, false}},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    const std::vector<bool> may = rules->MayMatch(text);
    CHECK(may == expected);
    for (PatternKind kind : {PatternKind::kMetric, PatternKind::kModality}) {
      const auto all = rules->FindAll(kind, text);
      const auto filtered = rules->FindAll(kind, text, &may);
      REQUIRE(filtered.size() == all.size());
      for (size_t i = 0; i < all.size(); ++i) {
        CHECK(filtered[i].start == all[i].start);
        CHECK(filtered[i].end == all[i].end);
        CHECK(filtered[i].rule == all[i].rule);
      }
    }
  }
  // No rules: nothing to rule out.
  auto none = PatternRules::Parse("# nothing\n", "p.txt", Lexicon());
  REQUIRE(none.ok());
  CHECK(none->MayMatch("RPO").empty());
}

// Every match of every rule, as one comparable list.
std::vector<std::tuple<size_t, size_t, const PatternRule*>> AllMatches(
    const PatternRules& rules, std::string_view text, const std::vector<bool>* may) {
  std::vector<std::tuple<size_t, size_t, const PatternRule*>> out;
  for (PatternKind kind : {PatternKind::kMetric, PatternKind::kModality}) {
    for (const PatternMatch& m : rules.FindAll(kind, text, may)) {
      out.emplace_back(m.start, m.end, m.rule);
    }
  }
  return out;
}

TEST_CASE("Pattern rules: a scan for required literals stands in for the set", "[patterns]") {
  const std::string bundled = testing::SourceDir() + "/schemas/patterns.txt";
  auto shipped = PatternRules::Load(bundled, Lexicon());
  REQUIRE(shipped.ok());
  CHECK(shipped->UsesLiteralScan());
  // A rule without a literal of 4 bytes ("RPO" is 3), or with a literal
  // that is not ASCII, leaves the decision to the set.
  auto short_literal = PatternRules::Parse("metric backlog \\bRPO\\b\nmetric revenue (?i)took in\n",
                                           "p.txt", Lexicon());
  REQUIRE(short_literal.ok());
  CHECK_FALSE(short_literal->UsesLiteralScan());
  auto non_ascii = PatternRules::Parse(
      "metric revenue (?i)\\bchiffre d'affaires r\xC3\xA9"
      "el\\b\n",
      "p.txt", Lexicon());
  REQUIRE(non_ascii.ok());
  CHECK_FALSE(non_ascii->UsesLiteralScan());

  auto rules = PatternRules::Parse(
      "metric revenue (?i)\\b(?:brought|took) in\\b\n"
      "metric backlog \\b(Backlog)\\b grew\n"
      "modality hypothetical (?i)\\bif (?:it|the unit) were (?:sold|spun off)\\b\n"
      "modality forecast \\bexpects?\\b\n",
      "p.txt", Lexicon());
  REQUIRE(rules.ok());
  REQUIRE(rules->UsesLiteralScan());
  // Pieces of the literals, their near misses, other cases and the two
  // non-ASCII letters RE2's case folding reads as 's' and 'k', joined at
  // random.
  const std::vector<std::string> pieces = {"took",
                                           "TOOK",
                                           "brought",
                                           "in",
                                           " in",
                                           "IN",
                                           " ",
                                           " ",
                                           " ",
                                           "if",
                                           "If ",
                                           "it ",
                                           "the unit ",
                                           "were ",
                                           "WERE ",
                                           "sold",
                                           "SOLD",
                                           "\xC5\xBF"
                                           "old",
                                           "spun",
                                           " off",
                                           "Backlog",
                                           "backlog",
                                           " grew",
                                           "expect",
                                           "s",
                                           "ed",
                                           ".",
                                           ",",
                                           "x",
                                           "\xE2\x84\xAA",
                                           "-",
                                           "took in",
                                           "if it were sold",
                                           "Backlog grew"};
  std::mt19937 rng(7);
  size_t ruled_out = 0, matched = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const size_t count = rng() % 16;
    for (size_t i = 0; i < count; ++i) text += pieces[rng() % pieces.size()];
    INFO(text);
    const std::vector<bool> may = rules->MayMatch(text);
    REQUIRE(may.size() == rules->rules().size());
    const auto all = AllMatches(*rules, text, nullptr);
    CHECK(AllMatches(*rules, text, &may) == all);
    for (const auto& m : all) {
      const size_t i = static_cast<size_t>(std::get<2>(m) - rules->rules().data());
      CHECK(may[i]);
    }
    ruled_out += static_cast<size_t>(std::count(may.begin(), may.end(), false));
    matched += all.size();
  }
  // The scan rules rules out, and the texts do match: neither side is empty.
  CHECK(ruled_out > 4000);
  CHECK(matched > 400);
  // U+017F reads as 's' in a case-insensitive pattern: the set decides.
  const std::string long_s =
      "if it were \xC5\xBF"
      "old";
  CHECK(rules->MayMatch(long_s)[2]);
  CHECK(rules->FindAll(PatternKind::kModality, long_s).size() == 1);
}

// (a+)+b and friends take exponential time in a backtracking engine on a
// run of a's without the b; RE2 runs them as automata, linear in the input.
// A 1 MB input finishing (under ctest's timeout) is the proof.
TEST_CASE("Pattern rules: catastrophic patterns stay linear on 1 MB", "[patterns]") {
  auto rules = PatternRules::Parse(
      "modality hypothetical (a+)+b\n"
      "modality forecast (a|aa)*c\n"
      "modality estimate (x+x+)+y\n"
      "modality opinion ^(a+)+$\n",
      "p.txt", Lexicon());
  REQUIRE(rules.ok());
  const std::string text(1 << 20, 'a');
  std::vector<PatternMatch> found = rules->FindAll(PatternKind::kModality, text);
  // Only ^(a+)+$ matches: the whole text, once.
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule->modality == Modality::kOpinion);
  CHECK(found[0].start == 0);
  CHECK(found[0].end == text.size());
}

TEST_CASE("Pattern rules in the extractor: metrics, modality, ruleset", "[patterns]") {
  testing::TempDir tmp;
  const std::string plain = tmp.path() + "/plain", ruled = tmp.path() + "/ruled";
  WriteSchemas(plain, "# no rules\n");
  WriteSchemas(
      ruled,
      "metric capex (?i)\\bpoured\\b\n"
      "modality hypothetical (?i)\\bif (?:it|the unit) (?:was|were) (?:sold|spun off)\\b\n");
  auto without = Extractor(plain);
  auto with = Extractor(ruled);
  CHECK(without->ruleset() != with->ruleset());

  const Document doc = testing::ProseDocument(
      "Amazon poured $30 billion into data centers in 2024. Analysts value Amazon's chip "
      "business at $50 billion if the unit was sold.");
  std::vector<Claim> before = without->Extract(doc);
  std::vector<Claim> after = with->Extract(doc);

  // Without a metric a reported figure says nothing checkable: no claim.
  CHECK(ClaimWithValue(before, "$30 billion") == nullptr);
  const Claim* capex = ClaimWithValue(after, "$30 billion");
  REQUIRE(capex != nullptr);
  CHECK(capex->metric == "capex");
  CHECK(capex->subject.id == "AMZN");
  CHECK(capex->modality == Modality::kReported);

  const Claim* unit_before = ClaimWithValue(before, "$50 billion");
  const Claim* unit_after = ClaimWithValue(after, "$50 billion");
  REQUIRE(unit_before != nullptr);
  REQUIRE(unit_after != nullptr);
  CHECK(unit_before->modality == Modality::kConditional);
  CHECK(unit_after->modality == Modality::kHypothetical);
}

TEST_CASE("Pattern rules in the extractor: a lexicon phrase keeps its span", "[patterns]") {
  testing::TempDir tmp;
  WriteSchemas(tmp.path() + "/s", "metric capex (?i)\\bfree (cash)\\b\n");
  auto x = Extractor(tmp.path() + "/s");
  std::vector<Claim> claims =
      x->Extract(testing::ProseDocument("Amazon's free cash flow fell to $1.2 billion."));
  const Claim* c = ClaimWithValue(claims, "$1.2 billion");
  REQUIRE(c != nullptr);
  CHECK(c->metric == "free_cash_flow");
}

TEST_CASE("Pattern rules in the extractor: 1 MB against a catastrophic rule", "[patterns]") {
  testing::TempDir tmp;
  WriteSchemas(tmp.path() + "/s", "modality hypothetical (?i)(a+)+b\n");
  auto x = Extractor(tmp.path() + "/s");
  std::string text = "Amazon's revenue rose to $5 billion in 2024. ";
  while (text.size() < (1u << 20)) text += "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ";
  std::vector<Claim> claims = x->Extract(testing::ProseDocument(text));
  const Claim* c = ClaimWithValue(claims, "$5 billion");
  REQUIRE(c != nullptr);
  CHECK(c->modality == Modality::kReported);
}

TEST_CASE("A schema directory with an invalid pattern file loads nothing", "[patterns]") {
  testing::TempDir tmp;
  WriteSchemas(tmp.path() + "/s", "metric backlog \\bRPO\\b\nmetric revenue (sales\n");
  auto x = ClaimExtractor::Create({tmp.path() + "/s", {}});
  REQUIRE_FALSE(x.ok());
  CHECK(x.status().message() == tmp.path() +
                                    "/s/patterns.txt:2: invalid pattern '(sales': missing ): "
                                    "(sales");
}

}  // namespace claimgraph::pattern_rules_test
