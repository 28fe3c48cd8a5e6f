// FindWords reads words by segments of a byte bitmap; it must give what a
// plain reading character by character gives, on any bytes: accented
// letters, typographic punctuation and broken UTF-8 included.
#include "extractors/entity_words.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "random_text.h"

namespace claimgraph::entity_words_test {

namespace {

// Maximal runs of word characters, one character at a time.
std::vector<TextSpan> WordsByCharacter(std::string_view text) {
  std::vector<TextSpan> words;
  size_t pos = 0;
  while (pos < text.size()) {
    if (!IsWordCharAt(text, pos)) {
      pos += CharLength(text, pos);
      continue;
    }
    const size_t end = WordEnd(text, pos);
    words.push_back({pos, end});
    pos = end;
  }
  return words;
}

bool Same(const std::vector<TextSpan>& a, const std::vector<TextSpan>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].start != b[i].start || a[i].end != b[i].end) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("FindWords reads what a character-by-character reading reads", "[words]") {
  const std::vector<std::string> pieces = {
      "Amazon",
      "AWS",
      "x",
      "9",
      "3Q",
      " ",
      " ",
      ",",
      ".",
      "-",
      "_",
      "'s",
      "\xC3\xA9",      // é, a letter
      "\xC3\x89tat",   // État
      "\xE2\x80\x99",  // ’, no letter
      "\xE2\x80\x94",  // —
      "\xC2\xA0",      // no-break space
      "\xE2",
      "\x80",
      "\xF0\x9F\x98\x80",  // a lone lead byte, a lone continuation, an emoji
      "\xCE\xA9mega"};     // Ω
  std::mt19937 rng(17);
  for (int round = 0; round < 4000; ++round) {
    const std::string text = testing::JoinRandomPieces(pieces, 50, &rng);
    INFO(text);
    REQUIRE(Same(FindWords(text), WordsByCharacter(text)));
  }
  const std::string plain = "Amazon Web Services, known as AWS, grew 19%.";
  const std::vector<TextSpan> words = FindWords(plain);
  REQUIRE(words.size() == 8);
  CHECK(plain.substr(words[0].start, words[0].end - words[0].start) == "Amazon");
  CHECK(plain.substr(words[7].start, words[7].end - words[7].start) == "19");
}

}  // namespace claimgraph::entity_words_test
