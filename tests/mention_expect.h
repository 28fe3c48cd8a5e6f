// Comparing a recognized Mention with an expectation written as JSON in a
// corpus/ case file, so new cases need no C++.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/mention.h"

namespace claimgraph::testing {

// Returns "" when every field present in `expect` matches `m`, else a
// description of the first mismatch. Fields: type, amount, currency,
// qualifier, low, high (null = open-ended), unit, equivalent, vague,
// granularity, period_start, period_end, relative. Numbers compare with a
// relative tolerance of 1e-9.
std::string Mismatch(const nlohmann::json& expect, const Mention& m);

// The mention whose span covers [start, end), or nullptr.
const Mention* Covering(const std::vector<Mention>& mentions, size_t start, size_t end);

// One-line description of a mention for failure messages.
std::string Describe(const Mention& m, std::string_view text);

}  // namespace claimgraph::testing
