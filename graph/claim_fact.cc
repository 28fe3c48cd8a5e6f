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

constexpr uint64_t kTagMask = ~uint64_t{0xFFFFFFFF};

}  // namespace

StringTable::StringTable() : slots_(16, 0) { strings_.emplace_back(); }  // id 0 = kNone = ""

size_t StringTable::SlotOf(std::string_view s, size_t hash) const {
  const size_t mask = slots_.size() - 1;
  const uint64_t tag = uint64_t{hash} & kTagMask;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const uint64_t slot = slots_[i];
    if (slot == 0) return i;
    if ((slot & kTagMask) == tag && strings_[static_cast<uint32_t>(slot)] == s) return i;
  }
}

void StringTable::Grow() {
  std::vector<uint64_t>(slots_.size() * 2, 0).swap(slots_);
  for (size_t id = 1; id < strings_.size(); ++id) {
    const size_t hash = std::hash<std::string_view>()(strings_[id]);
    slots_[SlotOf(strings_[id], hash)] = (uint64_t{hash} & kTagMask) | id;
  }
}

uint32_t StringTable::Intern(std::string_view s) {
  if (s.empty()) return kNone;
  const size_t hash = std::hash<std::string_view>()(s);
  const size_t i = SlotOf(s, hash);
  if (slots_[i] != 0) return static_cast<uint32_t>(slots_[i]);
  const auto id = static_cast<uint32_t>(strings_.size());
  strings_.emplace_back(s);
  slots_[i] = (uint64_t{hash} & kTagMask) | id;
  if (strings_.size() * 2 > slots_.size()) Grow();
  return id;
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
  const uint64_t slot = slots_[SlotOf(s, std::hash<std::string_view>()(s))];
  if (slot == 0) return std::nullopt;
  return static_cast<uint32_t>(slot);
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
