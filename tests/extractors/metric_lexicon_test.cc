#include "extractors/metric_lexicon.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_paths.h"

namespace claimgraph::metric_lexicon_test {
namespace {

const MetricLexicon& Bundled() {
  static const MetricLexicon* lexicon = [] {
    auto lex = MetricLexicon::Load(testing::SourceDir() + "/schemas/metrics.json");
    if (!lex.ok()) FAIL(lex.status().ToString());
    return new MetricLexicon(std::move(lex).value());
  }();
  return *lexicon;
}

const MetricRecognizer& Recognizer() {
  static const MetricRecognizer* recognizer = [] {
    auto r = MetricRecognizer::Create(Bundled());
    if (!r.ok()) FAIL(r.status().ToString());
    return std::move(r).value().release();
  }();
  return *recognizer;
}

// "metric_id=matched text", with a leading "-" for sign -1.
std::vector<std::string> Find(std::string_view text) {
  std::vector<std::string> out;
  for (const MetricMention& m : Recognizer().Recognize(text)) {
    out.push_back((m.sign < 0 ? "-" : "") + m.metric_id + "=" +
                  std::string(text.substr(m.start, m.end - m.start)));
  }
  return out;
}

using Names = std::vector<std::string>;

// A minimal valid metric with the given id and synonyms JSON.
std::string Metric(const std::string& id, const std::string& synonyms,
                   const std::string& kind = "money") {
  return R"({"id": ")" + id + R"(", "name": "N", "kind": ")" + kind +
         R"(", "family": "profit", "description": "D", "synonyms": )" + synonyms + "}";
}

std::string ParseError(const std::string& metrics_json) {
  auto lex = MetricLexicon::Parse(R"({"metrics": [)" + metrics_json + "]}", "metrics.json");
  if (lex.ok()) return "parsed";
  return lex.status().message();
}

TEST_CASE("The bundled metric lexicon has every required metric", "[metric]") {
  const char* required[] = {"revenue",
                            "revenue_run_rate",
                            "revenue_growth",
                            "operating_profit",
                            "net_profit",
                            "pretax_profit",
                            "ebitda",
                            "eps",
                            "gross_margin",
                            "operating_margin",
                            "free_cash_flow",
                            "operating_cash_flow",
                            "capex",
                            "backlog",
                            "revenue_commitments",
                            "order_value",
                            "cost_savings",
                            "market_cap",
                            "share_price",
                            "price_target",
                            "dividend_per_share",
                            "price_performance",
                            "market_share",
                            "headcount",
                            "capacity",
                            "net_interest_income",
                            "gross_profit",
                            "orders_received"};
  for (const char* id : required) {
    INFO(id);
    CHECK(Bundled().Find(id) != nullptr);
  }
  CHECK(Bundled().Find("guidance") == nullptr);
  CHECK(Bundled().Find("no_such_metric") == nullptr);
}

TEST_CASE("Bundled metrics carry their kind and family", "[metric]") {
  auto kind_family = [](const char* id) {
    const MetricDef* def = Bundled().Find(id);
    REQUIRE(def != nullptr);
    return def->kind + "/" + def->family;
  };
  CHECK(kind_family("revenue") == "money/revenue");
  CHECK(kind_family("gross_margin") == "percent/margins");
  CHECK(kind_family("headcount") == "count/operations");
  CHECK(kind_family("price_performance") == "ratio/operations");
  CHECK(kind_family("pe_ratio") == "multiple/valuation");
  CHECK(kind_family("capex") == "money/capex");
  CHECK(kind_family("dividend_per_share") == "money/shareholder_returns");
  for (const MetricDef& def : Bundled().metrics()) {
    INFO(def.id);
    CHECK(!def.name.empty());
    CHECK(!def.description.empty());
    CHECK(!def.synonyms.empty());
  }
}

