// Claim terms: the words of a claim's evidence that the term vocabulary
// (the evidence words of schemas/questions.json's topics) holds. They feed
// the by_term index, so they must match what a search re-checks, and the
// vocabulary must be part of the ruleset.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "engine/utf8.h"
#include "extractors/claim_extractor.h"
#include "extractors/question_lexicon.h"
#include "test_documents.h"
#include "test_paths.h"

namespace claimgraph::claim_terms_test {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const std::string kSchemas = testing::SourceDir() + "/schemas";

// A copy of schemas/ in `dir`; `edit` changes its questions.json.
void CopySchemas(const std::string& dir, const std::function<void(json*)>& edit) {
  fs::copy(kSchemas, dir, fs::copy_options::recursive);
  std::ifstream in(dir + "/questions.json");
  json questions = json::parse(in);
  edit(&questions);
  std::ofstream(dir + "/questions.json", std::ios::trunc) << questions.dump(2);
}

}  // namespace

TEST_CASE("Terms are the vocabulary's whole words, lower-cased, sorted, once", "[terms]") {
  const std::vector<std::string> vocabulary = {"chip", "chips", "cpu", "gpus", "processors"};
  CHECK(FindTerms("Chip-maker ships CHIPS, chips and GPUs", vocabulary) ==
        std::vector<std::string>{"chip", "chips", "gpus"});
  // Letters, digits and non-ASCII bytes continue a word.
  CHECK(FindTerms("microchips chips2 cpu\xE2\x84\xA2 chip_", vocabulary) ==
        std::vector<std::string>{"chip"});
  CHECK(FindTerms("", vocabulary).empty());
  CHECK(FindTerms("chips", {}).empty());
  CHECK(IsTermWord("gpus"));
  CHECK(IsTermWord("x86"));
  CHECK_FALSE(IsTermWord("GPUs"));
  CHECK_FALSE(IsTermWord("ai chips"));
  CHECK_FALSE(IsTermWord("x-86"));
  CHECK_FALSE(IsTermWord(""));
}

TEST_CASE("Extracted claims carry the vocabulary words of their evidence", "[terms][claims]") {
  auto vocabulary = LoadTermVocabulary(kSchemas);
  REQUIRE(vocabulary.ok());
  REQUIRE(std::is_sorted(vocabulary->begin(), vocabulary->end()));
  CHECK(std::binary_search(vocabulary->begin(), vocabulary->end(), "chips"));
  auto extractor = ClaimExtractor::Create({kSchemas, {}});
  REQUIRE(extractor.ok());
  const std::vector<Claim> claims =
      (*extractor)
          ->Extract(testing::ProseDocument(
              "Amazon said sales of its Trainium chips and Graviton processors rose to "
              "$5 billion in "
              "2025. Amazon's advertising revenue rose to $17 billion in 2025."));
  REQUIRE(claims.size() >= 2);
  size_t with_terms = 0;
  for (const Claim& c : claims) {
    INFO(c.evidence_text);
    CHECK(c.terms == FindTerms(c.evidence_text, *vocabulary));
    if (c.evidence_text.find("Trainium chips") != std::string::npos) {
      CHECK(c.terms == std::vector<std::string>{"chips", "processors"});
      ++with_terms;
    } else {
      CHECK(c.terms.empty());
    }
  }
  CHECK(with_terms > 0);
}

TEST_CASE("The term vocabulary is part of the ruleset", "[terms][claims]") {
  testing::TempDir tmp;
  auto base = ClaimExtractor::Create({kSchemas, {}});
  REQUIRE(base.ok());
  auto info = ClaimExtractor::Ruleset({kSchemas, {}});
  REQUIRE(info.ok());
  CHECK(info->hash == (*base)->ruleset());
  CHECK(info->terms == LoadTermVocabulary(kSchemas).value());

  // Rewording a question changes nothing; a new evidence word does.
  const std::string reworded = tmp.path() + "/reworded", widened = tmp.path() + "/widened";
  CopySchemas(reworded, [](json* q) { (*q)["topics"][0]["words"].push_back("chipz"); });
  CopySchemas(widened, [](json* q) { (*q)["topics"][0]["evidence_words"].push_back("wafer"); });
  CHECK(ClaimExtractor::Ruleset({reworded, {}})->hash == info->hash);
  auto wide = ClaimExtractor::Create({widened, {}});
  REQUIRE(wide.ok());
  CHECK((*wide)->ruleset() != info->hash);
  CHECK(ClaimExtractor::Ruleset({widened, {}})->hash == (*wide)->ruleset());
  const Document doc =
      testing::ProseDocument("Amazon said wafer revenue rose to $5 billion in 2025.");
  const std::vector<Claim> before = (*base)->Extract(doc);
  const std::vector<Claim> after = (*wide)->Extract(doc);
  REQUIRE(!before.empty());
  REQUIRE(after.size() == before.size());
  CHECK(before[0].terms.empty());
  CHECK(after[0].terms == std::vector<std::string>{"wafer"});

  // Without questions.json there is no vocabulary and no term.
  const std::string bare = tmp.path() + "/bare";
  fs::copy(kSchemas, bare, fs::copy_options::recursive);
  fs::remove(bare + "/questions.json");
  auto none = ClaimExtractor::Create({bare, {}});
  REQUIRE(none.ok());
  CHECK((*none)->ruleset() != info->hash);
  for (const Claim& c : (*none)->Extract(
           testing::ProseDocument("Amazon's chip revenue rose to $5 billion in 2025."))) {
    CHECK(c.terms.empty());
  }
}

TEST_CASE("A bad evidence word stops the extractor naming the file and field", "[terms]") {
  testing::TempDir tmp;
  for (const json& bad : {json("AI Chips"), json("x-86"), json(7)}) {
    INFO(bad.dump());
    const std::string dir = tmp.path() + "/s" + std::to_string(bad.dump().size());
    CopySchemas(dir, [&](json* q) { (*q)["topics"][1]["evidence_words"].push_back(bad); });
    auto x = ClaimExtractor::Create({dir, {}});
    REQUIRE_FALSE(x.ok());
    CHECK(x.status().message().find("questions.json: topics[1].evidence_words[") !=
          std::string::npos);
    CHECK(x.status().message().find("is not one lower-case word of letters and digits") !=
          std::string::npos);
  }
}

}  // namespace claimgraph::claim_terms_test
