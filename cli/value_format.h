// Human formatting of mention values for table output: values written the
// way a person writes them ("$225B", "at least $20B", "~$26B", "30%",
// "$10M-$20M", "Q3 2026 (2026-07-01..2026-09-30)").
#pragma once

#include <string>

#include "engine/mention.h"

namespace claimgraph::cli {

std::string FormatValue(const Mention& m);

}  // namespace claimgraph::cli