TEST_CASE("Metric lexicon errors name the file and the field", "[metric]") {
  CHECK(ParseError(Metric("revenue", R"(["sales"])", "dollars")) ==
        "metrics.json: metrics[0].kind: must be one of money, percent, ratio, count, multiple");
  CHECK(ParseError(Metric("a", R"(["x"])") + "," + Metric("b", R"(["y"])", "size")) ==
        "metrics.json: metrics[1].kind: must be one of money, percent, ratio, count, multiple");
  CHECK(
      ParseError(Metric("revenue", R"(["sales"])") + "," + Metric("revenue", R"(["turnover"])")) ==
      "metrics.json: metrics[1].id: duplicate id \"revenue\" (first in metrics[0])");
  CHECK(ParseError(Metric("revenue", R"(["sales", "net sales"])") + "," +
                   Metric("net_profit", R"(["profit", "Net-Sales"])")) ==
        "metrics.json: metrics[1].synonyms[1]: \"net sales\" already names revenue "
        "(metrics[0].synonyms[1])");
  CHECK(ParseError(Metric("net_profit", R"(["net profit", {"phrase": "net loss", "sign": 2}])")) ==
        "metrics.json: metrics[0].synonyms[1].sign: must be 1 or -1");
  CHECK(ParseError(Metric("net_profit", R"(["net profit", 7])")) ==
        "metrics.json: metrics[0].synonyms[1]: must be a phrase or an object "
        "{\"phrase\", \"sign\"}");
  CHECK(ParseError(Metric("net_profit", R"(["--"])")) ==
        "metrics.json: metrics[0].synonyms[0]: phrase must contain a letter or digit");
  CHECK(ParseError(Metric("net_profit", "[]")) ==
        "metrics.json: metrics[0].synonyms: must be a non-empty array");
  CHECK(ParseError(Metric("Net Profit", R"(["x"])")) ==
        "metrics.json: metrics[0].id: must be a lower_snake_case string");
  CHECK(ParseError(R"({"id": "x", "synonym": ["x"]})") ==
        "metrics.json: metrics[0]: unknown key \"synonym\"");
  CHECK(ParseError(R"({"id": "x", "kind": "money"})") ==
        "metrics.json: metrics[0].name: must be a non-empty string");
  auto no_metrics = MetricLexicon::Parse(R"({"metrics": []})", "metrics.json");
  REQUIRE(!no_metrics.ok());
  CHECK(no_metrics.status().message() == "metrics.json: \"metrics\" must be a non-empty array");
  auto not_json = MetricLexicon::Parse("{\"metrics\": [", "metrics.json");
  REQUIRE(!not_json.ok());
  CHECK(not_json.status().message() == "metrics.json: not a valid JSON object");
  CHECK(!MetricLexicon::Load("/nonexistent/metrics.json").ok());
}

TEST_CASE("A synonym object carries its sign and a string means sign one", "[metric]") {
  auto lex = MetricLexicon::Parse(
      R"({"metrics": [)" +
          Metric("net_profit", R"(["net profit", {"phrase": "net loss", "sign": -1}])") + "]}",
      "metrics.json");
  REQUIRE(lex.ok());
  const MetricDef* def = lex->Find("net_profit");
  REQUIRE(def != nullptr);
  REQUIRE(def->synonyms.size() == 2);
  CHECK(def->synonyms[0].sign == 1);
  CHECK(def->synonyms[1].phrase == "net loss");
  CHECK(def->synonyms[1].sign == -1);
}

TEST_CASE("Metric synonyms are recognized with their offsets", "[metric]") {
  CHECK(Find("Net sales rose to EUR 13.1 mn while turnover in Finland fell.") ==
        Names{"revenue=Net sales", "revenue=turnover"});
  std::string text = "Quarterly revenue was $5 billion.";
  auto mentions = Recognizer().Recognize(text);
  REQUIRE(mentions.size() == 1);
  CHECK(mentions[0].start == text.find("revenue"));
  CHECK(mentions[0].end == text.find(" was"));
  CHECK(Find("AWS reached an annualized run rate of $100 billion and an annual revenue pace "
             "of $110 billion.") ==
        Names{"revenue_run_rate=annualized run rate", "revenue_run_rate=annual revenue pace"});
  CHECK(Find("Remaining performance obligations, or RPO, rose to $455 billion.") ==
        Names{"backlog=Remaining performance obligations", "backlog=RPO"});
  CHECK(Find("Diluted EPS was $1.20 and the board raised the dividend.") ==
        Names{"eps=Diluted EPS", "dividend_per_share=dividend"});
  CHECK(Find("The company has 5,400 employees and a production capacity of 2 GW.") ==
        Names{"headcount=employees", "capacity=production capacity"});
}

