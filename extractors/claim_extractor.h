// ClaimExtractor: turns a document into typed claims.
//
// Runs the annotator (quantities, periods), the entity recognizer, the
// metric recognizer and the stance scorer over the document's prose, splits
// it into sentences, and assembles claims sentence by sentence with the cue
// rules of schemas/rules.json: which value belongs to which metric and
// subject, what it is compared with, its period, modality, negation and
// speaker. Metadata trailers yield document-level score claims. Every claim
// carries its evidence sentence, the rule that fired, and a hash of the
// loaded rule files; claim ids are deterministic. See docs/CLAIMS.md.
//
// Thread safety: a const ClaimExtractor may be shared across threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/claim.h"
#include "engine/document.h"
#include "engine/status.h"

namespace claimgraph {

class EntityCatalog;
class MetricLexicon;

struct ExtractorOptions {
  std::string schema_dir;  // quantities, rules, metrics, catalog, stance, patterns, questions
  std::vector<std::string> extra_catalogs;  // --catalog files, merged in order
};

// A ruleset as readers need it: its hash, and the term vocabulary whose
// words its claims record (Claim::terms).
struct RulesetInfo {
  std::string hash;
  std::vector<std::string> terms;  // sorted
};

class ClaimExtractor {
 public:
  // The ruleset hash Create would compute for `options` and its term
  // vocabulary, from the files alone (cheap: no pattern is compiled). A
  // search uses the by_term index only when every stored claim carries
  // this hash.
  static Result<RulesetInfo> Ruleset(const ExtractorOptions& options);
  // Loads every schema file; the first invalid one is returned as an error
  // naming the file and field.
  static Result<std::unique_ptr<ClaimExtractor>> Create(const ExtractorOptions& options);
  ~ClaimExtractor();
  ClaimExtractor(const ClaimExtractor&) = delete;
  ClaimExtractor& operator=(const ClaimExtractor&) = delete;

  // The claims of one document, in text order.
  std::vector<Claim> Extract(const Document& doc) const;

  // Hex hash of the loaded rule files and the term vocabulary: changes
  // whenever any of them does.
  const std::string& ruleset() const;
  const EntityCatalog& catalog() const;
  const MetricLexicon& metrics() const;

 private:
  ClaimExtractor();
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace claimgraph
