// AsciiClasses narrows \p classes to ASCII, and the narrowed pattern
// matches what the original matches on ASCII text.
#include "extractors/ascii_classes.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "test_paths.h"

namespace claimgraph::ascii_classes_test {

namespace {

// Every match of `re` in `text`, scanning on as company discovery does,
// with each group's offsets ("-" for a group that did not take part).
std::vector<std::string> Matches(const RE2& re, std::string_view text) {
  std::vector<std::string> out;
  const int groups = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> g(static_cast<size_t>(groups) + 1);
  const re2::StringPiece input(text.data(), text.size());
  size_t pos = 0;
  while (pos < text.size() &&
         re.Match(input, pos, text.size(), RE2::UNANCHORED, g.data(), groups + 1)) {
    std::string m;
    for (const re2::StringPiece& p : g) {
      if (p.data() == nullptr) {
        m += "- ";
      } else {
        const auto at = static_cast<size_t>(p.data() - text.data());
        m += std::to_string(at) + ":" + std::to_string(at + p.size()) + " ";
      }
    }
    out.push_back(m);
    pos = std::max(static_cast<size_t>(g[0].data() - text.data()) + g[0].size(), pos + 1);
  }
  return out;
}

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("AsciiClasses narrows letter and number classes in and out of brackets", "[regex]") {
  CHECK(AsciiClasses(R"(\p{Lu}[\p{L}\p{N}&\-]*)") == R"([A-Z][A-Za-z0-9&\-]*)");
  CHECK(AsciiClasses(R"((?:^|[^\p{L}\p{N}$])\p{N}+)") == R"((?:^|[^A-Za-z0-9$])[0-9]+)");
  CHECK(AsciiClasses(R"([]\p{L}]x[^]\p{N}])") == R"([]A-Za-z]x[^]0-9])");
  CHECK(AsciiClasses(R"(\[\p{L}\]\\p{L})") == R"(\[[A-Za-z]\]\\p{L})");
  CHECK(AsciiClasses("plain (text)") == "plain (text)");
  CHECK(AsciiClasses(R"(\p{Greek})").empty());
  CHECK(AsciiClasses(R"(a\pL)").empty());
  CHECK(AsciiClasses(R"(a\p{L)").empty());
}

TEST_CASE("A narrowed pattern matches what the Unicode one matches on ASCII text", "[regex]") {
  const std::string word = R"(\p{Lu}[\p{L}\p{N}&\-]*(?:\.\p{L}[\p{L}\p{N}]*)*)";
  const std::vector<std::string> patterns = {
      word,
      R"((?:^|[^\p{L}\p{N}\-])(company|maker|group)[ \t]+()" + word + R"((?:[ \t]+(?:)" + word +
          R"(|&))*))",
      R"((?:^|[^\p{L}\p{N}&\-.])()" + word +
          R"()(?:,[ \t]*|[ \t]+)(Inc|Corp|AB)(?:$|[^\p{L}\p{N}]))",
      R"((?:^|[^\p{L}\p{N}$])(\$[A-Z][A-Z0-9]{0,5})(?:$|[^\p{L}\p{N}]))"};
  std::vector<std::string> texts;
  std::string every_byte;
  for (int c = 1; c < 128; ++c) {
    every_byte += static_cast<char>(c);
    every_byte += "Ab1 ";
  }
  texts.push_back(every_byte);
  texts.push_back("the company Acme Widgets & Sons, Acme Corp and $ACME rose; maker X-Ray.io Inc");
  for (const auto& e :
       std::filesystem::directory_iterator(testing::SourceDir() + "/corpus/articles")) {
    const std::string text = testing::ReadFileOrFail(e.path().string());
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::string line = text.substr(start, end - start);
      if (IsAscii(line)) texts.push_back(line);
      start = end + 1;
    }
  }
  REQUIRE(texts.size() > 20);
  size_t matches = 0;
  for (const std::string& pattern : patterns) {
    const RE2 unicode(pattern);
    const RE2 ascii(AsciiClasses(pattern));
    REQUIRE(unicode.ok());
    INFO(ascii.pattern());
    REQUIRE(ascii.ok());
    for (const std::string& text : texts) {
      INFO(text);
      const std::vector<std::string> want = Matches(unicode, text);
      REQUIRE(Matches(ascii, text) == want);
      matches += want.size();
    }
  }
  CHECK(matches > 100);
}

}  // namespace claimgraph::ascii_classes_test
