#include "extractors/entity_recognizer.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <tuple>

#include "extractors/alias_index.h"
#include "extractors/entity_anaphora.h"
#include "extractors/entity_discovery.h"
#include "extractors/entity_words.h"

namespace claimgraph {

namespace {

// Which source a candidate mention came from; on equal spans the lower wins.
enum class Source { kCatalog = 0, kCue = 1, kDocumentName = 2 };

struct Candidate {
  EntityMention mention;
  Source source;
};

EntityMention MentionOf(const CatalogEntity& e, size_t start, size_t end) {
  EntityMention m;
  m.start = start;
  m.end = end;
  m.id = e.id;
  m.type = e.type;
  m.name = e.name;
  return m;
}

// A company discovered in one document, from one or more cues.
struct DocCompany {
  std::string name;        // the longest name written
  std::string short_name;  // "Ponsse"
  std::string ticker;
  size_t first = 0;  // where it is first named
  EntityMention Template() const {
    EntityMention m;
    m.id = ticker.empty() ? Slug(short_name) : ticker;
    m.type = EntityType::kCompany;
    m.name = name.empty() ? ticker : name;
    m.discovered = true;
    return m;
  }
};

// Sorted by start, longest first, then by source; keeps each candidate that
// does not overlap one kept before it.
std::vector<EntityMention> SelectNonOverlapping(std::vector<Candidate> candidates) {
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.mention.start != b.mention.start) return a.mention.start < b.mention.start;
    if (a.mention.end != b.mention.end) return a.mention.end > b.mention.end;
    return a.source < b.source;
  });
  std::vector<EntityMention> out;
  for (Candidate& c : candidates) {
    if (!out.empty() && c.mention.start < out.back().end) continue;
    out.push_back(std::move(c.mention));
  }
  return out;
}

// Finds or creates the document company a cue names: same short name or
// same ticker.
size_t FindOrAddCompany(std::string_view text, const CompanyCue& cue,
                        std::vector<DocCompany>* companies) {
  std::string name(text.substr(cue.name_start, cue.name_end - cue.name_start));
  for (size_t i = 0; i < companies->size(); ++i) {
    DocCompany& c = (*companies)[i];
    bool same = (!cue.short_name.empty() && cue.short_name == c.short_name) ||
                (!cue.ticker.empty() && cue.ticker == c.ticker);
    if (!same) continue;
    if (c.ticker.empty()) c.ticker = cue.ticker;
    if (c.short_name.empty()) c.short_name = cue.short_name;
    if (name.size() > c.name.size()) c.name = name;
    return i;
  }
  companies->push_back({name, cue.short_name, cue.ticker, cue.start()});
  return companies->size() - 1;
}

// Names valid in one document, and the mention each stands for.
struct DocumentNames {
  AliasIndex index;  // target: index into targets
  std::vector<EntityMention> targets;
};

// Adds the surname of each person the catalog candidates name, valid after
// the first mention of their full name ("DeSantis" after "Peter DeSantis").
void AddSurnames(const std::vector<Candidate>& candidates, DocumentNames* doc) {
  std::vector<std::string_view> seen;
  for (const Candidate& c : candidates) {
    const EntityMention& m = c.mention;
    size_t space = m.name.rfind(' ');
    if (c.source != Source::kCatalog || m.type != EntityType::kPerson ||
        space == std::string::npos || std::find(seen.begin(), seen.end(), m.id) != seen.end()) {
      continue;
    }
    seen.push_back(m.id);
    doc->index.Add(std::string_view(m.name).substr(space + 1),
                   static_cast<int>(doc->targets.size()), m.end);
    doc->targets.push_back(m);
  }
}

}  // namespace

struct EntityRecognizer::Rep {
  const EntityCatalog* catalog = nullptr;
  AliasIndex names;                                    // target: index into entities()
  std::map<std::string, size_t, std::less<>> tickers;  // company ticker -> index
  std::unique_ptr<CompanyCueFinder> cue_finder;

  const CatalogEntity& Entity(int index) const {
    return catalog->entities()[static_cast<size_t>(index)];
  }
  // The catalog entity a cue names: by ticker, else by its full or short
  // name. nullptr when none, or when the name is a product or person.
  const CatalogEntity* ResolveCue(std::string_view text, const CompanyCue& cue) const;
  void AddCueMentions(std::string_view text, const std::vector<CompanyCue>& cues,
                      std::vector<DocCompany>* companies, std::vector<Candidate>* out) const;
  void AddDocumentNames(std::string_view text, const ScanWords& words,
                        const std::vector<DocCompany>& companies,
                        std::vector<Candidate>* out) const;
  std::optional<EntityMention> CompanyOf(const EntityMention& m) const;
};

const CatalogEntity* EntityRecognizer::Rep::ResolveCue(std::string_view text,
                                                       const CompanyCue& cue) const {
  if (cue.has_ticker()) {
    auto it = tickers.find(cue.ticker);
    if (it != tickers.end()) return &catalog->entities()[it->second];
  }
  if (!cue.has_name()) return nullptr;
  int index = names.MatchWhole(text.substr(cue.name_start, cue.name_end - cue.name_start));
  if (index < 0) index = names.MatchWhole(cue.short_name);
  if (index < 0) return nullptr;
  const CatalogEntity& e = Entity(index);
  bool is_company = e.type == EntityType::kCompany || e.type == EntityType::kSegment;
  return is_company ? &e : nullptr;
}

