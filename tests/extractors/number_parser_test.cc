#include "extractors/number_parser.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::number_parser_test {
namespace {

const NumberParser& Parser() {
  static const NumberParser* parser = new NumberParser();
  return *parser;
}

// The one number FindAll sees in `text`; fails the test otherwise.
ParsedNumber Only(std::string_view text) {
  const std::vector<ParsedNumber> all = Parser().FindAll(text);
  INFO("text: " << text);
  REQUIRE(all.size() == 1);
  return all[0];
}

std::string Covered(std::string_view text, const ParsedNumber& n) {
  return std::string(text.substr(n.start, n.end - n.start));
}

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const ParsedNumber& n : Parser().FindAll(text)) out.push_back(Covered(text, n));
  return out;
}

// FindAll's values in `text` match `want` (to a relative 1e-12).
bool ValuesAre(std::string_view text, std::vector<double> want) {
  const std::vector<ParsedNumber> all = Parser().FindAll(text);
  bool same = all.size() == want.size();
  for (size_t i = 0; same && i < all.size(); ++i) {
    same = all[i].value == Approx(want[i]).epsilon(1e-12);
  }
  if (!same) {
    for (const ParsedNumber& n : all) UNSCOPED_INFO("got " << Covered(text, n) << " = " << n.value);
  }
  return same;
}

TEST_CASE("Money amounts with scale words resolve with their precision", "[number]") {
  const std::string text = "Revenue rose to $1.2 billion from EUR 13.1 mn.";
  const std::vector<ParsedNumber> all = Parser().FindAll(text);
  REQUIRE(all.size() == 2);
  CHECK(Covered(text, all[0]) == "1.2 billion");
  CHECK(all[0].value == Approx(1.2e9));
  CHECK(all[0].precision == Approx(0.05e9));
  CHECK(all[0].has_scale);
  CHECK_FALSE(all[0].spelled);
  CHECK(Covered(text, all[1]) == "13.1 mn");
  CHECK(all[1].value == Approx(13.1e6));
  CHECK(all[1].precision == Approx(0.05e6));
}

TEST_CASE("Integers and trailing zeros state their precision", "[number]") {
  CHECK(Only("26 stores").precision == Approx(0.5));
  CHECK(Only("$94,000 in fees").precision == Approx(0.5));
  CHECK(Only("a 4.800 ratio").precision == Approx(0.0005));
  CHECK(Only("yield of .08").precision == Approx(0.005));
  CHECK(Only("1.3e6 units").precision == Approx(0.05e6));
  CHECK(Only("two million").precision == Approx(0.5e6));
  CHECK(Only("three quarters").precision == 0);
  CHECK(Only("3/4").precision == 0);
}

TEST_CASE("A number inside parentheses is still found", "[number]") {
  const std::string text = "net loss of (3.2) per share";
  const ParsedNumber n = Only(text);
  CHECK(Covered(text, n) == "3.2");
  CHECK(n.value == Approx(3.2));
}

TEST_CASE("A scale word before a noun is consumed but not the noun", "[number]") {
  const std::string text = "shipped 4 million tires";
  const ParsedNumber n = Only(text);
  CHECK(Covered(text, n) == "4 million");
  CHECK(n.value == Approx(4e6));
}

TEST_CASE("Lower-case m after digits is a million only in money context", "[number]") {
  const std::string text = "$5m";
  ParsedNumber plain, money;
  REQUIRE(Parser().ParseAt(text, 1, ScaleContext::kPlain, &plain));
  CHECK(plain.value == 5);
  CHECK(plain.end == 2);
  CHECK_FALSE(plain.has_scale);
  REQUIRE(Parser().ParseAt(text, 1, ScaleContext::kMoney, &money));
  CHECK(money.value == Approx(5e6));
  CHECK(money.end == 3);
  CHECK(money.has_scale);
  CHECK(Parser().FindAll("a 1m pipe").empty());
  CHECK(ValuesAre("raised 10M", {1e7}));
  CHECK(ValuesAre("US$ 1MM", {1e6}));
}

