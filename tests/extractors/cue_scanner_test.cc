// CueScanner finds, in one pass, exactly what FindAll finds list by list.
#include "extractors/cue_scanner.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "extractors/claim_rules.h"
#include "extractors/sentence_splitter.h"
#include "test_paths.h"

namespace claimgraph::cue_scanner_test {

namespace {

bool Same(const std::vector<PhraseMatch>& a, const std::vector<PhraseMatch>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].start != b[i].start || a[i].end != b[i].end || a[i].index != b[i].index) return false;
  }
  return true;
}

// Every list's FindAll over [from, to) against one scan.
void CheckAgainstFindAll(const CueScanner& scanner, const std::vector<const PhraseMatcher*>& lists,
                         std::string_view text, size_t from, size_t to, CueMatches* scratch) {
  scanner.Scan(text, from, to, scratch);
  REQUIRE(scratch->lists.size() == lists.size());
  for (size_t k = 0; k < lists.size(); ++k) {
    INFO("list " << k << " in: " << text.substr(from, to - from));
    CHECK(Same(scratch->lists[k], FindAll(*lists[k], text, from, to)));
  }
}

}  // namespace

TEST_CASE("CueScanner matches FindAll list by list on the seed articles and tricky text",
          "[cues]") {
  auto rules = ClaimRules::Load(testing::SourceDir() + "/schemas/rules.json");
  REQUIRE(rules.ok());
  const ClaimRules& r = *rules;
  const std::vector<const PhraseMatcher*> lists = {
      &r.clause_breaks,   &r.hypothetical, &r.conditional, &r.forecast,    &r.guidance,
      &r.target,          &r.estimate,     &r.opinion,     &r.negation,    &r.speaker_verbs,
      &r.speaker_sources, &r.change,       &r.status,      &r.metric_verbs};
  CueScanner scanner(lists);
  for (size_t k = 0; k < lists.size(); ++k) CHECK(scanner.IndexOf(lists[k]) == static_cast<int>(k));
  CHECK(scanner.IndexOf(&r.pronouns) == -1);

  CueMatches scratch;
  size_t sentences = 0;
  for (const auto& e :
       std::filesystem::directory_iterator(testing::SourceDir() + "/corpus/articles")) {
    const std::string text = testing::ReadFileOrFail(e.path().string());
    for (const SentenceSpan& s : SplitSentences(text)) {
      CheckAgainstFindAll(scanner, lists, text, s.start, s.end, &scratch);
      ++sentences;
    }
  }
  CHECK(sentences > 100);
  // Runs of whitespace inside phrases, upper case, a phrase cut by the end
  // of the range, words glued to a cue.
  const std::string tricky =
      "It  EXPECTS revenue to rise, but\tnot\n\nif costs fell; CEO said it could reach "
      "the target.According to analysts it is not expected to decline unless forecasts were "
      "wrong, while guidance remained unchanged and it said it exp";
  CheckAgainstFindAll(scanner, lists, tricky, 0, tricky.size(), &scratch);
  CheckAgainstFindAll(scanner, lists, tricky, 3, tricky.size() - 5, &scratch);
  CheckAgainstFindAll(scanner, lists, tricky, 0, 0, &scratch);
  // Windows from every offset, so a window may start inside a word.
  for (size_t from = 0; from < tricky.size(); ++from) {
    CheckAgainstFindAll(scanner, lists, tricky, from, tricky.size() - from % 7, &scratch);
  }
}

TEST_CASE("CueScanner matches FindAll when a phrase starts with no letter or digit", "[cues]") {
  // Such a phrase can start at any byte that continues no word: a scan
  // that tested word starts only would miss it.
  PhraseMatcher symbols;
  symbols.Add("$", 1);
  symbols.Add("'s", 2);
  symbols.Add("- led", 3);
  PhraseMatcher words;
  words.Add("led by", 4);
  words.Add("s", 5);
  words.Add("2q", 6);
  const std::vector<const PhraseMatcher*> lists = {&symbols, &words};
  const CueScanner scanner(lists);
  CueMatches scratch;
  const std::string text =
      "Nvidia's $5 bet - led by Jensen's team, 2Q results- led by s s$ and 'S or -  LED BY x";
  for (size_t from = 0; from < text.size(); ++from) {
    CheckAgainstFindAll(scanner, lists, text, from, text.size(), &scratch);
  }
  const CueScanner words_only({&words});
  for (size_t from = 0; from < text.size(); ++from) {
    CheckAgainstFindAll(words_only, {&words}, text, from, text.size(), &scratch);
  }
}

}  // namespace claimgraph::cue_scanner_test
