// ClaimFact: the compact form of a stored claim that the contradiction and
// truth-discovery analyses work on (docs/CONSISTENCY.md).
//
// A StoredClaim carries its evidence sentence, spans and names; a ClaimFact
// keeps only what comparing values needs, with every string interned into a
// StringTable as a uint32, so that millions of claims fit in memory (about
// 80 bytes each). Findings refer back to claims by id; callers fetch the
// full claims they print from the store.
//
// StringTable is not thread-safe while it is being added to; once built it
// may be read from any number of threads. ClaimFact is a plain value type.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/claim.h"
#include "engine/stored.h"
#include "graph/id_hash.h"

namespace claimgraph {

// Interns strings: equal strings get equal ids, ids count up from 0.
class StringTable {
 public:
  // The id reserved for "no string" (an absent metric or period).
  static constexpr uint32_t kNone = 0;

  StringTable();
  // Moves keep the strings where they are (references from Get stay
  // valid); copies would not, so there are none.
  StringTable(StringTable&&) = default;
  StringTable& operator=(StringTable&&) = default;
  StringTable(const StringTable&) = delete;
  StringTable& operator=(const StringTable&) = delete;
  // The id of `s`, adding it when new. The empty string is kNone.
  uint32_t Intern(std::string_view s);
  // Brings into the cache what Intern(s) will read, in kPrefetchStages
  // stages (Store::ForEachClaim's lookahead): stage 0 its hash slot, stage 1
  // the string the slot likely names, stage 2 that string's bytes when they
  // are not inside it. Changes nothing.
  static constexpr int kPrefetchStages = 3;
  void Prefetch(std::string_view s, int stage) const;
  // The id of `s`, or nullopt when it was never interned.
  std::optional<uint32_t> Find(std::string_view s) const;
  // REQUIRES: id was returned by this table. The reference lives as long as
  // the table.
  const std::string& Get(uint32_t id) const { return strings_[id]; }
  size_t size() const { return strings_.size(); }

  // Keeps `s` without interning it and returns its number, counting up from
  // 0 in the order kept: for claim ids, each of which names one claim, the
  // interning map would only cost memory (about 100 bytes a claim). A
  // canonical claim id (CanonicalClaimNumber) is kept as its 8-byte number.
  // REQUIRES: fewer than 2^32 strings kept.
  uint32_t Keep(std::string_view s);
  // REQUIRES: n was returned by Keep. The string kept.
  std::string Kept(uint32_t n) const;
  // Kept(a) < Kept(b), without building the strings when both are canonical.
  bool KeptLess(uint32_t a, uint32_t b) const;
  // The number of kept string n when it is a canonical claim id.
  std::optional<uint64_t> KeptNumber(uint32_t n) const {
    if (kept_is_text_[n]) return std::nullopt;
    return kept_[n];
  }

 private:
  std::deque<std::string> strings_;  // a deque: strings never move once added
  IdHash ids_;                       // by std::hash (graph/id_hash.h)
  // Kept strings: a canonical claim id's number, else an index into
  // kept_text_ (rare: ids this build does not make).
  std::vector<uint64_t> kept_;
  std::vector<bool> kept_is_text_;
  std::vector<std::string> kept_text_;
};

// The number a canonical claim id (16 lower-case hexadecimal digits, as
// the extractor makes them, engine/hash.h HexId) spells; nullopt for any
// other string. Numbers order as their ids do.
std::optional<uint64_t> CanonicalClaimNumber(std::string_view id);

// Which comparisons a claim's modality allows.
enum class ModalityClass : uint8_t {
  kReported,      // reported: compared with reported claims
  kExpected,      // forecast, estimate, guidance, target: with each other, and beat/miss
  kHypothetical,  // hypothetical, conditional: only with each other
  kOpinion,       // opinion (stances)
};

// What a fact takes part in.
enum class FactRole : uint8_t {
  kNumeric,      // a quantity claim with a metric and a value: compared by value
  kStance,       // a stance claim: compared by polarity
  kNotCompared,  // counted, never compared (see `excluded`)
};

// 72 bytes: a large store holds tens of millions of these at once.
struct ClaimFact {
  uint32_t claim = 0;      // claim id (StringTable::Kept)
  uint32_t doc = 0;        // document id
  uint32_t source = 0;     // the document's source, or "doc:<doc_id>" without one
  uint32_t subject = 0;    // subject id (kNone when unknown)
  uint32_t metric = 0;     // metric id; stances: their topic (kNone = the entity as a whole)
  uint32_t period = 0;     // aligned period key (AlignedPeriodKey)
  uint32_t dimension = 0;  // unit dimension ("money:USD", "percent", "count:employees")
  uint32_t excluded = 0;   // kNotCompared: why ("no value", "negated", ...)
  double amount = 0;       // the stated value, normalized
  double low = 0;          // its interval (value_interval.h); may be +-infinity
  double high = 0;
  float score = 0;   // stances: polarity, sign = stance
  int32_t date = 0;  // the document's published date as YYYYMMDD; 0 = unknown
  Qualifier qualifier = Qualifier::kExact;
  Modality modality = Modality::kReported;
  ModalityClass modality_class = ModalityClass::kReported;
  FactRole role = FactRole::kNotCompared;
  bool negated = false;
};
static_assert(sizeof(ClaimFact) <= 72, "ClaimFact grew: every claim of a rebuild holds one");

// The source key of a stored claim: its document's source, or
// "doc:<doc_id>" when the document has none (each such document is then
// its own source).
std::string SourceKey(const StoredClaim& claim);

// The period a claim's value is compared in: its own period key
// (engine/key_codec.h PeriodKey, "2025-Q3", "FY2025") when it has one;
// otherwise "as of" the document's publication quarter ("asof:2025-Q3"),
// or "asof:undated" when the document has no date either.
std::string AlignedPeriodKey(const Claim& claim, std::string_view published);

// The modality class of a modality.
ModalityClass ClassOf(Modality modality);

// Builds the fact of one stored claim, interning its strings into *strings.
// Claims that cannot be compared (no metric, no value, negated, a kind other
// than quantity and stance) still get a fact, with role kNotCompared and
// `excluded` saying why, so every claim is counted.
ClaimFact MakeClaimFact(const StoredClaim& claim, StringTable* strings);

}  // namespace claimgraph
