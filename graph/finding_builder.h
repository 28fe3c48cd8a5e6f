// FindingBuilder: the state FindContradictions shares between its passes
// (contradictions.cc, contradiction_links.cc, stance_conflicts.cc): the
// facts, their index, which facts are stale, and the findings so far.
// Internal to graph/. Not thread-safe; one per FindContradictions call.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/contradictions.h"
#include "graph/fact_index.h"

namespace claimgraph {

class FindingBuilder {
 public:
  // REQUIRES: all three outlive the builder.
  FindingBuilder(const std::vector<ClaimFact>& facts, const StringTable& strings,
                 const AnalysisContext& context);

  const std::vector<ClaimFact>& facts() const { return facts_; }
  const FactIndex& index() const { return index_; }
  const AnalysisContext& context() const { return context_; }
  const std::string& Str(uint32_t id) const { return strings_.Get(id); }
  std::optional<uint32_t> Find(std::string_view s) const { return strings_.Find(s); }

  // Marks a fact superseded by a later statement of its source.
  void MarkStale(uint32_t fact) { stale_[fact] = true; }
  bool IsStale(uint32_t fact) const { return stale_[fact]; }

  // The live (non-stale) facts of a cluster, in index order.
  std::vector<uint32_t> Live(const FactCluster& cluster) const;
  // Of `members`, the newest fact (ties: the smaller claim id) whose source
  // is not `not_source` (StringTable::kNone: any source); UINT32_MAX if none.
  uint32_t Newest(const std::vector<uint32_t>& members, uint32_t not_source) const;
  // Picks one fact from each side with different sources when there is
  // such a pair. Returns false when both sides have one and the same source
  // (then *a and *b are each side's newest fact).
  bool PickAcross(const std::vector<uint32_t>& as, const std::vector<uint32_t>& bs, uint32_t* a,
                  uint32_t* b) const;

  // "Amazon (AMZN)", or the id alone when no name is known.
  std::string Entity(uint32_t subject) const;
  // "$225B" as the fact states it.
  std::string Value(uint32_t fact) const;
  // "doc:002 on 2025-01-05" (the date when known).
  std::string Said(uint32_t fact) const;

  // A finding as the builder keeps it: everything else a Finding holds
  // (subjects, metric, period, claim ids) is read from facts a and b, so a
  // million findings cost their explanations and 48 bytes each.
  struct Compact {
    uint64_t a_count = 0;
    uint64_t b_count = 0;
    std::string_view explanation;  // in the builder's text chunks
    uint32_t a = 0;                // facts
    uint32_t b = 0;
    FindingKind kind = FindingKind::kNumeric;
    FindingLabel label = FindingLabel::kConflict;
  };

  // Appends a finding between facts a and b.
  void Add(FindingKind kind, FindingLabel label, uint32_t a, uint32_t b, uint64_t a_count,
           uint64_t b_count, std::string_view explanation);
  size_t finding_count() const { return findings_.size(); }
  const Compact& finding(size_t i) const { return findings_[i]; }
  // Adds `more` to the end of finding i's explanation.
  void ExtendExplanation(size_t i, std::string_view more);
  // Finding i in full.
  Finding Make(size_t i) const;
  // Frees the index once the passes are done and only Make, SortedOrder
  // and finding() are still needed. REQUIRES: index() is not used after.
  void DropIndex() { index_ = FactIndex(); }
  // The findings' numbers in FindContradictions' order: by kind, subject,
  // metric, period, label and the two claim ids.
  std::vector<uint32_t> SortedOrder() const;

 private:
  const std::vector<ClaimFact>& facts_;
  const StringTable& strings_;
  const AnalysisContext& context_;
  FactIndex index_;
  std::vector<bool> stale_;
  // Copies `text` into the chunks, which never move once allocated.
  std::string_view Keep(std::string_view text);

  std::vector<Compact> findings_;
  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t chunk_used_ = 0;
  size_t chunk_size_ = 0;
};

// Runs every pass above, in order.
void RunFindingPasses(FindingBuilder* b);

// The passes, in the order FindContradictions runs them.
void AddGroupFindings(FindingBuilder* b);   // stale, conflict, scale, agree... (contradictions.cc)
void AddStanceFindings(FindingBuilder* b);  // stance_conflicts.cc
void AddForecastFindings(FindingBuilder* b);  // beat, miss, met (contradiction_links.cc)
void AddParentFindings(FindingBuilder* b);    // parent vs part (contradiction_links.cc)
void AddPeriodFindings(FindingBuilder* b);    // period_mismatch (contradiction_links.cc)
// Appends to each numeric conflict's explanation where the other document
// states a matching value under another metric or subject.
void AddMatchHints(FindingBuilder* b);

}  // namespace claimgraph
