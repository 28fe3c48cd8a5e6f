// The analysis snapshot encoding: round trip and corruption.
#include "graph/analysis_codec.h"

#include <catch2/catch.hpp>

#include "graph/fact_maker.h"

namespace claimgraph {

namespace {

Analysis Sample() {
  using testing::MakeQuantity;
  StringTable strings;
  auto facts = testing::Facts(
      {MakeQuantity("a", "A", "2025-11-01", "ACME", "revenue", 1.2e9, "$1.2 billion"),
       MakeQuantity("b", "B", "2025-11-01", "ACME", "revenue", 1.5e9, "$1.5 billion"),
       MakeQuantity("c", "C", "2025-11-01", "ACME", "revenue", 1.5e9, "$1.5 billion")},
      &strings);
  return AnalyzeFacts(facts, strings, AnalysisContext{});
}

}  // namespace

TEST_CASE("An analysis survives encoding and decoding", "[contradictions][codec]") {
  Analysis a = Sample();
  REQUIRE(a.findings.size() == 2);  // b and c agree; a conflicts with them
  CHECK(a.stats.claims == 3);
  std::string text = EncodeAnalysis(a);
  auto b = DecodeAnalysis(text);
  REQUIRE(b.ok());
  CHECK(EncodeAnalysis(*b) == text);
  CHECK(b->findings[0].explanation == a.findings[0].explanation);
  CHECK(b->sources.size() == 3);
}

TEST_CASE("A damaged analysis is reported as corruption", "[contradictions][codec]") {
  const std::string text = EncodeAnalysis(Sample());
  for (size_t cut : {size_t{0}, size_t{10}, text.size() / 2, text.size() - 5}) {
    auto r = DecodeAnalysis(text.substr(0, cut));
    INFO(cut);
    CHECK_FALSE(r.ok());
  }
  std::string bad_label = text;
  bad_label.replace(bad_label.find("\"conflict\""), 10, "\"conflikt\"");
  auto r = DecodeAnalysis(bad_label);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kCorruption);
  CHECK(DecodeAnalysis("{\"format\":\"claimgraph-analysis\",\"version\":99}\n").status().code() ==
        Status::Code::kUnsupported);
  CHECK_FALSE(DecodeAnalysis(std::string("\x00\xff garbage", 10)).ok());
}

}  // namespace claimgraph
