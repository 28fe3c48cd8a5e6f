// MappedFile: a whole file read in place.
#include "engine/mapped_file.h"

#include <unistd.h>

#include <algorithm>
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

namespace {

// This process's resident memory, from /proc/self/statm, in bytes.
size_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<size_t>(::sysconf(_SC_PAGESIZE));
}

}  // namespace

TEST_CASE("A mapped file's pages once released leave the process and read again", "[mapped_file]") {
  testing::TempDir tmp;
  const std::string path = tmp.path() + "/big.bin";
  constexpr size_t kSize = size_t{48} << 20;
  std::string content(kSize, 'x');
  for (size_t i = 0; i < kSize; i += 4096) content[i] = static_cast<char>('a' + i / 4096 % 26);
  std::ofstream(path, std::ios::binary) << content;
  auto file = MappedFile::Open(path);
  REQUIRE(file.ok());
  size_t sum = 0;  // touch every page
  for (size_t i = 0; i < kSize; i += 4096) sum += static_cast<unsigned char>(file->bytes()[i]);
  CHECK(sum > 0);
  const size_t before = ResidentBytes();
  file->Release(kSize - 100);  // all but the last, partial page
  const size_t after = ResidentBytes();
  INFO(before << " -> " << after);
  CHECK(before - std::min(before, after) >= kSize / 2);
  CHECK(file->bytes() == content);  // released pages read again
  file->Release(kSize * 2);         // past the end: the whole file
  CHECK(file->bytes().substr(kSize - 10) == content.substr(kSize - 10));
  MappedFile empty;
  empty.Release(100);  // nothing mapped: nothing to do
  CHECK(empty.bytes().empty());
}

}  // namespace claimgraph::mapped_file_test
