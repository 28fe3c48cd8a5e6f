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

// The claims the indexes offer for a query, merged from one stream per
// index prefix, newest first, each once, within the query's date range.
// Every stream is an index prefix whose keys are in date order, walked
// lazily, so a search with a limit reads about `limit` keys of each.
class CandidateMerge {
 public:
  explicit CandidateMerge(const ClaimQuery& query) : query_(query) {}

  void Add(std::unique_ptr<IndexCursor> cursor) {
    Stream stream;
    stream.cursor = std::move(cursor);
    Push(std::move(stream));
  }
  // The next candidate, or nullopt at the end (check status()).
  std::optional<Candidate> Next() {
    while (!heap_.empty()) {
      std::pop_heap(heap_.begin(), heap_.end(), OlderHead);
      Stream stream = std::move(heap_.back());
      heap_.pop_back();
      Candidate c = stream.Head();
      stream.Advance();
      Push(std::move(stream));
      if (seen_.insert(c.id).second) return c;
    }
    return std::nullopt;
  }
  const Status& status() const { return status_; }

 private:
  // Heads are compared in place (date and id are the last two key
  // components); only the candidate handed out is copied.
  struct Stream {
    std::unique_ptr<IndexCursor> cursor;

    bool Valid() const { return cursor->Valid(); }
    std::string_view date() const {
      const std::vector<std::string>& p = cursor->parts();
      return p.size() >= 2 ? std::string_view(p[p.size() - 2]) : std::string_view();
    }
    std::string_view id() const { return cursor->parts().back(); }
    Candidate Head() const { return {std::string(date()), std::string(id())}; }
    void Advance() { cursor->Next(); }
  };

  // Heap order: the stream whose head is older sorts first.
  static bool OlderHead(const Stream& a, const Stream& b) {
    return a.date() != b.date() ? a.date() < b.date() : a.id() < b.id();
  }

  // Skips what is newer than `until`, ends the stream at what is older than
  // `since` (everything after it is older still), and keeps it if not done.
  void Push(Stream stream) {
    for (; stream.Valid(); stream.Advance()) {
      const std::string_view date = stream.date();
      if (!query_.since.empty() && date < query_.since) return;
      if (query_.until.empty() || (!date.empty() && date <= query_.until)) break;
    }
    if (!stream.cursor->status().ok() && status_.ok()) {
      status_ = stream.cursor->status();
    }
    if (!stream.Valid()) return;
    heap_.push_back(std::move(stream));
    std::push_heap(heap_.begin(), heap_.end(), OlderHead);
  }

  const ClaimQuery& query_;
  std::vector<Stream> heap_;
  std::unordered_set<std::string> seen_;
  Status status_;
};

// Whether by_term can stand in for the evidence words of `query`'s scopes:
// every stored claim was extracted with the query's ruleset, so its terms
// were found with the query's vocabulary.
Result<bool> TermIndexUsable(const Store& store, const ClaimQuery& query) {
  if (query.ruleset.empty() || query.term_vocabulary.empty()) return false;
  auto total = store.Counter("total", "claims");
  if (!total.ok()) return total.status();
  auto current = store.Counter("ruleset", query.ruleset);
  if (!current.ok()) return current.status();
  return *total == *current;
}

bool AllTerms(const ClaimQuery& query, const std::vector<std::string>& words) {
  return std::all_of(words.begin(), words.end(), [&](const std::string& w) {
    return std::binary_search(query.term_vocabulary.begin(), query.term_vocabulary.end(), w);
  });
}

// Sets up `merge` with the index prefixes that answer `query`; false when
// only a full scan can answer it.
Result<bool> AddCandidateStreams(const Store& store, const ClaimQuery& query,
                                 CandidateMerge* merge) {
  auto dated = [&](ClaimIndex index, std::vector<std::string> prefix) {
    merge->Add(store.NewIndexCursor(index, prefix, /*descending=*/true));
  };
  bool terms_usable = false;
  for (const ClaimScope& scope : query.scopes) {
    if (scope.evidence_words.empty() || !AllTerms(query, scope.evidence_words)) continue;
    auto usable = TermIndexUsable(store, query);
    if (!usable.ok()) return usable.status();
    terms_usable = *usable;
    break;
  }
  if (query.scopes.empty() && query.sources.empty()) return false;
  for (const std::string& source :
       query.scopes.empty() ? query.sources : std::vector<std::string>{}) {
    dated(ClaimIndex::kBySource, {source});
  }
  for (const ClaimScope& scope : query.scopes) {
    const bool by_term =
        terms_usable && !scope.evidence_words.empty() && AllTerms(query, scope.evidence_words);
    if (by_term && scope.subjects.empty() && scope.speakers.empty()) {
      // Any subject: the entries kept under the empty subject id.
      for (const std::string& word : scope.evidence_words) dated(ClaimIndex::kByTerm, {"", word});
      continue;
    }
    if (scope.subjects.empty() && scope.speakers.empty() && scope.metrics.empty()) return false;
    for (const std::string& subject : scope.subjects) {
      if (by_term) {
        // Only claims whose evidence holds one of the words can match.
        for (const std::string& word : scope.evidence_words) {
          dated(ClaimIndex::kByTerm, {subject, word});
        }
        continue;
      }
      if (scope.metrics.empty()) {
        dated(ClaimIndex::kBySubject, {subject});
        continue;
      }
      for (const std::string& metric : scope.metrics) {
        // by_block keys put the period before the date: one dated stream
        // per period (only those the query's period prefix admits).
        auto periods = store.IndexComponents(ClaimIndex::kByBlock, {subject, metric});
        if (!periods.ok()) return periods.status();
        for (const std::string& period : *periods) {
          if (period.compare(0, query.period.size(), query.period) != 0) continue;
          dated(ClaimIndex::kByBlock, {subject, metric, period});
        }
      }
    }
    for (const std::string& speaker : scope.speakers) dated(ClaimIndex::kBySpeaker, {speaker});
    if (scope.subjects.empty() && scope.speakers.empty()) {
      for (const std::string& metric : scope.metrics) dated(ClaimIndex::kByMetric, {metric});
    }
  }
  return true;
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
  CandidateMerge merge(query);
  auto indexed = AddCandidateStreams(store, query, &merge);
  if (!indexed.ok()) return indexed.status();
  std::vector<ClaimHit> hits;
  if (!*indexed) {
    Status s = store.ForEachClaim([&](const StoredClaim& c) {
      Consider(query, c, &hits);
      return true;
    });
    if (!s.ok()) return s;
  } else {
    // Newest first; with a limit, stop once it is reached and every other
    // candidate of the same day (which may sort before it) has been seen.
    std::string cutoff;
    bool full = false;
    for (bool more = true; more;) {
      std::vector<std::string> batch;
      while (batch.size() < kFetchBatch) {
        std::optional<Candidate> c = merge.Next();
        if (!c || (full && c->date < cutoff)) {
          more = false;
          break;
        }
        batch.push_back(std::move(c->id));
      }
      if (!merge.status().ok()) return merge.status();
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
