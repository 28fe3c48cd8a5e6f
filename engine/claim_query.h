// ClaimQuery: what `claimgraph query` and `claimgraph ask` ask the store.
//
// A claim matches when it passes every global filter (kinds, modalities,
// source, date range, period) and, if any scopes are given, at least one
// scope. A scope is a set of subjects with optional extra conditions, so
// "AMZN chips" can be said as two scopes: {the chip products} and {Amazon
// and its segments, evidence mentioning "chip"}. Plain value types.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/claim.h"

namespace claimgraph {

struct ClaimScope {
  std::string label;                  // how answers are grouped and titled ("Trainium3")
  std::vector<std::string> subjects;  // subject ids; empty = any subject
  std::vector<std::string> metrics;   // canonical metric ids; empty = any metric
  // Lower-case words; when non-empty the evidence sentence must contain at
  // least one of them as a whole word (case-insensitive).
  std::vector<std::string> evidence_words;
  // Also match claims whose speaker.id is one of these (people of a
  // company, for "what does Nvidia claim").
  std::vector<std::string> speakers;
};

struct ClaimQuery {
  std::vector<ClaimScope> scopes;    // empty = every claim
  std::vector<ClaimKind> kinds;      // empty = every kind
  std::vector<Modality> modalities;  // empty = every modality
  std::vector<std::string> sources;  // document sources, exact match; empty = any
  std::string since;                 // "YYYY-MM-DD", inclusive, on the document's date
  std::string until;                 // "YYYY-MM-DD", inclusive
  std::string period;                // "2025", "2025-Q3", "FY2025", "2025-07" ...; empty = any
  size_t limit = 0;                  // 0 = no limit
  // The reader's ruleset hash and its term vocabulary (sorted; see
  // ClaimExtractor::Ruleset). When every stored claim carries this hash,
  // a scope's evidence words that the vocabulary holds are looked up in
  // the by_term index instead of reading every claim of its subjects.
  // Empty: never (answers are the same, only slower).
  std::string ruleset;
  std::vector<std::string> term_vocabulary;
};

}  // namespace claimgraph
