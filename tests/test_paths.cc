#include "test_paths.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace claimgraph::testing {

std::string SourceDir() { return CLAIMGRAPH_SOURCE_DIR; }

std::string BinaryPath() { return CLAIMGRAPH_BINARY; }

std::optional<std::string> SharedDataDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("CLAIMGRAPH_SHARED_DATA")) {
    if (fs::is_directory(env)) return std::string(env);
    return std::nullopt;
  }
  fs::path candidate = fs::path(SourceDir()).parent_path() / "shared" / "data";
  if (fs::is_directory(candidate)) return candidate.string();
  return std::nullopt;
}

std::optional<std::string> SharedDataOrWarn() {
  auto dir = SharedDataDir();
  if (!dir) WARN("skipped: ../shared/data is not present (set CLAIMGRAPH_SHARED_DATA to run)");
  return dir;
}

std::string ReadFileOrFail(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) FAIL("cannot read " << path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

TempDir::TempDir() {
  namespace fs = std::filesystem;
  std::string pattern = (fs::temp_directory_path() / "claimgraph-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) FAIL("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace claimgraph::testing
