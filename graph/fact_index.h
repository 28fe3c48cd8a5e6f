// FactIndex: claim facts sorted into comparison groups and, within each
// group, into clusters of mutually consistent values. Shared by
// contradictions.cc and truth_discovery.cc (docs/CONSISTENCY.md).
//
// A group is every compared fact with the same role, subject, metric (topic
// for stances), unit dimension, aligned period and modality class. Within a
// numeric group facts are sorted by interval low end and swept once: a
// fact joins the current cluster while its low end is at most the smallest
// high end so far, so every cluster's intervals share a common point
// (pairwise consistent). Stance groups have two clusters at most: negative
// and positive. O(n log n) in the number of facts. Plain value type.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/claim_fact.h"

namespace claimgraph {

inline constexpr uint32_t kNoCluster = UINT32_MAX;

struct FactCluster {
  uint32_t begin = 0;  // range in FactIndex::order
  uint32_t end = 0;
  uint32_t group = 0;
  double low = 0;  // the common intersection of its members' intervals
  double high = 0;
};

struct FactGroup {
  uint32_t begin = 0;  // range in FactIndex::order
  uint32_t end = 0;
  uint32_t first_cluster = 0;  // range in FactIndex::clusters
  uint32_t end_cluster = 0;
};

struct FactIndex {
  std::vector<uint32_t> order;  // indices into the facts: compared facts, group by group
  std::vector<FactGroup> groups;
  std::vector<FactCluster> clusters;
  std::vector<uint32_t> cluster_of;  // fact index -> cluster; kNoCluster when not compared
};

// Builds the index. REQUIRES: facts.size() < UINT32_MAX.
FactIndex IndexFacts(const std::vector<ClaimFact>& facts);

// True when a and b belong to the same group.
bool SameGroup(const ClaimFact& a, const ClaimFact& b);

}  // namespace claimgraph
