// The document line of `extract --with-documents` (read back by `claimgraph
// sst`): it round-trips, and a line whose offsets or text were edited is
// refused with the field at fault instead of reaching a shard.
#include "engine/document_record_json.h"

#include <catch2/catch.hpp>
#include <functional>
#include <nlohmann/json.hpp>

namespace claimgraph::document_record_json_test {

namespace {

using nlohmann::json;

Document Sample() {
  Document d;
  d.id = "doc-1";
  d.title = "Results";
  d.source = "wire";
  d.published = "2025-02-06";
  d.text = "Revenue rose to $5 billion.\nSentiment Score\n0.72\n";
  d.prose_end = 28;
  d.metadata.push_back({"Sentiment Score", "0.72", 28, d.text.size()});
  return d;
}

std::string Line(const Document& d) {
  std::string out;
  AppendDocumentRecordJson(d, "rules-1", {}, &out);
  return out;
}

Status ParseEdited(const std::function<void(json&)>& edit) {
  json j = json::parse(Line(Sample()));
  edit(j);
  DocumentRecord record;
  return ParseDocumentRecordJson(j.dump(), &record);
}

}  // namespace

TEST_CASE("A document line round-trips", "[store][sst]") {
  const Document d = Sample();
  const std::string line = Line(d);
  CHECK(IsDocumentRecordLine(line));
  DocumentRecord record;
  Status s = ParseDocumentRecordJson(line, &record);
  INFO(s.ToString());
  REQUIRE(s.ok());
  CHECK(record.ruleset == "rules-1");
  CHECK(record.doc.id == d.id);
  CHECK(record.doc.text == d.text);
  CHECK(record.doc.prose_end == d.prose_end);
  REQUIRE(record.doc.metadata.size() == 1);
  CHECK(record.doc.metadata[0].start == 28);
  CHECK(record.doc.metadata[0].end == d.text.size());
  CHECK(record.claims.empty());
}

TEST_CASE("A document line with offsets outside its text is refused", "[store][sst]") {
  Status past = ParseEdited([](json& j) { j["document"]["metadata"][0]["end"] = 100000; });
  CHECK(past.message() == "document doc-1: metadata[0]: span [28, 100000) is outside the text");
  Status reversed = ParseEdited([](json& j) { j["document"]["metadata"][0]["start"] = 60; });
  CHECK(reversed.message() == "document doc-1: metadata[0]: span [60, 49) is outside the text");
  Status prose = ParseEdited([](json& j) { j["document"]["prose_end"] = 1000; });
  CHECK(prose.message() == "document doc-1: document.prose_end is past the end of the text");
  // Same length, other words: only the content hash can tell.
  Status edited = ParseEdited([](json& j) {
    j["document"]["text"] = "Revenue rose to $9 billion.\nSentiment Score\n0.72\n";
  });
  CHECK(edited.message().find("content_hash does not match") != std::string::npos);
}

}  // namespace claimgraph::document_record_json_test
