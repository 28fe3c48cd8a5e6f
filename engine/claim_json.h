// The JSON Lines wire format of claims (schemas/claim.schema.json), shared
// by `claimgraph extract`, `query --format jsonl` and `ask --format jsonl`.
#pragma once

#include <string>

#include "engine/claim.h"

namespace claimgraph {

// Appends one claim as a JSON object followed by '\n'.
void AppendClaimJson(const Claim& claim, std::string* out);

}  // namespace claimgraph
