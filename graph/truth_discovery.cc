#include "graph/truth_discovery.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

#include "graph/fact_index.h"

namespace claimgraph {

namespace {

// Lists of lists stored flat: list i is items[begin[i], begin[i + 1]). A
// vector of vectors would cost 24 bytes a list plus an allocation, and a
// large store has millions of clusters.
struct Lists {
  std::vector<uint32_t> begin{0};
  std::vector<uint32_t> items;

  size_t size() const { return begin.size() - 1; }
  const uint32_t* first(size_t i) const { return items.data() + begin[i]; }
  const uint32_t* last(size_t i) const { return items.data() + begin[i + 1]; }
  size_t count(size_t i) const { return begin[i + 1] - begin[i]; }
  // Closes list size(): the items appended since the previous call.
  void Close() {
    assert(items.size() <= UINT32_MAX);  // items are facts or cluster pairs: fewer than 2^32
    begin.push_back(static_cast<uint32_t>(items.size()));
  }
};

// The lists of `n` keys from (key, item) pairs, each list sorted and
// without repeats.
Lists Group(std::vector<std::pair<uint32_t, uint32_t>> pairs, size_t n) {
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  Lists out;
  out.begin.reserve(n + 1);
  out.items.reserve(pairs.size());
  size_t p = 0;
  for (size_t key = 0; key < n; ++key) {
    for (; p < pairs.size() && pairs[p].first == key; ++p) out.items.push_back(pairs[p].second);
    out.Close();
  }
  return out;
}

struct Model {
  Lists holders;    // cluster -> distinct source slots
  Lists opponents;  // cluster -> clusters in genuine conflict
  Lists held;       // source slot -> distinct clusters
};

// Cluster pairs of the genuine findings.
std::vector<std::pair<uint32_t, uint32_t>> ConflictEdges(const std::vector<ClaimFact>& facts,
                                                         const StringTable& strings,
                                                         const std::vector<Finding>& findings,
                                                         const FactIndex& index) {
  // Claim id -> fact: canonical ids by number, any others by text.
  std::unordered_map<uint64_t, uint32_t> by_number;
  std::unordered_map<std::string, uint32_t> by_text;
  for (const Finding& f : findings) {
    if (!IsGenuine(f)) continue;
    for (const std::string* id : {&f.a_claim_id, &f.b_claim_id}) {
      if (auto n = CanonicalClaimNumber(*id)) {
        by_number.emplace(*n, UINT32_MAX);
      } else {
        by_text.emplace(*id, UINT32_MAX);
      }
    }
  }
  for (uint32_t i = 0; i < facts.size(); ++i) {
    uint32_t* fact = nullptr;
    if (auto n = strings.KeptNumber(facts[i].claim)) {
      auto it = by_number.find(*n);
      if (it != by_number.end()) fact = &it->second;
    } else if (!by_text.empty()) {
      auto it = by_text.find(strings.Kept(facts[i].claim));
      if (it != by_text.end()) fact = &it->second;
    }
    if (fact != nullptr && *fact == UINT32_MAX) *fact = i;
  }
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  auto cluster = [&](const std::string& id) {
    uint32_t fact = UINT32_MAX;
    if (auto n = CanonicalClaimNumber(id)) {
      if (auto it = by_number.find(*n); it != by_number.end()) fact = it->second;
    } else if (auto it = by_text.find(id); it != by_text.end()) {
      fact = it->second;
    }
    return fact == UINT32_MAX ? kNoCluster : index.cluster_of[fact];
  };
  for (const Finding& f : findings) {
    if (!IsGenuine(f)) continue;
    const uint32_t a = cluster(f.a_claim_id);
    const uint32_t b = cluster(f.b_claim_id);
    if (a != kNoCluster && b != kNoCluster && a != b) edges.emplace_back(a, b);
  }
  return edges;
}

Model BuildModel(const std::vector<ClaimFact>& facts, const FactIndex& index,
                 const std::vector<uint32_t>& slot_of_source,
                 const std::vector<std::pair<uint32_t, uint32_t>>& edges, size_t sources) {
  Model m;
  const size_t clusters = index.clusters.size();
  m.holders.begin.reserve(clusters + 1);
  std::vector<uint32_t> h;
  for (uint32_t c = 0; c < clusters; ++c) {
    h.clear();
    for (uint32_t i = index.clusters[c].begin; i < index.clusters[c].end; ++i) {
      h.push_back(slot_of_source[facts[index.order[i]].source]);
    }
    std::sort(h.begin(), h.end());
    h.erase(std::unique(h.begin(), h.end()), h.end());
    m.holders.items.insert(m.holders.items.end(), h.begin(), h.end());
    m.holders.Close();
  }
  // held: clusters in increasing order per source, as the holders list them.
  std::vector<uint32_t> count(sources + 1, 0);
  for (uint32_t s : m.holders.items) ++count[s + 1];
  for (size_t s = 0; s < sources; ++s) count[s + 1] += count[s];
  m.held.begin = count;
  m.held.items.resize(m.holders.items.size());
  for (uint32_t c = 0; c < clusters; ++c) {
    for (const uint32_t* s = m.holders.first(c); s != m.holders.last(c); ++s) {
      m.held.items[count[*s]++] = c;
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> both;
  both.reserve(edges.size() * 2);
  for (auto [a, b] : edges) {
    both.emplace_back(a, b);
    both.emplace_back(b, a);
  }
  m.opponents = Group(std::move(both), clusters);
  return m;
}

// Runs the iteration; returns the reliability of each source slot.
std::vector<double> Iterate(const Model& m, const TruthOptions& o, TruthStats* stats) {
  std::vector<double> t(m.held.size(), o.prior_reliability);
  std::vector<double> vote(m.holders.size()), cred(m.holders.size());
  auto sum_of = [](const Lists& lists, size_t i, const std::vector<double>& values, double sum) {
    for (const uint32_t* x = lists.first(i); x != lists.last(i); ++x) sum += values[*x];
    return sum;
  };
  *stats = {};
  while (stats->iterations < o.max_iterations) {
    ++stats->iterations;
    for (size_t c = 0; c < m.holders.size(); ++c) vote[c] = sum_of(m.holders, c, t, 0);
    for (size_t c = 0; c < m.holders.size(); ++c) {
      const double against = sum_of(m.opponents, c, vote, 0);
      cred[c] = (vote[c] + o.credibility_weight * o.prior_credibility) /
                (vote[c] + against + o.credibility_weight);
    }
    double moved = 0;
    for (size_t s = 0; s < m.held.size(); ++s) {
      const double sum = sum_of(m.held, s, cred, o.prior_weight * o.prior_reliability);
      const double next = sum / (o.prior_weight + static_cast<double>(m.held.count(s)));
      moved = std::max(moved, std::fabs(next - t[s]));
      t[s] = next;
    }
    if (moved <= o.tolerance) {
      stats->converged = true;
      break;
    }
  }
  return t;
}

}  // namespace

namespace {

// Scores from the facts' index and the cluster pairs in genuine conflict.
std::vector<SourceScore> Score(const std::vector<ClaimFact>& facts, const StringTable& strings,
                               const FactIndex& index,
                               const std::vector<std::pair<uint32_t, uint32_t>>& edges,
                               const TruthOptions& options, TruthStats* stats) {
  std::map<std::string, uint32_t> slots;  // source key -> slot, in key order
  for (const ClaimFact& f : facts) slots.emplace(strings.Get(f.source), 0);
  std::vector<SourceScore> out;
  std::vector<uint32_t> slot_of_source(strings.size(), 0);
  for (auto& [name, slot] : slots) {
    slot = static_cast<uint32_t>(out.size());
    slot_of_source[*strings.Find(name)] = slot;
    out.push_back({name, 0, 0, 0, 0, 0, 0});
  }
  const Model model = BuildModel(facts, index, slot_of_source, edges, out.size());
  TruthStats local;
  const std::vector<double> t = Iterate(model, options, stats ? stats : &local);
  for (uint32_t i = 0; i < facts.size(); ++i) {
    SourceScore& s = out[slot_of_source[facts[i].source]];
    ++s.claims;
    const uint32_t c = index.cluster_of[i];
    if (c == kNoCluster) {
      ++s.not_compared;
      continue;
    }
    const bool corroborated = model.holders.count(c) > 1;
    const bool contradicted = model.opponents.count(c) > 0;
    s.corroborated += corroborated;
    s.contradicted += contradicted;
    s.unique += !corroborated && !contradicted;
  }
  for (size_t s = 0; s < out.size(); ++s) out[s].reliability = t[s];
  std::sort(out.begin(), out.end(), [](const SourceScore& x, const SourceScore& y) {
    return std::make_tuple(-x.reliability, x.source) < std::make_tuple(-y.reliability, y.source);
  });
  return out;
}

}  // namespace

std::vector<SourceScore> ScoreSources(const std::vector<ClaimFact>& facts,
                                      const StringTable& strings,
                                      const std::vector<Finding>& findings,
                                      const TruthOptions& options, TruthStats* stats) {
  const FactIndex index = IndexFacts(facts);
  return Score(facts, strings, index, ConflictEdges(facts, strings, findings, index), options,
               stats);
}

std::vector<SourceScore> ScoreSourcesOfPairs(
    const std::vector<ClaimFact>& facts, const StringTable& strings, const FactIndex& index,
    const std::vector<std::pair<uint32_t, uint32_t>>& genuine, const TruthOptions& options,
    TruthStats* stats) {
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  for (auto [a, b] : genuine) {
    const uint32_t x = index.cluster_of[a];
    const uint32_t y = index.cluster_of[b];
    if (x != kNoCluster && y != kNoCluster && x != y) edges.emplace_back(x, y);
  }
  return Score(facts, strings, index, edges, options, stats);
}

}  // namespace claimgraph
