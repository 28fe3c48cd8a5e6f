#include "cli_run.h"

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "test_paths.h"

namespace claimgraph::testing {

Run Claimgraph(const std::string& args, const std::string& stdin_text) {
  TempDir tmp;
  std::string in = tmp.path() + "/stdin", out = tmp.path() + "/stdout",
              err = tmp.path() + "/stderr";
  std::ofstream(in) << stdin_text;
  std::string cmd = BinaryPath() + " " + args + " <" + in + " >" + out + " 2>" + err;
  int status = std::system(cmd.c_str());
  return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFileOrFail(out),
             ReadFileOrFail(err)};
}

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    INFO(line);
    REQUIRE_FALSE(j.is_discarded());
    lines.push_back(std::move(j));
  }
  return lines;
}

}  // namespace claimgraph::testing
