// The cue-reading half of claim assembly: clauses, metric, subject, period,
// modality, negation, speaker and change direction for one value.
#include <algorithm>
#include <cassert>

#include "extractors/claim_internal.h"

namespace claimgraph {

namespace {

bool IsSubjectType(const EntityMention& e) { return e.type != EntityType::kPerson; }

}  // namespace

int TokensBetween(std::string_view text, size_t from, size_t to) {
  if (to <= from) return 0;
  int tokens = 0;
  bool in_token = false;
  for (size_t i = from; i < to && i < text.size(); ++i) {
    bool space = IsAsciiSpace(text[i]);
    if (!space && !in_token) ++tokens;
    in_token = !space;
    if (tokens >= kMaxCountedTokens) break;
  }
  return tokens;
}

const EntityMention* DocContext::LastPersonBefore(size_t pos) const {
  const EntityMention* last = nullptr;
  for (const EntityMention& e : entities) {
    if (e.start >= pos) break;
    if (e.type == EntityType::kPerson) last = &e;
  }
  return last;
}

std::span<const PhraseMatch> SentenceAssembler::Cues(const PhraseMatcher& m, size_t from,
                                                     size_t to) const {
  if (!cues_scanned_) {
    ctx_.cues->Scan(ctx_.text, s_.span.start, s_.span.end, ctx_.cue_matches);
    cues_scanned_ = true;
  }
  const int list = ctx_.cues->IndexOf(&m);
  assert(list >= 0);
  const std::vector<PhraseMatch>& all = ctx_.cue_matches->lists[static_cast<size_t>(list)];
  // A list's matches never overlap, so both their starts and their ends
  // ascend: the ones within [from, to) are one contiguous run.
  auto first = std::lower_bound(all.begin(), all.end(), from,
                                [](const PhraseMatch& pm, size_t x) { return pm.start < x; });
  auto last = first;
  while (last != all.end() && last->end <= to) ++last;
  return {first, last};
}

Clause SentenceAssembler::ClauseAt(size_t pos) const {
  Clause c{s_.span.start, s_.span.end};
  for (const PhraseMatch& m : Cues(ctx_.rules->clause_breaks, s_.span.start, s_.span.end)) {
    if (m.end <= pos) c.start = m.end;
    if (m.start > pos) {
      c.end = m.start;
      break;
    }
  }
  return c;
}

std::vector<Clause> SentenceAssembler::Clauses() const {
  std::vector<Clause> out;
  size_t start = s_.span.start;
  for (const PhraseMatch& m : Cues(ctx_.rules->clause_breaks, s_.span.start, s_.span.end)) {
    out.push_back({start, m.start});
    start = m.end;
  }
  out.push_back({start, s_.span.end});
  return out;
}

std::string SentenceAssembler::MetricFor(const Mention& v, const Clause& c, int* sign) const {
  *sign = 1;
  const std::string_view text = ctx_.text;
  // A verb that names the metric: "could save tens of billions".
  for (const PhraseMatch& m : Cues(ctx_.rules->metric_verbs, c.start, v.start)) {
    if (TokensBetween(text, m.end, v.start) <= 3) {
      return ctx_.rules->metric_verb_ids[static_cast<size_t>(m.index)];
    }
  }
  // Right after the value: "$225 billion in revenue commitments".
  for (const MetricMention* m : s_.metrics) {
    if (m->start >= v.end && m->start < c.end && TokensBetween(text, v.end, m->start) <= 3) {
      *sign = m->sign;
      return m->metric_id;
    }
  }
  // The nearest before it in the clause: "free cash flow fell to $1.2 billion".
  const MetricMention* best = nullptr;
  for (const MetricMention* m : s_.metrics) {
    // "pretax loss of EUR 46m": the value's span took "loss of" as its sign.
    if (m->start < v.start && m->start >= c.start) best = m;
  }
  if (best != nullptr) {
    *sign = best->sign;
    return best->metric_id;
  }
  return last_metric_;  // parallel clauses: "..., saying it would be $50 billion"
}

const EntityMention* SentenceAssembler::SubjectFor(const Mention& v, const Clause& c,
                                                   const MetricMention* metric,
                                                   size_t search_end) const {
  const std::string_view text = ctx_.text;
  // "AWS backlog", "Nvidia's revenue": the entity that modifies the metric.
  if (metric != nullptr) {
    for (const EntityMention* e : s_.entities) {
      if (IsSubjectType(*e) && e->end <= metric->start &&
          TokensBetween(text, e->end, metric->start) <= 1) {
        return e;
      }
    }
  }
  // Coordinated values share a subject: "save X and add Y".
  if (last_subject_ != nullptr && last_value_end_ > 0) {
    bool entity_between = false;
    for (const EntityMention* e : s_.entities) {
      if (IsSubjectType(*e) && e->start >= last_value_end_ && e->end <= v.start) {
        entity_between = true;
      }
    }
    if (!entity_between) return last_subject_;
  }
  const EntityMention* best = nullptr;
  for (const EntityMention* e : s_.entities) {
    if (IsSubjectType(*e) && e->end <= search_end && e->start >= c.start) best = e;
  }
  if (best != nullptr) return best;
  // A value whose metric follows it attaches to the sentence's topic; a
  // metric named first heads its own clause ("..., though free cash flow").
  bool metric_first = metric != nullptr && metric->end <= v.start;
  if (!metric_first) {
    for (const EntityMention* e : s_.entities) {
      if (IsSubjectType(*e) && e->end <= search_end) best = e;
    }
    if (best != nullptr) return best;
  }
  if (last_subject_ != nullptr) return last_subject_;
  return ctx_.main_entity;
}

const Mention* SentenceAssembler::PeriodFor(const Mention& v, const Clause& c,
                                            const Mention* prior) const {
  const Mention* best = nullptr;
  size_t best_distance = SIZE_MAX;
  for (const Mention* p : s_.periods) {
    if (!c.Contains(p->start)) continue;
    if (prior != nullptr && p->start >= prior->end) continue;  // the prior's period
    size_t d = p->start >= v.end ? p->start - v.end : (v.start - p->end) + 8;
    if (d < best_distance) best = p, best_distance = d;
  }
  return best;
}

Modality SentenceAssembler::ModalityOf(const Clause& c) const {
  const ClaimRules& r = *ctx_.rules;
  // A pattern rule's match inside the clause counts like a cue phrase of
  // its modality, and ranks the same.
  const std::vector<PatternMatch>& patterns = ctx_.modality_patterns;
  auto first = std::lower_bound(patterns.begin(), patterns.end(), c.start,
                                [](const PatternMatch& m, size_t pos) { return m.start < pos; });
  auto has = [&](const PhraseMatcher& m, Modality modality) {
    if (!Cues(m, c.start, c.end).empty()) return true;
    for (auto it = first; it != patterns.end() && it->start < c.end; ++it) {
      if (it->end <= c.end && it->rule->modality == modality) return true;
    }
    return false;
  };
  if (has(r.hypothetical, Modality::kHypothetical)) return Modality::kHypothetical;
  if (has(r.conditional, Modality::kConditional)) return Modality::kConditional;
  if (has(r.guidance, Modality::kGuidance)) return Modality::kGuidance;
  if (has(r.target, Modality::kTarget)) return Modality::kTarget;
  if (has(r.estimate, Modality::kEstimate)) return Modality::kEstimate;
  if (has(r.forecast, Modality::kForecast)) return Modality::kForecast;
  if (has(r.opinion, Modality::kOpinion)) return Modality::kOpinion;
  return Modality::kReported;
}

bool SentenceAssembler::NegatedBefore(size_t pos, size_t floor) const {
  for (const PhraseMatch& m : Cues(ctx_.rules->negation, floor, pos)) {
    if (TokensBetween(ctx_.text, m.end, pos) <= 3) return true;
  }
  return false;
}

int SentenceAssembler::ChangeDirectionBefore(size_t pos, size_t floor) const {
  int dir = 0;
  for (const PhraseMatch& m : Cues(ctx_.rules->change, floor, pos)) {
    if (TokensBetween(ctx_.text, m.end, pos) <= 3) dir = m.index == 1 ? 1 : -1;
  }
  return dir;
}

}  // namespace claimgraph
