// MappedFile: a whole file read in place.
#include "engine/mapped_file.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <utility>

#include "test_paths.h"

namespace claimgraph::mapped_file_test {

TEST_CASE("A mapped file holds the file's bytes and outlives moves", "[mapped_file]") {
  testing::TempDir tmp;
  const std::string path = tmp.path() + "/f.bin";
  const std::string content = std::string("line 1\nline 2\n") + std::string(1, '\0') + "tail";
  std::ofstream(path, std::ios::binary) << content;
  auto file = MappedFile::Open(path);
  REQUIRE(file.ok());
  CHECK(file->bytes() == content);
  MappedFile moved = std::move(file).value();
  CHECK(moved.bytes() == content);
  MappedFile assigned;
  CHECK(assigned.bytes().empty());
  assigned = std::move(moved);
  CHECK(assigned.bytes() == content);
  CHECK(moved.bytes().empty());  // NOLINT(bugprone-use-after-move): moved-from is empty

  const std::string empty = tmp.path() + "/empty";
  std::ofstream(empty).close();
  auto none = MappedFile::Open(empty);
  REQUIRE(none.ok());
  CHECK(none->bytes().empty());

  auto missing = MappedFile::Open(tmp.path() + "/missing");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  CHECK(missing.status().message().find("/missing") != std::string::npos);
  auto directory = MappedFile::Open(tmp.path());
  CHECK_FALSE(directory.ok());
}

}  // namespace claimgraph::mapped_file_test