TEST_CASE("Spaced single letters scale only when unambiguous", "[number]") {
  CHECK(ValuesAre("2.33 k", {2330}));
  CHECK(ValuesAre("1.2b", {1.2e9}));
  CHECK(ValuesAre("Class 2 B shares", {2}));
  ParsedNumber n;
  REQUIRE(Parser().ParseAt("USD 2 b", 4, ScaleContext::kMoney, &n));
  CHECK(n.value == Approx(2e9));
}

TEST_CASE("ParseAt stops before a glued unit and leaves the unit to the caller", "[number]") {
  ParsedNumber n;
  REQUIRE(Parser().ParseAt("cut by 50bps", 7, ScaleContext::kPlain, &n));
  CHECK(n.value == 50);
  CHECK(n.end == 9);
  CHECK(Parser().FindAll("cut by 50bps").empty());
  CHECK(Parser().FindAll("the 180ml bottle and 29km road").empty());
}

TEST_CASE("ParseAt rejects ordinals and leaves the output untouched", "[number]") {
  ParsedNumber n;
  n.value = 42;
  CHECK_FALSE(Parser().ParseAt("the 4th quarter", 4, ScaleContext::kPlain, &n));
  CHECK_FALSE(Parser().ParseAt("twenty-second", 0, ScaleContext::kPlain, &n));
  CHECK_FALSE(Parser().ParseAt("a first class seat", 0, ScaleContext::kPlain, &n));
  CHECK_FALSE(Parser().ParseAt("a", 0, ScaleContext::kPlain, &n));
  CHECK_FALSE(Parser().ParseAt("and", 0, ScaleContext::kPlain, &n));
  CHECK_FALSE(Parser().ParseAt("", 0, ScaleContext::kPlain, &n));
  CHECK(n.value == 42);
}

TEST_CASE("Digit grouping styles all resolve to one number", "[number]") {
  CHECK(ValuesAre("1,234,567", {1234567}));
  CHECK(ValuesAre("12,34,567.89", {1234567.89}));
  CHECK(ValuesAre("40 000 staff", {40000}));
  CHECK(ValuesAre("40\u202f000 staff", {40000}));
  CHECK(ValuesAre("40\u00a0000 staff", {40000}));
  CHECK(ValuesAre("1, 234, 567", {1, 234, 567}));
}

TEST_CASE("Comma decimals are told apart from lists", "[number]") {
  CHECK(ValuesAre("EUR 1,5 million", {1.5e6}));
  CHECK(ValuesAre("5,00", {5}));
  CHECK(ValuesAre("pages 22,24,26,31.", {22, 24, 26, 31}));
  CHECK(ValuesAre("22,240,260,310", {22240260310}));
}

TEST_CASE("Dotted and slashed sequences give one number per part", "[number]") {
  CHECK(ValuesAre("192.168.1.2", {192, 168, 1, 2}));
  CHECK(ValuesAre("on 3/4/2020", {3, 4, 2020}));
  CHECK(ValuesAre("192.", {192}));
}

TEST_CASE("Signs count only where they are not hyphens or dashes", "[number]") {
  CHECK(ValuesAre("fell -9.23 today", {-9.23}));
  CHECK(ValuesAre("SCP-173", {173}));
  CHECK(ValuesAre("2019-2020", {2019, 2020}));
  CHECK(ValuesAre("- 1 4/5", {-1.8}));
  CHECK(ValuesAre("list:\n- 5 new stores", {5}));
  CHECK(ValuesAre("minus five point five", {-5.5}));
  CHECK(
      ValuesAre("\xE2\x88\x92"
                "3.5",
                {-3.5}));
}

TEST_CASE("Exponents and powers resolve", "[number]") {
  CHECK(Only("-127.32e13").value == Approx(-1.2732e15));
  CHECK(Only("2.5^-1").value == Approx(0.4));
  CHECK(Only("-1.1^--23").value == Approx(-8.95430243255239));
}

TEST_CASE("Spelled integers follow English number grammar", "[number]") {
  CHECK(Only("one hundred and sixty-one").value == 161);
  CHECK(Only("two hundred and two thousand").value == 202000);
  CHECK(Only("two thousand and two hundred").value == 2200);
  CHECK(Only("twenty-one trillion three hundred").value == 21000000000300);
  CHECK(Only("three lakh crore").value == Approx(3e12));
  CHECK(Only("ninety-five hundred").value == 9500);
  CHECK(Only("fifty - two").value == 52);
  CHECK(ValuesAre("one two three", {1, 2, 3}));
  CHECK(ValuesAre("three-nought-four", {3, 0, 4}));
  CHECK(ValuesAre("one and two", {1, 2}));
}

