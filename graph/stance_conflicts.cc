// Stance findings: opposite stances on one entity and topic from different
// sources. Each source's stance on the entity is the sign of the sum of its
// stance scores there (a source that is as positive as negative takes no
// side). One finding per entity and topic: the positive sources against
// the negative ones (conflict), or the sources that all lean one way (agree).
#include <algorithm>
#include <cmath>
#include <map>

#include "graph/finding_builder.h"

namespace claimgraph {

namespace {

// The strongest fact of `members` (largest |score|, then newest).
uint32_t Strongest(const FindingBuilder& b, const std::vector<uint32_t>& members) {
  uint32_t best = members.front();
  for (uint32_t m : members) {
    const float s = std::fabs(b.facts()[m].score);
    const float t = std::fabs(b.facts()[best].score);
    if (s > t || (s == t && b.Newest({m, best}, StringTable::kNone) == m)) best = m;
  }
  return best;
}

void StanceGroup(FindingBuilder* b, const FactGroup& g) {
  const auto& facts = b->facts();
  std::map<uint32_t, double> net;  // source -> sum of scores
  for (uint32_t i = g.begin; i < g.end; ++i) {
    const ClaimFact& f = facts[b->index().order[i]];
    net[f.source] += f.score;
  }
  std::vector<uint32_t> pos, neg;  // facts agreeing with their source's side
  size_t pos_sources = 0, neg_sources = 0;
  for (const auto& [source, sum] : net) {
    if (sum > 0) ++pos_sources;
    if (sum < 0) ++neg_sources;
  }
  for (uint32_t i = g.begin; i < g.end; ++i) {
    const uint32_t m = b->index().order[i];
    const double side = net[facts[m].source];
    if (side > 0 && facts[m].score > 0) pos.push_back(m);
    if (side < 0 && facts[m].score < 0) neg.push_back(m);
  }
  const ClaimFact& head = facts[b->index().order[g.begin]];
  const std::string topic = head.metric == StringTable::kNone ? "" : " on " + b->Str(head.metric);
  const std::string entity = b->Entity(head.subject) + topic;
  if (!pos.empty() && !neg.empty()) {
    const uint32_t a = Strongest(*b, pos);
    const uint32_t c = Strongest(*b, neg);
    b->Add(FindingKind::kStance, FindingLabel::kConflict, a, c, pos.size(), neg.size(),
           std::to_string(pos_sources) + " source(s) are positive on " + entity + " (" +
               std::to_string(pos.size()) + " claims, e.g. " + b->Said(a) + "), " +
               std::to_string(neg_sources) + " negative (" + std::to_string(neg.size()) +
               " claims, e.g. " + b->Said(c) + ").");
    return;
  }
  const std::vector<uint32_t>& side = pos.empty() ? neg : pos;
  const size_t sources = pos.empty() ? neg_sources : pos_sources;
  if (sources < 2) return;
  const uint32_t a = Strongest(*b, side);
  const uint32_t c = b->Newest(side, facts[a].source);
  b->Add(FindingKind::kStance, FindingLabel::kAgree, a, c, side.size(), 0,
         std::to_string(sources) + " sources are all " + (pos.empty() ? "negative" : "positive") +
             " on " + entity + " (" + std::to_string(side.size()) + " claims).");
}

}  // namespace

void AddStanceFindings(FindingBuilder* b) {
  for (const FactGroup& g : b->index().groups) {
    if (b->facts()[b->index().order[g.begin]].role == FactRole::kStance) StanceGroup(b, g);
  }
}

}  // namespace claimgraph