TEST_CASE("Loss phrasings carry sign minus one", "[metric]") {
  CHECK(Find("The operating loss narrowed to EUR 2 mn and the net loss was EUR 1 mn.") ==
        Names{"-operating_profit=operating loss", "-net_profit=net loss"});
  CHECK(Find("Loss after financial items was EUR 0.4 mn, against a pre-tax profit a year ago.") ==
        Names{"-pretax_profit=Loss after financial items", "pretax_profit=pre-tax profit"});
  CHECK(Find("Operating losses widened.") == Names{"-operating_profit=Operating losses"});
}

TEST_CASE("The longest metric phrase wins", "[metric]") {
  CHECK(Find("The operating profit margin was 12%.") ==
        Names{"operating_margin=operating profit margin"});
  CHECK(Find("Free cash flow improved while cash flow from operations fell.") ==
        Names{"free_cash_flow=Free cash flow", "operating_cash_flow=cash flow from operations"});
  CHECK(Find("Gross profit margin and net interest income both rose.") ==
        Names{"gross_margin=Gross profit margin", "net_interest_income=net interest income"});
  CHECK(Find("EBITDA and EBIT were flat.") == Names{"ebitda=EBITDA", "operating_profit=EBIT"});
  CHECK(Find("The order backlog grew and orders received doubled.") ==
        Names{"backlog=order backlog", "orders_received=orders received"});
}

TEST_CASE("Metric matching ignores case and handles plurals and hyphens", "[metric]") {
  CHECK(Find("REVENUES and Operating-Profit") ==
        Names{"revenue=REVENUES", "operating_profit=Operating-Profit"});
  CHECK(Find("Capital expenditures and capacities") ==
        Names{"capex=Capital expenditures", "capacity=capacities"});
  CHECK(Find("pre-tax profit, pretax profit, pre tax profit") ==
        Names{"pretax_profit=pre-tax profit", "pretax_profit=pretax profit",
              "pretax_profit=pre tax profit"});
  CHECK(Find("Its price-performance beats rivals.") ==
        Names{"price_performance=price-performance"});
  CHECK(Find("net\xC2\xA0sales") == Names{"revenue=net\xC2\xA0sales"});
}

TEST_CASE("Hyphens and typographic characters are read at every offset", "[metric]") {
  // The recognizer marks word starts in a bitmap of 64-bit words, and its
  // copy skips runs of plain bytes eight at a time; each case is placed at
  // every offset of both, across a word of the bitmap.
  for (size_t pad = 0; pad < 70; ++pad) {
    const std::string before = std::string(pad, 'x') + " ";
    INFO("pad " << pad);
    CHECK(Find(before + "Operating-Profit rose") == Names{"operating_profit=Operating-Profit"});
    CHECK(Find(before + "non-operating income").empty());
    CHECK(Find(before + "net\xC2\xA0sales") == Names{"revenue=net\xC2\xA0sales"});
    CHECK(Find(before + "Nvidia\xE2\x80\x99s revenue") == Names{"revenue=revenue"});
    CHECK(Find(before + "pre-tax profit") == Names{"pretax_profit=pre-tax profit"});
  }
}

TEST_CASE("Metric phrases match only whole words", "[metric]") {
  CHECK(Find("The salesman visited presales events.").empty());
  CHECK(Find("Non-operating income rose.").empty());
  CHECK(Find("Its revenue-generating assets grew.").empty());
  CHECK(Find("Staffing firms and dividends") == Names{"dividend_per_share=dividends"});
}

TEST_CASE("Possessives around a metric do not matter", "[metric]") {
  CHECK(Find("Nvidia's revenue") == Names{"revenue=revenue"});
  CHECK(Find("Nvidia\xE2\x80\x99s revenue\xE2\x80\x99s growth") == Names{"revenue=revenue"});
  CHECK(Find("the company's market share") == Names{"market_share=market share"});
}

TEST_CASE("A recognizer needs a lexicon with metrics", "[metric]") {
  MetricLexicon empty;
  auto r = MetricRecognizer::Create(empty);
  REQUIRE(!r.ok());
  CHECK(r.status().message() == "metric lexicon has no metrics");
}

}  // namespace
}  // namespace claimgraph::metric_lexicon_test
