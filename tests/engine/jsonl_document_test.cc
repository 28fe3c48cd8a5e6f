// ParseJsonlDocument: the one-pass decoder gives what nlohmann's parser
// gives, document or error, for every line.
#include "engine/jsonl_document.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_paths.h"

namespace claimgraph::jsonl_document_test {

namespace {

// Decodes `line` both ways into documents that start out non-empty (a
// decoder must leave absent fields as they were) and compares.
void CheckSameAsReference(const std::string& line) {
  INFO(line.substr(0, 300));
  Document fast, reference;
  for (Document* d : {&fast, &reference}) {
    d->source = "preset source";
    d->title = "preset title";
  }
  const Status a = ParseJsonlDocument(line, &fast);
  const Status b = internal::ParseJsonlDocumentReference(line, &reference);
  CHECK(a.code() == b.code());
  CHECK(a.message() == b.message());
  CHECK(fast.id == reference.id);
  CHECK(fast.text == reference.text);
  CHECK(fast.source == reference.source);
  CHECK(fast.published == reference.published);
  CHECK(fast.url == reference.url);
  CHECK(fast.title == reference.title);
}

}  // namespace

TEST_CASE("Hand-written JSONL decoding equals nlohmann's on crafted lines", "[jsonl]") {
  const std::vector<std::string> lines = {
      R"({"id":"a","text":"plain"})",
      R"(  {"text" : "spaced" , "id" : "b" }  )",
      "\t{\"text\":\"tabs\"}\r",
      R"({"id":"c","text":"esc \" \\ \/ \b \f \n \r \t end"})",
      R"({"id":"d","text":"\u00e9\u20ac\u0041\u0000 nul"})",
      R"({"id":"d2","text":"\u00E9 upper hex"})",
      R"({"id":"e","text":"surrogate pair \ud83d\ude00"})",
      R"({"id":"e2","text":"lone \ud83d"})",
      R"({"id":"f","text":"bad escape \x"})",
      R"({"id":"f2","text":"short \u12"})",
      R"({"id":"f3","text":"bad hex \u12G4"})",
      "{\"id\":\"g\",\"text\":\"raw\ncontrol\"}",
      "{\"id\":\"h\",\"text\":\"caf\xc3\xa9 raw utf-8 \xe2\x82\xac\"}",
      "{\"id\":\"i\",\"text\":\"invalid \xc3\x28 utf-8\"}",
      "{\"id\":\"i2\",\"text\":\"ok\",\"title\":\"overlong \xc0\xaf\"}",
      "\xef\xbb\xbf{\"id\":\"bom\",\"text\":\"byte order mark\"}",
      R"({"id":"j","text":"dup","text":"second wins"})",
      R"({"id":"k","text":"x","source":null,"title":null,"url":null,"published":null})",
      R"({"id":null,"text":"null id"})",
      R"({"id":"","text":"empty id"})",
      R"({"id":42,"text":"integer id"})",
      R"({"id":-7,"text":"negative id"})",
      R"({"id":1.5,"text":"fraction id"})",
      R"({"id":"l","text":null})",
      R"({"id":"m"})",
      R"({})",
      R"([])",
      R"("text")",
      R"({"id":"n","text":5})",
      R"({"id":"o","text":"x","source":7})",
      R"({"id":"p","text":"x","extra":{"nested":[1,2,{"a":null}]},"more":true})",
      R"({"id":"q","text":"x","unknown":"s","unknown":"t"})",
      R"({"id":"r","text":"x","source":null,"source":"later"})",
      R"({"id":"s","text":"x"} trailing)",
      R"({"id":"t","text":"x",})",
      R"({"id":"u","text":"x")",
      R"({"id":"v","text":"x)",
      R"({"id" "w","text":"x"})",
      R"({"te\u0078t":"escaped key","id":"x"})",
      R"({"id":"y","text":"x","title":"t","url":"u","published":"2025-11-01","source":"S"})",
      R"({"id":"z","text":"x"}{"id":"z2","text":"y"})",
      "",
      "   ",
      R"({"id":"nul","text":"x","source":"a\u0000b"})",
      R"({"id":"ws","text":"x"}   )",
      R"({"id":"del","text":"del)"
      "\x7f"
      R"("})",
  };
  for (const std::string& line : lines) CheckSameAsReference(line);
}

TEST_CASE("Hand-written JSONL decoding equals nlohmann's with escapes at every offset", "[jsonl]") {
  // The decoder skips plain bytes eight at a time: each byte that ends a
  // plain run goes at every offset of such a run, and before and after it.
  const std::vector<std::string> specials = {
      "\\\"", "\\\\", "\\n", "\\u00e9",  "\\ud83d\\ude00", "\\q", "\x01", "\t",
      "\x1f", "\x7f", "\"",  "\xC3\xA9", "\xE2\x80\x99",   " ",   "\\",   "\x20"};
  for (size_t pad = 0; pad < 18; ++pad) {
    for (const std::string& special : specials) {
      for (size_t after : {size_t{0}, size_t{3}, size_t{9}}) {
        CheckSameAsReference(R"({"id": "d", "text": ")" + std::string(pad, 'a') + special +
                             std::string(after, 'b') + R"("})");
      }
    }
  }
}

TEST_CASE("Hand-written JSONL decoding equals nlohmann's on every bundled JSONL line", "[jsonl]") {
  size_t checked = 0;
  const std::filesystem::path corpus = testing::SourceDir() + "/corpus";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (entry.path().extension() != ".jsonl") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      CheckSameAsReference(line);
      ++checked;
    }
  }
  CHECK(checked > 100);
  // Every line cut short is malformed, and both decoders must say so alike.
  const std::string sample =
      R"({"id":"cut","text":"Revenue rose 5% to \u20ac1.2 billion.\nNext","source":"Wire"})";
  for (size_t cut = 0; cut <= sample.size(); ++cut) CheckSameAsReference(sample.substr(0, cut));
}

}  // namespace claimgraph::jsonl_document_test
