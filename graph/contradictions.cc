#include "graph/contradictions.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "graph/finding_builder.h"
#include "graph/value_interval.h"

namespace claimgraph {

namespace {

constexpr std::pair<FindingLabel, std::string_view> kLabelNames[] = {
    {FindingLabel::kConflict, "conflict"},
    {FindingLabel::kScale, "scale"},
    {FindingLabel::kStale, "stale"},
    {FindingLabel::kSameSource, "same_source"},
    {FindingLabel::kPeriodMismatch, "period_mismatch"},
    {FindingLabel::kBeat, "beat"},
    {FindingLabel::kMiss, "miss"},
    {FindingLabel::kMet, "met"},
    {FindingLabel::kRounding, "rounding"},
    {FindingLabel::kAgree, "agree"},
};

// Up to this many live clusters in a group, every pair is compared; above,
// each cluster is compared with the largest one only (bounded findings).
constexpr size_t kAllPairsClusters = 5;

std::string Count(uint64_t n) { return std::to_string(n) + (n == 1 ? " claim" : " claims"); }

// Marks the facts each source has superseded within one group and adds a
// `stale` finding per source that has any.
void MarkStaleFacts(FindingBuilder* b, const FactGroup& g) {
  const FactIndex& index = b->index();
  std::vector<uint32_t> members(index.order.begin() + g.begin, index.order.begin() + g.end);
  const auto& facts = b->facts();
  std::sort(members.begin(), members.end(), [&](uint32_t x, uint32_t y) {
    return std::make_tuple(facts[x].source, -facts[x].date, x) <
           std::make_tuple(facts[y].source, -facts[y].date, y);
  });
  for (size_t i = 0; i < members.size();) {
    size_t j = i;
    while (j < members.size() && facts[members[j]].source == facts[members[i]].source) ++j;
    const int32_t latest = facts[members[i]].date;
    std::vector<uint32_t> current, stale;
    for (size_t k = i; k < j; ++k) {
      const uint32_t m = members[k];
      if (facts[m].date == latest) current.push_back(m);
    }
    for (size_t k = i; k < j; ++k) {
      const uint32_t m = members[k];
      if (facts[m].date == latest) continue;
      const bool repeated = std::any_of(current.begin(), current.end(), [&](uint32_t c) {
        return index.cluster_of[c] == index.cluster_of[m];
      });
      if (!repeated) stale.push_back(m);
    }
    if (!stale.empty()) {
      for (uint32_t m : stale) b->MarkStale(m);
      const uint32_t now = b->Newest(current, StringTable::kNone);
      const uint32_t then = b->Newest(stale, StringTable::kNone);
      b->Add(FindingKind::kNumeric, FindingLabel::kStale, now, then, current.size(), stale.size(),
             b->Str(facts[now].source) + " said " + b->Value(then) + " (" + b->Said(then) +
                 ") and later " + b->Value(now) + " (" + b->Said(now) +
                 "): the later statement supersedes the earlier one.");
    }
    i = j;
  }
}

// One finding between two disagreeing clusters of a group.
void CompareClusters(FindingBuilder* b, const std::vector<uint32_t>& x,
                     const std::vector<uint32_t>& y) {
  uint32_t a = 0, c = 0;
  const auto& facts = b->facts();
  const bool across = b->PickAcross(x, y, &a, &c);
  const ClaimFact& fa = facts[a];
  const ClaimFact& fc = facts[c];
  const std::string what = b->Entity(fa.subject) + " " + b->Str(fa.metric) + " (" +
                           b->Str(fa.period) + "): " + b->Said(a) + " says " + b->Value(a) + ", " +
                           b->Said(c) + " says " + b->Value(c);
  const std::string sides = " (" + Count(x.size()) + " vs " + Count(y.size()) + ")";
  if (!across) {
    b->Add(FindingKind::kNumeric, FindingLabel::kSameSource, a, c, x.size(), y.size(),
           what + "; both from one source on one date, so not a disagreement between sources" +
               sides + ".");
  } else if (IsScaleSlip(fa.low, fa.high, fa.amount, fc.low, fc.high, fc.amount)) {
    b->Add(FindingKind::kNumeric, FindingLabel::kScale, a, c, x.size(), y.size(),
           what + "; the digits match but the scale differs by a power of 1000, likely a " +
               "million/billion slip" + sides + ".");
  } else {
    b->Add(FindingKind::kNumeric, FindingLabel::kConflict, a, c, x.size(), y.size(),
           what + "; the values cannot both be true" + sides + ".");
  }
}

// One agree or rounding finding for a cluster that several sources hold.
void AddAgreement(FindingBuilder* b, const std::vector<uint32_t>& live) {
  const auto& facts = b->facts();
  const uint32_t a = b->Newest(live, StringTable::kNone);
  std::vector<uint32_t> others, differing;
  for (uint32_t m : live) {
    if (facts[m].source == facts[a].source) continue;
    others.push_back(m);
    if (facts[m].amount != facts[a].amount) differing.push_back(m);
  }
  if (others.empty()) return;
  const bool rounding = !differing.empty();
  const uint32_t c = b->Newest(rounding ? differing : others, StringTable::kNone);
  uint64_t same = 0;
  for (uint32_t m : live) same += facts[m].amount == facts[a].amount;
  const std::string what = b->Entity(facts[a].subject) + " " + b->Str(facts[a].metric) + " (" +
                           b->Str(facts[a].period) + "): " + b->Said(a) + " says " + b->Value(a) +
                           ", " + b->Said(c) + " says " + b->Value(c);
  b->Add(FindingKind::kNumeric, rounding ? FindingLabel::kRounding : FindingLabel::kAgree, a, c,
         same, live.size() - same,
         what + (rounding ? "; consistent within the precision of the stated digits."
                          : "; the sources agree."));
}

void GroupFindings(FindingBuilder* b, const FactGroup& g) {
  MarkStaleFacts(b, g);
  std::vector<std::vector<uint32_t>> clusters;
  for (uint32_t c = g.first_cluster; c < g.end_cluster; ++c) {
    std::vector<uint32_t> live = b->Live(b->index().clusters[c]);
    if (!live.empty()) clusters.push_back(std::move(live));
  }
  for (const auto& live : clusters) AddAgreement(b, live);
  if (clusters.size() <= kAllPairsClusters) {
    for (size_t i = 0; i < clusters.size(); ++i) {
      for (size_t j = i + 1; j < clusters.size(); ++j) CompareClusters(b, clusters[i], clusters[j]);
    }
    return;
  }
  size_t largest = 0;
  for (size_t i = 1; i < clusters.size(); ++i) {
    if (clusters[i].size() > clusters[largest].size()) largest = i;
  }
  for (size_t i = 0; i < clusters.size(); ++i) {
    if (i != largest) CompareClusters(b, clusters[largest], clusters[i]);
  }
}

}  // namespace

std::string_view FindingKindName(FindingKind kind) {
  return kind == FindingKind::kNumeric ? "numeric" : "stance";
}

std::string_view FindingLabelName(FindingLabel label) {
  for (const auto& [l, name] : kLabelNames) {
    if (l == label) return name;
  }
  return "conflict";
}

std::optional<FindingKind> FindingKindFromName(std::string_view name) {
  if (name == "numeric") return FindingKind::kNumeric;
  if (name == "stance") return FindingKind::kStance;
  return std::nullopt;
}

std::optional<FindingLabel> FindingLabelFromName(std::string_view name) {
  for (const auto& [l, n] : kLabelNames) {
    if (n == name) return l;
  }
  return std::nullopt;
}

void AddGroupFindings(FindingBuilder* b) {
  for (const FactGroup& g : b->index().groups) {
    if (b->facts()[b->index().order[g.begin]].role == FactRole::kNumeric) GroupFindings(b, g);
  }
}

void RunFindingPasses(FindingBuilder* b) {
  AddGroupFindings(b);
  AddStanceFindings(b);
  AddForecastFindings(b);
  AddParentFindings(b);
  AddPeriodFindings(b);
  AddMatchHints(b);
}

std::vector<Finding> FindContradictions(const std::vector<ClaimFact>& facts,
                                        const StringTable& strings,
                                        const AnalysisContext& context) {
  FindingBuilder b(facts, strings, context);
  RunFindingPasses(&b);
  std::vector<Finding> out;
  out.reserve(b.finding_count());
  for (uint32_t i : b.SortedOrder()) out.push_back(b.Make(i));
  return out;
}

}  // namespace claimgraph
