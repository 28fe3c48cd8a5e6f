#include "engine/json_writer.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/mention.h"

namespace claimgraph::json_writer_test {

TEST_CASE("JsonWriter output parses back to the same values", "[json]") {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("text",
          std::string_view("quote \" backslash \\ newline \n tab \t ctrl \x01 \xE2\x82\xAC"));
  w.Field("amount", 1.2e9);
  w.Field("tiny", 0.1);
  w.Field("count", int64_t{-7});
  w.Field("flag", true);
  w.Field("open", kUnbounded);
  w.Key("list");
  w.BeginArray();
  w.Int(1);
  w.Null();
  w.String("x");
  w.EndArray();
  w.EndObject();
  auto j = nlohmann::json::parse(out);
  CHECK(j["text"] == "quote \" backslash \\ newline \n tab \t ctrl \x01 \xE2\x82\xAC");
  CHECK(j["amount"].get<double>() == 1.2e9);
  CHECK(j["tiny"].get<double>() == 0.1);
  CHECK(j["count"] == -7);
  CHECK(j["flag"] == true);
  CHECK(j["open"].is_null());
  CHECK(j["list"] == nlohmann::json::parse(R"([1,null,"x"])"));
}

TEST_CASE("JSON strings escape every byte as RFC 8259 asks at every length", "[json]") {
  // The escaping rules one byte at a time, as the reference.
  const auto reference = [](std::string_view value) {
    std::string out = "\"";
    for (const char c : value) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else if (u < 0x20) {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[u >> 4];
        out += kHex[u & 0xF];
      } else {
        out += c;
      }
    }
    return out + "\"";
  };
  std::string all_bytes;
  for (int i = 0; i < 256; ++i) all_bytes += static_cast<char>(i);
  std::vector<std::string> values = {"", "plain text longer than eight bytes", all_bytes};
  for (size_t n = 0; n < 20; ++n) {
    values.push_back(std::string(n, 'a') + "\x01" + std::string(20 - n, 'b'));
    values.push_back(std::string(n, '"'));
  }
  for (const std::string& v : values) {
    std::string appended = "prefix";
    AppendJsonString(v, &appended);
    CHECK(appended == "prefix" + reference(v));
    std::string written(JsonStringBound(v.size()), '\0');
    written.resize(static_cast<size_t>(WriteJsonString(v, written.data()) - written.data()));
    CHECK(written == reference(v));
  }
}

}  // namespace claimgraph::json_writer_test
