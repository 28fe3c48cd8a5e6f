// Where tests find the project's files and the shared evaluation data.
#pragma once

#include <optional>
#include <string>

namespace claimgraph::testing {

// The project's source tree (for corpus/ and schemas/).
std::string SourceDir();

// The claimgraph binary built alongside the tests.
std::string BinaryPath();

// ../shared/data beside the checkout, or $CLAIMGRAPH_SHARED_DATA; nullopt
// when absent (a user's machine), in which case tests that need it skip
// with a message.
std::optional<std::string> SharedDataDir();

// SharedDataDir(), and a Catch WARN saying the test is skipped when absent.
std::optional<std::string> SharedDataOrWarn();

// Reads a whole file; fails the current test when it cannot.
std::string ReadFileOrFail(const std::string& path);

// A fresh, empty temporary directory removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace claimgraph::testing
