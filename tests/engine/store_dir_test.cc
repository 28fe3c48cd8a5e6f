// DurableFile and WriteFileDurably: a file appears whole or not at all.
#include "engine/store_dir.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <utility>

#include "test_paths.h"

namespace claimgraph::store_dir_test {

namespace {

bool Exists(const std::string& path) { return std::filesystem::exists(path); }

}  // namespace

TEST_CASE("A durable file written piece by piece holds every piece after Commit", "[store_dir]") {
  testing::TempDir tmp;
  const std::string path = tmp.path() + "/f.txt";
  // Pieces smaller and larger than the 1 MiB buffer, so both paths of
  // Append and the flush between them are taken.
  std::string expected;
  auto file = DurableFile::Create(path);
  REQUIRE(file.ok());
  for (size_t size : {size_t{10}, size_t{700000}, size_t{3} << 20, size_t{1}, size_t{500000}}) {
    const std::string piece(size, static_cast<char>('a' + expected.size() % 26));
    REQUIRE(file->Append(piece).ok());
    expected += piece;
  }
  CHECK_FALSE(Exists(path));  // nothing at the path before Commit
  REQUIRE(file->Commit().ok());
  CHECK(testing::ReadFileOrFail(path) == expected);
  CHECK_FALSE(Exists(path + ".tmp"));
  CHECK_FALSE(file->Append("more").ok());  // nothing after a commit
  CHECK(testing::ReadFileOrFail(path) == expected);
}

TEST_CASE("A durable file dropped before Commit leaves the old file as it was", "[store_dir]") {
  testing::TempDir tmp;
  const std::string path = tmp.path() + "/f.txt";
  REQUIRE(WriteFileDurably(path, "old contents\n").ok());
  {
    auto file = DurableFile::Create(path);
    REQUIRE(file.ok());
    REQUIRE(file->Append(std::string(2 << 20, 'x')).ok());  // some of it already on disk
    CHECK(Exists(path + ".tmp"));
    DurableFile moved = std::move(file).value();  // the move carries the duty to clean up
    REQUIRE(moved.Append("y").ok());
  }
  CHECK(testing::ReadFileOrFail(path) == "old contents\n");
  CHECK_FALSE(Exists(path + ".tmp"));
}

TEST_CASE("A durable file that cannot be created names its path", "[store_dir]") {
  testing::TempDir tmp;
  const std::string missing = tmp.path() + "/no/such/dir/f.txt";
  auto file = DurableFile::Create(missing);
  REQUIRE_FALSE(file.ok());
  CHECK(file.status().message().find(missing + ".tmp") != std::string::npos);
  Status s = WriteFileDurably(missing, "x");
  CHECK(s.code() == Status::Code::kIOError);
}

}  // namespace claimgraph::store_dir_test
