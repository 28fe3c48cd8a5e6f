// Findings across groups: forecasts against reported values, a company
// against its segments and products, neighbouring periods; and the hint
// that a conflicting value appears under another metric or subject.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>
#include <vector>

#include "graph/finding_builder.h"
#include "graph/value_interval.h"

namespace claimgraph {

namespace {

struct Side {
  std::vector<uint32_t> live;  // live facts of one cluster
  double low = -kUnbounded;    // their common intersection
  double high = kUnbounded;
};

Side MakeSide(const FindingBuilder& b, const FactCluster& c) {
  Side s;
  s.live = b.Live(c);
  for (uint32_t m : s.live) {
    s.low = std::max(s.low, b.facts()[m].low);
    s.high = std::min(s.high, b.facts()[m].high);
  }
  return s;
}

std::vector<Side> Sides(const FindingBuilder& b, const FactGroup& g) {
  std::vector<Side> out;
  for (uint32_t c = g.first_cluster; c < g.end_cluster; ++c) {
    Side s = MakeSide(b, b.index().clusters[c]);
    if (!s.live.empty()) out.push_back(std::move(s));
  }
  return out;
}

// The side most claims hold (ties: the first); nullptr when none.
const Side* Largest(const std::vector<Side>& sides) {
  const Side* best = nullptr;
  for (const Side& s : sides) {
    if (best == nullptr || s.live.size() > best->live.size()) best = &s;
  }
  return best;
}

const ClaimFact& First(const FindingBuilder& b, const FactGroup& g) {
  return b.facts()[b.index().order[g.begin]];
}

auto Block(const ClaimFact& f) { return std::make_tuple(f.role, f.subject, f.metric, f.dimension); }

std::string Count(uint64_t n) { return std::to_string(n) + (n == 1 ? " claim" : " claims"); }

void CompareForecast(FindingBuilder* b, const Side& reported, const Side& expected) {
  const uint32_t r = b->Newest(reported.live, StringTable::kNone);
  const uint32_t e = b->Newest(expected.live, StringTable::kNone);
  const ClaimFact& fr = b->facts()[r];
  const ClaimFact& fe = b->facts()[e];
  if (fr.date != 0 && fe.date != 0 && fr.date < fe.date) return;  // not a later value
  FindingLabel label = FindingLabel::kMet;
  std::string how = "within";
  if (reported.high < expected.low) {
    label = FindingLabel::kMiss, how = "below";
  } else if (reported.low > expected.high) {
    label = FindingLabel::kBeat, how = "above";
  }
  b->Add(FindingKind::kNumeric, label, r, e, reported.live.size(), expected.live.size(),
         b->Entity(fr.subject) + " " + b->Str(fr.metric) + " (" + b->Str(fr.period) +
             "): reported " + b->Value(r) + " (" + b->Said(r) + ") is " + how + " the " +
             std::string(ModalityName(fe.modality)) + " " + b->Value(e) + " (" + b->Said(e) +
             "); a forecast is not contradicted by the outcome.");
}

// Year digits of a period key ("2025-Q3" -> "2025"); empty when none.
std::string YearOf(const std::string& period) {
  for (size_t i = 0; i + 4 <= period.size(); ++i) {
    if (std::all_of(period.begin() + static_cast<long>(i),
                    period.begin() + static_cast<long>(i + 4),
                    [](char c) { return c >= '0' && c <= '9'; })) {
      return period.substr(i, 4);
    }
  }
  return "";
}

void ComparePeriods(FindingBuilder* b, const FactGroup& g1, const FactGroup& g2) {
  const std::string& p1 = b->Str(First(*b, g1).period);
  const std::string& p2 = b->Str(First(*b, g2).period);
  if (YearOf(p1).empty() || YearOf(p1) != YearOf(p2)) return;
  const std::vector<Side> s1 = Sides(*b, g1);
  const std::vector<Side> s2 = Sides(*b, g2);
  const Side* x = Largest(s1);
  const Side* y = Largest(s2);
  if (x == nullptr || y == nullptr || Overlaps(x->low, x->high, y->low, y->high)) return;
  const uint32_t a = b->Newest(x->live, StringTable::kNone);
  const uint32_t c = b->Newest(y->live, StringTable::kNone);
  b->Add(FindingKind::kNumeric, FindingLabel::kPeriodMismatch, a, c, x->live.size(), y->live.size(),
         b->Entity(b->facts()[a].subject) + " " + b->Str(b->facts()[a].metric) + ": " + b->Said(a) +
             " says " + b->Value(a) + " for " + p1 + ", " + b->Said(c) + " says " + b->Value(c) +
             " for " + p2 + "; different periods are not compared.");
}

// The numeric facts grouped by document, each document's in fact order:
// those of document d are at[start[d] .. start[d + 1]). A counting sort, so
// that a lookup is two reads, not a binary search through the facts.
struct FactsByDoc {
  std::vector<uint32_t> start;
  std::vector<uint32_t> at;

