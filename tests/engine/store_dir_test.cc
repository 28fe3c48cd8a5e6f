// DurableFile and WriteFileDurably: a file appears whole or not at all.
#include "engine/store_dir.h"

#include <sys/resource.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "test_paths.h"

namespace claimgraph::store_dir_test {

namespace {

bool Exists(const std::string& path) { return std::filesystem::exists(path); }

// Where a and b first differ, npos when they are equal: a failure prints a
// position, not megabytes of both.
size_t FirstDifference(const std::string& a, const std::string& b) {
  const auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  if (ia == a.end() && ib == b.end()) return std::string::npos;
  return static_cast<size_t>(ia - a.begin());
}

constexpr char kOldContents[] = "old contents\n";

// TMP/f.txt, written durably with kOldContents: what a failed or dropped
// write must leave as it was.
std::string OldFile(const testing::TempDir& tmp) {
  const std::string path = tmp.path() + "/f.txt";
  REQUIRE(WriteFileDurably(path, kOldContents).ok());
  return path;
}

}  // namespace

TEST_CASE("A durable file written piece by piece holds every piece after Commit",
          "[store_dir][parallel]") {
  testing::TempDir tmp;
  const std::string path = tmp.path() + "/f.txt";
  // Pieces smaller and larger than the 1 MiB buffer.
  std::string expected;
  auto file = DurableFile::Create(path);
  REQUIRE(file.ok());
  // Several full buffers in a row, each a different letter, so that a
  // buffer written out of turn shows; pieces of 4 MiB and more are written
  // as they are, after what came before them (the 5 MiB piece comes while
  // the 1 MiB before it is being written).
  for (size_t size : {size_t{10}, size_t{700000}, size_t{3} << 20, size_t{1} << 20, size_t{5} << 20,
                      size_t{1}, size_t{500000}, size_t{300000}, size_t{2} << 20, size_t{999999},
                      size_t{1100000}, size_t{4} << 20, size_t{7}}) {
    const std::string piece(size, static_cast<char>('a' + expected.size() % 26));
    REQUIRE(file->Append(piece).ok());
    expected += piece;
  }
  CHECK_FALSE(Exists(path));  // nothing at the path before Commit
  REQUIRE(file->Commit().ok());
  CHECK(FirstDifference(testing::ReadFileOrFail(path), expected) == std::string::npos);
  CHECK_FALSE(Exists(path + ".tmp"));
  CHECK_FALSE(file->Append("more").ok());  // nothing after a commit
  CHECK(FirstDifference(testing::ReadFileOrFail(path), expected) == std::string::npos);
}

TEST_CASE("A durable file writes a large piece after the buffer still being written",
          "[store_dir][parallel]") {
  testing::TempDir tmp;
  const std::string path = tmp.path() + "/f.txt";
  auto file = DurableFile::Create(path);
  REQUIRE(file.ok());
  std::string expected;
  // Each 1 MiB piece fills the buffer and is handed to the writer; the
  // 4 MiB piece right after it (made beforehand, so that it comes while
  // that write is under way) must wait for it before its own.
  std::vector<std::string> pieces;
  for (char c = 'a'; c < 'u'; ++c) {
    pieces.emplace_back(size_t{1} << 20, c);
    pieces.emplace_back(size_t{4} << 20, static_cast<char>(c - 32));
  }
  for (const std::string& piece : pieces) expected += piece;
  Status appended;
  for (const std::string& piece : pieces) {
    if (appended.ok()) appended = file->Append(piece);
  }
  REQUIRE(appended.ok());
  REQUIRE(file->Commit().ok());
  CHECK(FirstDifference(testing::ReadFileOrFail(path), expected) == std::string::npos);
}

TEST_CASE("A durable file dropped before Commit leaves the old file as it was", "[store_dir]") {
  testing::TempDir tmp;
  const std::string path = OldFile(tmp);
  {
    auto file = DurableFile::Create(path);
    REQUIRE(file.ok());
    REQUIRE(file->Append(std::string(2 << 20, 'x')).ok());  // some of it already on disk
    CHECK(Exists(path + ".tmp"));
    DurableFile moved = std::move(file).value();  // the move carries the duty to clean up
    REQUIRE(moved.Append("y").ok());
  }
  CHECK(testing::ReadFileOrFail(path) == kOldContents);
  CHECK_FALSE(Exists(path + ".tmp"));
}

// While alive, files of this process may not grow past `bytes`: a write
// beyond fails with EFBIG (SIGXFSZ ignored). Restores both on destruction.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    REQUIRE(getrlimit(RLIMIT_FSIZE, &old_) == 0);
    old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old_;
    small.rlim_cur = bytes;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &old_);
    std::signal(SIGXFSZ, old_handler_);
  }

 private:
  rlimit old_{};
  void (*old_handler_)(int) = nullptr;
};

TEST_CASE("A durable file reports a failed background write and keeps the old file",
          "[store_dir][parallel]") {
  testing::TempDir tmp;
  const std::string path = OldFile(tmp);
  Status first_error;
  size_t appended = 0;
  {
    FileSizeLimit limit(rlim_t{3} << 20);  // the fourth full buffer fails
    auto file = DurableFile::Create(path);
    REQUIRE(file.ok());
    const std::string piece(100000, 'z');
    for (int i = 0; i < 100 && first_error.ok(); ++i) {
      first_error = file->Append(piece);
      appended += piece.size();
    }
    if (first_error.ok()) first_error = file->Commit();
    CHECK_FALSE(file->Append("more").ok());  // every call after the error fails
    CHECK_FALSE(file->Commit().ok());
  }
  REQUIRE_FALSE(first_error.ok());
  CHECK(first_error.code() == Status::Code::kIOError);
  CHECK(first_error.message().find(path + ".tmp") != std::string::npos);
  // Reported by an Append soon after the buffer that failed, not at the end.
  CHECK(appended < (size_t{6} << 20));
  CHECK(testing::ReadFileOrFail(path) == kOldContents);
  CHECK_FALSE(Exists(path + ".tmp"));
}

TEST_CASE("A durable file whose last buffer fails in the background does not commit",
          "[store_dir][parallel]") {
  testing::TempDir tmp;
  const std::string path = OldFile(tmp);
  Status commit;
  {
    FileSizeLimit limit(rlim_t{3} << 19);  // 1.5 MiB: the second buffer fails
    auto file = DurableFile::Create(path);
    REQUIRE(file.ok());
    REQUIRE(file->Append(std::string(size_t{1} << 20, 'a')).ok());  // written
    // Handed over after the first was written; its write fails while no
    // Append follows, so only Commit can tell.
    REQUIRE(file->Append(std::string(size_t{1} << 20, 'b')).ok());
    commit = file->Commit();
  }
  CHECK(commit.code() == Status::Code::kIOError);
  CHECK(testing::ReadFileOrFail(path) == kOldContents);
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
