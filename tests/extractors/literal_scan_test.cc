#include "extractors/literal_scan.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "extractors/ascii.h"
#include "random_text.h"

namespace claimgraph::literal_scan_test {
namespace {

// The literals found by looking for each in the lower-cased text.
std::vector<int> Naive(const std::vector<std::string>& literals, std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = AsciiLower(c);
  std::vector<int> out;
  for (size_t i = 0; i < literals.size(); ++i) {
    if (lower.find(literals[i]) != std::string::npos) out.push_back(static_cast<int>(i));
  }
  return out;
}

// Random texts joined from pieces, checked on both paths against Naive.
// Returns how many texts had at least one literal.
size_t CheckRandomTexts(const std::vector<std::string>& literals,
                        const std::vector<std::string>& pieces, int rounds, unsigned seed) {
  LiteralScan scan;
  REQUIRE(scan.Build(literals));
  std::mt19937 rng(seed);
  size_t with_literal = 0;
  for (int round = 0; round < rounds; ++round) {
    const std::string text = testing::JoinRandomPieces(pieces, 40, &rng);
    INFO(text);
    const std::vector<int> expected = Naive(literals, text);
    // In a buffer of exactly its size, so that a read past its end is
    // one (AddressSanitizer reports it).
    const std::vector<char> exact(text.begin(), text.end());
    const std::string_view view(exact.data(), exact.size());
    std::vector<int> found;
    scan.Find(view, &found);
    CHECK(found == expected);
    scan.Find(view, &found, LiteralScan::Path::kPortable);
    CHECK(found == expected);
    with_literal += expected.empty() ? 0 : 1;
  }
  return with_literal;
}

TEST_CASE("Literal scan: both paths find exactly the literals in the text", "[patterns]") {
  // Literals of the shipped pattern rules' kind: several share "if the ",
  // so their fingerprints sit further in.
  const std::vector<std::string> literals = {
      "sold",        "listed",          "took in",          "spun off",
      "if it were ", "if the unit was", "if the company w", "independent",
      "brought in",  "separated",       "split off",        "if they were "};
  const std::vector<std::string> pieces = {
      "sold",     "SOLD", "Sold", "listed", "took",    " in",     "spun",      " off",
      " OFF",     "if ",  "IF ",  "it ",    "were ",   "the ",    "unit ",     "was ",
      "company ", "w",    "they", "inde",   "pendent", "brought", "separated", "split",
      " ",        " ",    " ",    ".",      ",",       "x",       "\xC3\xA9",  "\xE2\x80\x94",
      "1",        "sol",  "lis",  "ook i",  "@",       "`",       "[",         "{"};
  const size_t with_literal = CheckRandomTexts(literals, pieces, 3000, 11);
  // Neither side is trivial: some texts hold literals, some do not.
  CHECK(with_literal > 300);
  CHECK(with_literal < 2900);
}

TEST_CASE("Literal scan: more fingerprints than buckets share them", "[patterns]") {
  // 40 literals with distinct fingerprints: 8 buckets hold 5 each.
  std::vector<std::string> literals;
  std::vector<std::string> pieces = {" ", " ", "q", "Z"};
  for (int i = 0; i < 40; ++i) {
    std::string l = "w" + std::string(1, static_cast<char>('a' + i % 26)) +
                    std::string(1, static_cast<char>('a' + (i * 7) % 26)) + "x" + std::to_string(i);
    literals.push_back(l);
    pieces.push_back(l);
    pieces.push_back(l.substr(0, 3));
    pieces.push_back(std::string(1, static_cast<char>(l[0] - 32)) + l.substr(1));
  }
  const size_t with_literal = CheckRandomTexts(literals, pieces, 2000, 5);
  CHECK(with_literal > 200);
}

TEST_CASE("Literal scan: a literal at either end of a text and of a 16-byte block", "[patterns]") {
  LiteralScan scan;
  REQUIRE(scan.Build({"spun off", "sold"}));
  for (size_t before = 0; before < 40; ++before) {
    for (size_t after = 0; after < 3; ++after) {
      const std::string text = std::string(before, 'x') + "Spun Off" + std::string(after, 'y');
      INFO(text);
      std::vector<int> found;
      scan.Find(text, &found);
      CHECK(found == std::vector<int>{0});
      scan.Find(text, &found, LiteralScan::Path::kPortable);
      CHECK(found == std::vector<int>{0});
      // One byte short of the literal: nothing.
      scan.Find(text.substr(0, before + 7), &found);
      CHECK(found.empty());
    }
  }
}

TEST_CASE("Literal scan: literals it cannot take", "[patterns]") {
  LiteralScan scan;
  CHECK_FALSE(scan.Build({"sold", "in"}));  // shorter than a fingerprint
  CHECK_FALSE(scan.Build({"sold",
                          "r\xC3\xA9"
                          "el"}));    // not ASCII
  CHECK_FALSE(scan.Build({"Sold"}));  // not lower case
  std::vector<std::string> many;
  for (size_t i = 0; i <= LiteralScan::kMaxLiterals; ++i) many.push_back("lit" + std::to_string(i));
  CHECK_FALSE(scan.Build(many));
  many.pop_back();
  CHECK(scan.Build(many));
  std::vector<int> found;
  scan.Find("a lit7 and lit63", &found);
  CHECK(found == std::vector<int>{6, 7, 63});  // "lit6" is inside "lit63"
}

}  // namespace
}  // namespace claimgraph::literal_scan_test
