// WordKeys keeps exactly the keys added (length, first two bytes, case
// folded, long words sharing one length), and FilterWordStarts keeps the
// word starts whose key passes, across 64-byte blocks.
#include "extractors/word_keys.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "engine/byte_bitmap.h"
#include "random_text.h"

namespace claimgraph::word_keys_test {

namespace {

// FilterWordStarts over the run starts of `start_kinds` bytes, with lengths
// counted in `run_kinds` bytes, against a direct check of each start.
template <unsigned start_kinds, unsigned run_kinds>
void CheckFilter(const std::string& text, const WordKeys& keys) {
  std::vector<uint64_t> starts;
  KindBitmap<start_kinds>(text, &starts);
  KeepRunStarts(&starts);
  std::vector<uint64_t> runs;
  KindBitmap<run_kinds>(text, &runs);
  const std::vector<uint64_t> all = starts;
  FilterWordStarts(text, runs, keys, &starts);
  for (size_t i = 0; i < text.size(); ++i) {
    const bool start = (all[i / 64] >> (i % 64)) & 1;
    const bool kept = (starts[i / 64] >> (i % 64)) & 1;
    if (!start) {
      REQUIRE_FALSE(kept);
      continue;
    }
    size_t end = i;
    while (end < text.size() && IsRunByte<run_kinds>(text[end])) ++end;
    const char second = i + 1 < text.size() ? text[i + 1] : '\0';
    INFO("word at " << i);
    REQUIRE(kept == keys.MayBe(end - i, text[i], second));
  }
}

}  // namespace

TEST_CASE("Word keys hold what was added and nothing else", "[words]") {
  WordKeys keys;
  keys.AddWord("march");
  keys.Add(4, '2', '0');
  keys.AddFrom(2, 'q', '3');
  keys.Add(1, 'a', ' ');
  CHECK(keys.MayBe(5, 'm', 'a'));
  CHECK(keys.MayBe(5, 'M', 'A'));  // either case
  CHECK_FALSE(keys.MayBe(4, 'm', 'a'));
  CHECK_FALSE(keys.MayBe(5, 'm', 'e'));
  CHECK_FALSE(keys.MayBe(5, 'n', 'a'));
  CHECK(keys.MayBe(4, '2', '0'));
  CHECK_FALSE(keys.MayBe(4, '2', '1'));
  CHECK_FALSE(keys.MayBe(5, '2', '0'));
  for (size_t n = 2; n < 40; ++n) CHECK(keys.MayBe(n, 'Q', '3'));
  CHECK_FALSE(keys.MayBe(1, 'q', '3'));
  // A one-letter word: any byte after it that is no letter or digit.
  CHECK(keys.MayBe(1, 'a', '.'));
  CHECK(keys.MayBe(1, 'A', '\xC3'));
  CHECK_FALSE(keys.MayBe(1, 'a', 'b'));
  CHECK_FALSE(keys.MayBe(1, 'a', '1'));
  // Letters and digits have codes of their own; everything else shares 0.
  CHECK(WordKeys::Code('a') != WordKeys::Code('b'));
  CHECK(WordKeys::Code('z') == WordKeys::Code('Z'));
  CHECK(WordKeys::Code('0') != WordKeys::Code('9'));
  CHECK(WordKeys::Code('_') == 0);
  CHECK(WordKeys::Code('@') == 0);
  CHECK(WordKeys::Code('[') == 0);
}

TEST_CASE("Filtered word starts are the starts whose word key passes", "[words]") {
  WordKeys keys;
  for (const char* w : {"one", "two", "march", "2024", "ab", "abcdefghijklmnopqr", "a_b"}) {
    keys.AddWord(w);
  }
  keys.Add(1, 'a', ' ');
  const std::vector<std::string> pieces = {
      "one", "On", "two", "march", "Ma", "2024", "20",       "ab",         "abc", "a",
      "b",   "_",  " ",   ".",     "x",  "9",    "\xC3\xA9", "abcdefghij", "a_b"};
  std::mt19937 rng(5);
  for (int round = 0; round < 2000; ++round) {
    const std::string text = testing::JoinRandomPieces(pieces, 60, &rng);
    INFO(text);
    CheckFilter<kRunLetters | kRunDigits, kRunLetters | kRunDigits>(text, keys);
    // As the number scan uses it: starts of letters, digits and underscore,
    // lengths in letters and underscore (0 for a word that starts with a
    // digit).
    CheckFilter<kRunLetters | kRunDigits | kRunUnderscore, kRunLetters | kRunUnderscore>(text,
                                                                                         keys);
  }
}

}  // namespace claimgraph::word_keys_test
