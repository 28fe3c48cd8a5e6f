// IndexFacts: the order of the compared facts, whatever part of the group
// key fits the packed sort key.
#include "graph/fact_index.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <tuple>
#include <vector>

namespace claimgraph::fact_index_test {

namespace {

// The order docs/CONSISTENCY.md gives: group (role, subject, metric,
// dimension, period, modality class), then the value (a stance's polarity
// sign), then newest first, then claim number.
std::vector<uint32_t> ExpectedOrder(const std::vector<ClaimFact>& facts) {
  auto key = [&](uint32_t i) {
    const ClaimFact& f = facts[i];
    const double value = f.role == FactRole::kStance ? (f.score < 0 ? -1 : 1) : f.low;
    return std::make_tuple(f.role, f.subject, f.metric, f.dimension, f.period, f.modality_class,
                           value, -f.date, f.claim);
  };
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < facts.size(); ++i) {
    if (facts[i].role != FactRole::kNotCompared) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return key(a) < key(b); });
  return order;
}

// `n` facts with ids below `id_limit` (few distinct values when small, so
// that many share a group; large, so that only some key fields can be
// packed), a unique claim number each.
std::vector<ClaimFact> RandomFacts(size_t n, uint32_t id_limit, uint32_t seed) {
  std::mt19937 rng(seed);
  auto id = [&] { return static_cast<uint32_t>(rng() % id_limit); };
  std::vector<ClaimFact> facts(n);
  for (uint32_t i = 0; i < n; ++i) {
    ClaimFact& f = facts[i];
    f.claim = static_cast<uint32_t>((i * 2654435761u) % 4000000007u);
    f.role = static_cast<FactRole>(rng() % 3);
    f.subject = id();
    f.metric = id();
    f.dimension = id() % 4;
    f.period = id();
    f.modality_class = static_cast<ModalityClass>(rng() % 3);
    f.low = static_cast<double>(rng() % 7);
    f.high = f.low + 1;
    f.score = static_cast<float>(static_cast<int>(rng() % 5) - 2);
    f.date = 20250101 + static_cast<int32_t>(rng() % 3);
  }
  return facts;
}

}  // namespace

TEST_CASE("IndexFacts orders facts by group then value then date then claim", "[contradictions]") {
  // Small ids: every key field packs and most facts share a packed key.
  // Ids up to 2^22: four 22-bit fields do not fit 64 bits, so the sort
  // falls back to the facts for the rest. 70,000 facts: two sorting threads.
  for (uint32_t id_limit : {3u, 1u << 22}) {
    for (size_t n : {size_t{0}, size_t{1}, size_t{500}, size_t{70000}}) {
      INFO(id_limit << " " << n);
      const std::vector<ClaimFact> facts = RandomFacts(n, id_limit, static_cast<uint32_t>(n));
      const FactIndex index = IndexFacts(facts);
      REQUIRE(index.order == ExpectedOrder(facts));
      // Groups cover the order, each one group of SameGroup facts.
      uint32_t next = 0;
      for (const FactGroup& g : index.groups) {
        CHECK(g.begin == next);
        CHECK(g.end > g.begin);
        for (uint32_t i = g.begin + 1; i < g.end; ++i) {
          CHECK(SameGroup(facts[index.order[g.begin]], facts[index.order[i]]));
        }
        if (g.end < index.order.size()) {
          CHECK_FALSE(SameGroup(facts[index.order[g.begin]], facts[index.order[g.end]]));
        }
        next = g.end;
      }
      CHECK(next == index.order.size());
    }
  }
}

}  // namespace claimgraph::fact_index_test
