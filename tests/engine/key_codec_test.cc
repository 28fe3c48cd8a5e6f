#include "engine/key_codec.h"

#include <catch2/catch.hpp>

namespace claimgraph::key_codec_test {

namespace {

Claim SampleClaim() {
  Claim c;
  c.claim_id = "00ff00ff00ff00ff";
  c.doc_id = "doc-1";
  c.subject.id = "AMZN";
  c.metric = "backlog";
  ClaimValue v;
  v.period = Period{"2025-07-01", "2025-09-30", Granularity::kQuarter, 2025, 3, false, ""};
  c.value = v;
  c.speaker = Speaker{"Andy Jassy", "CEO", "person/andy-jassy"};
  c.terms = {"chips", "processor"};
  return c;
}

std::vector<std::string> Keys(ClaimIndex index, const Claim& c, std::string_view source,
                              std::string_view published) {
  std::vector<std::string> keys;
  AppendClaimIndexKeys(index, c, source, published, &keys);
  return keys;
}

// The one key of a claim in an index with one entry per claim.
std::string Key(ClaimIndex index, const Claim& c, std::string_view source,
                std::string_view published) {
  std::vector<std::string> keys = Keys(index, c, source, published);
  REQUIRE(keys.size() == 1);
  return keys[0];
}

}  // namespace

TEST_CASE("keys round trip through encode and decode including NUL bytes", "[key_codec]") {
  const std::vector<std::string> parts = {"AMZN", std::string("a\0b", 3), "", "\xff\x01",
                                          std::string(1, '\0')};
  std::string key;
  for (const std::string& p : parts) AppendKeyComponent(p, &key);
  auto decoded = DecodeKey(key);
  REQUIRE(decoded);
  CHECK(*decoded == parts);
}

TEST_CASE("decoding into a vector reuses it and leaves exactly the key's parts", "[key_codec]") {
  std::vector<std::string> parts = {"stale", "parts", "from", "a", "longer key"};
  REQUIRE(DecodeKeyInto(EncodeKey({"AMZN", std::string("x\0y", 3), ""}), &parts));
  CHECK(parts == std::vector<std::string>{"AMZN", std::string("x\0y", 3), ""});
  REQUIRE(DecodeKeyInto(EncodeKey({"doc-1", "c1", "2025", "d"}), &parts));
  CHECK(parts == std::vector<std::string>{"doc-1", "c1", "2025", "d"});
  REQUIRE(DecodeKeyInto("", &parts));
  CHECK(parts.empty());
  CHECK_FALSE(DecodeKeyInto(EncodeKey({"a"}) + std::string("b\0", 2), &parts));
  CHECK_FALSE(DecodeKeyInto(EncodeKey({"a"}) + std::string("b\0\x07c\0\x01", 6), &parts));
}

TEST_CASE("a prefix scan for a subject never matches a longer subject", "[key_codec]") {
  const std::string amzn = EncodeKey({"AMZN"});
  const std::string aws = EncodeKey({"AMZN/aws", "c1"});
  const std::string own = EncodeKey({"AMZN", "c1"});
  CHECK(own.compare(0, amzn.size(), amzn) == 0);
  CHECK(aws.compare(0, amzn.size(), amzn) != 0);
  // Component-wise order: every key of "AMZN" sorts before every key of "AMZN/aws".
  CHECK(EncodeKey({"AMZN", "zzzz"}) < aws);
}

TEST_CASE("malformed keys are rejected rather than misread", "[key_codec]") {
  CHECK_FALSE(DecodeKey(std::string("abc", 3)));      // no terminator
  CHECK_FALSE(DecodeKey(std::string("a\0", 2)));      // escape at the end
  CHECK_FALSE(DecodeKey(std::string("a\0\x07", 3)));  // unknown escape
  CHECK_FALSE(DecodeKey(EncodeKey({"a"}) + "tail"));  // bytes after the last part
  CHECK(DecodeKey("")->empty());
}

TEST_CASE("every index key ends with the claim id and decodes to its parts", "[key_codec]") {
  const Claim c = SampleClaim();
  auto subject = DecodeKey(Key(ClaimIndex::kBySubject, c, "Reuters", "2026-03-04T10:00:00Z"));
  CHECK(*subject == std::vector<std::string>{"AMZN", "2026-03-04", c.claim_id});
  auto block = DecodeKey(Key(ClaimIndex::kByBlock, c, "Reuters", "2026-03-04T10:00:00Z"));
  CHECK(*block == std::vector<std::string>{"AMZN", "backlog", "2025-Q3", "2026-03-04", c.claim_id});
  auto source = DecodeKey(Key(ClaimIndex::kBySource, c, "Reuters", "2026-03-04T10:00:00Z"));
  CHECK(*source == std::vector<std::string>{"Reuters", "2026-03-04", c.claim_id});
  auto speaker = DecodeKey(Key(ClaimIndex::kBySpeaker, c, "", "2026-03-04T10:00:00Z"));
  CHECK(*speaker == std::vector<std::string>{"person/andy-jassy", "2026-03-04", c.claim_id});
  auto doc = DecodeKey(Key(ClaimIndex::kByDoc, c, "", "2026-03-04T10:00:00Z"));
  CHECK(*doc == std::vector<std::string>{"doc-1", c.claim_id});
  // by_term: per term, in the claim's term order, under the subject and
  // under "" (any subject).
  std::vector<std::string> terms = Keys(ClaimIndex::kByTerm, c, "", "2026-03-04T10:00:00Z");
  REQUIRE(terms.size() == 4);
  CHECK(*DecodeKey(terms[0]) ==
        std::vector<std::string>{"AMZN", "chips", "2026-03-04", c.claim_id});
  CHECK(*DecodeKey(terms[1]) == std::vector<std::string>{"", "chips", "2026-03-04", c.claim_id});
  CHECK(*DecodeKey(terms[2]) ==
        std::vector<std::string>{"AMZN", "processor", "2026-03-04", c.claim_id});
  CHECK(*DecodeKey(terms[3]) ==
        std::vector<std::string>{"", "processor", "2026-03-04", c.claim_id});
}

TEST_CASE("claims without a subject metric source or speaker have no such index entry",
          "[key_codec]") {
  Claim c;
  c.claim_id = "x";
  c.doc_id = "d";
  c.terms = {"chips"};  // no subject: only the any-subject by_term entry
  CHECK(Keys(ClaimIndex::kBySubject, c, "src", "2026-03-04T10:00:00Z").empty());
  CHECK(Keys(ClaimIndex::kByMetric, c, "src", "2026-03-04T10:00:00Z").empty());
  CHECK(Keys(ClaimIndex::kByBlock, c, "src", "2026-03-04T10:00:00Z").empty());
  CHECK(Keys(ClaimIndex::kBySource, c, "", "2026-03-04T10:00:00Z").empty());
  CHECK(Keys(ClaimIndex::kBySpeaker, c, "src", "2026-03-04T10:00:00Z").empty());
  const std::vector<std::string> any = Keys(ClaimIndex::kByTerm, c, "src", "2026-03-04T10:00:00Z");
  REQUIRE(any.size() == 1);
  CHECK(*DecodeKey(any[0]) == std::vector<std::string>{"", "chips", "2026-03-04", "x"});
  CHECK(Keys(ClaimIndex::kByDoc, c, "", "2026-03-04T10:00:00Z").size() == 1);
  c.subject.id = "AMZN";
  c.terms.clear();
  CHECK(Keys(ClaimIndex::kByTerm, c, "src", "2026-03-04T10:00:00Z").empty());
  CHECK(ClaimIndexName(ClaimIndex::kByBlock) == "by_block");
  CHECK(ClaimIndexName(ClaimIndex::kByTerm) == "by_term");
}

TEST_CASE("index dates are the day of a published timestamp or empty", "[key_codec]") {
  CHECK(IndexDate("2026-03-04T10:00:00Z") == "2026-03-04");
  CHECK(IndexDate("2026-03-04") == "2026-03-04");
  CHECK(IndexDate("March 4 2026").empty());
  CHECK(IndexDate("2026-3-4").empty());
  CHECK(IndexDate("").empty());
  // Keys of one subject run oldest to newest, undated first.
  Claim c = SampleClaim();
  CHECK(Key(ClaimIndex::kBySubject, c, "", "") < Key(ClaimIndex::kBySubject, c, "", "2025-12-31"));
  CHECK(Key(ClaimIndex::kBySubject, c, "", "2025-12-31") <
        Key(ClaimIndex::kBySubject, c, "", "2026-01-01"));
}

TEST_CASE("period keys are canonical and prefix searchable", "[key_codec]") {
  CHECK(PeriodKey(Period{"2025-07-01", "2025-09-30", Granularity::kQuarter, 2025, 3, false, ""}) ==
        "2025-Q3");
  CHECK(PeriodKey(Period{"2025-01-01", "2025-12-31", Granularity::kYear, 2025, 0, false, ""}) ==
        "2025");
  CHECK(PeriodKey(Period{"", "", Granularity::kFiscalYear, 2025, 0, true, ""}) == "FY2025");
  CHECK(PeriodKey(Period{"2025-07-01", "2025-12-31", Granularity::kHalf, 2025, 0, false, ""}) ==
        "2025-H2");
  CHECK(PeriodKey(Period{"2025-07-01", "2025-07-31", Granularity::kMonth, 2025, 0, false, ""}) ==
        "2025-07");
  CHECK(PeriodKey(Period{"2025-07-14", "2025-07-14", Granularity::kDay, 2025, 0, false, ""}) ==
        "2025-07-14");
  CHECK(PeriodKey(Period{"2025-01-01", "2025-06-30", Granularity::kSpan, 2025, 0, false, ""}) ==
        "2025-01-01..2025-06-30");
  CHECK(PeriodKey(Period{}).empty());
  CHECK(ClaimPeriodKey(SampleClaim()) == "2025-Q3");
  CHECK(ClaimPeriodKey(Claim{}).empty());
}

}  // namespace claimgraph::key_codec_test
