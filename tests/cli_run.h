// Running the built claimgraph binary from tests: real processes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace claimgraph::testing {

struct Run {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs `args` (shell syntax) with the built binary; captures both streams.
Run Claimgraph(const std::string& args, const std::string& stdin_text = "");

// Each line of `out` parsed as JSON; fails the test on a bad line.
std::vector<nlohmann::json> JsonLines(const std::string& out);

}  // namespace claimgraph::testing
