// StanceScorer: a finance-aware polarity lexicon (schemas/stance.json:
// positive, negative and uncertainty words and phrases, negators, intensifiers,
// documented in schemas/README.md) applied to one sentence.
//
// Words are matched case-insensitively at word boundaries (multi-word
// phrases first). A negator ("not", "no", "never", "n't", "without",
// "failed to") within the three tokens before a polar word flips it.
// A rise or fall of a bad thing ("costs decreased", "higher expenses")
// takes the opposite polarity of a rise or fall of anything else.
// Finance sense wins over general sense: "liability", "tax", "cost" are not
// negative on their own; "beat", "upgrade", "record high" are positive;
// "miss", "downgrade", "impairment" negative.
//
// Thread safety: immutable once built; share freely.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"

namespace claimgraph {

enum class Polarity { kNeutral, kPositive, kNegative };

std::string_view PolarityName(Polarity polarity);

struct StanceScore {
  int positive = 0;  // polar hits after negation; a hit next to an intensifier counts 2
  int negative = 0;
  int uncertainty = 0;  // "may", "could", "uncertain", "risk"
  double score = 0;     // (positive - negative) / max(1, positive + negative), in [-1, 1]
  Polarity polarity = Polarity::kNeutral;
  std::vector<std::string> cues;  // the matched phrases, "not strong" for negated ones
};

// The buffers Score fills for one sentence (tokens, phrase matches), kept
// for the next: a caller scoring many sentences on one thread passes one of
// these to every call instead of allocating them each time.
// Thread safety: one thread at a time.
class StanceScratch {
 public:
  StanceScratch();
  ~StanceScratch();
  StanceScratch(const StanceScratch&) = delete;
  StanceScratch& operator=(const StanceScratch&) = delete;

 private:
  friend class StanceScorer;
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

class StanceScorer {
 public:
  static Result<std::unique_ptr<StanceScorer>> Load(const std::string& path);
  static Result<std::unique_ptr<StanceScorer>> Parse(std::string_view json_text,
                                                     std::string_view origin);
  ~StanceScorer();
  StanceScorer(const StanceScorer&) = delete;
  StanceScorer& operator=(const StanceScorer&) = delete;

  StanceScore Score(std::string_view sentence) const;
  // The same, with buffers kept in *scratch between calls (none kept when
  // scratch is null).
  StanceScore Score(std::string_view sentence, StanceScratch* scratch) const;

 private:
  StanceScorer();
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace claimgraph
