// Claim assembly for one sentence: roles of its values (main, prior,
// change), then one claim per main value, plus relative, status, stance and
// relation claims.
#include <algorithm>

#include "extractors/claim_internal.h"

namespace claimgraph {

namespace {

bool IsClaimValue(const Mention& m) {
  switch (m.type) {
    case MentionType::kMoney:
    case MentionType::kPercent:
    case MentionType::kPercentagePoints:
    case MentionType::kBasisPoints:
    case MentionType::kMultiple:
    case MentionType::kCount:
      return true;
    default:
      return false;
  }
}

bool IsRate(const Mention& m) {
  return m.type == MentionType::kPercent || m.type == MentionType::kPercentagePoints ||
         m.type == MentionType::kBasisPoints;
}

// "to" (and nothing else but spaces) between two offsets.
bool OnlyTo(std::string_view text, size_t from, size_t to) {
  if (to < from) return false;
  std::string_view gap = text.substr(from, to - from);
  size_t a = gap.find_first_not_of(" \t\n");
  size_t b = gap.find_last_not_of(" \t\n");
  return a != std::string_view::npos && gap.substr(a, b - a + 1) == "to";
}

}  // namespace

bool SentenceAssembler::KindFits(const std::string& metric, const Mention& v) const {
  const MetricDef* def = ctx_.metrics->Find(metric);
  if (def == nullptr) return true;  // a metric verb's id not in the lexicon
  const std::string& kind = def->kind;
  switch (v.type) {
    case MentionType::kMoney:
      return kind == "money";
    case MentionType::kCount:
      return kind == "count";
    case MentionType::kMultiple:
      return kind == "multiple" || kind == "ratio";
    default:
      return kind != "count";  // rates: a percent metric or a change of any other
  }
}

void SentenceAssembler::Run(std::vector<Claim>* out) {
  size_t before = out->size();
  AssignRoles();
  for (size_t i = 0; i < s_.values.size(); ++i) QuantityClaim(i, out);
  StatusClaims(out);
  if (out->size() == before) StanceClaim(out);
  RelationClaims(out);  // not "other claims" for stance: a relation has no polarity
}

void SentenceAssembler::AssignRoles() {
  const size_t n = s_.values.size();
  const std::string_view text = ctx_.text;
  roles_.assign(n, Role::kMain);
  prior_of_.assign(n, -1);
  change_of_.assign(n, -1);
  for (size_t j = 0; j < n; ++j) {
    const Mention& p = *s_.values[j];
    // "from a year-earlier SEK 1.1 bn": a period may stand between cue and value.
    const Mention* before = PeriodEndingAt(p.start);
    PhraseMatch cue = ctx_.rules->prior_after.EndingAt(text, p.start, true);
    if (!cue.found() && before != nullptr) {
      cue = ctx_.rules->prior_after.EndingAt(text, before->start, true);
    }
    if (!cue.found()) continue;
    bool from = cue.end >= cue.start + 4 &&
                (text.substr(cue.end - 4, 4) == "from" || text.substr(cue.end - 4, 4) == "From");
    // "from P in the first quarter of 2005 to V": skip P's period.
    const Mention* after = PeriodStartingAt(p.end);
    size_t gap_start = after != nullptr ? after->end : p.end;
    if (from && j + 1 < n && s_.values[j + 1]->type == p.type &&
        OnlyTo(text, gap_start, s_.values[j + 1]->start)) {
      roles_[j] = Role::kPrior, prior_of_[j + 1] = static_cast<int>(j);  // from P to V
      continue;
    }
    for (size_t k = j; k-- > 0;) {
      if (roles_[k] == Role::kMain && s_.values[k]->type == p.type) {
        roles_[j] = Role::kPrior, prior_of_[k] = static_cast<int>(j);  // V from P
        break;
      }
    }
  }
  // "rose 18% to $5 billion", "$5 billion, up 18%": the rate is the change.
  for (size_t j = 0; j < n; ++j) {
    const Mention& c = *s_.values[j];
    if (roles_[j] != Role::kMain || !IsRate(c)) continue;
    Clause cl = ClauseAt(c.start);
    if (ChangeDirectionBefore(c.start, cl.start) == 0) continue;
    if (j + 1 < n && !IsRate(*s_.values[j + 1]) && OnlyTo(text, c.end, s_.values[j + 1]->start)) {
      roles_[j] = Role::kChange, change_of_[j + 1] = static_cast<int>(j);
    } else if (j > 0 && !IsRate(*s_.values[j - 1]) && roles_[j - 1] == Role::kMain &&
               TokensBetween(text, s_.values[j - 1]->end, c.start) <= 2) {
      roles_[j] = Role::kChange, change_of_[j - 1] = static_cast<int>(j);
    }
  }
}

bool SentenceAssembler::SentenceNames(const EntityMention* e) const {
  if (e == nullptr) return false;
  for (const EntityMention* x : s_.entities) {
    if (x->id == e->id) return true;
  }
  return false;
}

const Mention* SentenceAssembler::PeriodEndingAt(size_t pos) const {
  for (const Mention* p : s_.periods) {
    // "compared with last year 's 276.1 mln": one token may stand between.
    if (p->end <= pos && TokensBetween(ctx_.text, p->end, pos) <= 1) return p;
  }
  return nullptr;
}

const Mention* SentenceAssembler::PeriodStartingAt(size_t pos) const {
  for (const Mention* p : s_.periods) {
    if (p->start >= pos && TokensBetween(ctx_.text, pos, p->start) <= 1) return p;
  }
  return nullptr;
}

ClaimValue SentenceAssembler::ValueOf(const Mention& m) const {
  ClaimValue v;
  v.type = m.type;
  v.quantity = m.quantity;
  v.start = m.start;
  v.end = m.end;
  v.text = std::string(m.Text(ctx_.text));
  return v;
}

void SentenceAssembler::SetSubject(const EntityMention* e, Claim* claim) const {
  if (e == nullptr) return;
  claim->subject.id = e->id;
  claim->subject.name = e->name;
  claim->subject.type = e->type;
}

Claim SentenceAssembler::NewClaim(ClaimKind kind, const std::string& rule) const {
  Claim c;
  c.kind = kind;
  c.doc_id = ctx_.doc->id;
  c.rule = rule;
  c.evidence_start = s_.span.start;
  c.evidence_end = s_.span.end;
  c.evidence_text = std::string(ctx_.text.substr(s_.span.start, s_.span.end - s_.span.start));
  return c;
}

const MetricMention* SentenceAssembler::MetricMentionFor(const std::string& metric,
                                                         const Mention& v, const Clause& c) const {
  const MetricMention* best = nullptr;
  for (const MetricMention* m : s_.metrics) {
    if (m->metric_id == metric && c.Contains(m->start)) {
      if (best == nullptr || m->start < v.start) best = m;
    }
  }
  return best;
}

void SentenceAssembler::QuantityClaim(size_t i, std::vector<Claim>* out) {
  const Mention& v = *s_.values[i];
  if (roles_[i] != Role::kMain || !IsClaimValue(v)) return;
  if (RelativeClaim(i, out)) return;
  Clause c = ClauseAt(v.start);
  int sign = 1;
  std::string metric = MetricFor(v, c, &sign);
  if (!metric.empty() && !KindFits(metric, v)) metric.clear();
  Modality modality = ModalityOf(c);
  if (metric.empty() && (modality == Modality::kReported || v.type == MentionType::kCount)) {
    return;  // a bare figure with no metric and no modality says nothing checkable
  }
  const MetricMention* mm = MetricMentionFor(metric, v, c);
  size_t search_end = v.start;
  for (const PhraseMatch& m : Cues(ctx_.rules->metric_verbs, c.start, v.start)) {
    search_end = std::min(search_end, m.start);
  }
  const EntityMention* subject = SubjectFor(v, c, mm, search_end);
  // Without a metric, only a value the sentence itself ties to an entity
  // ("a $50 billion Amazon chip business, even if...") is a claim.
  if (metric.empty() && (subject == nullptr || subject == ctx_.main_entity) &&
      !SentenceNames(subject)) {
    return;
  }
  Claim claim = NewClaim(ClaimKind::kQuantity, "quantity");
  SetSubject(subject, &claim);
  claim.metric = metric;
  claim.value = ValueOf(v);
  if (sign < 0 && claim.value->quantity.amount > 0) {  // "a net loss of $5 million"
    Quantity& q = claim.value->quantity;
    q.amount = -q.amount;
    std::swap(q.low, q.high);
    q.low = -q.low, q.high = -q.high;
  }
  const Mention* prior = prior_of_[i] >= 0 ? s_.values[static_cast<size_t>(prior_of_[i])] : nullptr;
  if (const Mention* p = PeriodFor(v, c, prior)) {
    claim.value->period = p->period;
    claim.value->period_text = std::string(p->Text(ctx_.text));
  }
  if (prior != nullptr) {
    claim.prior = ValueOf(*prior);
    claim.rule += "/prior";
    const Mention* pp = PeriodStartingAt(prior->end);
    if (pp == nullptr) pp = PeriodEndingAt(prior->start);
    if (pp != nullptr) {
      claim.prior->period = pp->period;
      claim.prior->period_text = std::string(pp->Text(ctx_.text));
    }
  }
  int direction = ChangeDirectionBefore(v.start, c.start);
  if (change_of_[i] >= 0) {
    const Mention& ch = *s_.values[static_cast<size_t>(change_of_[i])];
    claim.change = ValueOf(ch);
    direction = ChangeDirectionBefore(ch.start, c.start);
    claim.rule += "/change";
  }
  if (direction != 0) claim.change_direction = direction > 0 ? "up" : "down";
  claim.modality = modality;
  claim.negated = NegatedBefore(v.start, c.start);
  claim.speaker = SpeakerFor(v.start, v.end, c);
  last_metric_ = metric;
  last_subject_ = subject;
  last_value_end_ = v.end;
  out->push_back(std::move(claim));
}

bool SentenceAssembler::RelativeClaim(size_t i, std::vector<Claim>* out) {
  const Mention& v = *s_.values[i];
  if (v.type != MentionType::kPercent && v.type != MentionType::kMultiple) return false;
  const std::string_view text = ctx_.text;
  PhraseMatch comp = ctx_.rules->comparatives.StartingAt(text, v.end, true);
  if (!comp.found() || TokensBetween(text, v.end, comp.start) > 0) return false;
  Clause c = ClauseAt(v.start);
  size_t than = text.substr(comp.end, c.end - comp.end).find(" than ");
  if (than == std::string_view::npos) return false;
  than += comp.end;
  const MetricMention* metric = nullptr;
  for (const MetricMention* m : s_.metrics) {
    if (m->start >= comp.end && m->end <= than) metric = m;
  }
  size_t cmp_start = than + 6;
  size_t cmp_end = cmp_start;
  while (cmp_end < c.end && text[cmp_end] != ',' && text[cmp_end] != ';' && text[cmp_end] != '.') {
    ++cmp_end;
  }
  Claim claim = NewClaim(ClaimKind::kRelative,
                         "relative/" + std::string(text.substr(comp.start, comp.end - comp.start)));
  const EntityMention* subject = nullptr;
  for (const EntityMention* e : s_.entities) {
    if (e->end <= v.start && e->type != EntityType::kPerson) subject = e;
  }
  SetSubject(subject ? subject : ctx_.main_entity, &claim);
  if (metric != nullptr) claim.metric = metric->metric_id;
  claim.value = ValueOf(v);
  claim.comparator = std::string(text.substr(cmp_start, cmp_end - cmp_start));
  claim.modality = ModalityOf(c);
  claim.negated = NegatedBefore(v.start, c.start);
  claim.speaker = SpeakerFor(v.start, v.end, c);
  out->push_back(std::move(claim));
  return true;
}

}  // namespace claimgraph
