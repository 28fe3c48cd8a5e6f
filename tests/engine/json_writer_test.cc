#include "engine/json_writer.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "engine/mention.h"

namespace claimgraph {

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

}  // namespace claimgraph
