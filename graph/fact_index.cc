#include "graph/fact_index.h"

#include <algorithm>
#include <tuple>

#include "engine/parallel_sort.h"

namespace claimgraph {

namespace {

auto GroupKey(const ClaimFact& f) {
  return std::make_tuple(f.role, f.subject, f.metric, f.dimension, f.period, f.modality_class);
}

double SortValue(const ClaimFact& f) {
  if (f.role == FactRole::kStance) return f.score < 0 ? -1 : 1;
  return f.low;
}

// Splits one group's range of `order` into clusters.
void ClusterGroup(const std::vector<ClaimFact>& facts, uint32_t group, FactIndex* index) {
  FactGroup& g = index->groups[group];
  g.first_cluster = static_cast<uint32_t>(index->clusters.size());
  for (uint32_t i = g.begin; i < g.end; ++i) {
    const ClaimFact& f = facts[index->order[i]];
    const bool stance = f.role == FactRole::kStance;
    const double low = stance ? SortValue(f) : f.low;
    const double high = stance ? SortValue(f) : f.high;
    FactCluster* c = index->clusters.size() > g.first_cluster ? &index->clusters.back() : nullptr;
    if (c != nullptr && low <= c->high) {
      c->end = i + 1;
      c->low = std::max(c->low, low);
      c->high = std::min(c->high, high);
    } else {
      index->clusters.push_back({i, i + 1, group, low, high});
    }
    index->cluster_of[index->order[i]] = static_cast<uint32_t>(index->clusters.size() - 1);
  }
  g.end_cluster = static_cast<uint32_t>(index->clusters.size());
}

}  // namespace

bool SameGroup(const ClaimFact& a, const ClaimFact& b) { return GroupKey(a) == GroupKey(b); }

FactIndex IndexFacts(const std::vector<ClaimFact>& facts) {
  FactIndex index;
  index.cluster_of.assign(facts.size(), kNoCluster);
  for (uint32_t i = 0; i < facts.size(); ++i) {
    if (facts[i].role != FactRole::kNotCompared) index.order.push_back(i);
  }
  // A total order (claim numbers are unique), so two threads sort as one.
  SortOnTwoThreads(index.order.begin(), index.order.end(), [&](uint32_t x, uint32_t y) {
    const ClaimFact& a = facts[x];
    const ClaimFact& b = facts[y];
    return std::make_tuple(GroupKey(a), SortValue(a), -a.date, a.claim) <
           std::make_tuple(GroupKey(b), SortValue(b), -b.date, b.claim);
  });
  for (uint32_t i = 0; i < index.order.size(); ++i) {
    if (i == 0 || !SameGroup(facts[index.order[i - 1]], facts[index.order[i]])) {
      index.groups.push_back({i, i, 0, 0});
    }
    index.groups.back().end = i + 1;
  }
  for (uint32_t g = 0; g < index.groups.size(); ++g) ClusterGroup(facts, g, &index);
  return index;
}

}  // namespace claimgraph
