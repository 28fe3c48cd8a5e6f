// The schema loader targets: each parses the input as one schemas/ file and,
// when it loads, runs what is built from it over kSampleText.
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "extractors/claim_rules.h"
#include "extractors/cue_scanner.h"
#include "extractors/entity_catalog.h"
#include "extractors/entity_recognizer.h"
#include "extractors/metric_lexicon.h"
#include "extractors/pattern_rules.h"
#include "extractors/quantity_lexicon.h"
#include "extractors/quantity_recognizer.h"
#include "extractors/question_lexicon.h"
#include "extractors/stance_scorer.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_targets.h"

namespace claimgraph::fuzz {

namespace {

const std::string_view kText = kSampleText;

// The phrase lists of the rules, for FindAll and the cue scanner.
std::vector<const PhraseMatcher*> Matchers(const ClaimRules& r) {
  return {&r.clause_breaks,   &r.hypothetical, &r.conditional, &r.forecast,     &r.guidance,
          &r.target,          &r.estimate,     &r.opinion,     &r.negation,     &r.speaker_verbs,
          &r.speaker_sources, &r.pronouns,     &r.change,      &r.prior_before, &r.prior_after,
          &r.comparatives,    &r.status,       &r.metric_verbs};
}

bool SameMatches(const std::vector<PhraseMatch>& a, const std::vector<PhraseMatch>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].start != b[i].start || a[i].end != b[i].end || a[i].index != b[i].index) return false;
  }
  return true;
}

// Every list's matches in the sample lie inside it, and the one-pass cue
// scanner finds exactly what FindAll finds (its documented contract).
void CheckPhraseLists(const ClaimRules& rules) {
  const std::vector<const PhraseMatcher*> matchers = Matchers(rules);
  CueScanner scanner(matchers);
  CueMatches scanned;
  scanner.Scan(kText, 0, kText.size(), &scanned);
  for (size_t k = 0; k < matchers.size(); ++k) {
    std::vector<PhraseMatch> found = FindAll(*matchers[k], kText, 0, kText.size());
    for (const PhraseMatch& m : found) {
      CheckSpan("rules", m.start, m.end, kText.size(), "cue of list " + std::to_string(k));
    }
    if (k >= scanned.lists.size() || !SameMatches(found, scanned.lists[k])) {
      Fail("rules", "cue scanner and FindAll differ on list " + std::to_string(k));
    }
  }
}

void CheckRelations(const RelationExtractor& relations) {
  for (const RelationMatch& m : relations.Find(kText, 0, kText.size(), SampleEntities())) {
    if (m.subject == nullptr || m.object == nullptr) Fail("rules", "relation without an end");
    if (m.subject == m.object) Fail("rules", "relation of an entity with itself");
    CheckSpan("rules", m.verb_start, m.verb_end, kText.size(), "relation " + m.relation);
  }
}

void CheckEntityMentions(const std::vector<EntityMention>& mentions) {
  for (size_t i = 0; i < mentions.size(); ++i) {
    CheckSpan("catalog", mentions[i].start, mentions[i].end, kText.size(), "entity mention");
    if (i > 0 && mentions[i].start < mentions[i - 1].end) {
      Fail("catalog", "entity mentions overlap or are out of order");
    }
  }
}

const MetricLexicon& BundledMetrics() {
  static const MetricLexicon* metrics = [] {
    auto parsed = MetricLexicon::Parse(SchemaText("metrics.json"), "metrics.json");
    if (!parsed.ok()) Fail("setup", parsed.status().ToString());
    return new MetricLexicon(std::move(parsed).value());
  }();
  return *metrics;
}

}  // namespace

int FuzzRules(const uint8_t* data, size_t size) {
  auto rules = ClaimRules::Parse(AsText(data, size), "rules.json");
  if (!rules.ok()) return 0;
  CheckPhraseLists(*rules);
  CheckRelations(rules->relations);
  return 0;
}

