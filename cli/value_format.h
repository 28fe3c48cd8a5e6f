// Human formatting of values for table output: values written the way a
// person writes them ("$225B", "at least $20B", "~$26B", "30%", "$10M to
// $20M", "quarter 2026-07-01..2026-09-30").
#pragma once

#include <optional>
#include <string>

#include "engine/claim.h"
#include "engine/mention.h"

namespace claimgraph::cli {

std::string FormatValue(const Mention& m);

// A claim value as a person writes it; "" when absent.
std::string FormatClaimValue(const std::optional<ClaimValue>& v);

}  // namespace claimgraph::cli