void EntityRecognizer::Rep::AddCueMentions(std::string_view text,
                                           const std::vector<CompanyCue>& cues,
                                           std::vector<DocCompany>* companies,
                                           std::vector<Candidate>* out) const {
  std::vector<std::tuple<size_t, size_t, size_t>> discovered;  // start, end, company
  for (const CompanyCue& cue : cues) {
    std::vector<std::pair<size_t, size_t>> spans;
    if (cue.has_name()) spans.emplace_back(cue.name_start, cue.name_end);
    if (cue.has_ticker()) spans.emplace_back(cue.ticker_start, cue.ticker_end);
    if (const CatalogEntity* e = ResolveCue(text, cue)) {
      for (auto [start, end] : spans) out->push_back({MentionOf(*e, start, end), Source::kCue});
      continue;
    }
    // The name is a catalog product or person: not a company after all.
    if (cue.has_name() && names.MatchWhole(cue.short_name) >= 0) continue;
    size_t company = FindOrAddCompany(text, cue, companies);
    for (auto [start, end] : spans) discovered.emplace_back(start, end, company);
  }
  // Templates only now: a later cue may have given the company its ticker.
  for (auto [start, end, company] : discovered) {
    EntityMention m = (*companies)[company].Template();
    if (m.id.empty()) continue;
    m.start = start;
    m.end = end;
    out->push_back({std::move(m), Source::kCue});
  }
}

// Names that only mean something in this document: the short names, full
// names and tickers of discovered companies, from where they are first
// named, and the surnames of catalog people, after their first mention.
void EntityRecognizer::Rep::AddDocumentNames(std::string_view text, const ScanWords& words,
                                             const std::vector<DocCompany>& companies,
                                             std::vector<Candidate>* out) const {
  DocumentNames doc;
  for (const DocCompany& c : companies) {
    EntityMention m = c.Template();
    if (m.id.empty()) continue;
    for (const std::string& name : {c.short_name, c.name, c.ticker}) {
      if (!name.empty()) doc.index.Add(name, static_cast<int>(doc.targets.size()), c.first);
    }
    doc.targets.push_back(std::move(m));
  }
  AddSurnames(*out, &doc);
  if (doc.index.empty()) return;
  for (const AliasHit& hit : doc.index.Scan(text, words)) {
    EntityMention m = doc.targets[static_cast<size_t>(hit.target)];
    m.start = hit.start;
    m.end = hit.end;
    out->push_back({std::move(m), Source::kDocumentName});
  }
}

std::optional<EntityMention> EntityRecognizer::Rep::CompanyOf(const EntityMention& m) const {
  if (m.type == EntityType::kCompany) return m;
  if (m.discovered || m.type == EntityType::kProduct) return std::nullopt;
  const CatalogEntity* e = catalog->Find(m.id);
  const CatalogEntity* parent = e == nullptr ? nullptr : catalog->Find(e->parent);
  if (parent == nullptr || parent->type != EntityType::kCompany) return std::nullopt;
  return MentionOf(*parent, m.start, m.end);
}

EntityRecognizer::EntityRecognizer() = default;
EntityRecognizer::~EntityRecognizer() = default;

Result<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Create(const EntityCatalog& catalog) {
  auto cue_finder = CompanyCueFinder::Create();
  if (!cue_finder.ok()) return cue_finder.status();
  std::unique_ptr<EntityRecognizer> recognizer(new EntityRecognizer());
  auto rep = std::make_unique<Rep>();
  rep->catalog = &catalog;
  rep->cue_finder = std::move(cue_finder).value();
  const std::vector<CatalogEntity>& entities = catalog.entities();
  for (size_t i = 0; i < entities.size(); ++i) {
    const CatalogEntity& e = entities[i];
    int target = static_cast<int>(i);
    rep->names.Add(e.name, target);
    for (const std::string& alias : e.aliases) rep->names.Add(alias, target);
    if (e.type == EntityType::kCompany && !e.ticker.empty()) rep->tickers.emplace(e.ticker, i);
  }
  recognizer->rep_ = std::move(rep);
  return recognizer;
}

std::vector<EntityMention> EntityRecognizer::Recognize(std::string_view text) const {
  const ScanWords words(text, FindWords(text));
  std::vector<Candidate> candidates;
  for (const AliasHit& hit : rep_->names.Scan(text, words)) {
    candidates.push_back(
        {MentionOf(rep_->Entity(hit.target), hit.start, hit.end), Source::kCatalog});
  }
  std::vector<DocCompany> companies;
  rep_->AddCueMentions(text, rep_->cue_finder->Find(text, words), &companies, &candidates);
  rep_->AddDocumentNames(text, words, companies, &candidates);
  for (Candidate& c : candidates) c.mention.end = PossessiveEnd(text, c.mention.end);
  std::vector<EntityMention> mentions = SelectNonOverlapping(std::move(candidates));
  AddAnaphors(
      text, words.spans, [this](const EntityMention& m) { return rep_->CompanyOf(m); }, &mentions);
  return mentions;
}

}  // namespace claimgraph