int FuzzCatalog(const uint8_t* data, size_t size) {
  std::string_view text = AsText(data, size);
  // As the bundled catalog (into nothing), then as a --catalog file merged
  // into the bundled one, which is what the recognizer is built from.
  EntityCatalog alone;
  if (!alone.AddJson(text, "catalog.json").ok() && !alone.entities().empty()) {
    Fail("catalog", "a catalog that failed to load added entities");
  }
  EntityCatalog merged = BundledCatalog();
  if (!merged.AddJson(text, "user.json").ok()) {
    if (merged.entities().size() != BundledCatalog().entities().size()) {
      Fail("catalog", "a catalog that failed to load added entities");
    }
    return 0;
  }
  auto recognizer = EntityRecognizer::Create(merged);
  if (recognizer.ok()) CheckEntityMentions((*recognizer)->Recognize(kText));
  return 0;
}

int FuzzMetrics(const uint8_t* data, size_t size) {
  auto lexicon = MetricLexicon::Parse(AsText(data, size), "metrics.json");
  if (!lexicon.ok()) return 0;
  auto recognizer = MetricRecognizer::Create(*lexicon);
  if (!recognizer.ok()) return 0;
  for (const MetricMention& m : (*recognizer)->Recognize(kText)) {
    CheckSpan("metrics", m.start, m.end, kText.size(), "metric " + m.metric_id);
    if (lexicon->Find(m.metric_id) == nullptr) Fail("metrics", "unknown metric " + m.metric_id);
  }
  return 0;
}

int FuzzQuantityLexicon(const uint8_t* data, size_t size) {
  auto lexicon = QuantityLexicon::Parse(AsText(data, size), "quantities.json");
  if (!lexicon.ok()) return 0;
  auto recognizer = QuantityRecognizer::Create(*lexicon, Numbers());
  if (!recognizer.ok()) return 0;
  std::vector<Mention> mentions;
  (*recognizer)->Recognize(kText, &mentions);
  for (const Mention& m : mentions) {
    CheckSpan("quantity_lexicon", m.start, m.end, kText.size(), "quantity");
  }
  return 0;
}

int FuzzStance(const uint8_t* data, size_t size) {
  auto scorer = StanceScorer::Parse(AsText(data, size), "stance.json");
  if (!scorer.ok()) return 0;
  StanceScore score = (*scorer)->Score(kText);
  if (!(std::fabs(score.score) <= 1)) Fail("stance", "score outside [-1, 1]");
  return 0;
}

int FuzzQuestionLexicon(const uint8_t* data, size_t size) {
  auto lexicon = QuestionLexicon::Parse(AsText(data, size), "questions.json", BundledMetrics(),
                                        BundledCatalog());
  if (!lexicon.ok()) return 0;
  for (const QuestionTopic& topic : lexicon->topics()) {
    if (topic.name.empty()) Fail("question_lexicon", "topic without a name");
  }
  return 0;
}

int FuzzPatterns(const uint8_t* data, size_t size) {
  auto rules = PatternRules::Parse(AsText(data, size), "patterns.txt", BundledMetrics());
  if (!rules.ok()) return 0;
  // The rules MayMatch rules out (by the set or by their literals) never
  // match: with its answer FindAll finds the same.
  const std::vector<bool> may = rules->MayMatch(kText);
  if (may.size() != rules->rules().size()) Fail("patterns", "MayMatch of the wrong size");
  for (PatternKind kind : {PatternKind::kMetric, PatternKind::kModality}) {
    size_t last_start = 0;
    const std::vector<PatternMatch> all = rules->FindAll(kind, kText);
    const std::vector<PatternMatch> filtered = rules->FindAll(kind, kText, &may);
    if (filtered.size() != all.size()) Fail("patterns", "MayMatch ruled out a matching rule");
    for (size_t i = 0; i < all.size() && i < filtered.size(); ++i) {
      if (filtered[i].start != all[i].start || filtered[i].end != all[i].end ||
          filtered[i].rule != all[i].rule) {
        Fail("patterns", "MayMatch changed a match");
      }
    }
    for (const PatternMatch& m : all) {
      CheckSpan("patterns", m.start, m.end, kText.size(),
                "rule at line " + std::to_string(m.rule->line));
      if (m.start < last_start) Fail("patterns", "matches out of order");
      if (m.end == m.start) Fail("patterns", "an empty match");
      if (m.rule->kind != kind) Fail("patterns", "a match of the wrong kind");
      last_start = m.start;
    }
  }
  return 0;
}

}  // namespace claimgraph::fuzz
