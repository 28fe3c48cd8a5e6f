// Annotator: every quantity, period and duration mention of a document.
//
// Owns the recognizers built from the schema directory (quantities.json) and
// runs them over the document's prose (text before its metadata trailer),
// merging their output: a period or duration wins over a plain number or
// count it overlaps ("2026", "4-8 quarters"), a money or percent mention wins
// over a period it overlaps. Mentions come out sorted by start offset, never
// overlapping.
//
// Thread safety: a const Annotator may be shared across threads; Annotate
// keeps no state between calls.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/document.h"
#include "engine/mention.h"
#include "engine/status.h"

namespace claimgraph {

class NumberParser;
class PeriodRecognizer;
class QuantityRecognizer;

class Annotator {
 public:
  // Loads <schema_dir>/quantities.json and builds the recognizers. Returns
  // the loader's error (naming the file) when the lexicon is invalid.
  static Result<std::unique_ptr<Annotator>> Create(const std::string& schema_dir);
  ~Annotator();
  Annotator(const Annotator&) = delete;
  Annotator& operator=(const Annotator&) = delete;

  // The mentions of doc.text[0, doc.prose_end). Relative periods resolve
  // against doc.published when it parses as a date.
  std::vector<Mention> Annotate(const Document& doc) const;

 private:
  Annotator();
  std::unique_ptr<NumberParser> numbers_;
  std::unique_ptr<QuantityRecognizer> quantities_;
  std::unique_ptr<PeriodRecognizer> periods_;
};

}  // namespace claimgraph