  explicit FactsByDoc(const std::vector<ClaimFact>& facts) {
    uint32_t docs = 0;
    for (const ClaimFact& f : facts) {
      if (f.role == FactRole::kNumeric) docs = std::max(docs, f.doc + 1);
    }
    start.assign(size_t{docs} + 1, 0);
    for (const ClaimFact& f : facts) {
      if (f.role == FactRole::kNumeric) ++start[f.doc + 1];
    }
    for (size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
    at.resize(start.back());
    std::vector<uint32_t> next(start.begin(), start.end() - 1);
    for (uint32_t m = 0; m < facts.size(); ++m) {
      if (facts[m].role == FactRole::kNumeric) at[next[facts[m].doc]++] = m;
    }
  }
};

// Facts of `doc` (numeric) whose value matches fact `x` under another
// subject or metric; UINT32_MAX when none.
uint32_t MatchInDoc(const FindingBuilder& b, const FactsByDoc& by_doc, uint32_t doc, uint32_t x) {
  const auto& facts = b.facts();
  const ClaimFact& fx = facts[x];
  if (size_t{doc} + 1 >= by_doc.start.size()) return UINT32_MAX;
  for (uint32_t k = by_doc.start[doc]; k < by_doc.start[doc + 1]; ++k) {
    const ClaimFact& f = facts[by_doc.at[k]];
    if (f.dimension != fx.dimension || (f.subject == fx.subject && f.metric == fx.metric)) continue;
    const double lo = std::isinf(f.low) ? f.amount : f.low;
    const double hi = std::isinf(f.high) ? f.amount : f.high;
    const double xlo = std::isinf(fx.low) ? fx.amount : fx.low;
    const double xhi = std::isinf(fx.high) ? fx.amount : fx.high;
    if (Overlaps(f.amount, f.amount, xlo, xhi) || Overlaps(fx.amount, fx.amount, lo, hi)) {
      return by_doc.at[k];
    }
  }
  return UINT32_MAX;
}

void CompareParent(FindingBuilder* b, const Side& whole, const Side& part) {
  uint32_t a = 0, c = 0;
  const bool across = b->PickAcross(whole.live, part.live, &a, &c);
  const ClaimFact& fa = b->facts()[a];
  const ClaimFact& fc = b->facts()[c];
  const std::string what = b->Entity(fa.subject) + " " + b->Str(fa.metric) + " is " + b->Value(a) +
                           " (" + b->Said(a) + ") but its part " + b->Entity(fc.subject) + " has " +
                           b->Str(fc.metric) + " of " + b->Value(c) + " (" + b->Said(c) + "); " +
                           b->Str(fa.metric) +
                           " adds up over parts, so a company's total cannot be below a part's (" +
                           Count(whole.live.size()) + " vs " + Count(part.live.size()) + ").";
  b->Add(FindingKind::kNumeric, across ? FindingLabel::kConflict : FindingLabel::kSameSource, a, c,
         whole.live.size(), part.live.size(), across ? what : what + " Both come from one source.");
}

}  // namespace

void AddForecastFindings(FindingBuilder* b) {
  const auto& groups = b->index().groups;
  for (size_t g = 1; g < groups.size(); ++g) {
    const ClaimFact& e = First(*b, groups[g]);
    const ClaimFact& r = First(*b, groups[g - 1]);
    if (e.role != FactRole::kNumeric || e.modality_class != ModalityClass::kExpected) continue;
    if (r.modality_class != ModalityClass::kReported || Block(r) != Block(e) ||
        r.period != e.period) {
      continue;
    }
    const std::vector<Side> reported = Sides(*b, groups[g - 1]);
    const Side* consensus = Largest(reported);
    if (consensus == nullptr) continue;
    for (const Side& expected : Sides(*b, groups[g])) CompareForecast(b, *consensus, expected);
  }
}

void AddParentFindings(FindingBuilder* b) {
  const auto& groups = b->index().groups;
  std::map<std::tuple<uint32_t, uint32_t, uint32_t, uint32_t, ModalityClass>, uint32_t> by_key;
  for (uint32_t g = 0; g < groups.size(); ++g) {
    const ClaimFact& f = First(*b, groups[g]);
    if (f.role == FactRole::kNumeric) {
      by_key[{f.subject, f.metric, f.dimension, f.period, f.modality_class}] = g;
    }
  }
  for (const auto& [key, g] : by_key) {
    const auto& [subject, metric, dimension, period, cls] = key;
    if (b->context().additive_metrics.count(b->Str(metric)) == 0) continue;
    auto parent = b->context().parent_of.find(b->Str(subject));
    if (parent == b->context().parent_of.end()) continue;
    std::optional<uint32_t> parent_id = b->Find(parent->second);
    if (!parent_id) continue;
    auto h = by_key.find({*parent_id, metric, dimension, period, cls});
    if (h == by_key.end()) continue;
    const std::vector<Side> parts = Sides(*b, groups[g]);
    const Side* top = nullptr;  // the part's highest consistent value
    for (const Side& s : parts) {
      if (top == nullptr || s.low > top->low) top = &s;
    }
    if (top == nullptr) continue;
    for (const Side& whole : Sides(*b, groups[h->second])) {
      if (!(whole.high < top->low) || Overlaps(whole.low, whole.high, top->low, top->high)) {
        continue;
      }
      CompareParent(b, whole, *top);
    }
  }
}

void AddPeriodFindings(FindingBuilder* b) {
  const auto& groups = b->index().groups;
  for (size_t i = 0; i < groups.size();) {
    size_t j = i;
    const ClaimFact& head = First(*b, groups[i]);
    while (j < groups.size() && Block(First(*b, groups[j])) == Block(head)) ++j;
    if (head.role == FactRole::kNumeric) {
      for (ModalityClass cls : {ModalityClass::kReported, ModalityClass::kExpected}) {
        const FactGroup* previous = nullptr;
        for (size_t k = i; k < j; ++k) {
          if (First(*b, groups[k]).modality_class != cls) continue;
          if (previous != nullptr) ComparePeriods(b, *previous, groups[k]);
          previous = &groups[k];
        }
      }
    }
    i = j;
  }
}

void AddMatchHints(FindingBuilder* b) {
  const auto& facts = b->facts();
  std::optional<FactsByDoc> by_doc;  // made at the first numeric conflict
  for (size_t i = 0; i < b->finding_count(); ++i) {
    const FindingBuilder::Compact& f = b->finding(i);
    if (f.kind != FindingKind::kNumeric || f.label != FindingLabel::kConflict) continue;
    if (!by_doc) by_doc.emplace(facts);
    const uint32_t a = f.a, c = f.b;
    for (auto [x, y] : {std::pair{a, c}, std::pair{c, a}}) {
      const uint32_t m = MatchInDoc(*b, *by_doc, facts[y].doc, x);
      if (m == UINT32_MAX) continue;
      b->ExtendExplanation(i, " " + b->Str(facts[y].doc) + " gives " + b->Value(m) + " as " +
                                  b->Entity(facts[m].subject) + " " + b->Str(facts[m].metric) +
                                  ", not as " + b->Entity(facts[x].subject) + " " +
                                  b->Str(facts[x].metric) + ".");
    }
  }
}

}  // namespace claimgraph
