// Runs NumberParser::FindAll over Recognizers-Text's English number spec
// (../shared/data/recognizers-specs/NumberModel.json, MIT), read at test
// time only; the data is never copied into this repository.
//
// A case passes when FindAll returns as many numbers as expected and each
// one has the expected value (relative tolerance 1e-9, compared as numbers)
// and the expected span: our byte offsets are converted to character
// offsets (the spec's End is inclusive) and the covered text must equal the
// expected Text after trimming and ASCII lower-casing (the spec lower-cases
// some texts, e.g. "10g" for input "10G").
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/number_parser.h"
#include "test_paths.h"

namespace claimgraph::number_spec_test {
namespace {

// Character index of byte offset `byte` in UTF-8 `s`.
size_t CharOffset(std::string_view s, size_t byte) {
  size_t chars = 0;
  for (size_t i = 0; i < byte && i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++chars;
  }
  return chars;
}

std::string Normalize(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  std::string out(s.substr(b, e - b));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Expected {
  std::string text;
  double value;
  size_t start;
  size_t end;  // inclusive, characters
};

bool SameValue(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::max(std::fabs(a), std::fabs(b)));
}

bool Matches(std::string_view input, const std::vector<ParsedNumber>& got,
             const std::vector<Expected>& want) {
  if (got.size() != want.size()) return false;
  for (size_t i = 0; i < got.size(); ++i) {
    const ParsedNumber& g = got[i];
    const Expected& w = want[i];
    if (!SameValue(g.value, w.value)) return false;
    if (g.end <= g.start || CharOffset(input, g.start) != w.start ||
        CharOffset(input, g.end) - 1 != w.end) {
      return false;
    }
    if (Normalize(input.substr(g.start, g.end - g.start)) != Normalize(w.text)) {
      return false;
    }
  }
  return true;
}

std::string Describe(std::string_view input, const std::vector<ParsedNumber>& got) {
  std::ostringstream out;
  for (const ParsedNumber& g : got) {
    out << " {\"" << input.substr(g.start, g.end - g.start) << "\" = " << g.value << " @"
        << CharOffset(input, g.start) << "}";
  }
  return out.str();
}

std::string Describe(const std::vector<Expected>& want) {
  std::ostringstream out;
  for (const Expected& w : want) {
    out << " {\"" << w.text << "\" = " << w.value << " @" << w.start << "}";
  }
  return out.str();
}

TEST_CASE("NumberParser passes the Recognizers-Text English number spec", "[number][spec]") {
  const std::optional<std::string> dir = testing::SharedDataDir();
  if (!dir) {
    WARN("skipped: ../shared/data not present");
    return;
  }
  std::string raw = testing::ReadFileOrFail(*dir + "/recognizers-specs/NumberModel.json");
  if (raw.rfind("\xEF\xBB\xBF", 0) == 0) raw.erase(0, 3);
  const nlohmann::json cases = nlohmann::json::parse(raw, nullptr, false);
  REQUIRE(cases.is_array());

  NumberParser parser;
  int total = 0, passed = 0;
  std::ostringstream failures;
  for (const nlohmann::json& c : cases) {
    std::string not_supported = Normalize(c.value("NotSupported", ""));
    if (not_supported.find("javascript") != std::string::npos) continue;
    const std::string input = c.at("Input").get<std::string>();
    std::vector<Expected> want;
    for (const nlohmann::json& r : c.at("Results")) {
      want.push_back({r.at("Text").get<std::string>(),
                      std::stod(r.at("Resolution").at("value").get<std::string>()),
                      r.at("Start").get<size_t>(), r.at("End").get<size_t>()});
    }
    const std::vector<ParsedNumber> got = parser.FindAll(input);
    ++total;
    if (Matches(input, got, want)) {
      ++passed;
    } else {
      failures << "  input: \"" << input << "\"\n    expected:" << Describe(want)
               << "\n    got:     " << Describe(input, got) << "\n";
    }
  }
  const double rate = total == 0 ? 0 : static_cast<double>(passed) / total;
  std::cout << "NumberModel spec: " << passed << "/" << total << " passed (" << rate * 100 << "%)\n"
            << failures.str();
  REQUIRE(total > 150);
  REQUIRE(rate >= 0.95);
}

}  // namespace
}  // namespace claimgraph::number_spec_test
