// SplitSentences: sentence ends, abbreviations, and the length limit that
// keeps pathological text (found by fuzzing) linear.
#include "extractors/sentence_splitter.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/utf8.h"

namespace claimgraph::sentence_splitter_test {

namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : SplitSentences(text)) {
    out.emplace_back(text.substr(s.start, s.end - s.start));
  }
  return out;
}

// Every span is within the limit, trimmed, valid UTF-8, and the spans cover
// every non-space byte of the text in order.
void CheckPieces(std::string_view text) {
  std::string covered;
  size_t last_end = 0;
  for (const SentenceSpan& s : SplitSentences(text)) {
    INFO("span [" << s.start << ", " << s.end << ")");
    REQUIRE(s.start >= last_end);
    REQUIRE(s.end > s.start);
    CHECK(s.end - s.start <= kMaxSentenceBytes);
    CHECK(text[s.start] != ' ');
    CHECK(text[s.end - 1] != ' ');
    CHECK(FindInvalidUtf8(text.substr(s.start, s.end - s.start)) == std::string_view::npos);
    covered.append(text.substr(s.start, s.end - s.start));
    last_end = s.end;
  }
  std::string expected;
  for (char c : text) {
    if (c != ' ') expected.push_back(c);
  }
  std::erase(covered, ' ');
  CHECK(covered == expected);
}

}  // namespace

TEST_CASE("Sentence ends are found at every offset of a 64-byte block", "[sentence]") {
  // The splitter marks the bytes that may end a sentence in a bitmap of
  // 64-bit words; each kind of end is placed at every offset of one, and
  // across two.
  for (size_t pad = 0; pad < 140; ++pad) {
    const std::string lead = "Lead" + std::string(pad, 'x');
    INFO("pad " << pad);
    CHECK(Sentences(lead + ". Revenue rose 3.2% to $5.1 billion! Why? Next\nLast line") ==
          std::vector<std::string>{lead + ".", "Revenue rose 3.2% to $5.1 billion!", "Why?", "Next",
                                   "Last line"});
    CHECK(Sentences(lead + " Inc. rose.") == std::vector<std::string>{lead + " Inc. rose."});
    CHECK(Sentences(lead + "?") == std::vector<std::string>{lead + "?"});
    CHECK(Sentences(lead + "\n") == std::vector<std::string>{lead});
  }
}

TEST_CASE("Sentences end at terminators but not at abbreviations or decimals", "[sentence]") {
  CHECK(Sentences("Shares of U.S. Steel rose 3.2 percent. Mr. Smith said so! Approx. 5 left.") ==
        std::vector<std::string>{"Shares of U.S. Steel rose 3.2 percent.", "Mr. Smith said so!",
                                 "Approx. 5 left."});
  CHECK(Sentences("J. Smith joined Acme Corp. in May.\nNext line") ==
        std::vector<std::string>{"J. Smith joined Acme Corp. in May.", "Next line"});
}

TEST_CASE("A sentence over the limit is cut at spaces within it", "[sentence]") {
  std::string text = "Amazon said revenue rose ";
  while (text.size() < 5 * kMaxSentenceBytes) text += "$1 billion and 5% in Q3 from Nvidia, ";
  text += "in all.";
  CHECK(SplitSentences(text).size() >= 5);
  CheckPieces(text);
}

TEST_CASE("A word over the limit is cut between UTF-8 characters", "[sentence]") {
  std::string text = "x";
  while (text.size() < 3 * kMaxSentenceBytes) text += "\xC3\xA9";  // é, two bytes
  CheckPieces(text);
}

TEST_CASE("A long run of letters and dots is split in linear time", "[sentence]") {
  // Each '.' used to scan back over the whole run for an abbreviation: a
  // megabyte of "a.a.a." took hours.
  std::string text = "Sales rose 5% ";
  while (text.size() < (size_t{1} << 20)) text += "a.";
  CheckPieces(text);
}

}  // namespace claimgraph::sentence_splitter_test
