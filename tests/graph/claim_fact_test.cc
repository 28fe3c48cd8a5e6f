// StringTable: the interning behind every claim fact of an analysis.
#include "graph/claim_fact.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "graph/tag_collision.h"

namespace claimgraph::claim_fact_test {

TEST_CASE("StringTable gives each distinct string one id in first-seen order as it grows",
          "[analysis]") {
  StringTable strings;
  CHECK(strings.Intern("") == StringTable::kNone);
  CHECK(strings.Find("") == StringTable::kNone);
  CHECK(strings.size() == 1);
  // Many strings (the table doubles again and again), some sharing long
  // prefixes, each interned twice with others in between.
  std::vector<std::string> words;
  for (int i = 0; i < 50000; ++i) {
    words.push_back((i % 3 == 0   ? "doc:"
                     : i % 3 == 1 ? "source-with-a-long-common-prefix/"
                                  : "") +
                    std::to_string(i));
  }
  for (size_t i = 0; i < words.size(); ++i) {
    REQUIRE(strings.Intern(words[i]) == i + 1);
    if (i >= 7) REQUIRE(strings.Intern(words[i - 7]) == i - 6);
  }
  CHECK(strings.size() == words.size() + 1);
  for (size_t i = 0; i < words.size(); ++i) {
    REQUIRE(strings.Find(words[i]) == i + 1);
    REQUIRE(strings.Get(static_cast<uint32_t>(i + 1)) == words[i]);
  }
  CHECK_FALSE(strings.Find("doc:50001").has_value());
  CHECK_FALSE(strings.Find("doc:").has_value());
  CHECK(strings.size() == words.size() + 1);  // Find adds nothing
  const std::string& first = strings.Get(1);
  StringTable moved = std::move(strings);
  CHECK(&moved.Get(1) == &first);  // moves leave the strings where they are
  CHECK(moved.Intern(words[123]) == 124);
  CHECK(moved.Intern("new") == words.size() + 1);
}

TEST_CASE("StringTable's prefetch adds no string and changes no id", "[analysis]") {
  // The analysis runs Prefetch's stages on document ids ahead of Intern;
  // present, absent, short (inside the string) and long ones alike.
  StringTable strings;
  const std::vector<std::string> present = {"d1", std::string(40, 'p') + "2"};
  for (const std::string& s : present) strings.Intern(s);
  const std::vector<std::string> probes = {"", "d1", "absent", present[1],
                                           std::string(40, 'p') + "3"};
  for (const std::string& s : probes) {
    for (int stage = 0; stage < StringTable::kPrefetchStages; ++stage) strings.Prefetch(s, stage);
  }
  CHECK(strings.size() == 3);
  CHECK(strings.Find("d1") == 1);
  CHECK(strings.Find(present[1]) == 2);
  CHECK_FALSE(strings.Find("absent").has_value());
  CHECK(strings.Intern("absent") == 3);
}

TEST_CASE("StringTable tells apart strings whose hashes share a slot and a tag", "[analysis]") {
  // Two strings whose std::hash agrees in the high 32 bits (the tag a slot
  // keeps) and in the low 4 (the first slot probed in a new table of 16):
  // a probe that trusted the tag would take one for the other.
  const auto [a, b] = testing::TagCollision(
      "k", [](const std::string& s) { return std::hash<std::string_view>()(s); });
  REQUIRE_FALSE(a.empty());
  StringTable strings;
  CHECK(strings.Intern(a) == 1);
  CHECK_FALSE(strings.Find(b).has_value());
  CHECK(strings.Intern(b) == 2);
  CHECK(strings.Find(a) == 1);
  CHECK(strings.Find(b) == 2);
}

}  // namespace claimgraph::claim_fact_test
