#include "engine/metadata_trailer.h"

#include <catch2/catch.hpp>

namespace claimgraph::metadata_trailer_test {

TEST_CASE("A sentiment trailer is split off as metadata", "[trailer]") {
  std::string text =
      "Amazon's chip business is growing fast. Investors cheered.\n"
      "Overall Sentiment\nstrongly positive\nSentiment Score\n0.72\nTicker Sentiment\n";
  std::vector<MetadataField> fields;
  size_t start = FindMetadataTrailer(text, &fields);
  CHECK(text.substr(start, 17) == "Overall Sentiment");
  REQUIRE(fields.size() == 3);
  CHECK(fields[0].label == "Overall Sentiment");
  CHECK(fields[0].value == "strongly positive");
  CHECK(fields[1].label == "Sentiment Score");
  CHECK(fields[1].value == "0.72");
  CHECK(text.substr(fields[1].start, fields[1].end - fields[1].start) == "Sentiment Score\n0.72");
  CHECK(fields[2].label == "Ticker Sentiment");
  CHECK(fields[2].value.empty());
}

TEST_CASE("Labels never seen before are recognized by shape", "[trailer]") {
  std::string text = "Revenue rose 5% in the quarter.\nAnalyst Rating\nbuy\nPrice Target\n$250\n";
  std::vector<MetadataField> fields;
  size_t start = FindMetadataTrailer(text, &fields);
  CHECK(start == text.find("Analyst Rating"));
  REQUIRE(fields.size() == 2);
  CHECK(fields[1].value == "$250");
}

TEST_CASE("Prose without a trailer keeps all its text", "[trailer]") {
  std::vector<MetadataField> fields;
  std::string prose = "Sales rose.\nProfit fell sharply in the third quarter of the year.";
  CHECK(FindMetadataTrailer(prose, &fields) == prose.size());
  // A final sentence, even a short one, is prose.
  std::string short_end = "Sales rose 5% to $3 billion in the quarter.\nWe rate it a buy.";
  CHECK(FindMetadataTrailer(short_end, &fields) == short_end.size());
  // Short lines alone are no trailer: there is no prose to set them apart from.
  std::string headline = "Q3 Revenue\n$5 billion";
  CHECK(FindMetadataTrailer(headline, &fields) == headline.size());
  // Title lines with no value at all are headings, not metadata.
  std::string headings = "Sales rose 5% in the quarter.\nRelated Articles\nMore News";
  CHECK(FindMetadataTrailer(headings, &fields) == headings.size());
  CHECK(fields.empty());
}

}  // namespace claimgraph::metadata_trailer_test
