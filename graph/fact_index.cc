#include "graph/fact_index.h"

#include <algorithm>
#include <array>
#include <bit>
#include <tuple>
#include <vector>

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

// The leading fields of GroupKey packed into 64 bits, as many whole fields
// as fit the widths the facts need, so that most comparisons of a sort
// read a number instead of two facts far apart in memory. Order-preserving:
// a < b in GroupKey order implies Pack(a) <= Pack(b).
class GroupKeyPacker {
 public:
  explicit GroupKeyPacker(const std::vector<ClaimFact>& facts) {
    uint32_t max[kFields] = {};
    for (const ClaimFact& f : facts) {
      const auto v = Fields(f);
      for (size_t k = 0; k < kFields; ++k) max[k] = std::max(max[k], v[k]);
    }
    int used = 0;
    for (size_t k = 0; k < kFields; ++k) {
      const int bits = std::bit_width(max[k]);
      if (used + bits > 64) break;
      bits_[k] = bits;
      used += bits;
      fields_ = k + 1;
    }
  }
  uint64_t Pack(const ClaimFact& f) const {
    const auto v = Fields(f);
    uint64_t key = 0;
    for (size_t k = 0; k < fields_; ++k) key = (key << bits_[k]) | v[k];
    return key;
  }

 private:
  static constexpr size_t kFields = 6;
  static std::array<uint32_t, kFields> Fields(const ClaimFact& f) {
    return {static_cast<uint32_t>(f.role),          f.subject, f.metric, f.dimension, f.period,
            static_cast<uint32_t>(f.modality_class)};
  }
  int bits_[kFields] = {};
  size_t fields_ = 0;
};

}  // namespace

bool SameGroup(const ClaimFact& a, const ClaimFact& b) { return GroupKey(a) == GroupKey(b); }

FactIndex IndexFacts(const std::vector<ClaimFact>& facts) {
  FactIndex index;
  index.cluster_of.assign(facts.size(), kNoCluster);
  struct Entry {
    uint64_t key;  // GroupKeyPacker::Pack
    uint32_t fact;
  };
  const GroupKeyPacker packer(facts);
  std::vector<Entry> entries;
  entries.reserve(
      static_cast<size_t>(std::count_if(facts.begin(), facts.end(), [](const ClaimFact& f) {
        return f.role != FactRole::kNotCompared;
      })));
  for (uint32_t i = 0; i < facts.size(); ++i) {
    if (facts[i].role != FactRole::kNotCompared) entries.push_back({packer.Pack(facts[i]), i});
  }
  // A total order (claim numbers are unique), so two threads sort as one;
  // the packed key decides first, the facts only between equal keys.
  SortOnTwoThreads(entries.begin(), entries.end(), [&](const Entry& x, const Entry& y) {
    if (x.key != y.key) return x.key < y.key;
    const ClaimFact& a = facts[x.fact];
    const ClaimFact& b = facts[y.fact];
    return std::make_tuple(GroupKey(a), SortValue(a), -a.date, a.claim) <
           std::make_tuple(GroupKey(b), SortValue(b), -b.date, b.claim);
  });
  index.order.reserve(entries.size());
  for (const Entry& e : entries) index.order.push_back(e.fact);
  std::vector<Entry>().swap(entries);
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
