// AliasIndex: its prefilter lets every name's first word through and turns
// away most other words, so that scanning a text hashes few of its words.
#include "extractors/alias_index.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "extractors/ascii.h"
#include "extractors/entity_words.h"
#include "test_paths.h"

namespace claimgraph::alias_index_test {

namespace {

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) out += AsciiLowerByte(c);
  return out;
}

// Every company, product and person name and alias of the shipped catalog.
std::vector<std::string> CatalogNames() {
  const auto catalog = nlohmann::json::parse(
      testing::ReadFileOrFail(testing::SourceDir() + "/schemas/catalog.json"));
  std::vector<std::string> names;
  for (const auto& [section, entries] : catalog.items()) {
    if (!entries.is_array()) continue;
    for (const auto& e : entries) {
      if (!e.is_object()) continue;
      if (e.contains("name")) names.push_back(e["name"].get<std::string>());
      for (const auto& alias : e.value("aliases", nlohmann::json::array())) {
        names.push_back(alias.get<std::string>());
      }
    }
  }
  return names;
}

}  // namespace

TEST_CASE("AliasIndex finds every catalog name and its prefilter turns away other words",
          "[entities]") {
  const std::vector<std::string> names = CatalogNames();
  REQUIRE(names.size() > 200);
  AliasIndex index;
  std::set<std::string> first_words;  // lower-cased
  for (size_t i = 0; i < names.size(); ++i) {
    if (!index.Add(names[i], static_cast<int>(i))) continue;
    const std::vector<TextSpan> words = FindWords(names[i]);
    REQUIRE_FALSE(words.empty());
    first_words.insert(
        Lower(std::string_view(names[i]).substr(words[0].start, words[0].end - words[0].start)));
  }
  // Each name, alone and inside a sentence, is found whole.
  for (const std::string& name : names) {
    const std::string text = "Shares of " + name + " rose.";
    bool whole = false;
    for (const AliasHit& hit : index.Scan(text))
      whole |= hit.start == 10 && hit.end >= 10 + name.size();
    INFO(name);
    CHECK(whole);
  }
  // The words of the bundled articles that start no name: nearly all must
  // fail the one-bit test. (A hash keyed on too few bits let 46% through;
  // a key without the last byte, 16%: "silicon", "revenue", "company".)
  size_t others = 0, admitted = 0;
  for (const auto& e :
       std::filesystem::directory_iterator(testing::SourceDir() + "/corpus/articles")) {
    const std::string text = testing::ReadFileOrFail(e.path().string());
    for (const TextSpan& w : FindWords(text)) {
      if (first_words.count(Lower(std::string_view(text).substr(w.start, w.end - w.start)))) {
        CHECK(index.MayStartName(text, w));
        continue;
      }
      ++others;
      admitted += index.MayStartName(text, w);
    }
  }
  REQUIRE(others > 2000);
  INFO(admitted << " of " << others << " words admitted");
  CHECK(admitted * 20 < others);
}

}  // namespace claimgraph::alias_index_test
