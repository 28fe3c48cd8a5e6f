// The prefilters in front of the phrase matcher never turn away a match:
// PhraseStartFilter before StartingAt, and CueScanner's key and first-bytes
// tests before PhraseEndAt. Random text over a small alphabet hits the edge
// cases (runs of whitespace after a one-letter word, case, the end of the
// text or of the range within a phrase's first four bytes) many times over.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "extractors/claim_rules.h"
#include "extractors/cue_scanner.h"
#include "extractors/phrase_matcher.h"

namespace claimgraph::phrase_scan_test {

namespace {

// Phrases of one to six bytes: one-letter words before a space, digits and
// punctuation, a space second or third, shared first bytes.
const std::vector<std::vector<std::string>> kLists = {
    {"a", "a b", "ab", "abc", "ab c"},
    {"b a", "ba", "bab", "a-b", "c"},
    {"1.5", "1 a", "aB c", "b  c", "abcabc"},
    {"c a b", "ca", "cab", "x"},
};

// Random text over the phrases' bytes, other case, whitespace of every kind
// and a non-ASCII byte.
std::string RandomText(std::mt19937* rng, size_t size) {
  static constexpr std::string_view kBytes = "aAbBcC  \t\n1.5-x\xC3";
  std::uniform_int_distribution<size_t> pick(0, kBytes.size() - 1);
  std::string text;
  for (size_t i = 0; i < size; ++i) text += kBytes[pick(*rng)];
  return text;
}

bool Same(const std::vector<PhraseMatch>& a, const std::vector<PhraseMatch>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].start != b[i].start || a[i].end != b[i].end || a[i].index != b[i].index) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("PhraseStartFilter lets every match through and turns others away", "[phrases]") {
  std::vector<PhraseMatcher> matchers(kLists.size());
  for (size_t k = 0; k < kLists.size(); ++k) {
    for (size_t p = 0; p < kLists[k].size(); ++p) {
      matchers[k].Add(kLists[k][p], static_cast<int>(p));
    }
  }
  std::mt19937 rng(7);
  size_t matches = 0, turned_away = 0;
  for (size_t k = 0; k < matchers.size(); ++k) {
    const PhraseStartFilter filter(matchers[k]);
    for (int round = 0; round < 300; ++round) {
      const std::string text = RandomText(&rng, 1 + static_cast<size_t>(round % 23));
      for (size_t i = 0; i < text.size(); ++i) {
        const bool found = matchers[k].StartingAt(text, i, false).found();
        const bool may = filter.MayStartAt(text, i);
        INFO("list " << k << " text \"" << text << "\" at " << i);
        if (found) CHECK(may);
        matches += found;
        turned_away += !may;
      }
    }
  }
  CHECK(matches > 500);
  CHECK(turned_away > 1000);
  // An empty matcher lets nothing through.
  CHECK_FALSE(PhraseStartFilter(PhraseMatcher()).MayStartAt("abc", 0));

  // Past the first bytes, the word's run of letters and digits must be some
  // phrase's first run: "network" and "operations" start like "net" and
  // "operating income" but are neither.
  PhraseMatcher words;
  words.Add("net", 0);
  words.Add("operating income", 1);
  const PhraseStartFilter word_filter(words);
  CHECK(word_filter.MayStartAt("Net sales", 0));
  CHECK(word_filter.MayStartAt("NET", 0));
  CHECK(word_filter.MayStartAt("Operating\tincome", 0));
  CHECK_FALSE(word_filter.MayStartAt("network", 0));
  CHECK_FALSE(word_filter.MayStartAt("net5", 0));
  CHECK_FALSE(word_filter.MayStartAt("operations", 0));
  CHECK_FALSE(word_filter.MayStartAt("operatingincome", 0));
  CHECK_FALSE(words.StartingAt("network", 0, false).found());
}

TEST_CASE("CueScanner matches FindAll on random text at every range", "[cues][phrases]") {
  std::vector<PhraseMatcher> matchers(kLists.size());
  std::vector<const PhraseMatcher*> lists;
  for (size_t k = 0; k < kLists.size(); ++k) {
    for (size_t p = 0; p < kLists[k].size(); ++p) {
      matchers[k].Add(kLists[k][p], static_cast<int>(p));
    }
    lists.push_back(&matchers[k]);
  }
  const CueScanner scanner(lists);
  CueMatches scratch;
  std::mt19937 rng(11);
  size_t found = 0;
  for (int round = 0; round < 400; ++round) {
    const std::string text = RandomText(&rng, 1 + static_cast<size_t>(round % 19));
    for (size_t from = 0; from <= text.size(); ++from) {
      for (size_t to = from; to <= text.size(); to += 1 + (to % 3)) {
        scanner.Scan(text, from, to, &scratch);
        for (size_t k = 0; k < lists.size(); ++k) {
          const std::vector<PhraseMatch> expected = FindAll(*lists[k], text, from, to);
          INFO("list " << k << " text \"" << text << "\" [" << from << ", " << to << ")");
          CHECK(Same(scratch.lists[k], expected));
          found += expected.size();
        }
      }
    }
  }
  CHECK(found > 5000);
}

}  // namespace claimgraph::phrase_scan_test
