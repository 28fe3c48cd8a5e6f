#include "graph/finding_builder.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <tuple>

#include "engine/parallel_sort.h"
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

std::string_view FindingBuilder::Keep(std::string_view text) {
  constexpr size_t kChunkBytes = size_t{1} << 20;
  if (chunks_.empty() || chunk_size_ - chunk_used_ < text.size()) {
    chunk_size_ = std::max(kChunkBytes, text.size());
    chunks_.push_back(std::make_unique<char[]>(chunk_size_));
    chunk_used_ = 0;
  }
  char* at = chunks_.back().get() + chunk_used_;
  if (!text.empty()) std::memcpy(at, text.data(), text.size());
  chunk_used_ += text.size();
  return {at, text.size()};
}

void FindingBuilder::Add(FindingKind kind, FindingLabel label, uint32_t a, uint32_t b,
                         uint64_t a_count, uint64_t b_count, std::string_view explanation) {
  Compact f;
  f.a_count = a_count;
  f.b_count = b_count;
  f.explanation = Keep(explanation);
  f.a = a;
  f.b = b;
  f.kind = kind;
  f.label = label;
  findings_.push_back(f);
}

void FindingBuilder::ExtendExplanation(size_t i, std::string_view more) {
  // The old bytes stay where they are, unused: few findings are extended.
  const std::string text = std::string(findings_[i].explanation) + std::string(more);
  findings_[i].explanation = Keep(text);
}

Finding FindingBuilder::Make(size_t i) const {
  const Compact& c = findings_[i];
  const ClaimFact& fa = facts_[c.a];
  const ClaimFact& fb = facts_[c.b];
  Finding f;
  f.kind = c.kind;
  f.label = c.label;
  f.subject = Str(fa.subject);
  if (fb.subject != fa.subject) f.other_subject = Str(fb.subject);
  f.metric = Str(fa.metric);
  f.period = Str(fa.period);
  f.a_claim_id = strings_.Kept(fa.claim);
  f.b_claim_id = strings_.Kept(fb.claim);
  f.a_count = c.a_count;
  f.b_count = c.b_count;
  f.explanation = std::string(c.explanation);
  return f;
}

std::vector<uint32_t> FindingBuilder::SortedOrder() const {
  std::vector<uint32_t> order(findings_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  // The key of Make(x) < Make(y) by (kind, subject, metric, period, label,
  // a_claim_id, b_claim_id), read from the facts without making either.
  auto claim_order = [this](uint32_t x, uint32_t y) {
    if (strings_.KeptLess(x, y)) return -1;
    return strings_.KeptLess(y, x) ? 1 : 0;
  };
  auto less = [&](uint32_t x, uint32_t y) {
    const Compact& p = findings_[x];
    const Compact& q = findings_[y];
    const ClaimFact& pa = facts_[p.a];
    const ClaimFact& qa = facts_[q.a];
    if (p.kind != q.kind) return p.kind < q.kind;
    for (auto field : {&ClaimFact::subject, &ClaimFact::metric, &ClaimFact::period}) {
      if (pa.*field == qa.*field) continue;
      if (const int c = Str(pa.*field).compare(Str(qa.*field)); c != 0) return c < 0;
    }
    if (p.label != q.label) return p.label < q.label;
    if (const int c = claim_order(pa.claim, qa.claim); c != 0) return c < 0;
    return claim_order(facts_[p.b].claim, facts_[q.b].claim) < 0;
  };
  // Findings equivalent under `less` are the same line, so their order
  // does not show.
  SortOnTwoThreads(order.begin(), order.end(), less);
  return order;
}

}  // namespace claimgraph
