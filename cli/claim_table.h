// Claims printed for people (`extract`, `query`, `ask --format table`) and
// as CSV (`query --format csv`). JSON Lines output is engine/claim_json.h.
#pragma once

#include <string>

#include "engine/stored.h"

namespace claimgraph::cli {

// "subject  metric  value  period  modality  source  date  evidence" header.
void AppendClaimTableHeader(std::string* out);
// One row; the value written as a person writes it ("at least $20B",
// "~$26B", "30% vs Nvidia GPUs", "fully_booked"), the evidence cut to fit.
void AppendClaimTableRow(const StoredClaim& claim, std::string* out);

// The CSV header line and one RFC 4180 row per claim.
void AppendClaimCsvHeader(std::string* out);
void AppendClaimCsvRow(const StoredClaim& claim, std::string* out);

// `s` cut at a character boundary to at most `n` bytes, with "..." when cut.
std::string Snippet(const std::string& s, size_t n);

}  // namespace claimgraph::cli
