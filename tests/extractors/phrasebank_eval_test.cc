// Evaluation on Financial PhraseBank (../shared/data/financial-phrasebank,
// CC BY-NC-SA 3.0, read in place, never copied): how many currency amounts
// the annotator finds. The reference is a deliberately simple, independent
// detector: a currency code or symbol right before a digit, or a digit run
// (optionally with a scale word) right before a currency code or word. The
// test prints the figures and a sample of misses, and fails if fewer than
// 95% of the sentences the reference flags yield a money mention.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>

#include "engine/document.h"
#include "extractors/annotator.h"
#include "test_paths.h"

namespace claimgraph::phrasebank_eval_test {

TEST_CASE("Financial PhraseBank currency amounts are found", "[eval][phrasebank]") {
  auto shared = testing::SharedDataOrWarn();
  if (!shared) return;
  auto annotator = Annotator::Create(testing::SourceDir() + "/schemas");
  REQUIRE(annotator.ok());
  std::ifstream in(*shared + "/financial-phrasebank/Sentences_50Agree.utf8.txt");
  REQUIRE(in);
  const RE2 reference(
      "(?:\\b(?:EUR|USD|SEK|GBP|NOK|DKK|LVL|LTL|RUB|JPY|CHF|EEK)|[$\xE2\x82\xAC\xC2\xA3])"
      "\\s?[0-9]|[0-9](?:\\s?(?:mn|m|bn|million|billion|thousand))?\\s"
      "(?:EUR|USD|euros?|dollars?|SEK|kronor)\\b");
  int sentences = 0, flagged = 0, found = 0, money_mentions = 0;
  std::vector<std::string> misses;
  std::string line;
  while (std::getline(in, line)) {
    size_t at = line.rfind('@');
    if (at == std::string::npos) continue;
    ++sentences;
    Document doc;
    doc.text = line.substr(0, at);
    doc.prose_end = doc.text.size();
    int money = 0;
    for (const Mention& m : (*annotator)->Annotate(doc)) {
      if (m.type == MentionType::kMoney) ++money;
    }
    money_mentions += money;
    if (!RE2::PartialMatch(doc.text, reference)) continue;
    ++flagged;
    if (money > 0) {
      ++found;
    } else if (misses.size() < 15) {
      misses.push_back(doc.text);
    }
  }
  double recall = flagged ? double(found) / flagged : 0;
  std::cout << "PhraseBank 50Agree: " << sentences << " sentences, " << money_mentions
            << " money mentions; " << found << "/" << flagged
            << " sentences with a reference currency amount yield money (" << recall * 100
            << "%)\n";
  for (const auto& m : misses) std::cout << "  miss: " << m << "\n";
  CHECK(sentences == 4846);
  CHECK(flagged >= 900);
  CHECK(recall >= 0.95);
}

}  // namespace claimgraph::phrasebank_eval_test
