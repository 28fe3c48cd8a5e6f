#include "extractors/claim_extractor.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

#include "engine/hash.h"
#include "engine/line_reader.h"
#include "engine/utf8.h"
#include "extractors/annotator.h"
#include "extractors/claim_internal.h"
#include "extractors/entity_recognizer.h"
#include "extractors/pattern_rules.h"
#include "extractors/question_lexicon.h"

namespace claimgraph {

namespace {

// The schema files a ruleset consists of, in hashing order.
constexpr const char* kRuleFiles[] = {"quantities.json", "rules.json", "metrics.json",
                                      "catalog.json", "stance.json"};
// Optional: a schema directory without it has no pattern rules.
constexpr const char* kPatternFile = "patterns.txt";

// The FNV-1a of the claim's identifying fields joined by '\x1f'. FNV reads
// bytes one at a time, so the parts are hashed as they come, without
// building the joined string: the value is the same.
std::string ClaimId(const Claim& c) {
  uint64_t h = Fnv1a64(c.doc_id);
  auto part = [&h](std::string_view p) { h = Fnv1a64(p, Fnv1a64("\x1f", h)); };
  char digits[24];
  auto number = [&digits](size_t v) {
    const auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;
    return std::string_view(digits, static_cast<size_t>(end - digits));
  };
  for (std::string_view p : {std::string_view(ClaimKindName(c.kind)), std::string_view(c.rule),
                             std::string_view(c.subject.id), std::string_view(c.metric),
                             std::string_view(c.status), std::string_view(c.label)}) {
    part(p);
  }
  if (c.kind == ClaimKind::kRelation) {
    part(c.relation);
    part(c.object.id);
  }
  part(number(c.evidence_start));
  if (c.value) {
    part(number(c.value->start));
    h = Fnv1a64(":", h);
    h = Fnv1a64(number(c.value->end), h);
  }
  return HexId(h);
}

// The company mentioned most often (first on ties), the document's topic.
const EntityMention* MainEntity(const std::vector<EntityMention>& entities) {
  std::map<std::string, int> counts;
  for (const EntityMention& e : entities) {
    if (e.type == EntityType::kCompany) ++counts[e.id];
  }
  const EntityMention* best = nullptr;
  int best_count = 0;
  for (const EntityMention& e : entities) {
    if (e.type != EntityType::kCompany) continue;
    if (counts[e.id] > best_count) best = &e, best_count = counts[e.id];
  }
  return best;
}

// The items of one document that lie inside each of its sentences, in the
// order of `all`. Recognizers return their mentions sorted by start, and
// sentences come in order, so a sentence's items are one run that starts
// where the previous sentence's search stopped or after; unsorted input (no
// recognizer produces it today) falls back to a scan of every item.
template <typename T>
class WithinIndex {
 public:
  explicit WithinIndex(const std::vector<T>& all)
      : all_(all), sorted_(std::is_sorted(all.begin(), all.end(), [](const T& a, const T& b) {
          return a.start < b.start;
        })) {}

  // REQUIRES: each call's s.start is at least the previous call's.
  std::vector<const T*> Within(const SentenceSpan& s) {
    std::vector<const T*> out;
    auto it = all_.begin();
    if (sorted_) {
      while (first_ < all_.size() && all_[first_].start < s.start) ++first_;
      it += static_cast<std::ptrdiff_t>(first_);
    }
    for (; it != all_.end(); ++it) {
      if (sorted_ && it->start > s.end) break;  // nothing after it can end by s.end
      if (it->start >= s.start && it->end <= s.end) out.push_back(&*it);
    }
    return out;
  }

 private:
  const std::vector<T>& all_;
  const bool sorted_;
  size_t first_ = 0;  // the first item starting at or after the last sentence's start
};

// Adds the pattern rules' metric mentions to the lexicon's (sorted, not
// overlapping): where a pattern's span overlaps a lexicon phrase or an
// earlier pattern's span, the earlier mention stays.
void AddPatternMetrics(const PatternRules& patterns, std::string_view prose,
                       const std::vector<bool>& may_match, std::vector<MetricMention>* mentions) {
  std::vector<MetricMention> merged;
  auto next = mentions->begin();
  size_t taken_end = 0;  // end of the last mention kept
  for (const PatternMatch& m : patterns.FindAll(PatternKind::kMetric, prose, &may_match)) {
    while (next != mentions->end() && next->start < m.end) {
      taken_end = std::max(taken_end, next->end);
      merged.push_back(std::move(*next++));
    }
    if (m.start < taken_end) continue;
    merged.push_back({m.start, m.end, m.rule->label, 1});
    taken_end = m.end;
  }
  for (; next != mentions->end(); ++next) merged.push_back(std::move(*next));
  *mentions = std::move(merged);
}

}  // namespace

struct ClaimExtractor::Rep {
  std::unique_ptr<Annotator> annotator;
  EntityCatalog catalog;
  std::unique_ptr<EntityRecognizer> entities;
  std::optional<MetricLexicon> metric_lexicon;
  std::unique_ptr<MetricRecognizer> metrics;
  std::unique_ptr<StanceScorer> stance;
  std::optional<ClaimRules> rules;
  PatternRules patterns;
  CueScanner cues;  // over *rules' cue lists
  std::string ruleset;
  std::vector<std::string> terms;  // the term vocabulary, sorted

