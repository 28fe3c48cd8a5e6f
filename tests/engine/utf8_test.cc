#include "engine/utf8.h"

#include <catch2/catch.hpp>
#include <string>

namespace claimgraph::utf8_test {

TEST_CASE("Valid UTF-8 passes validation", "[utf8]") {
  CHECK(FindInvalidUtf8("") == std::string_view::npos);
  CHECK(FindInvalidUtf8("plain ASCII text that is longer than eight bytes") ==
        std::string_view::npos);
  CHECK(FindInvalidUtf8("Amazon\xE2\x80\x99s \xE2\x82\xAC"
                        "5 \xF0\x9F\x93\x88") == std::string_view::npos);
}

TEST_CASE("Invalid UTF-8 is located at its first bad byte", "[utf8]") {
  CHECK(FindInvalidUtf8("abc\xFF"
                        "def") == 3);
  CHECK(FindInvalidUtf8("abcdefghij\x80") == 10);      // stray continuation
  CHECK(FindInvalidUtf8("ab\xC0\xAF") == 2);           // overlong '/'
  CHECK(FindInvalidUtf8("ab\xED\xA0\x80") == 2);       // surrogate
  CHECK(FindInvalidUtf8("ab\xF4\x90\x80\x80") == 2);   // past U+10FFFF
  CHECK(FindInvalidUtf8("truncated \xE2\x82") == 10);  // cut sequence
}

TEST_CASE("Code points are counted up to a byte offset", "[utf8]") {
  std::string s =
      "\xE2\x82\xAC"
      "5 bn";  // "€5 bn"
  CHECK(CodePointCount(s, 3) == 1);
  CHECK(CodePointCount(s, s.size()) == 5);
}

}  // namespace claimgraph::utf8_test
