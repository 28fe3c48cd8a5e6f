#include "engine/claim_search.h"

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_set>

#include "engine/key_codec.h"
#include "engine/utf8.h"

namespace claimgraph {

namespace {

constexpr size_t kFetchBatch = 256;

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

// Whether lower-cased `text` holds `word` with no letter or digit either side.
bool HasWord(std::string_view text, std::string_view word) {
  for (size_t pos = text.find(word); pos != std::string_view::npos;
       pos = text.find(word, pos + 1)) {
    const bool left = pos == 0 || !IsWordByte(text[pos - 1]);
    const size_t end = pos + word.size();
    const bool right = end >= text.size() || !IsWordByte(text[end]);
    if (left && right) return true;
  }
  return false;
}

bool ScopeMatches(const ClaimScope& scope, const Claim& c) {
  const bool speaker_ok =
      c.speaker && !c.speaker->id.empty() && Contains(scope.speakers, c.speaker->id);
  const bool any_subject = scope.subjects.empty() && scope.speakers.empty();
  if (!any_subject && !Contains(scope.subjects, c.subject.id) && !speaker_ok) return false;
  if (!scope.metrics.empty() && !Contains(scope.metrics, c.metric)) return false;
  if (scope.evidence_words.empty()) return true;
  const std::string lower = AsciiLowered(c.evidence_text);
  return std::any_of(scope.evidence_words.begin(), scope.evidence_words.end(),
                     [&](const std::string& w) { return HasWord(lower, w); });
}

struct Candidate {
  std::string date;  // the document's date from the index key; may be empty
  std::string id;
};

// The claims the indexes offer for `query`, deduplicated, within its date
// range, newest first; nullopt when only a full scan can answer it.
Result<std::optional<std::vector<Candidate>>> Candidates(const Store& store,
                                                         const ClaimQuery& query) {
  std::vector<Candidate> found;
  std::unordered_set<std::string> seen;
  auto scan = [&](ClaimIndex index, std::vector<std::string> prefix) {
    return store.ScanIndexKeys(index, prefix, false, [&](const std::vector<std::string>& parts) {
      std::string date = parts.size() >= 2 ? parts[parts.size() - 2] : std::string();
      if (!query.since.empty() && date < query.since) return true;
      if (!query.until.empty() && (date.empty() || date > query.until)) return true;
      if (seen.insert(parts.back()).second) found.push_back({std::move(date), parts.back()});
      return true;
    });
  };
  using Found = std::optional<std::vector<Candidate>>;
  if (query.scopes.empty() && query.sources.empty()) return Found();
  Status s;
  for (const std::string& source :
       query.scopes.empty() ? query.sources : std::vector<std::string>{}) {
    if (s = scan(ClaimIndex::kBySource, {source}); !s.ok()) return s;
  }
  for (const ClaimScope& scope : query.scopes) {
    if (scope.subjects.empty() && scope.speakers.empty() && scope.metrics.empty()) return Found();
    for (const std::string& subject : scope.subjects) {
      if (scope.metrics.empty()) {
        s = scan(ClaimIndex::kBySubject, {subject});
      } else {
        for (const std::string& metric : scope.metrics) {
          if (s = scan(ClaimIndex::kByBlock, {subject, metric}); !s.ok()) break;
        }
      }
      if (!s.ok()) return s;
    }
    for (const std::string& speaker : scope.speakers) {
      if (s = scan(ClaimIndex::kBySpeaker, {speaker}); !s.ok()) return s;
    }
    if (scope.subjects.empty() && scope.speakers.empty()) {
      for (const std::string& metric : scope.metrics) {
        if (s = scan(ClaimIndex::kByMetric, {metric}); !s.ok()) return s;
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return a.date != b.date ? a.date > b.date : a.id < b.id;
  });
  return Found(std::move(found));
}

void Consider(const ClaimQuery& query, StoredClaim claim, std::vector<ClaimHit>* out) {
  if (!PassesFilters(query, claim)) return;
  std::optional<size_t> scope = MatchingScope(query, claim);
  if (!scope) return;
  out->push_back(ClaimHit{std::move(claim), *scope});
}

}  // namespace

bool PassesFilters(const ClaimQuery& q, const StoredClaim& sc) {
  const Claim& c = sc.claim;
  if (!q.kinds.empty() && std::find(q.kinds.begin(), q.kinds.end(), c.kind) == q.kinds.end()) {
    return false;
  }
  if (!q.modalities.empty() &&
      std::find(q.modalities.begin(), q.modalities.end(), c.modality) == q.modalities.end()) {
    return false;
  }
  if (!q.sources.empty() && !Contains(q.sources, sc.source)) return false;
  const std::string_view date = std::string_view(sc.published).substr(0, 10);
  if (!q.since.empty() && (date.empty() || date < q.since)) return false;
  if (!q.until.empty() && (date.empty() || date > q.until)) return false;
  if (!q.period.empty()) {
    const std::string key = ClaimPeriodKey(c);
    if (key.compare(0, q.period.size(), q.period) != 0) return false;
  }
  return true;
}

std::optional<size_t> MatchingScope(const ClaimQuery& q, const StoredClaim& sc) {
  if (q.scopes.empty()) return 0;
  for (size_t i = 0; i < q.scopes.size(); ++i) {
    if (ScopeMatches(q.scopes[i], sc.claim)) return i;
  }
  return std::nullopt;
}

Result<std::vector<ClaimHit>> SearchClaims(const Store& store, const ClaimQuery& query) {
  auto candidates = Candidates(store, query);
  if (!candidates.ok()) return candidates.status();
  std::vector<ClaimHit> hits;
  if (!candidates->has_value()) {
    Status s = store.ForEachClaim([&](const StoredClaim& c) {
      Consider(query, c, &hits);
      return true;
    });
    if (!s.ok()) return s;
  } else {
    // Newest first; with a limit, stop once it is reached and every other
    // candidate of the same day (which may sort before it) has been seen.
    const std::vector<Candidate>& all = **candidates;
    std::string cutoff;
    bool full = false;
    for (size_t i = 0; i < all.size() && !(full && all[i].date < cutoff); i += kFetchBatch) {
      std::vector<std::string> batch;
      for (size_t j = i; j < std::min(all.size(), i + kFetchBatch); ++j) {
        if (full && all[j].date < cutoff) break;
        batch.push_back(all[j].id);
      }
      auto claims = store.GetClaims(batch);
      if (!claims.ok()) return claims.status();
      for (StoredClaim& c : *claims) {
        const std::string date(IndexDate(c.published));
        if (full && date < cutoff) continue;
        Consider(query, std::move(c), &hits);
        if (!full && query.limit > 0 && hits.size() >= query.limit) {
          full = true;
          cutoff = date;
        }
      }
    }
  }
  std::sort(hits.begin(), hits.end(), [](const ClaimHit& a, const ClaimHit& b) {
    const Claim& x = a.claim.claim;
    const Claim& y = b.claim.claim;
    if (a.claim.published != b.claim.published) return a.claim.published > b.claim.published;
    if (x.doc_id != y.doc_id) return x.doc_id < y.doc_id;
    if (x.evidence_start != y.evidence_start) return x.evidence_start < y.evidence_start;
    return x.claim_id < y.claim_id;
  });
  if (query.limit > 0 && hits.size() > query.limit) hits.resize(query.limit);
  return hits;
}

}  // namespace claimgraph
