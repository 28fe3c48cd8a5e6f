// Relation claims: the "relations" rules of schemas/rules.json, through the
// claim extractor with the shipped schemas, and the rule loader's errors.
// More sentences are data in corpus/cases/claims.jsonl.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "extractors/claim_extractor.h"
#include "extractors/claim_rules.h"
#include "extractors/relation_extractor.h"
#include "test_paths.h"

namespace claimgraph::relation_test {
namespace {

const ClaimExtractor& Extractor() {
  static const ClaimExtractor* extractor = [] {
    auto x = ClaimExtractor::Create({testing::SourceDir() + "/schemas", {}});
    if (!x.ok()) FAIL(x.status().ToString());
    return std::move(x).value().release();
  }();
  return *extractor;
}

std::vector<Claim> Relations(const std::string& text) {
  Document doc;
  doc.id = "relation-test";
  doc.text = text;
  doc.prose_end = text.size();
  std::vector<Claim> out;
  for (Claim& c : Extractor().Extract(doc)) {
    if (c.kind == ClaimKind::kRelation) out.push_back(std::move(c));
  }
  return out;
}

// "subject relation object" of each relation claim, with " (negated)".
std::vector<std::string> Triples(const std::string& text) {
  std::vector<std::string> out;
  for (const Claim& c : Relations(text)) {
    out.push_back(c.subject.id + " " + c.relation + " " + c.object.id +
                  (c.negated ? " (negated)" : ""));
  }
  return out;
}

using Strings = std::vector<std::string>;

std::string ParseError(const std::string& relations) {
  auto r = RelationExtractor::Parse("{\"relations\": " + relations + "}", "rules.json");
  return r.ok() ? "parsed" : r.status().message();
}

TEST_CASE("A relation phrase between two entities is a relation claim", "[relation]") {
  std::vector<Claim> claims = Relations("Anthropic runs on Trainium.");
  REQUIRE(claims.size() == 1);
  const Claim& c = claims[0];
  CHECK(c.subject.id == "anthropic");
  CHECK(c.subject.type == EntityType::kCompany);
  CHECK(c.relation == "runs_on");
  CHECK(c.object.id == "AMZN/trainium");
  CHECK(c.object.name == "Trainium");
  CHECK(c.object.type == EntityType::kProduct);
  CHECK(c.rule == "relation/runs_on");
  CHECK(c.modality == Modality::kReported);
  CHECK_FALSE(c.negated);
  CHECK_FALSE(c.value.has_value());
  CHECK(c.evidence_text == "Anthropic runs on Trainium.");
  CHECK(c.claim_id.size() == 16);
}

TEST_CASE("X dethroned Y as Z's role gives two relations", "[relation]") {
  std::vector<Claim> claims =
      Relations("Nvidia recently dethroned Apple as TSMC's largest customer.");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].subject.id == "NVDA");
  CHECK(claims[0].relation == "displaced");
  CHECK(claims[0].object.id == "AAPL");
  CHECK(claims[0].rule == "relation/displaced");
  CHECK(claims[1].subject.id == "NVDA");
  CHECK(claims[1].relation == "customer_of");
  CHECK(claims[1].object.id == "TSM");
  CHECK(claims[1].rule == "relation/customer_of/role");
  CHECK(claims[0].claim_id != claims[1].claim_id);
  // The role needs a verb whose rule reads roles, and a possessive owner.
  CHECK(Triples("Nvidia partnered with Apple as TSMC's largest customer.") ==
        Strings{"NVDA partner_of AAPL"});
  CHECK(Triples("Nvidia dethroned Apple as the largest customer of TSMC.") ==
        Strings{"NVDA displaced AAPL"});
}

TEST_CASE("The object may be a product named after a possessive", "[relation]") {
  CHECK(Triples("Trainium runs on AWS Neuron, a compiler and runtime framework that, while "
                "functional, is not CUDA.") == Strings{"AMZN/trainium runs_on AMZN/neuron-sdk"});
  CHECK(Triples("Anthropic runs on Amazon's custom Trainium chips.") ==
        Strings{"anthropic runs_on AMZN/trainium"});
}

TEST_CASE("Negation cues before the verb negate the relation", "[relation]") {
  CHECK(Triples("Amazon does not use Nvidia chips.") == Strings{"AMZN uses NVDA (negated)"});
  CHECK(Triples("Amazon doesn't use Nvidia chips.") == Strings{"AMZN uses NVDA (negated)"});
  CHECK(Triples("Amazon uses Nvidia chips.") == Strings{"AMZN uses NVDA"});
}

TEST_CASE("Passive and reverse phrases keep the direction", "[relation]") {
  // "X is powered by Y": X runs on Y, like "X runs on Y".
  CHECK(Triples("Anthropic is powered by Trainium.") == Strings{"anthropic runs_on AMZN/trainium"});
  // "Y powers X": a reverse phrase, the entity after it is the subject.
  CHECK(Triples("Trainium powers Anthropic.") == Strings{"anthropic runs_on AMZN/trainium"});
  CHECK(Triples("Trainium is used by Anthropic.") == Strings{"anthropic uses AMZN/trainium"});
}

TEST_CASE("A sentence can state a relation per clause", "[relation]") {
  CHECK(Triples("Anthropic runs on Trainium, and OpenAI partnered with Microsoft.") ==
        Strings{"anthropic runs_on AMZN/trainium", "openai partner_of MSFT"});
}

