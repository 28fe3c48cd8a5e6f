// Claim-level evaluation on Financial PhraseBank (../shared/data, CC BY-NC-SA
// 3.0, read in place, never copied). Reports:
//  - of the sentences with a currency amount (a money mention), how many
//    yield a quantity claim with a metric;
//  - of the comparison sentences ("from X to Y", "compared to/with"), how
//    many yield a claim with both a value and a prior;
//  - stance accuracy against the AllAgree labels (a sentence's stance is the
//    polarity of its stance claims, else of its quantity claims' change
//    direction, else neutral).
// Prints the figures and a sample of failures; fails only below floors that
// catch a broken pipeline.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <map>

#include "extractors/claim_extractor.h"
#include "extractors/stance_scorer.h"
#include "test_paths.h"

namespace claimgraph::phrasebank_claims_eval_test {

namespace {

struct Sentence {
  std::string text;
  std::string label;
};

std::vector<Sentence> ReadPhraseBank(const std::string& path) {
  std::vector<Sentence> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t at = line.rfind('@');
    if (at != std::string::npos) out.push_back({line.substr(0, at), line.substr(at + 1)});
  }
  return out;
}

std::vector<Claim> Extract(const ClaimExtractor& x, const std::string& text) {
  Document doc;
  doc.id = "s";
  doc.text = text;
  doc.prose_end = text.size();
  return x.Extract(doc);
}

std::string PredictStance(const std::vector<Claim>& claims) {
  int score = 0;
  for (const Claim& c : claims) {
    if (c.kind == ClaimKind::kStance) score += c.stance == "positive" ? 2 : -2;
    if (c.kind == ClaimKind::kQuantity && !c.metric.empty()) {
      if (c.change_direction == "up") ++score;
      if (c.change_direction == "down") --score;
    }
  }
  return score > 0 ? "positive" : score < 0 ? "negative" : "neutral";
}

}  // namespace

TEST_CASE("Financial PhraseBank sentences yield metric claims and priors", "[eval][phrasebank]") {
  auto shared = testing::SharedDataOrWarn();
  if (!shared) return;
  auto x = ClaimExtractor::Create({testing::SourceDir() + "/schemas", {}});
  REQUIRE(x.ok());
  auto all = ReadPhraseBank(*shared + "/financial-phrasebank/Sentences_50Agree.utf8.txt");
  REQUIRE(all.size() == 4846);
  const RE2 comparison(
      "(?i)\\bfrom\\b.*[0-9].*\\bto\\b.*[0-9]|[0-9].*\\bto\\b.*[0-9].*\\bfrom\\b"
      "|[0-9].*\\bcompared (?:to|with)\\b.*[0-9]");
  int money_sentences = 0, money_with_metric = 0, comparisons = 0, with_prior = 0;
  std::vector<std::string> metric_misses, prior_misses;
  for (const Sentence& s : all) {
    std::vector<Claim> claims = Extract(**x, s.text);
    bool has_money = false, metric = false, prior = false;
    for (const Claim& c : claims) {
      if (c.value && c.value->type == MentionType::kMoney) {
        has_money = true;
        if (!c.metric.empty()) metric = true;
      }
      if (c.value && c.prior) prior = true;
    }
    // Sentences whose money mention produced no claim at all count too.
    if (!has_money) {
      has_money = RE2::PartialMatch(s.text, "(?:EUR|USD|SEK|\\$|\xE2\x82\xAC|\xC2\xA3)\\s?[0-9]");
    }
    if (has_money) {
      ++money_sentences;
      money_with_metric += metric;
      if (!metric && metric_misses.size() < 10) metric_misses.push_back(s.text);
    }
    if (RE2::PartialMatch(s.text, comparison)) {
      ++comparisons;
      with_prior += prior;
      if (!prior && prior_misses.size() < 10) prior_misses.push_back(s.text);
    }
  }
  std::cout << "PhraseBank claims: " << money_with_metric << "/" << money_sentences
            << " sentences with a currency amount yield a metric claim; " << with_prior << "/"
            << comparisons << " comparison sentences yield value and prior\n";
  for (const auto& m : metric_misses) std::cout << "  no metric: " << m << "\n";
  for (const auto& m : prior_misses) std::cout << "  no prior: " << m << "\n";
  CHECK(money_sentences >= 900);
  CHECK(double(money_with_metric) / money_sentences >= 0.6);
  CHECK(double(with_prior) / comparisons >= 0.5);
}

TEST_CASE("Financial PhraseBank AllAgree stance accuracy is reported", "[eval][phrasebank]") {
  auto shared = testing::SharedDataOrWarn();
  if (!shared) return;
  auto x = ClaimExtractor::Create({testing::SourceDir() + "/schemas", {}});
  REQUIRE(x.ok());
  auto all = ReadPhraseBank(*shared + "/financial-phrasebank/Sentences_AllAgree.txt");
  REQUIRE(all.size() == 2264);
  std::map<std::string, std::map<std::string, int>> confusion;
  int correct = 0;
  for (const Sentence& s : all) {
    std::string predicted = PredictStance(Extract(**x, s.text));
    ++confusion[s.label][predicted];
    correct += predicted == s.label;
  }
  double accuracy = double(correct) / static_cast<double>(all.size());
  std::cout << "PhraseBank AllAgree stance accuracy: " << correct << "/" << all.size() << " ("
            << accuracy * 100 << "%)\n";
  for (const auto& [label, row] : confusion) {
    std::cout << "  " << label << ":";
    for (const auto& [p, n] : row) std::cout << " " << p << "=" << n;
    std::cout << "\n";
  }
  // Majority class (neutral) is 61%; the floor only catches a broken scorer.
  CHECK(accuracy >= 0.55);
}

}  // namespace claimgraph::phrasebank_claims_eval_test
