#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "extractors/ascii.h"
#include "extractors/metric_lexicon.h"
#include "extractors/number_candidates.h"
#include "extractors/phrase_matcher.h"
#include "extractors/quantity_lexicon.h"
#include "random_text.h"
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
  const NumberCandidateScan scan(text);
  for (auto c = scan.Next(0); c; c = scan.Next(c->start + 1)) {
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
      // Every number word, upper-cased, and words that share a number
      // word's length and first two letters.
      "one two six ten zero four five nine tens three seven eight forty fifty sixty dozen",
      "eleven twelve twenty thirty eighty ninety dozens fifteen sixteen seventy hundred",
      "million billion several thirteen fourteen eighteen nineteen thousand trillion",
      "hundreds millions billions seventeen thousands",
      "ONE TWO SIX TEN ZERO FOUR FIVE NINE TENS THREE SEVEN EIGHT FORTY FIFTY SIXTY DOZEN",
      "ELEVEN TWELVE TWENTY THIRTY EIGHTY NINETY DOZENS FIFTEEN SIXTEEN SEVENTY HUNDRED",
      "MILLION BILLION SEVERAL THIRTEEN FOURTEEN EIGHTEEN NINETEEN THOUSAND TRILLION",
      "HUNDREDS MILLIONS BILLIONS SEVENTEEN THOUSANDS",
      "ons twx sip tea zeta foul fire nice tent threw seven- eighs forte fifth sixth dozes",
      "thousanda trillions hundredth milliner sevenfold", "", "a", "1", ".", "t"};
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

TEST_CASE("The number candidate scan finds what the candidate pattern finds in random text",
          "[quantity]") {
  // Number words, their prefixes and near misses, digits, dots and word
  // boundaries joined at random, long enough to cross the scan's 64-byte
  // blocks.
  const std::vector<std::string> pieces = {
      "one",      "ONE", "on",       "two",     "tw",     "ten",     "tens",  "te",      "six",
      "zero",     "z",   "four",     "five",    "fi",     "nine",    "three", "thr",     "seven",
      "eight",    "e",   "forty",    "fifty",   "f",      "sixty",   "dozen", "dozens",  "d",
      "eleven",   "el",  "twelve",   "twenty",  "thir",   "ty",      "eigh",  "ninety",  "teen",
      "hundred",  "h",   "thousand", "million", "mil",    "billion", "b",     "several", "trillion",
      "s",        "a",   "A",        "few",     "couple", "co",      "1",     "0",       "9",
      ".",        "_",   "-",        ",",       " ",      " ",       " ",     "\t",      "\n",
      "\xC3\xA9", "x",   "the",      "in"};
  const RE2 re(kNumberCandidatePattern);
  REQUIRE(re.ok());
  // Each kind of candidate at every offset around the scan's 64-byte
  // blocks ("x.5": the dot and the digit on either side of a block's end).
  for (size_t pad = 0; pad < 140; ++pad) {
    const std::string text = std::string(pad, 'x') + ".5 one,a few x7 .x ten";
    INFO(text);
    CHECK(CandidatesByScan(text) == CandidatesByPattern(re, text));
  }
  std::mt19937 rng(20261207);
  for (int round = 0; round < 3000; ++round) {
    const std::string text = testing::JoinRandomPieces(pieces, 48, &rng);
    INFO(text);
    REQUIRE(NumberCandidateScanApplies(text));
    CHECK(CandidatesByScan(text) == CandidatesByPattern(re, text));
    // From every position: a search resumed inside a word sees the word's
    // tail as no word start, as \b does, and still sees its digits.
    for (size_t pos = 0; pos <= text.size() + 1; ++pos) {
      const auto c = NextNumberCandidate(text, pos);
      const re2::StringPiece input(text.data(), text.size());
      re2::StringPiece m;
      const bool found =
          pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1);
      REQUIRE(c.has_value() == found);
      if (found) {
        CHECK(c->start == static_cast<size_t>(m.data() - text.data()));
        CHECK(c->end == c->start + m.size());
      }
    }
  }
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

// The longest phrase at `start`, found by comparing every phrase: what
// StartingAt answers, the slow way (of equal ends, the first added).
PhraseMatch StartingAtByEveryPhrase(const PhraseMatcher& m, std::string_view text, size_t start,
                                    bool skip_space) {
  if (skip_space) {
    while (start < text.size() && IsAsciiSpace(text[start])) ++start;
  }
  PhraseMatch best;
  for (size_t i = 0; i < m.phrases().size(); ++i) {
    const size_t end = m.PhraseEndAt(i, text, start);
    if (end == std::string_view::npos) continue;
    if (!best.found() || end > best.end) best = {start, end, m.phrases()[i].id};
  }
  return best;
}

TEST_CASE("PhraseMatcher::StartingAt finds what comparing every phrase finds", "[phrase]") {
  // Phrases with long shared prefixes, one-byte phrases, symbols, a phrase
  // twice, phrases that are prefixes of others ending inside a word.
  PhraseMatcher m;
  int id = 0;
  auto metrics = MetricLexicon::Load(testing::SourceDir() + "/schemas/metrics.json");
  REQUIRE(metrics.ok());
  for (const MetricDef& def : metrics->metrics()) {
    for (const MetricSynonym& syn : def.synonyms) m.Add(syn.phrase, id++);
  }
  for (const char* p : {"$", "a", "a lot", "A  LOT", "us $", "net", "net income", "income", "op",
                        "operating", "operating   income", "co.", "s&p 500", "\xc3\xa9t\xc3\xa9"}) {
    m.Add(p, id++);
  }
  REQUIRE(m.phrases().size() > 100);
  std::vector<std::string> texts = {
      "Net income rose; NET\tINCOME fell, net  income-linked, netincome, operating\n\nincome",
      "Operating incomes and operating income. OP. op-ed, co. Co.op S&P 500 s&p 5000 a lot",
      "\xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9s US $ us$ A LOT a lo a net income",
      "free cash flow, Free   Cash\tFlow, free cash flows and gross margin"};
  for (const auto& e :
       std::filesystem::directory_iterator(testing::SourceDir() + "/corpus/articles")) {
    texts.push_back(testing::ReadFileOrFail(e.path().string()));
  }
  size_t found = 0;
  for (const std::string& text : texts) {
    for (size_t start = 0; start <= text.size(); ++start) {
      for (bool skip : {false, true}) {
        const PhraseMatch want = StartingAtByEveryPhrase(m, text, start, skip);
        const PhraseMatch got = m.StartingAt(text, start, skip);
        INFO("at " << start << " (skip " << skip << "): " << text.substr(start, 40));
        REQUIRE(got.index == want.index);
        if (!want.found()) continue;
        ++found;
        REQUIRE(got.start == want.start);
        REQUIRE(got.end == want.end);
      }
    }
  }
  CHECK(found > 500);
}

}  // namespace claimgraph::quantity_recognizer_test
