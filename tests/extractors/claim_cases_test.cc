// Runs every case in corpus/cases/claims.jsonl through the claim extractor:
// {"text", "published"?, "expect": [{"kind", "value_text"?, fields...}],
//  "absent"?: [{"kind", fields...}]}.
// A claim is located by kind and value text (or subject and status for
// status claims, subject, relation and object for relation claims, subject
// for stance claims); every other stated field must match. No claim may
// match an "absent" entry (kind and every stated subject, relation, object).
// Adding a case needs no C++.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "extractors/claim_extractor.h"
#include "test_paths.h"

namespace claimgraph::claim_cases_test {

namespace {

using nlohmann::json;

std::string Text(const std::optional<ClaimValue>& v) { return v ? v->text : "null"; }

const Claim* Find(const json& e, const std::vector<Claim>& claims) {
  for (const Claim& c : claims) {
    if (ClaimKindName(c.kind) != e["kind"]) continue;
    if (e.contains("value_text")) {
      if (c.value && c.value->text == e["value_text"]) return &c;
    } else if (e.contains("status")) {
      if (c.status == e["status"] && c.subject.id == e.value("subject", "")) return &c;
    } else if (c.kind == ClaimKind::kRelation) {
      if ((!e.contains("subject") || c.subject.id == e["subject"]) &&
          (!e.contains("relation") || c.relation == e["relation"]) &&
          (!e.contains("object") || c.object.id == e["object"])) {
        return &c;
      }
    } else if (c.subject.id == e.value("subject", "")) {
      return &c;
    }
  }
  return nullptr;
}

std::string Check(const json& e, const Claim& c) {
  std::map<std::string, std::string> got = {
      {"subject", c.subject.id},
      {"metric", c.metric},
      {"modality", std::string(ModalityName(c.modality))},
      {"prior_text", c.prior ? c.prior->text : ""},
      {"change_text", c.change ? c.change->text : ""},
      {"change_direction", c.change_direction},
      {"speaker", c.speaker ? c.speaker->name : ""},
      {"comparator", c.comparator},
      {"stance", c.stance},
      {"relation", c.relation},
      {"object", c.object.id},
      {"prior_relative", c.prior && c.prior->period ? c.prior->period->relative_offset : ""},
      {"prior_period_start", c.prior && c.prior->period ? c.prior->period->start : ""},
  };
  for (auto& [key, want] : e.items()) {
    if (got.count(key) && want.is_string() && got[key] != want.get<std::string>()) {
      return key + ": want " + want.dump() + " got \"" + got[key] + "\"";
    }
  }
  if (e.contains("negated") && e["negated"].get<bool>() != c.negated) return "negated";
  if (e.contains("amount") &&
      !(c.value && std::fabs(c.value->quantity.amount - e["amount"].get<double>()) < 1e-6)) {
    return "amount";
  }
  return "";
}

std::string Got(const std::vector<Claim>& claims) {
  std::string out;
  for (const Claim& x : claims) {
    out += "\n      got " + std::string(ClaimKindName(x.kind)) + " " + x.subject.id + " " +
           x.metric + x.relation + " " +
           (x.kind == ClaimKind::kRelation ? x.object.id : Text(x.value)) + " " +
           std::string(ModalityName(x.modality)) + (x.negated ? " negated" : "");
  }
  return out;
}

}  // namespace

TEST_CASE("Claim cases in corpus yield their expected claims", "[claims][corpus]") {
  auto extractor = ClaimExtractor::Create({testing::SourceDir() + "/schemas", {}});
  INFO(extractor.status().ToString());
  REQUIRE(extractor.ok());
  std::ifstream in(testing::SourceDir() + "/corpus/cases/claims.jsonl");
  REQUIRE(in);
  std::string line, report;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++cases;
    json c = json::parse(line);
    Document doc;
    doc.id = "case" + std::to_string(cases);
    doc.text = c["text"].get<std::string>();
    doc.prose_end = doc.text.size();
    doc.published = c.value("published", "");
    std::vector<Claim> claims = (*extractor)->Extract(doc);
    for (const json& e : c["expect"]) {
      const Claim* found = Find(e, claims);
      std::string why = found ? Check(e, *found) : "not found";
      if (why.empty()) continue;
      report += "\n" + doc.text + "\n    " + e.dump() + "\n    " + why + Got(claims);
    }
    for (const json& e : c.value("absent", json::array())) {
      if (Find(e, claims) != nullptr) {
        report += "\n" + doc.text + "\n    absent " + e.dump() + "\n    found" + Got(claims);
      }
    }
  }
  INFO(report);
  CHECK(cases >= 25);
  CHECK(report.empty());
}

}  // namespace claimgraph::claim_cases_test