TEST_CASE("Without an entity on each side there is no relation", "[relation]") {
  CHECK(Triples("The AI world runs on CUDA.").empty());
  // "it" is not an anaphor the entity recognizer resolves.
  CHECK(Triples("Anthropic runs on it.").empty());
  // People are never either side.
  CHECK(Triples("Andy Jassy uses Trainium.").empty());
  // A noun use with punctuation or other words in between is no relation.
  CHECK(Triples("The core bet creates a moat that rivals like Nvidia cannot replicate.").empty());
  CHECK(Triples("Getting enough TSMC capacity to supply AWS is hard.").empty());
  // Types: an acquisition needs a company or segment as object.
  CHECK(Triples("Amazon acquired Trainium.").empty());
}

TEST_CASE("Relation claims take modality and speaker from the clause", "[relation]") {
  std::vector<Claim> claims = Relations("OpenAI could soon run on Trainium3, Andy Jassy said.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].subject.id == "openai");
  CHECK(claims[0].object.id == "AMZN/trainium3");
  CHECK(claims[0].modality == Modality::kForecast);
  REQUIRE(claims[0].speaker.has_value());
  CHECK(claims[0].speaker->name == "Andy Jassy");
  CHECK(claims[0].speaker->role == "CEO");
}

TEST_CASE("Relation claim ids are deterministic and tell relations apart", "[relation]") {
  const std::string text = "Anthropic runs on Trainium, and Anthropic runs on Graviton.";
  std::vector<Claim> a = Relations(text);
  std::vector<Claim> b = Relations(text);
  REQUIRE(a.size() == 2);
  REQUIRE(b.size() == 2);
  CHECK(a[0].rule == a[1].rule);  // only the object tells them apart
  std::set<std::string> ids;
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].claim_id == b[i].claim_id);
    ids.insert(a[i].claim_id);
  }
  CHECK(ids.size() == a.size());
}

TEST_CASE("The shipped rules have relations and a missing section has none", "[relation]") {
  auto shipped = ClaimRules::Load(testing::SourceDir() + "/schemas/rules.json");
  REQUIRE(shipped.ok());
  CHECK_FALSE(shipped->relations.empty());
  auto none = RelationExtractor::Parse("{}", "rules.json");
  REQUIRE(none.ok());
  CHECK(none->empty());
}

TEST_CASE("Bad relation rules are errors naming the file and entry", "[relation]") {
  CHECK(ParseError("[]") == "rules.json: relations: must be an object");
  CHECK(ParseError("{}") == "rules.json: relations.rules: must be an array of relation rules");
  CHECK(ParseError(R"({"rules": [], "max_after_word": 3})") ==
        "rules.json: relations.max_after_word: unknown key");
  CHECK(ParseError(R"({"rules": [], "max_after_words": 99})") ==
        "rules.json: relations.max_after_words: must be an integer from 0 to 10");
  CHECK(ParseError(R"({"rules": [], "before_words": ["does not"]})") ==
        "rules.json: relations.before_words[0]: one word only");
  CHECK(ParseError(R"({"rules": [{"id": "Runs-On", "phrases": ["runs on"]}]})") ==
        "rules.json: relations.rules[0].id: must be a lower_snake_case string");
  CHECK(
      ParseError(R"({"rules": [{"id": "a", "phrases": ["x"]}, {"id": "a", "phrases": ["y"]}]})") ==
      "rules.json: relations.rules[1].id: duplicate id \"a\" (first at rules.json: "
      "relations.rules[0])");
  CHECK(ParseError(R"({"rules": [{"id": "a", "phrases": ["runs on"]},
                                 {"id": "b", "phrases": ["Runs  On"]}]})") ==
        "rules.json: relations.rules[1].phrases[0]: \"Runs  On\" repeats rules.json: "
        "relations.rules[0].phrases[0]");
  CHECK(ParseError(R"({"rules": [{"id": "a", "phrases": ["x"], "as_role": "both"}]})") ==
        "rules.json: relations.rules[0].as_role: must be \"subject\" or \"object\"");
  CHECK(ParseError(R"({"rules": [{"id": "a", "phrases": ["x"], "object_types": ["person"]}]})") ==
        "rules.json: relations.rules[0].object_types[0]: \"person\" is not company, segment or "
        "product");
  CHECK(ParseError(R"({"rules": [{"id": "a", "phrase": ["x"]}]})") ==
        "rules.json: relations.rules[0].phrase: unknown key");
  CHECK(ParseError(R"({"rules": [{"id": "a", "phrases": []}]})") ==
        "rules.json: relations.rules[0]: needs phrases or reverse_phrases");
  CHECK(ParseError(R"({"rules": [{"id": "a", "phrases": [""]}]})") ==
        "rules.json: relations.rules[0].phrases[0]: must be a non-empty string");
  CHECK(ParseError(R"({"$comment": "ok", "rules": [{"$comment": "ok", "id": "a",
                      "reverse_phrases": ["powers"]}]})") == "parsed");
}

TEST_CASE("A bad relation rule stops the claim extractor with its message", "[relation]") {
  auto rules = ClaimRules::Parse(R"({"relations": {"rules": [{"id": "a"}]}})", "rules.json");
  REQUIRE_FALSE(rules.ok());
  CHECK(rules.status().message() ==
        "rules.json: relations.rules[0]: needs phrases or "
        "reverse_phrases");
}

}  // namespace
}  // namespace claimgraph::relation_test
