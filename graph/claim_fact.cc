#include "graph/claim_fact.h"

#include <algorithm>
#include <cmath>

#include "engine/date.h"
#include "engine/hash.h"
#include "engine/key_codec.h"
#include "graph/value_interval.h"

namespace claimgraph {

namespace {

// YYYYMMDD of a published date, 0 when it is not a date.
int32_t DateNumber(std::string_view published) {
  std::optional<Date> d = Date::Parse(published.substr(0, std::min<size_t>(10, published.size())));
  if (!d) return 0;
  return d->year * 10000 + d->month * 100 + d->day;
}

// Fills the value part of a quantity fact, or says why it is not compared.
const char* FillValue(const Claim& c, ClaimFact* f, StringTable* strings) {
  if (c.metric.empty()) return "no metric";
  if (!c.value) return "no value";
  if (c.negated) return "negated";
  std::optional<ValueInterval> v = IntervalOf(*c.value);
  if (!v) return "not a quantity";
  f->amount = v->amount;
  f->low = v->low;
  f->high = v->high;
  f->qualifier = c.value->quantity.qualifier;
  f->dimension = strings->Intern(v->dimension);
  return nullptr;
}

}  // namespace

namespace {

uint64_t HashOf(std::string_view s) { return std::hash<std::string_view>()(s); }

}  // namespace

StringTable::StringTable() {
  strings_.emplace_back();  // id 0 = kNone = ""
  ids_.Reserve(1, [](uint32_t) { return uint64_t{0}; });
}

uint32_t StringTable::Intern(std::string_view s) {
  if (s.empty()) return kNone;
  const uint64_t hash = HashOf(s);
  auto key_of = [this](uint32_t id) -> std::string_view { return strings_[id]; };
  const size_t slot = ids_.Probe(s, hash, key_of);
  if (ids_.IdAt(slot) != IdHash::kNoId) return ids_.IdAt(slot);
  const auto id = static_cast<uint32_t>(strings_.size());
  strings_.emplace_back(s);
  ids_.Place(slot, id, hash);
  ids_.Reserve(strings_.size(), [this](uint32_t i) { return HashOf(strings_[i]); });
  return id;
}

void StringTable::Prefetch(std::string_view s, int stage) const {
  if (s.empty()) return;
  const uint64_t hash = HashOf(s);
  if (stage == 0) return ids_.PrefetchSlot(hash);
  const uint32_t id = ids_.LikelyId(hash);
  if (id >= strings_.size()) return;
  const std::string& likely = strings_[id];
  if (stage == 1) {
    __builtin_prefetch(&likely);
  } else {
    __builtin_prefetch(likely.data());
  }
}

uint32_t StringTable::Keep(std::string_view s) {
  if (std::optional<uint64_t> number = CanonicalClaimNumber(s)) {
    kept_.push_back(*number);
    kept_is_text_.push_back(false);
  } else {
    kept_.push_back(kept_text_.size());
    kept_is_text_.push_back(true);
    kept_text_.emplace_back(s);
  }
  return static_cast<uint32_t>(kept_.size() - 1);
}

std::string StringTable::Kept(uint32_t n) const {
  return kept_is_text_[n] ? kept_text_[kept_[n]] : HexId(kept_[n]);
}

bool StringTable::KeptLess(uint32_t a, uint32_t b) const {
  if (!kept_is_text_[a] && !kept_is_text_[b]) return kept_[a] < kept_[b];
  return Kept(a) < Kept(b);
}

std::optional<uint64_t> CanonicalClaimNumber(std::string_view id) {
  if (id.size() != 16) return std::nullopt;
  uint64_t v = 0;
  for (char c : id) {
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    if (d < 0) return std::nullopt;
    v = v << 4 | static_cast<uint64_t>(d);
  }
  return v;
}

std::optional<uint32_t> StringTable::Find(std::string_view s) const {
  if (s.empty()) return kNone;
  const uint32_t id =
      ids_.Find(s, HashOf(s), [this](uint32_t i) -> std::string_view { return strings_[i]; });
  if (id == IdHash::kNoId) return std::nullopt;
  return id;
}

std::string SourceKey(const StoredClaim& claim) {
  return claim.source.empty() ? "doc:" + claim.claim.doc_id : claim.source;
}

std::string AlignedPeriodKey(const Claim& claim, std::string_view published) {
  std::string key = ClaimPeriodKey(claim);
  if (!key.empty()) return key;
  const int32_t date = DateNumber(published);
  if (date == 0) return "asof:undated";
  const int year = date / 10000;
  const int quarter = (date / 100 % 100 - 1) / 3 + 1;
  return "asof:" + std::to_string(year) + "-Q" + std::to_string(quarter);
}

ModalityClass ClassOf(Modality modality) {
  switch (modality) {
    case Modality::kReported:
      return ModalityClass::kReported;
    case Modality::kForecast:
    case Modality::kEstimate:
    case Modality::kGuidance:
    case Modality::kTarget:
      return ModalityClass::kExpected;
    case Modality::kHypothetical:
    case Modality::kConditional:
      return ModalityClass::kHypothetical;
    case Modality::kOpinion:
      return ModalityClass::kOpinion;
  }
  return ModalityClass::kOpinion;
}

ClaimFact MakeClaimFact(const StoredClaim& sc, StringTable* strings) {
  const Claim& c = sc.claim;
  ClaimFact f;
  f.claim = strings->Keep(c.claim_id);
  f.doc = strings->Intern(c.doc_id);
  f.source = strings->Intern(SourceKey(sc));
  f.subject = strings->Intern(c.subject.id);
  f.metric = strings->Intern(c.metric);
  f.date = DateNumber(sc.published);
  f.modality = c.modality;
  f.modality_class = ClassOf(c.modality);
  f.negated = c.negated;
  const char* why = nullptr;
  if (c.subject.id.empty()) {
    why = "no subject";
  } else if (c.kind == ClaimKind::kQuantity) {
    why = FillValue(c, &f, strings);
    if (why == nullptr) {
      f.role = FactRole::kNumeric;
      f.period = strings->Intern(AlignedPeriodKey(c, sc.published));
    }
  } else if (c.kind == ClaimKind::kStance) {
    const float sign = c.stance == "negative" ? -1.0f : c.stance == "positive" ? 1.0f : 0.0f;
    f.score = sign * std::max(0.01f, std::fabs(static_cast<float>(c.score)));
    if (c.negated) {
      why = "negated";
    } else if (sign == 0) {
      why = "neutral stance";
    } else {
      f.role = FactRole::kStance;
    }
  } else {
    why = "kind not compared";
  }
  if (why != nullptr) f.excluded = strings->Intern(why);
  return f;
}

}  // namespace claimgraph
