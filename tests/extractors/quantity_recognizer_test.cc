#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "extractors/number_candidates.h"
#include "extractors/phrase_matcher.h"
#include "extractors/quantity_lexicon.h"
#include "test_paths.h"

namespace claimgraph::quantity_recognizer_test {

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

TEST_CASE("PhraseMatcher compares one-byte phrases and whitespace after the first byte",
          "[phrase]") {
  PhraseMatcher m;
  m.Add("$", 1);
  m.Add("a lot", 2);
  m.Add("a", 3);
  m.Add("$ m", 4);
  m.Add("A  LOT", 5);  // the same phrase again: the first added wins
  const std::string text = "A\tLot of $\nm and $x, a";
  PhraseMatch lot = m.StartingAt(text, 0, false);
  REQUIRE(lot.found());
  CHECK(lot.index == 2);
  CHECK(lot.end == 5);
  PhraseMatch dollar_m = m.StartingAt(text, text.find('$'), false);
  CHECK(dollar_m.index == 4);
  CHECK(m.StartingAt(text, text.rfind('$'), false).index == 1);
  CHECK(m.StartingAt(text, text.size() - 1, false).index == 3);
  CHECK(m.EndingAt(text, 5, false).index == 2);
  CHECK(m.EndingAt(text, text.find(" and"), false).index == 4);
  CHECK(m.EndingAt(text, text.size(), false).index == 3);
  CHECK(m.EndingAt(text, text.rfind('$') + 1, false).index == 1);
}

// Every candidate of text as "start-end", by the pattern or by the scan.
std::vector<std::string> CandidatesByPattern(const RE2& re, std::string_view text) {
  std::vector<std::string> out;
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  size_t pos = 0;
  while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    const size_t start = static_cast<size_t>(m.data() - text.data());
    out.push_back(std::to_string(start) + "-" + std::to_string(start + m.size()));
    pos = start + 1;
  }
  return out;
}

std::vector<std::string> CandidatesByScan(std::string_view text) {
  std::vector<std::string> out;
  for (auto c = NextNumberCandidate(text, 0); c; c = NextNumberCandidate(text, c->start + 1)) {
    out.push_back(std::to_string(c->start) + "-" + std::to_string(c->end));
  }
  return out;
}

TEST_CASE("The number candidate scan finds what the candidate pattern finds", "[quantity]") {
  const RE2 re(kNumberCandidatePattern);
  REQUIRE(re.ok());
  std::vector<std::string> texts = {
      "MI300X .5 x.5 a.b 1.2 One TWO tens tenth often Ten_ ten5 dozens Dozen several",
      "a few, A  Couple of, a\tmillion, a\n\nhundred, a fewer, aa few, a, a ",
      "seventeen thousands millions BILLIONS trillion hundreds eleven twelve twenty",
      "thirteenth ninetyfive ninety-five zero_ _one one\xC3\xA9 \xC3\xA9one end nine",
      "",
      "a",
      "1",
      ".",
      "t"};
  for (const auto& e :
       std::filesystem::directory_iterator(testing::SourceDir() + "/corpus/articles")) {
    texts.push_back(testing::ReadFileOrFail(e.path().string()));
  }
  for (const std::string& text : texts) {
    INFO(text.substr(0, 80));
    REQUIRE(NumberCandidateScanApplies(text));
    CHECK(CandidatesByScan(text) == CandidatesByPattern(re, text));
  }
  // The pattern's case folding reads U+017F as 's'; the recognizer falls
  // back to the pattern for such text.
  CHECK_FALSE(
      NumberCandidateScanApplies("\xC5\xBF"
                                 "even"));
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

}  // namespace claimgraph::quantity_recognizer_test
