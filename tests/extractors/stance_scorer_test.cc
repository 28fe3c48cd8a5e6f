#include "extractors/stance_scorer.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extractors/sentence_splitter.h"
#include "extractors/stance_tokenizer.h"
#include "test_paths.h"

namespace claimgraph::stance_scorer_test {
namespace {

const StanceScorer& Bundled() {
  static const StanceScorer* scorer = [] {
    auto s = StanceScorer::Load(testing::SourceDir() + "/schemas/stance.json");
    if (!s.ok()) FAIL(s.status().ToString());
    return std::move(s).value().release();
  }();
  return *scorer;
}

std::string_view PolarityOf(std::string_view sentence) {
  return PolarityName(Bundled().Score(sentence).polarity);
}

using Cues = std::vector<std::string>;

std::string ParseError(const std::string& json) {
  auto s = StanceScorer::Parse(json, "stance.json");
  return s.ok() ? "parsed" : s.status().message();
}

// Tokens joined by spaces, a break token as "|".
std::string Tokens(std::string_view sentence) {
  std::string out;
  for (const StanceToken& t : TokenizeForStance(sentence)) {
    if (!out.empty()) out += ' ';
    out += t.is_break ? "|" : t.text;
  }
  return out;
}

TEST_CASE("The stance tokenizer lower-cases words and marks clause ends", "[stance]") {
  CHECK(Tokens("Sales didn't fall, the company's CEO said") ==
        "sales did n't fall | the company ceo said");
  CHECK(Tokens("It didn\xE2\x80\x99t help \xE2\x80\x94 Amazon\xE2\x80\x99s margin") ==
        "it did n't help | amazon margin");
  CHECK(Tokens("A write-down of 1,200.5 million (net); then - more.") ==
        "a write down of 1,200.5 million | net | then | more |");
  CHECK(Tokens("\xE2\x80\x94 , ; Don't") == "do n't");
  CHECK(Tokens("won't can't n't 's it's") == "wo n't ca n't n't s it");
  CHECK(Tokens("isn't's Jones's") == "is n't jones");
  CHECK(Tokens("").empty());
  // The buffer form gives the same tokens, and a second sentence replaces
  // the first's.
  StanceTokens tokens;
  TokenizeForStance("a much longer first sentence, with a break", &tokens);
  TokenizeForStance("Costs didn't rise", &tokens);
  REQUIRE(tokens.size() == 4);
  CHECK(tokens.text(0) == "costs");
  CHECK(tokens.text(1) == "did");
  CHECK(tokens.text(2) == "n't");
  CHECK(tokens.text(3) == "rise");
  CHECK_FALSE(tokens.is_break(3));
}

TEST_CASE("Polarity names are stable strings", "[stance]") {
  CHECK(PolarityName(Polarity::kNeutral) == "neutral");
  CHECK(PolarityName(Polarity::kPositive) == "positive");
  CHECK(PolarityName(Polarity::kNegative) == "negative");
}

TEST_CASE("Growth and decline words set the polarity", "[stance]") {
  StanceScore rose = Bundled().Score("Profit rose sharply in the third quarter.");
  CHECK(rose.polarity == Polarity::kPositive);
  CHECK(rose.positive == 2);  // "sharply" doubles the cue
  CHECK(rose.negative == 0);
  CHECK(rose.score == 1.0);
  CHECK(rose.cues == Cues{"rose"});
  StanceScore fell = Bundled().Score("Sales fell 8% in Europe.");
  CHECK(fell.polarity == Polarity::kNegative);
  CHECK(fell.negative == 1);
  CHECK(fell.score == -1.0);
  CHECK(PolarityOf("The company beat analyst estimates and posted record revenue.") == "positive");
  CHECK(PolarityOf("The bank booked an impairment and announced layoffs.") == "negative");
}

TEST_CASE("A falling cost is good news and a rising one bad", "[stance]") {
  StanceScore costs = Bundled().Score("Costs decreased in the quarter.");
  CHECK(costs.polarity == Polarity::kPositive);
  CHECK(costs.cues == Cues{"decreased (costs)"});
  CHECK(PolarityOf("The decrease in costs helped margins.") == "positive");
  CHECK(PolarityOf("Nokia cut its debt by a third.") == "positive");
  CHECK(PolarityOf("Higher interest expenses weighed on results.") == "negative");
  CHECK(PolarityOf("Net profit rose on lower costs.") == "positive");
  StanceScore losses = Bundled().Score("Losses narrowed to EUR 2 million.");
  CHECK(losses.positive == 1);
  CHECK(losses.negative == 0);  // the loss is what narrowed, not a cue of its own
  CHECK(losses.cues == Cues{"narrowed (losses)"});
  StanceScore mixed = Bundled().Score("Sales fell as costs rose.");
  CHECK(mixed.negative == 2);
  CHECK(mixed.positive == 0);
}

TEST_CASE("A negator flips the cue it precedes", "[stance]") {
  // "an X killer" is a strong challenger; not building one is a negative.
  StanceScore killer = Bundled().Score("Amazon is not building an Nvidia killer.");
  CHECK(killer.polarity == Polarity::kNegative);
  CHECK(killer.positive == 0);
  CHECK(killer.negative == 1);
  CHECK(killer.cues == Cues{"not killer"});
  StanceScore strong = Bundled().Score("Demand for the new chip was not strong.");
  CHECK(strong.polarity == Polarity::kNegative);
  CHECK(strong.cues == Cues{"not strong"});
  StanceScore fall = Bundled().Score("Sales didn't fall in China.");
  CHECK(fall.polarity == Polarity::kPositive);
  CHECK(fall.cues == Cues{"not fall"});
  CHECK(PolarityOf("The rollout went ahead without any layoffs.") == "positive");
  CHECK(PolarityOf("The company failed to beat expectations.") == "negative");
  CHECK(PolarityOf("Costs did not rise this year.") == "positive");
  StanceScore first = Bundled().Score("Margins did not shrink despite higher prices.");
  CHECK(first.cues == Cues{"not shrink", "higher"});  // the negator takes the first cue only
}

TEST_CASE("Negation stops at a clause break", "[stance]") {
  StanceScore s = Bundled().Score("Sales did not fall, and profit rose.");
  CHECK(s.positive == 2);
  CHECK(s.negative == 0);
  StanceScore but = Bundled().Score("Revenue did not rise but fell.");
  CHECK(but.negative == 2);
  CHECK(but.cues == Cues{"not rise", "fell"});
  StanceScore far = Bundled().Score("No one expected the results to be this strong.");
  CHECK(far.polarity == Polarity::kPositive);
}

TEST_CASE("Analyst ratings are scored as phrases", "[stance]") {
  CHECK(PolarityOf("We rate Nokia a sell.") == "negative");
  CHECK(PolarityOf("We rate Nvidia a buy with a $200 target.") == "positive");
  CHECK(PolarityOf("Citi upgraded the stock to buy from hold.") == "positive");
  CHECK(PolarityOf("Morgan Stanley downgraded the shares to sell from neutral.") == "negative");
  CHECK(PolarityOf("Amazon agreed to buy the startup for $1 billion.") == "neutral");
}

TEST_CASE("Finance sense overrides general sense", "[stance]") {
  CHECK(PolarityOf("The company paid EUR 5 million in tax and booked a liability.") == "neutral");
  CHECK(PolarityOf("The record date for the dividend is 5 May.") == "neutral");
  CHECK(PolarityOf("The cost of the plant is EUR 40 million.") == "neutral");
  CHECK(PolarityOf("Up to 300 jobs are affected.") == "neutral");
  CHECK(PolarityOf("Revenue hit a record in the quarter.") == "positive");
  CHECK(PolarityOf("Shares hit a record low.") == "negative");
}

TEST_CASE("Uncertainty is counted apart from polarity", "[stance]") {
  StanceScore s = Bundled().Score("The merger may face regulatory risk.");
  CHECK(s.uncertainty == 2);
  CHECK(s.polarity == Polarity::kNeutral);
  CHECK(s.cues == Cues{"may", "risk"});
  StanceScore mixed = Bundled().Score("Sales rose but margins weakened.");
  CHECK(mixed.positive == 1);
  CHECK(mixed.negative == 1);
  CHECK(mixed.score == 0.0);
  CHECK(mixed.polarity == Polarity::kNeutral);
}

TEST_CASE("Neutral factual sentences score zero", "[stance]") {
  for (const char* text : {"Nokia reported net sales of EUR 5.1 billion for the quarter.",
                           "The annual general meeting will be held in Helsinki on 5 May.",
                           "The company has 5,400 employees in 12 countries.", ""}) {
    INFO(text);
    StanceScore s = Bundled().Score(text);
    CHECK(s.positive == 0);
    CHECK(s.negative == 0);
    CHECK(s.polarity == Polarity::kNeutral);
  }
}

TEST_CASE("A scratch reused from sentence to sentence scores as a fresh one", "[stance]") {
  // Long, short, empty, negated and polar sentences in a row: nothing of one
  // may leak into the next through the kept buffers.
  std::vector<std::string> sentences;
  for (const auto& e :
       std::filesystem::directory_iterator(testing::SourceDir() + "/corpus/articles")) {
    const std::string text = testing::ReadFileOrFail(e.path().string());
    for (const SentenceSpan& span : SplitSentences(text)) {
      sentences.push_back(text.substr(span.start, span.end - span.start));
      if (sentences.size() % 7 == 0) sentences.push_back("");
    }
  }
  sentences.push_back("Losses did not narrow, and costs rose sharply.");
  sentences.push_back("Strong growth.");
  REQUIRE(sentences.size() > 100);
  StanceScratch scratch;
  size_t polar = 0;
  for (const std::string& sentence : sentences) {
    const StanceScore fresh = Bundled().Score(sentence);
    const StanceScore reused = Bundled().Score(sentence, &scratch);
    INFO(sentence);
    CHECK(reused.positive == fresh.positive);
    CHECK(reused.negative == fresh.negative);
    CHECK(reused.uncertainty == fresh.uncertainty);
    CHECK(reused.score == fresh.score);
    CHECK(reused.cues == fresh.cues);
    polar += fresh.polarity != Polarity::kNeutral;
  }
  CHECK(polar > 20);
}

TEST_CASE("Stance lexicon errors name the file and the field", "[stance]") {
  CHECK(ParseError(R"({"negative": ["weak"]})") == "stance.json: positive: missing");
  CHECK(ParseError(R"({"positive": ["strong", "weak"], "negative": ["Weak"]})") ==
        "stance.json: negative[0]: \"weak\" is already listed in positive[1]");
  CHECK(ParseError(R"({"positive": ["good", 3], "negative": []})") ==
        "stance.json: positive[1]: must be a string");
  CHECK(ParseError(R"({"positive": ["good, better"], "negative": []})") ==
        "stance.json: positive[0]: must not contain punctuation that ends a clause");
  CHECK(ParseError(R"({"positive": ["%"], "negative": []})") ==
        "stance.json: positive[0]: must contain a word");
  CHECK(ParseError(R"({"positive": [], "negative": [], "bad_things": {"nouns": ["net debt"]}})") ==
        "stance.json: bad_things.nouns[0]: must be a single word");
  CHECK(ParseError(R"({"positive": [], "negative": [], "bad_things": {"stops": []}})") ==
        "stance.json: bad_things.nouns: missing");
  CHECK(ParseError(R"({"positive": [], "negative": [], "negation_window": 0})") ==
        "stance.json: negation_window: must be an integer from 1 to 10");
  CHECK(ParseError(R"({"positive": [], "negative": [], "negator": ["not"]})") ==
        "stance.json: unknown key \"negator\"");
  CHECK(ParseError("[]") == "stance.json: not a valid JSON object");
  CHECK(!StanceScorer::Load("/nonexistent/stance.json").ok());
}

TEST_CASE("A small stance lexicon scores with its own words", "[stance]") {
  auto s = StanceScorer::Parse(
      R"({"positive": ["stellar"], "negative": ["dismal"], "negators": ["hardly"],
          "decrease": ["shrank"], "bad_things": {"nouns": ["deficit"]}})",
      "test.json");
  REQUIRE(s.ok());
  CHECK((*s)->Score("A stellar year").polarity == Polarity::kPositive);
  CHECK((*s)->Score("hardly stellar").cues == Cues{"not stellar"});
  CHECK((*s)->Score("The deficit shrank").polarity == Polarity::kPositive);
  CHECK((*s)->Score("Not stellar").polarity == Polarity::kPositive);  // "not" is not a negator here
}

TEST_CASE("Stance cases in corpus get their expected polarity", "[stance][corpus]") {
  std::ifstream in(testing::SourceDir() + "/corpus/cases/stance.jsonl");
  REQUIRE(in);
  std::string line;
  int cases = 0;
  std::string report;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++cases;
    auto c = nlohmann::json::parse(line, nullptr, false);
    REQUIRE(!c.is_discarded());
    std::string text = c.at("text").get<std::string>();
    StanceScore s = Bundled().Score(text);
    if (PolarityName(s.polarity) != c.at("polarity").get<std::string>()) {
      std::string cues;
      for (const std::string& cue : s.cues) cues += " [" + cue + "]";
      report += "\n" + text + "\n    want " + c.at("polarity").get<std::string>() + " got " +
                std::string(PolarityName(s.polarity)) + cues;
    }
  }
  INFO(report);
  CHECK(cases >= 30);
  CHECK(report.empty());
}

}  // namespace
}  // namespace claimgraph::stance_scorer_test