  void ScoreClaims(const DocContext& ctx, std::vector<Claim>* out) const;
};

ClaimExtractor::ClaimExtractor() : rep_(std::make_unique<Rep>()) {}
ClaimExtractor::~ClaimExtractor() = default;

namespace {

// What the ruleset hash covers, read once: the rule files, the extra
// catalogs, the pattern rules (optional) and the term vocabulary.
struct RulesetFiles {
  uint64_t hash = 0xcbf29ce484222325ull;
  std::optional<std::string> patterns;  // patterns.txt, when present
  std::vector<std::string> terms;       // LoadTermVocabulary
};

Result<RulesetFiles> ReadRuleset(const ExtractorOptions& options) {
  RulesetFiles r;
  const std::string dir = options.schema_dir + "/";
  for (const char* file : kRuleFiles) {
    std::string bytes;
    Status s = ReadWholeFile(dir + file, size_t{64} << 20, &bytes);
    if (!s.ok()) return s;
    r.hash = Fnv1a64(bytes, Fnv1a64(file, r.hash));
  }
  for (const std::string& extra : options.extra_catalogs) {
    // An unreadable catalog is reported by EntityCatalog::AddFile.
    std::string bytes;
    if (ReadWholeFile(extra, size_t{64} << 20, &bytes).ok()) r.hash = Fnv1a64(bytes, r.hash);
  }
  const std::string pattern_path = dir + kPatternFile;
  std::string pattern_bytes;
  Status s = ReadWholeFile(pattern_path, size_t{16} << 20, &pattern_bytes);
  if (s.ok()) {
    r.hash = Fnv1a64(pattern_bytes, Fnv1a64(kPatternFile, r.hash));
    r.patterns = std::move(pattern_bytes);
  } else if (std::filesystem::exists(pattern_path)) {
    return s;  // there but unreadable: not the same as absent
  }
  auto terms = LoadTermVocabulary(options.schema_dir);
  if (!terms.ok()) return terms.status();
  r.terms = std::move(terms).value();
  if (!r.terms.empty()) {
    // Only the vocabulary: rewording a question does not change the claims.
    std::string joined;
    for (const std::string& t : r.terms) joined.append(t).push_back('\n');
    r.hash = Fnv1a64(joined, Fnv1a64("terms", r.hash));
  }
  return r;
}

}  // namespace

Result<RulesetInfo> ClaimExtractor::Ruleset(const ExtractorOptions& options) {
  auto files = ReadRuleset(options);
  if (!files.ok()) return files.status();
  return RulesetInfo{HexId(files->hash), std::move(files->terms)};
}

Result<std::unique_ptr<ClaimExtractor>> ClaimExtractor::Create(const ExtractorOptions& options) {
  std::unique_ptr<ClaimExtractor> x(new ClaimExtractor());
  Rep& r = *x->rep_;
  const std::string dir = options.schema_dir + "/";
  auto files = ReadRuleset(options);
  if (!files.ok()) return files.status();
  auto annotator = Annotator::Create(options.schema_dir);
  if (!annotator.ok()) return annotator.status();
  r.annotator = std::move(annotator).value();
  Status s = r.catalog.AddFile(dir + "catalog.json");
  for (const std::string& extra : options.extra_catalogs) {
    if (!s.ok()) break;
    s = r.catalog.AddFile(extra);
  }
  if (!s.ok()) return s;
  auto entities = EntityRecognizer::Create(r.catalog);
  if (!entities.ok()) return entities.status();
  r.entities = std::move(entities).value();
  auto lexicon = MetricLexicon::Load(dir + "metrics.json");
  if (!lexicon.ok()) return lexicon.status();
  r.metric_lexicon = std::move(lexicon).value();
  auto metrics = MetricRecognizer::Create(*r.metric_lexicon);
  if (!metrics.ok()) return metrics.status();
  r.metrics = std::move(metrics).value();
  if (files->patterns) {
    auto patterns = PatternRules::Parse(*files->patterns, dir + kPatternFile, *r.metric_lexicon);
    if (!patterns.ok()) return patterns.status();
    r.patterns = std::move(patterns).value();
  }
  auto stance = StanceScorer::Load(dir + "stance.json");
  if (!stance.ok()) return stance.status();
  r.stance = std::move(stance).value();
  auto rules = ClaimRules::Load(dir + "rules.json");
  if (!rules.ok()) return rules.status();
  r.rules = std::move(rules).value();
  const ClaimRules& cr = *r.rules;
  r.cues =
      CueScanner({&cr.clause_breaks, &cr.hypothetical, &cr.conditional, &cr.forecast, &cr.guidance,
                  &cr.target, &cr.estimate, &cr.opinion, &cr.negation, &cr.speaker_verbs,
                  &cr.speaker_sources, &cr.change, &cr.status, &cr.metric_verbs});
  r.ruleset = HexId(files->hash);
  r.terms = std::move(files->terms);
  return x;
}

const std::string& ClaimExtractor::ruleset() const { return rep_->ruleset; }
const EntityCatalog& ClaimExtractor::catalog() const { return rep_->catalog; }
const MetricLexicon& ClaimExtractor::metrics() const { return *rep_->metric_lexicon; }

std::vector<Claim> ClaimExtractor::Extract(const Document& doc) const {
  const Rep& r = *rep_;
  std::string_view prose(doc.text.data(), std::min(doc.prose_end, doc.text.size()));
  std::vector<Mention> mentions = r.annotator->Annotate(doc);
  std::vector<MetricMention> metric_mentions = r.metrics->Recognize(prose);
  // One pass of every pattern rule at once tells which can match at all.
  const std::vector<bool> may_match =
      r.patterns.rules().empty() ? std::vector<bool>() : r.patterns.MayMatch(prose);
  if (r.patterns.Has(PatternKind::kMetric)) {
    AddPatternMetrics(r.patterns, prose, may_match, &metric_mentions);
  }
  DocContext ctx;
  ctx.doc = &doc;
  ctx.text = doc.text;
  ctx.rules = &*r.rules;
  ctx.catalog = &r.catalog;
  ctx.metrics = &*r.metric_lexicon;
  ctx.stance = r.stance.get();
  CueMatches cue_matches;
  StanceScratch stance_scratch;
  ctx.cues = &r.cues;
  ctx.cue_matches = &cue_matches;
  ctx.stance_scratch = &stance_scratch;
  if (r.patterns.Has(PatternKind::kModality)) {
    ctx.modality_patterns = r.patterns.FindAll(PatternKind::kModality, prose, &may_match);
  }
  ctx.entities = r.entities->Recognize(prose);
  ctx.main_entity = MainEntity(ctx.entities);
  std::vector<Mention> values, periods;
  values.reserve(mentions.size());
  for (Mention& m : mentions) {
    (m.type == MentionType::kPeriod ? periods : values).push_back(std::move(m));
  }
  std::vector<Claim> claims;
  // About one claim per value, and a few of other kinds (stance, status,
  // relations): a Claim is large, and growing the vector moves them all.
  claims.reserve(values.size() + 8);
  WithinIndex<Mention> values_index(values), periods_index(periods);
  WithinIndex<EntityMention> entities_index(ctx.entities);
  WithinIndex<MetricMention> metrics_index(metric_mentions);
  for (const SentenceSpan& span : SplitSentences(prose)) {
    SentenceView view{span, values_index.Within(span), periods_index.Within(span),
                      entities_index.Within(span), metrics_index.Within(span)};
    SentenceAssembler(ctx, view).Run(&claims);
  }
  r.ScoreClaims(ctx, &claims);
  const Claim* previous = nullptr;  // claims of one sentence are adjacent
  for (Claim& c : claims) {
    c.ruleset = r.ruleset;
    if (previous != nullptr && previous->evidence_start == c.evidence_start &&
        previous->evidence_text == c.evidence_text) {
      c.terms = previous->terms;
    } else {
      c.terms = FindTerms(c.evidence_text, r.terms);
    }
    c.claim_id = ClaimId(c);
    previous = &c;
  }
  return claims;
}

void ClaimExtractor::Rep::ScoreClaims(const DocContext& ctx, std::vector<Claim>* out) const {
  for (const MetadataField& f : ctx.doc->metadata) {
    std::string label = f.label;
    for (char& ch : label) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (std::find(rules->score_labels.begin(), rules->score_labels.end(), label) ==
        rules->score_labels.end()) {
      continue;
    }
    char* end = nullptr;
    double value = std::strtod(f.value.c_str(), &end);
    if (f.value.empty() || end != f.value.c_str() + f.value.size()) continue;
    Claim c;
    c.kind = ClaimKind::kScore;
    c.doc_id = ctx.doc->id;
    c.rule = "score/metadata";
    c.label = f.label;
    c.score = value;
    c.modality = Modality::kOpinion;
    if (ctx.main_entity != nullptr) {
      c.subject = {ctx.main_entity->id, ctx.main_entity->name, ctx.main_entity->type};
    }
    c.evidence_start = f.start;
    c.evidence_end = f.end;
    c.evidence_text = ctx.doc->text.substr(f.start, f.end - f.start);
    out->push_back(std::move(c));
  }
}

}  // namespace claimgraph
