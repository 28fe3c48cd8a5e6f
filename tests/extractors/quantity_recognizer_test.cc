#include <catch2/catch.hpp>

#include "extractors/phrase_matcher.h"
#include "extractors/quantity_lexicon.h"
#include "test_paths.h"

namespace claimgraph {

TEST_CASE("PhraseMatcher finds the longest phrase at a word boundary", "[phrase]") {
  PhraseMatcher m;
  m.Add("than", 1);
  m.Add("more than", 2);
  m.Add("won", 3);
  m.Add("US $", 4);
  std::string text = "rose to more  than $5 and wonder US   $ 7";
  PhraseMatch before = m.EndingAt(text, text.find("$5"), true);
  REQUIRE(before.found());
  CHECK(before.index == 2);
  CHECK(before.start == text.find("more"));
  CHECK_FALSE(m.StartingAt(text, text.find("wonder"), false).found());
  PhraseMatch sym = m.EndingAt(text, text.find("7"), true);
  REQUIRE(sym.found());
  CHECK(sym.index == 4);
  CHECK(text.substr(sym.start, sym.end - sym.start) == "US   $");
}

TEST_CASE("The bundled quantity lexicon loads", "[lexicon]") {
  auto lex = QuantityLexicon::Load(testing::SourceDir() + "/schemas/quantities.json");
  REQUIRE(lex.ok());
  CHECK(lex->currencies.size() >= 30);
  CHECK_FALSE(lex->qualifiers.at_least.empty());
}

TEST_CASE("A broken lexicon is rejected with the file and field named", "[lexicon]") {
  auto bad_json = QuantityLexicon::Parse("{\"currencies\": [", "my.json");
  REQUIRE_FALSE(bad_json.ok());
  CHECK(bad_json.status().message() == "my.json: not a valid JSON object");
  auto bad_iso = QuantityLexicon::Parse(R"({"currencies": [{"iso": "DOLLAR"}]})", "my.json");
  REQUIRE_FALSE(bad_iso.ok());
  CHECK(bad_iso.status().message() ==
        "my.json: currencies[0].iso: must be a 3-letter ISO 4217 code");
  auto bad_word = QuantityLexicon::Parse(
      R"({"currencies": [{"iso": "USD", "words": ["dollar", 5]}]})", "my.json");
  REQUIRE_FALSE(bad_word.ok());
  CHECK(bad_word.status().message() ==
        "my.json: currencies[0].words[1]: must be a non-empty string");
  auto missing = QuantityLexicon::Load("/nonexistent/quantities.json");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().find("/nonexistent/quantities.json") != std::string::npos);
}

}  // namespace claimgraph