TEST_CASE("Spelled decimals and spelled scales after decimals resolve", "[number]") {
  CHECK(Only("two hundred point seventy-one").value == Approx(200.71));
  CHECK(Only("nought point eleven").value == Approx(0.11));
  const ParsedNumber n = Only("two point five million");
  CHECK(n.value == Approx(2.5e6));
  CHECK(n.precision == Approx(0.05e6));
  CHECK(n.spelled);
}

TEST_CASE("Word fractions split numerator and denominator", "[number]") {
  CHECK(Only("two thirds").value == Approx(2.0 / 3));
  CHECK(Only("one and a half").value == Approx(1.5));
  CHECK(Only("twenty-three fifths").value == Approx(4.6));
  CHECK(Only("one hundred and three quarters").value == Approx(100.75));
  CHECK(Only("one hundred and thirty fifths").value == Approx(26));
  CHECK(Only("twenty twenty fifths").value == Approx(0.8));
  CHECK(Only("twenty five hundredths").value == Approx(0.25));
  CHECK(Only("a hundred trillionths").value == Approx(1e-10));
  CHECK(Only("half a dozen").value == 6);
  CHECK(Only("two and a half billion").value == Approx(2.5e9));
}

TEST_CASE("Quarters and halves that are periods are not fractions", "[number]") {
  CHECK(Parser().FindAll("in the first half of the year").empty());
  CHECK(Texts("over the last three quarters") == std::vector<std::string>{"three"});
  CHECK(Texts("five quarters") == std::vector<std::string>{"five"});
  CHECK(Texts("two millionth") == std::vector<std::string>{"two"});
}

TEST_CASE("Ratios need a bare denominator", "[number]") {
  CHECK(Only("one over three").value == Approx(1.0 / 3));
  CHECK(ValuesAre("earn $2000 over 3 years", {2000, 3}));
  CHECK(ValuesAre("5 out of 10 analysts agree", {5, 10}));
  CHECK(ValuesAre("negative one over 20", {-0.05}));
}

TEST_CASE("Vague magnitudes resolve to an interval", "[number]") {
  ParsedNumber n = Only("tens of billions of dollars");
  CHECK(n.vague);
  CHECK(n.value == Approx(1e10));
  CHECK(n.low == Approx(1e10));
  CHECK(n.high == Approx(1e11));
  n = Only("hundreds of millions");
  CHECK(n.low == Approx(1e8));
  CHECK(n.high == Approx(1e9));
  n = Only("several hundred basis points");
  CHECK(n.low == 300);
  CHECK(n.high == 900);
  n = Only("a few thousand jobs");
  CHECK(n.low == 2000);
  CHECK(n.high == 5000);
  n = Only("dozens of stores");
  CHECK(n.low == 24);
  CHECK(n.high == 144);
  CHECK(Parser().FindAll("the tens digit").empty());
  CHECK(Parser().FindAll("several people").empty());
}

TEST_CASE("Exact numbers carry a degenerate interval", "[number]") {
  const ParsedNumber n = Only("3 dozens");
  CHECK_FALSE(n.vague);
  CHECK(n.value == 36);
  CHECK(n.low == 36);
  CHECK(n.high == 36);
}

TEST_CASE("Number words inside other words are ignored", "[number]") {
  CHECK(Parser().FindAll("someone anyone often tenure").empty());
  CHECK(Parser().FindAll("A320 Q3 FY2023 the 1990s").empty());
  CHECK(Texts("Let's try one last time") == std::vector<std::string>{"one"});
}

TEST_CASE("Byte offsets cover multi-byte separators", "[number]") {
  const std::string text = "\u20ac1\u202f234\u202f567.89 net";
  const ParsedNumber n = Only(text);
  CHECK(n.start == 3);
  CHECK(Covered(text, n) == "1\u202f234\u202f567.89");
  CHECK(n.value == Approx(1234567.89));
}

}  // namespace
}  // namespace claimgraph::number_parser_test
