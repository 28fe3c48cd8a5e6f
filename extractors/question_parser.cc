#include "extractors/question_parser.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "engine/date.h"
#include "extractors/entity_catalog.h"
#include "extractors/entity_resolver.h"
#include "extractors/question_lexicon.h"

namespace claimgraph {

namespace {

using Tokens = std::vector<QuestionToken>;

// A catalog id, ticker, name or alias as written, and whose it is.
struct EntityName {
  std::string written;
  std::string id;
};
using EntityIndex = std::map<std::string, std::vector<EntityName>, std::less<>>;

bool IsDateCue(QuestionRole r) {
  return r == QuestionRole::kSince || r == QuestionRole::kAfter || r == QuestionRole::kUntil ||
         r == QuestionRole::kBefore;
}
bool IsSourceCue(QuestionRole r) { return r == QuestionRole::kSourceCue; }
bool IsSource(QuestionRole r) { return r == QuestionRole::kSource; }
bool IsLimitCue(QuestionRole r) { return r == QuestionRole::kLimitCue; }

template <typename T>
void AddOnce(const T& value, std::vector<T>* out) {
  if (std::find(out->begin(), out->end(), value) == out->end()) out->push_back(value);
}

void AddAll(const std::vector<std::string>& values, std::vector<std::string>* out) {
  for (const std::string& v : values) AddOnce(v, out);
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

// What a parser knows: the catalog's names and the question lexicon.
struct Vocabulary {
  const EntityCatalog* catalog = nullptr;
  QuestionLexicon lexicon;
  QuestionPeriods periods;
  EntityIndex entities;  // by PhraseKey of each id, ticker, name and alias
  size_t max_words = 1;  // the longest entity name, in tokens
};

// What the topics of one question ask for, merged.
struct TopicAsk {
  std::string label;  // "chips", "margins, cash flow"
  std::vector<std::string> metrics;
  std::vector<std::string> categories;
  std::vector<std::string> evidence;
};

// One Parse call.
class QuestionRun {
 public:
  QuestionRun(const Vocabulary& rep, std::string_view question)
      : rep_(rep),
        question_(question),
        tokens_(TokenizeQuestion(question)),
        periods_(rep.periods.Find(question, tokens_)) {}

  ParsedQuestion Run() {
    for (size_t i = 0; i < tokens_.size();) {
      bool range_open = range_open_;  // "between X and Y": "and" ends the range
      range_open_ = false;
      size_t used = TryBound(i, range_open);
      if (used == 0) used = TryPeriod(i);
      if (used == 0) used = TrySource(i);
      if (used == 0) used = TryLimit(i);
      if (used == 0) used = TryPhrase(i);
      if (used == 0) {
        out_.unknown.push_back(tokens_[i].text);
        used = 1;
      }
      i += used;
    }
    Finish();
    return std::move(out_);
  }

 private:
  // The longest lexicon phrase at token i with a role `want` accepts:
  // {tokens, word}, or {0, {}}.
  std::pair<size_t, QuestionWord> LexiconAt(size_t i, bool (*want)(QuestionRole)) const {
    size_t longest = std::min(rep_.lexicon.max_words(), tokens_.size() - i);
    for (size_t n = longest; n >= 1; --n) {
      const std::vector<QuestionWord>* words = rep_.lexicon.Find(PhraseKey(tokens_, i, n));
      if (words == nullptr) continue;
      for (const QuestionWord& w : *words) {
        if (want(w.role)) return {n, w};
      }
    }
    return {0, {}};
  }

  // "since 2025-01-01", "before Q3 2025", "between 2025 and 2026".
  size_t TryBound(size_t i, bool range_open) {
    auto [n, cue] = LexiconAt(i, IsDateCue);
    if (n == 0 && range_open && tokens_[i].key == "and") {
      n = 1;
      cue.role = QuestionRole::kUntil;
    }
    if (n == 0 || i + n >= tokens_.size() || !periods_[i + n]) return 0;
    const QuestionPeriod& p = *periods_[i + n];
    std::optional<Date> start = Date::Parse(p.start), end = Date::Parse(p.end);
    if (!start || !end) {
      Fail("\"" + TextOf(i, n + p.tokens) +
           "\": a fiscal period has no fixed dates; use a date such as 2025-01-01");
    } else if (cue.role == QuestionRole::kSince || cue.role == QuestionRole::kAfter) {
      range_open_ = true;
      Date d = cue.role == QuestionRole::kSince ? *start : end->AddDays(1);
      SetOnce(d.ToString(), "start date", &out_.query.since);
      bool span = p.key.empty() && p.start != p.end;  // "from 2025 to 2026"
      if (span && cue.role == QuestionRole::kSince) SetOnce(p.end, "end date", &out_.query.until);
    } else {
      Date d = cue.role == QuestionRole::kUntil ? *end : start->AddDays(-1);
      SetOnce(d.ToString(), "end date", &out_.query.until);
    }
    return n + p.tokens;
  }

  // "in 2025", "Q3 2025", "FY2025"; a day or a span of dates sets both bounds.
  size_t TryPeriod(size_t i) {
    if (!periods_[i]) return 0;
    const QuestionPeriod& p = *periods_[i];
    if (p.key.empty()) {
      SetOnce(p.start, "start date", &out_.query.since);
      SetOnce(p.end, "end date", &out_.query.until);
    } else {
      SetOnce(p.key, "period", &out_.query.period);
    }
    return p.tokens;
  }

  // "according to Reuters".
  size_t TrySource(size_t i) {
    auto [n, cue] = LexiconAt(i, IsSourceCue);
    if (n == 0 || i + n >= tokens_.size()) return 0;
    auto [m, source] = LexiconAt(i + n, IsSource);
    if (m == 0) return 0;
    AddOnce(rep_.lexicon.sources()[static_cast<size_t>(source.index)], &out_.query.sources);
    return n + m;
  }

  // "top 10".
  size_t TryLimit(size_t i) {
    auto [n, cue] = LexiconAt(i, IsLimitCue);
    if (n == 0 || i + n >= tokens_.size()) return 0;
    const std::string& k = tokens_[i + n].key;
    size_t limit = 0;
    for (char c : k) {
      if (c < '0' || c > '9' || k.size() > 6) return 0;
      limit = limit * 10 + static_cast<size_t>(c - '0');
    }
    out_.query.limit = limit;
    return n + 1;
  }

  // A catalog name of n tokens at i. A one-word name that is also a
  // lexicon word other than a source ("ON", "NOW") must be written as the
  // catalog writes it.
  const std::string* EntityAt(size_t i, size_t n, const std::string& key) const {
    auto it = rep_.entities.find(key);
    if (it == rep_.entities.end()) return nullptr;
    const std::vector<QuestionWord>* words = rep_.lexicon.Find(key);
    bool word = words != nullptr && std::any_of(words->begin(), words->end(), [](auto& w) {
                  return w.role != QuestionRole::kSource;
                });
    if (n > 1 || !word) return &it->second.front().id;
    for (const EntityName& name : it->second) {
      if (name.written == tokens_[i].text) return &name.id;
    }
    return nullptr;
  }

  // Entity names and lexicon words, longest first; a name wins a tie.
  size_t TryPhrase(size_t i) {
    size_t longest =
        std::min(std::max(rep_.max_words, rep_.lexicon.max_words()), tokens_.size() - i);
    for (size_t n = longest; n >= 1; --n) {
      std::string key = PhraseKey(tokens_, i, n);
      if (const std::string* id = EntityAt(i, n, key)) {
        AddOnce(*id, &out_.entities);
        return n;
      }
      const std::vector<QuestionWord>* words = rep_.lexicon.Find(key);
      for (size_t w = 0; words != nullptr && w < words->size(); ++w) {
        if (IsMeaning((*words)[w].role)) {
          Apply((*words)[w]);
          return n;
        }
      }
    }
    return 0;
  }

  void Apply(const QuestionWord& word) {
    if (word.role == QuestionRole::kTopic) {
      topics_.push_back(&rep_.lexicon.topics()[static_cast<size_t>(word.index)]);
      AddOnce(topics_.back()->name, &out_.topics);
    } else if (word.role == QuestionRole::kModality) {
      AddOnce(static_cast<Modality>(word.index), &out_.query.modalities);
    } else if (word.role == QuestionRole::kSpeech) {
      speech_ = true;
    }
  }

  void SetOnce(const std::string& value, const char* what, std::string* field) {
    if (!field->empty() && *field != value) {
      Fail(std::string("more than one ") + what + " (" + *field + " and " + value + ")");
    }
    *field = value;
  }

  std::string TextOf(size_t i, size_t n) const {
    std::string text = tokens_[i].text;
    for (size_t j = i + 1; j < i + n; ++j) text += " " + tokens_[j].text;
    return text;
  }

  void Fail(const std::string& why) {
    if (out_.error.empty()) out_.error = why + " in \"" + std::string(question_) + "\"";
  }

  void Finish();
  TopicAsk Ask();
  void AddEntityScopes(const CatalogEntity& e, const TopicAsk& ask);
  void AddTopicScopes(const TopicAsk& ask);
  std::vector<std::string> PeopleOf(const std::string& company) const;

  const Vocabulary& rep_;
  std::string_view question_;
  Tokens tokens_;
  std::vector<std::optional<QuestionPeriod>> periods_;  // by first token
  ParsedQuestion out_;
  std::vector<const QuestionTopic*> topics_;
  bool speech_ = false;
  bool range_open_ = false;  // the last step set a lower bound
};

}  // namespace

TopicAsk QuestionRun::Ask() {
  TopicAsk ask;
  std::vector<std::string> names;
  for (const QuestionTopic* t : topics_) {
    AddAll(t->metrics, &ask.metrics);
    AddAll(t->categories, &ask.categories);
    AddAll(t->evidence_words, &ask.evidence);
    for (Modality m : t->modalities) AddOnce(m, &out_.query.modalities);
    if (!t->metrics.empty() || !t->categories.empty() || !t->evidence_words.empty()) {
      AddOnce(t->name, &names);
    }
  }
  ask.label = Join(names, ", ");
  return ask;
}

std::vector<std::string> QuestionRun::PeopleOf(const std::string& company) const {
  std::vector<std::string> people;
  for (const CatalogEntity& e : rep_.catalog->entities()) {
    if (e.type == EntityType::kPerson && e.parent == company) people.push_back(e.id);
  }
  return people;
}

// A person: their claims and claims about them. A product: itself and
// its generations (Trainium -> Trainium2, Trainium3...). A
// company or segment: itself with its segments and products; with a
// product topic, one scope per matching product plus the business where
// the evidence uses the topic's words.
void QuestionRun::AddEntityScopes(const CatalogEntity& e, const TopicAsk& ask) {
  std::string label = e.name + (ask.label.empty() ? "" : " " + ask.label);
  bool by_product = !ask.categories.empty() || !ask.evidence.empty();
  std::vector<ClaimScope>& scopes = out_.query.scopes;
  if (e.type == EntityType::kPerson || e.type == EntityType::kProduct) {
    ClaimScope scope{e.name, {e.id}, ask.metrics, {}, {}};
    if (e.type == EntityType::kProduct) scope.subjects = EntityWithDescendants(*rep_.catalog, e.id);
    if (e.type == EntityType::kPerson) scope.speakers = {e.id};
    if (by_product && (e.type == EntityType::kPerson || !Contains(ask.categories, e.category))) {
      scope.evidence_words = ask.evidence;
    }
    scopes.push_back(std::move(scope));
    return;
  }
  std::vector<std::string> subjects = EntityWithDescendants(*rep_.catalog, e.id);
  std::vector<std::string> speakers = speech_ ? PeopleOf(e.id) : std::vector<std::string>{};
  if (!by_product) {
    scopes.push_back({label, std::move(subjects), ask.metrics, {}, std::move(speakers)});
    return;
  }
  std::vector<std::string> business;
  for (const std::string& id : subjects) {
    const CatalogEntity* s = rep_.catalog->Find(id);
    if (s->type != EntityType::kProduct) {
      business.push_back(id);
    } else if (Contains(ask.categories, s->category)) {
      scopes.push_back({s->name, {id}, ask.metrics, {}, {}});
    }
  }
  scopes.push_back({label, std::move(business), ask.metrics, ask.evidence, std::move(speakers)});
}

// No entity: every product of the topic's categories, and any subject
// where the evidence uses its words or the claim is on its metrics.
void QuestionRun::AddTopicScopes(const TopicAsk& ask) {
  std::vector<std::string> products;
  for (const CatalogEntity& e : rep_.catalog->entities()) {
    if (e.type == EntityType::kProduct && Contains(ask.categories, e.category)) {
      products.push_back(e.id);
    }
  }
  if (!products.empty()) {
    out_.query.scopes.push_back({ask.label + " (products)", products, ask.metrics, {}, {}});
  }
  if (!ask.evidence.empty() || !ask.metrics.empty()) {
    out_.query.scopes.push_back({ask.label, {}, ask.metrics, ask.evidence, {}});
  }
}

void QuestionRun::Finish() {
  if (out_.entities.empty() && topics_.empty()) {
    std::string topics;
    const std::vector<QuestionTopic>& all = rep_.lexicon.topics();
    for (size_t i = 0; i < all.size() && i < 3; ++i) {
      topics += (i == 0 ? "" : ", ") + all[i].name;
    }
    out_.error.clear();
    Fail("no company, product or topic recognized");
    out_.error += "; try a ticker (AMZN), a name (Nvidia)" +
                  (topics.empty() ? std::string() : " or a topic (" + topics + ")");
  }
  if (!out_.error.empty()) return;
  TopicAsk ask = Ask();
  for (const std::string& id : out_.entities) AddEntityScopes(*rep_.catalog->Find(id), ask);
  if (out_.entities.empty()) AddTopicScopes(ask);
}

struct QuestionParser::Rep {
  Vocabulary vocabulary;
};

QuestionParser::QuestionParser() = default;
QuestionParser::~QuestionParser() = default;

Result<std::unique_ptr<QuestionParser>> QuestionParser::Create(const std::string& schema_dir,
                                                               const EntityCatalog* catalog) {
  Result<QuestionLexicon> lexicon = QuestionLexicon::Load(schema_dir, *catalog);
  if (!lexicon.ok()) return lexicon.status();
  std::unique_ptr<QuestionParser> parser(new QuestionParser());
  parser->rep_ = std::make_unique<Rep>();
  Vocabulary& rep = parser->rep_->vocabulary;
  rep.catalog = catalog;
  rep.lexicon = std::move(lexicon).value();
  for (const CatalogEntity& e : catalog->entities()) {
    std::vector<std::string> names = {e.id, e.ticker, e.name};
    names.insert(names.end(), e.aliases.begin(), e.aliases.end());
    for (const std::string& name : names) {
      Tokens tokens = TokenizeQuestion(name);
      if (tokens.empty()) continue;
      std::vector<EntityName>& list = rep.entities[PhraseKey(tokens, 0, tokens.size())];
      std::string written = tokens[0].text;
      for (size_t i = 1; i < tokens.size(); ++i) written += " " + tokens[i].text;
      list.push_back({written, e.id});
      rep.max_words = std::max(rep.max_words, tokens.size());
    }
  }
  return parser;
}

ParsedQuestion QuestionParser::Parse(std::string_view question) const {
  return QuestionRun(rep_->vocabulary, question).Run();
}

}  // namespace claimgraph
