#include "graph/truth_discovery.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

#include "graph/fact_index.h"

namespace claimgraph {

namespace {

struct Model {
  std::vector<std::vector<uint32_t>> holders;    // cluster -> distinct source slots
  std::vector<std::vector<uint32_t>> opponents;  // cluster -> clusters in genuine conflict
  std::vector<std::vector<uint32_t>> held;       // source slot -> distinct clusters
};

// Cluster pairs of the genuine findings.
std::vector<std::pair<uint32_t, uint32_t>> ConflictEdges(const std::vector<ClaimFact>& facts,
                                                         const StringTable& strings,
                                                         const std::vector<Finding>& findings,
                                                         const FactIndex& index) {
  std::unordered_map<std::string_view, uint32_t> fact_of;  // claim id -> fact
  for (const Finding& f : findings) {
    if (!IsGenuine(f)) continue;
    for (const std::string* id : {&f.a_claim_id, &f.b_claim_id}) fact_of.emplace(*id, UINT32_MAX);
  }
  for (uint32_t i = 0; i < facts.size(); ++i) {
    auto it = fact_of.find(strings.Kept(facts[i].claim));
    if (it != fact_of.end() && it->second == UINT32_MAX) it->second = i;
  }
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  auto cluster = [&](const std::string& id) {
    auto it = fact_of.find(id);
    return it == fact_of.end() || it->second == UINT32_MAX ? kNoCluster
                                                           : index.cluster_of[it->second];
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
  m.holders.resize(index.clusters.size());
  m.opponents.resize(index.clusters.size());
  m.held.resize(sources);
  for (uint32_t c = 0; c < index.clusters.size(); ++c) {
    for (uint32_t i = index.clusters[c].begin; i < index.clusters[c].end; ++i) {
      m.holders[c].push_back(slot_of_source[facts[index.order[i]].source]);
    }
    auto& h = m.holders[c];
    std::sort(h.begin(), h.end());
    h.erase(std::unique(h.begin(), h.end()), h.end());
    for (uint32_t s : h) m.held[s].push_back(c);
  }
  for (auto [a, b] : edges) {
    m.opponents[a].push_back(b);
    m.opponents[b].push_back(a);
  }
  for (auto& o : m.opponents) {
    std::sort(o.begin(), o.end());
    o.erase(std::unique(o.begin(), o.end()), o.end());
  }
  return m;
}

// Runs the iteration; returns the reliability of each source slot.
std::vector<double> Iterate(const Model& m, const TruthOptions& o, TruthStats* stats) {
  std::vector<double> t(m.held.size(), o.prior_reliability);
  std::vector<double> vote(m.holders.size()), cred(m.holders.size());
  *stats = {};
  while (stats->iterations < o.max_iterations) {
    ++stats->iterations;
    for (size_t c = 0; c < m.holders.size(); ++c) {
      vote[c] = 0;
      for (uint32_t s : m.holders[c]) vote[c] += t[s];
    }
    for (size_t c = 0; c < m.holders.size(); ++c) {
      double against = 0;
      for (uint32_t x : m.opponents[c]) against += vote[x];
      cred[c] = (vote[c] + o.credibility_weight * o.prior_credibility) /
                (vote[c] + against + o.credibility_weight);
    }
    double moved = 0;
    for (size_t s = 0; s < m.held.size(); ++s) {
      double sum = o.prior_weight * o.prior_reliability;
      for (uint32_t c : m.held[s]) sum += cred[c];
      const double next = sum / (o.prior_weight + static_cast<double>(m.held[s].size()));
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

std::vector<SourceScore> ScoreSources(const std::vector<ClaimFact>& facts,
                                      const StringTable& strings,
                                      const std::vector<Finding>& findings,
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
  const FactIndex index = IndexFacts(facts);
  const auto edges = ConflictEdges(facts, strings, findings, index);
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
    const bool corroborated = model.holders[c].size() > 1;
    const bool contradicted = !model.opponents[c].empty();
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

}  // namespace claimgraph
