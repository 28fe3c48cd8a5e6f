#include "engine/document_reader.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "test_paths.h"

namespace claimgraph::document_reader_test {

namespace {

void WriteFile(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

struct ReadAll {
  std::vector<Document> docs;
  std::vector<ReadError> errors;
};

ReadAll Read(std::vector<std::string> inputs, ReaderOptions options = {}) {
  DocumentReader reader(std::move(inputs), options);
  ReadAll all;
  Document doc;
  ReadError err;
  for (;;) {
    auto o = reader.Next(&doc, &err);
    if (o == DocumentReader::Outcome::kEnd) break;
    if (o == DocumentReader::Outcome::kDocument) all.docs.push_back(doc);
    if (o == DocumentReader::Outcome::kError) all.errors.push_back(err);
  }
  return all;
}

}  // namespace

TEST_CASE("Directories are read recursively in sorted order with relative ids", "[reader]") {
  testing::TempDir tmp;
  WriteFile(tmp.path() + "/b.txt", "Second article.");
  WriteFile(tmp.path() + "/a/nested.txt", "Nested article.");
  WriteFile(tmp.path() + "/.hidden.txt", "Never read.");
  ReadAll all = Read({tmp.path()});
  REQUIRE(all.errors.empty());
  REQUIRE(all.docs.size() == 2);
  CHECK(all.docs[0].id == "a/nested.txt");
  CHECK(all.docs[0].text == "Nested article.");
  CHECK(all.docs[1].id == "b.txt");
  CHECK(all.docs[1].prose_end == all.docs[1].text.size());
}

TEST_CASE("A file argument keeps its path as the id", "[reader]") {
  testing::TempDir tmp;
  std::string path = tmp.path() + "/one.txt";
  WriteFile(path, "Text.\n");
  ReadAll all = Read({path});
  REQUIRE(all.docs.size() == 1);
  CHECK(all.docs[0].id == path);
}

TEST_CASE("JSON Lines documents carry their fields and bad lines are reported", "[reader]") {
  testing::TempDir tmp;
  std::string path = tmp.path() + "/news.jsonl";
  WriteFile(path,
            "{\"id\":\"n1\",\"text\":\"Sales rose.\",\"source\":\"Wire\","
            "\"published\":\"2026-11-05\",\"url\":\"u\",\"title\":\"t\"}\n"
            "{not json\n"
            "\n"
            "{\"text\":\"No id here.\"}\n"
            "{\"id\":7,\"text\":\"Numeric id.\"}\n"
            "{\"id\":\"n4\"}\n"
            "{\"id\":\"n5\",\"text\":42}\n"
            "[1,2]\n"
            "{\"id\":\"n6\",\"text\":\"bad \\u0000 nul\"}\n"
            "{\"id\":\"n7\",\"text\":\"   \"}\n"
            "{\"id\":\"last\",\"text\":\"No newline at end.\"}");
  ReadAll all = Read({path});
  REQUIRE(all.docs.size() == 4);
  CHECK(all.docs[0].id == "n1");
  CHECK(all.docs[0].source == "Wire");
  CHECK(all.docs[0].published == "2026-11-05");
  CHECK(all.docs[0].origin == path + ":1");
  CHECK(all.docs[1].id == path + ":4");
  CHECK(all.docs[2].id == "7");
  CHECK(all.docs[3].id == "last");
  REQUIRE(all.errors.size() == 6);
  CHECK(all.errors[0].origin == path + ":2");
  CHECK(all.errors[0].status.message() == "malformed JSON");
  CHECK(all.errors[1].doc_id == "n4");
  CHECK(all.errors[1].status.message() == "missing field \"text\"");
  CHECK(all.errors[2].status.message() == "field \"text\" must be a string");
  CHECK(all.errors[3].status.message() == "line is not a JSON object");
  CHECK(all.errors[4].status.message().find("NUL byte") != std::string::npos);
  CHECK(all.errors[5].status.message() == "empty document");
}

TEST_CASE("Bad text files are reported one by one and the rest is read", "[reader]") {
  testing::TempDir tmp;
  WriteFile(tmp.path() + "/1_good.txt", "Revenue rose 5%.");
  WriteFile(tmp.path() + "/2_binary.txt", std::string("PK\x03\x04\0\0data", 10));
  WriteFile(tmp.path() + "/3_latin1.txt", "Caf\xE9 sales rose.");
  WriteFile(tmp.path() + "/4_empty.txt", "");
  WriteFile(tmp.path() + "/5_big.txt", std::string(2000, 'a'));
  WriteFile(tmp.path() + "/6_good.txt", "Profit fell.");
  ReaderOptions options;
  options.max_document_bytes = 1000;
  ReadAll all = Read({tmp.path(), tmp.path() + "/missing.txt"}, options);
  REQUIRE(all.docs.size() == 2);
  CHECK(all.docs[0].id == "1_good.txt");
  CHECK(all.docs[1].id == "6_good.txt");
  REQUIRE(all.errors.size() == 5);
  CHECK(all.errors[0].doc_id == "2_binary.txt");
  CHECK(all.errors[0].status.message() == "NUL byte at offset 4 (binary file?)");
  CHECK(all.errors[1].status.message() == "invalid UTF-8 at byte offset 3");
  CHECK(all.errors[2].status.message() == "empty document");
  CHECK(all.errors[3].status.code() == Status::Code::kResourceExhausted);
  CHECK(all.errors[4].status.code() == Status::Code::kNotFound);
  CHECK(all.errors[4].origin == tmp.path() + "/missing.txt");
}

TEST_CASE("An overlong JSON line is skipped without holding it and reading goes on", "[reader]") {
  testing::TempDir tmp;
  std::string path = tmp.path() + "/big.jsonl";
  ReaderOptions options;
  options.max_document_bytes = 100;  // lines up to 2*100 + 64 KiB are read
  std::string huge = "{\"id\":\"huge\",\"text\":\"" + std::string(3u << 20, 'x') + "\"}";
  WriteFile(path, "{\"id\":\"a\",\"text\":\"ok\"}\n" + huge + "\n{\"id\":\"b\",\"text\":\"ok\"}\n" +
                      huge);
  ReadAll all = Read({path}, options);
  REQUIRE(all.docs.size() == 2);
  CHECK(all.docs[0].id == "a");
  CHECK(all.docs[1].id == "b");
  REQUIRE(all.errors.size() == 2);
  CHECK(all.errors[0].origin == path + ":2");
  CHECK(all.errors[1].origin == path + ":4");
  CHECK(all.errors[0].status.code() == Status::Code::kResourceExhausted);
}

TEST_CASE("Input formats parse by name", "[reader]") {
  CHECK(*ParseInputFormat("jsonl") == InputFormat::kJsonl);
  CHECK(*ParseInputFormat("text") == InputFormat::kText);
  CHECK_FALSE(ParseInputFormat("xml").ok());
}

TEST_CASE("Documents over the limit inside JSON Lines are rejected", "[reader]") {
  testing::TempDir tmp;
  std::string path = tmp.path() + "/n.jsonl";
  WriteFile(path, "{\"id\":\"x\",\"text\":\"" + std::string(150, 'y') + "\"}\n");
  ReaderOptions options;
  options.max_document_bytes = 100;
  ReadAll all = Read({path}, options);
  CHECK(all.docs.empty());
  REQUIRE(all.errors.size() == 1);
  CHECK(all.errors[0].doc_id == "x");
  CHECK(all.errors[0].status.code() == Status::Code::kResourceExhausted);
}

}  // namespace claimgraph::document_reader_test
