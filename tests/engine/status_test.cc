#include "engine/status.h"

#include <catch2/catch.hpp>

namespace claimgraph::status_test {

TEST_CASE("Status carries its code and message", "[status]") {
  Status ok = Status::OK();
  CHECK(ok.ok());
  CHECK(ok.ToString() == "OK");
  Status bad = Status::InvalidArgument("news.jsonl:3: malformed JSON");
  CHECK_FALSE(bad.ok());
  CHECK(bad.code() == Status::Code::kInvalidArgument);
  CHECK(bad.CodeName() == "invalid_argument");
  CHECK(bad.ToString() == "invalid_argument: news.jsonl:3: malformed JSON");
}

TEST_CASE("Result holds a value or an error", "[status]") {
  Result<int> good(42);
  REQUIRE(good.ok());
  CHECK(*good == 42);
  CHECK(good.status().ok());
  Result<int> bad(Status::NotFound("x"));
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().code() == Status::Code::kNotFound);
}

}  // namespace claimgraph::status_test
