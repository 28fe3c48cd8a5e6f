// Key encodings of the store, in one place.
//
// A key is a sequence of components. Each component is written as its
// bytes with 0x00 escaped as 0x00 0xFF, followed by the terminator
// 0x00 0x01. So keys sort component by component in byte order, no
// component can run into the next, and the encoding of a prefix of
// components is a byte prefix of every key that starts with them: a
// RocksDB prefix scan over EncodeKey({"AMZN"}) finds the keys of AMZN and
// never those of "AMZN/aws".
//
// Indexes (each its own column family; values are empty). `date` is the
// document's published date, "YYYY-MM-DD" or empty, so that within one
// subject (metric, source...) keys run oldest to newest and a reverse scan
// yields the newest claims first without reading any claim:
//   by_subject  subject_id, date, claim_id
//   by_metric   metric, date, claim_id
//   by_block    subject_id, metric, period_key, date, claim_id  (the unit
//               of comparison for agreement and contradiction)
//   by_doc      doc_id, claim_id
//   by_source   source, date, claim_id
//   by_speaker  speaker_id, date, claim_id
//   by_term     subject_id, term, date, claim_id  (per term of the claim:
//               the words of its evidence sentence that the ruleset's term
//               vocabulary holds, Claim::terms), and again with an empty
//               subject_id: the claims of any subject that say the term
// Pure functions; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/claim.h"
#include "engine/mention.h"

namespace claimgraph {

// Appends one component to *key.
void AppendKeyComponent(std::string_view component, std::string* key);
// Encodes all components.
std::string EncodeKey(std::initializer_list<std::string_view> components);
// Splits a key back into components; nullopt when it is not a valid
// encoding (stray escape, missing terminator).
std::optional<std::vector<std::string>> DecodeKey(std::string_view key);
// The same into *parts, reusing its strings (a scan decodes millions of
// keys); false when the key is not valid, *parts then unspecified.
bool DecodeKeyInto(std::string_view key, std::vector<std::string>* parts);

// The index column families, in a fixed order.
enum class ClaimIndex { kBySubject, kByMetric, kByBlock, kByDoc, kBySource, kBySpeaker, kByTerm };
inline constexpr ClaimIndex kAllClaimIndexes[] = {
    ClaimIndex::kBySubject, ClaimIndex::kByMetric,  ClaimIndex::kByBlock, ClaimIndex::kByDoc,
    ClaimIndex::kBySource,  ClaimIndex::kBySpeaker, ClaimIndex::kByTerm};
// The column family name ("by_subject").
std::string_view ClaimIndexName(ClaimIndex index);

// Appends the keys of a claim in `index` to *keys: none when the claim has
// no entry there (no subject id, no metric, no source, no speaker id, no
// term), two per term in by_term (one without a subject id), else one. `source` and `published` are
// the document's. The claim id is always the last component, and the date
// (IndexDate) the one before it, except in by_doc.
void AppendClaimIndexKeys(ClaimIndex index, const Claim& claim, std::string_view source,
                          std::string_view published, std::vector<std::string>* keys);
// The date component of index keys: the first 10 bytes of `published` when
// they are a YYYY-MM-DD date, else empty.
std::string_view IndexDate(std::string_view published);
// Whether keys of `index` carry a date component.
inline bool IndexHasDate(ClaimIndex index) { return index != ClaimIndex::kByDoc; }

// A period as a sortable, prefix-searchable key: "2025", "2025-Q3",
// "2025-H1", "2025-07", "2025-07-14", "FY2025", "2025-01-01..2025-06-30"
// for other spans; empty when the period has no year. Query periods are
// matched as prefixes of it ("2025" matches "2025-Q3").
std::string PeriodKey(const Period& period);
// The period key of a claim's value; empty when it has no period.
std::string ClaimPeriodKey(const Claim& claim);

}  // namespace claimgraph
