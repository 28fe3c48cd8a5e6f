// Placeholder; filled in by issue 5 work.
#include "cli/commands.h"

namespace claimgraph::cli {

void RegisterContradictions(CLI::App&, const GlobalOptions&, int*) {}

void RegisterConsistency(CLI::App&, const GlobalOptions&, int*) {}

}  // namespace claimgraph::cli
