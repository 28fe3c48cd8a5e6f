#include "graph/finding_builder.h"

#include <cstdio>
#include <tuple>

#include "graph/value_interval.h"

namespace claimgraph {

FindingBuilder::FindingBuilder(const std::vector<ClaimFact>& facts, const StringTable& strings,
                               const AnalysisContext& context)
    : facts_(facts),
      strings_(strings),
      context_(context),
      index_(IndexFacts(facts)),
      stale_(facts.size(), false) {}

std::vector<uint32_t> FindingBuilder::Live(const FactCluster& cluster) const {
  std::vector<uint32_t> out;
  for (uint32_t i = cluster.begin; i < cluster.end; ++i) {
    if (!stale_[index_.order[i]]) out.push_back(index_.order[i]);
  }
  return out;
}

uint32_t FindingBuilder::Newest(const std::vector<uint32_t>& members, uint32_t not_source) const {
  uint32_t best = UINT32_MAX;
  for (uint32_t m : members) {
    const ClaimFact& f = facts_[m];
    if (not_source != StringTable::kNone && f.source == not_source) continue;
    if (best == UINT32_MAX || f.date > facts_[best].date ||
        (f.date == facts_[best].date && strings_.KeptLess(f.claim, facts_[best].claim))) {
      best = m;
    }
  }
  return best;
}

bool FindingBuilder::PickAcross(const std::vector<uint32_t>& as, const std::vector<uint32_t>& bs,
                                uint32_t* a, uint32_t* b) const {
  *a = Newest(as, StringTable::kNone);
  *b = Newest(bs, facts_[*a].source);
  if (*b != UINT32_MAX) return true;
  // Every b shares a's source: look for an a from another source.
  *b = Newest(bs, StringTable::kNone);
  const uint32_t other = Newest(as, facts_[*b].source);
  if (other == UINT32_MAX) return false;
  *a = other;
  return true;
}

std::string FindingBuilder::Entity(uint32_t subject) const {
  const std::string& id = Str(subject);
  auto it = context_.display_names.find(id);
  if (it == context_.display_names.end() || it->second == id) return id;
  return it->second + " (" + id + ")";
}

std::string FindingBuilder::Value(uint32_t fact) const {
  const ClaimFact& f = facts_[fact];
  return FormatInterval(f.amount, f.low, f.high, f.qualifier, Str(f.dimension));
}

std::string FindingBuilder::Said(uint32_t fact) const {
  const ClaimFact& f = facts_[fact];
  std::string out = Str(f.source);
  if (f.date != 0) {
    char date[16];
    std::snprintf(date, sizeof(date), "%04d-%02d-%02d", f.date / 10000, f.date / 100 % 100,
                  f.date % 100);
    out += " on " + std::string(date);
  }
  return out;
}

void FindingBuilder::Add(FindingKind kind, FindingLabel label, uint32_t a, uint32_t b,
                         uint64_t a_count, uint64_t b_count, std::string explanation) {
  const ClaimFact& fa = facts_[a];
  const ClaimFact& fb = facts_[b];
  Finding f;
  f.kind = kind;
  f.label = label;
  f.subject = Str(fa.subject);
  if (fb.subject != fa.subject) f.other_subject = Str(fb.subject);
  f.metric = Str(fa.metric);
  f.period = Str(fa.period);
  f.a_claim_id = strings_.Kept(fa.claim);
  f.b_claim_id = strings_.Kept(fb.claim);
  f.a_count = a_count;
  f.b_count = b_count;
  f.explanation = std::move(explanation);
  f.explanation.shrink_to_fit();  // built by appends: up to twice its length reserved
  findings_.push_back(std::move(f));
  pairs_.emplace_back(a, b);
}

}  // namespace claimgraph
