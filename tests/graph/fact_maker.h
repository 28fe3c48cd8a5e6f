// Hand-made stored claims and facts for the graph analysis tests.
#pragma once

#include <string>
#include <vector>

#include "engine/stored.h"
#include "graph/claim_fact.h"

namespace claimgraph::testing {

// A quantity claim as the extractor would store it: `text` is the value as
// written ("$1.2 billion"), amount its normalized value in USD. `source`
// empty: the document is its own source. `period`: "2025-Q3", "2025",
// "2025-9M" or empty.
StoredClaim MakeQuantity(const std::string& id, const std::string& source,
                         const std::string& published, const std::string& subject,
                         const std::string& metric, double amount, const std::string& text,
                         Qualifier qualifier = Qualifier::kExact,
                         Modality modality = Modality::kReported, const std::string& period = "");
StoredClaim MakeStance(const std::string& id, const std::string& source, const std::string& subject,
                       double score);

// Facts of claims, interned into *strings.
std::vector<ClaimFact> Facts(const std::vector<StoredClaim>& claims, StringTable* strings);

}  // namespace claimgraph::testing
