#include "extractors/question_lexicon.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "engine/key_codec.h"
#include "engine/line_reader.h"
#include "engine/utf8.h"
#include "extractors/entity_catalog.h"
#include "extractors/entity_words.h"
#include "extractors/json_fields.h"
#include "extractors/metric_lexicon.h"
#include "extractors/number_parser.h"
#include "extractors/period_recognizer.h"

namespace claimgraph {

namespace {

using nlohmann::json;
using Tokens = std::vector<QuestionToken>;

// ---- Tokens ----

// Other punctuation is stripped from the token's edges (StripEdges).
bool IsSeparator(char c) {
  return static_cast<unsigned char>(c) <= ' ' ||
         std::string_view(",;?!()[]{}\"").find(c) != std::string_view::npos;
}

// Strips leading and trailing characters that are not word characters, and
// a possessive ending ("AWS's", "AWS’s"; "companies'" loses its quote).
std::string_view StripEdges(std::string_view word) {
  size_t start = 0;
  while (start < word.size() && !IsWordCharAt(word, start)) start += CharLength(word, start);
  size_t end = start;
  for (size_t pos = start; pos < word.size(); pos += CharLength(word, pos)) {
    if (IsWordCharAt(word, pos)) end = pos + CharLength(word, pos);
  }
  word = word.substr(start, end - start);
  for (std::string_view suffix : {"'s", "'S", "\xE2\x80\x99s", "\xE2\x80\x99S"}) {
    if (word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix) {
      word.remove_suffix(suffix.size());
      break;
    }
  }
  return word;
}

// ---- Periods ----

// "2025-Q3", "FY2025", "FY2025-Q3", "2025-H1", "2025-07" typed as a token
// (lower-cased). A bare number is not one: "2317" is Hon Hai's id.
std::optional<Period> PeriodFromKey(std::string_view key) {
  Period p;
  p.fiscal = key.substr(0, 2) == "fy";
  if (p.fiscal) key.remove_prefix(2);
  std::optional<Date> first = Date::Parse(std::string(key.substr(0, 4)) + "-01-01");
  if (key.size() < 4 || !first || first->year < 1900 || first->year > 2100 ||
      !std::isdigit(static_cast<unsigned char>(key[0])) || (!p.fiscal && key.size() == 4)) {
    return std::nullopt;
  }
  p.year = first->year;
  p.granularity = p.fiscal ? Granularity::kFiscalYear : Granularity::kYear;
  int months = 12;
  std::string_view rest = key.substr(4);
  if (rest.size() == 3 && rest[0] == '-' && (rest[1] == 'q' || rest[1] == 'h')) {
    int n = rest[2] - '0';
    if (p.fiscal && rest[1] == 'h') return std::nullopt;  // no key form for fiscal halves
    if (n < 1 || n > (rest[1] == 'q' ? 4 : 2)) return std::nullopt;
    p.granularity = rest[1] == 'q' ? Granularity::kQuarter : Granularity::kHalf;
    p.quarter = rest[1] == 'q' ? n : 0;
    months = rest[1] == 'q' ? 3 : 6;
    *first = first->AddMonths((n - 1) * months);
  } else if (rest.size() == 3 && rest[0] == '-' && !p.fiscal) {
    std::optional<Date> month = Date::Parse(std::string(key) + "-01");
    if (!month) return std::nullopt;
    p.granularity = Granularity::kMonth;
    months = 1;
    *first = *month;
  } else if (!rest.empty()) {
    return std::nullopt;
  }
  if (!p.fiscal) {
    p.start = first->ToString();
    p.end = first->AddMonths(months).AddDays(-1).ToString();
  }
  return p;
}

// ---- Lexicon ----

constexpr size_t kMaxQuestionsBytes = size_t{4} << 20;
constexpr const char* kTermWordNeed = "one lower-case word of letters and digits";

struct PhraseList {
  const char* key;
  QuestionRole role;
};
constexpr PhraseList kPhraseLists[] = {
    {"stop_words", QuestionRole::kStop},       {"speech_verbs", QuestionRole::kSpeech},
    {"since_words", QuestionRole::kSince},     {"after_words", QuestionRole::kAfter},
    {"until_words", QuestionRole::kUntil},     {"before_words", QuestionRole::kBefore},
    {"source_cues", QuestionRole::kSourceCue}, {"limit_cues", QuestionRole::kLimitCue},
};
constexpr const char* kTopicKeys[] = {
    "name", "words", "metrics", "metric_families", "categories", "evidence_words", "modalities"};

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

bool IsComment(std::string_view key) { return !key.empty() && (key[0] == '$' || key[0] == '_'); }

std::optional<Modality> ModalityNamed(std::string_view name) {
  for (int m = 0; m <= static_cast<int>(Modality::kOpinion); ++m) {
    if (ModalityName(static_cast<Modality>(m)) == name) return static_cast<Modality>(m);
  }
  return std::nullopt;
}

bool IsOneLowerWord(const std::string& w) {
  Tokens tokens = TokenizeQuestion(w);
  return tokens.size() == 1 && tokens[0].text == w && AsciiLowered(w) == w;
}

void AddOnce(const std::string& id, std::vector<std::string>* out) {
  if (std::find(out->begin(), out->end(), id) == out->end()) out->push_back(id);
}

}  // namespace

std::vector<QuestionToken> TokenizeQuestion(std::string_view text) {
  std::vector<QuestionToken> out;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && IsSeparator(text[pos])) ++pos;
    size_t start = pos;
    while (pos < text.size() && !IsSeparator(text[pos])) ++pos;
    std::string_view word = StripEdges(text.substr(start, pos - start));
    if (word.empty()) continue;
    size_t offset = static_cast<size_t>(word.data() - text.data());
    out.push_back({std::string(word), AsciiLowered(word), offset, offset + word.size()});
  }
  return out;
}

std::string PhraseKey(const std::vector<QuestionToken>& tokens, size_t start, size_t count) {
  std::string key;
  for (size_t i = start; i < start + count && i < tokens.size(); ++i) {
    key += (key.empty() ? "" : " ") + tokens[i].key;
  }
  return key;
}

QuestionPeriods::QuestionPeriods()
    : numbers_(std::make_unique<NumberParser>()),
      recognizer_(std::make_unique<PeriodRecognizer>(*numbers_)) {}

QuestionPeriods::~QuestionPeriods() = default;

std::vector<std::optional<QuestionPeriod>> QuestionPeriods::Find(
    std::string_view question, const std::vector<QuestionToken>& tokens) const {
  std::string capitalized(question);
  for (const QuestionToken& t : tokens) {
    capitalized[t.start] = static_cast<char>(std::toupper(static_cast<unsigned char>(t.text[0])));
  }
  std::vector<Mention> mentions;
  recognizer_->Recognize(capitalized, std::nullopt, &mentions);
  std::vector<std::optional<QuestionPeriod>> out(tokens.size());
  size_t first = 0;
  for (const Mention& m : mentions) {
    while (first < tokens.size() && tokens[first].start < m.start) ++first;
    size_t last = first;
    while (last < tokens.size() && tokens[last].end < m.end) ++last;
    bool dated = !m.period.start.empty() && !m.period.end.empty();
    std::string key = PeriodKey(m.period);
    if (m.type != MentionType::kPeriod || !m.period.relative_offset.empty() ||
        first == tokens.size() || tokens[first].start != m.start || last == tokens.size() ||
        tokens[last].end != m.end || (key.empty() && !dated)) {
      continue;
    }
    bool range = m.period.granularity == Granularity::kDay || key.find("..") != std::string::npos;
    out[first] = QuestionPeriod{range ? "" : key, m.period.start, m.period.end, last + 1 - first};
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::optional<Period> p = out[i] ? std::nullopt : PeriodFromKey(tokens[i].key);
    if (p) out[i] = QuestionPeriod{PeriodKey(*p), p->start, p->end, 1};
  }
  return out;
}

// Fills a QuestionLexicon from the parsed questions.json.
class QuestionLexiconBuilder {
 public:
  QuestionLexiconBuilder(std::string origin, const MetricLexicon* metrics,
                         std::set<std::string> categories, QuestionLexicon* out)
      : origin_(std::move(origin)),
        metrics_(metrics),
        categories_(std::move(categories)),
        out_(out) {}

  Status AddSection(const std::string& key, const json& value) {
    std::string where = origin_ + ": " + key;
    for (const PhraseList& list : kPhraseLists) {
      if (key == list.key) return AddPhrases(value, where, {list.role, 0});
    }
    if (key == "modalities") return AddNamedLists(value, where, QuestionRole::kModality);
    if (key == "sources") return AddNamedLists(value, where, QuestionRole::kSource);
    if (key != "topics") {
      return Status::InvalidArgument(origin_ + ": unknown key " + Quoted(key) +
                                     " (the keys are listed in schemas/README.md)");
    }
    if (!value.is_array()) return Status::InvalidArgument(where + ": must be an array");
    for (size_t i = 0; i < value.size(); ++i) {
      Status s = AddTopic(value[i], where + "[" + std::to_string(i) + "]");
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

 private:
  // `list` must be an array of phrases; `where` names it.
  Status AddPhrases(const json& list, const std::string& where, QuestionWord word) {
    if (!list.is_array()) return Status::InvalidArgument(where + ": must be an array of strings");
    for (size_t i = 0; i < list.size(); ++i) {
      std::string item = where + "[" + std::to_string(i) + "]";
      Tokens tokens = list[i].is_string() ? TokenizeQuestion(list[i].get<std::string>()) : Tokens();
      if (tokens.empty()) {
        return Status::InvalidArgument(item + ": must be a string with a letter or digit");
      }
      // One meaning (stop word, topic, modality, speech verb) per phrase,
      // and one entry per cue list.
      std::string key = PhraseKey(tokens, 0, tokens.size());
      int group = IsMeaning(word.role) ? -1 : static_cast<int>(word.role);
      auto [first, inserted] = first_where_.emplace(std::make_pair(key, group), item);
      if (!inserted) {
        return Status::InvalidArgument(item + ": " + Quoted(key) + " is already listed at " +
                                       first->second);
      }
      out_->words_[key].push_back(word);
      out_->max_words_ = std::max(out_->max_words_, tokens.size());
    }
    return Status::OK();
  }

  // {"<name>": [phrases]}: modality names, or source names.
  Status AddNamedLists(const json& obj, const std::string& where, QuestionRole role) {
    if (!obj.is_object()) return Status::InvalidArgument(where + ": must be an object");
    for (const auto& [name, phrases] : obj.items()) {
      if (IsComment(name)) continue;
      int index = static_cast<int>(out_->sources_.size());
      if (role == QuestionRole::kModality) {
        std::optional<Modality> m = ModalityNamed(name);
        if (!m) return Status::InvalidArgument(where + ": unknown modality " + Quoted(name));
        index = static_cast<int>(*m);
      } else {
        out_->sources_.push_back(name);
      }
      Status s = AddPhrases(phrases, where + "." + name, {role, index});
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  Status AddTopic(const json& t, const std::string& where) {
    if (!t.is_object()) return Status::InvalidArgument(where + ": must be an object");
    for (const auto& [key, value] : t.items()) {
      bool known = IsComment(key);
      for (const char* k : kTopicKeys) known = known || key == k;
      if (!known) return Status::InvalidArgument(where + ": unknown key " + Quoted(key));
    }
    auto name = t.find("name");
    if (name == t.end() || !name->is_string() || name->get<std::string>().empty()) {
      return Status::InvalidArgument(where + ".name: must be a non-empty string");
    }
    QuestionTopic topic;
    topic.name = name->get<std::string>();
    std::vector<std::string> modalities;
    Status s;
    if (s.ok()) s = ReadMetrics(t, where, &topic);
    if (s.ok()) s = ReadChecked(t, "categories", where, &topic.categories);
    if (s.ok()) s = ReadChecked(t, "evidence_words", where, &topic.evidence_words);
    if (s.ok()) s = ReadChecked(t, "modalities", where, &modalities);
    if (!s.ok()) return s;
    for (const std::string& m : modalities) topic.modalities.push_back(*ModalityNamed(m));
    if ((topic.metrics.empty() && topic.evidence_words.empty() && topic.modalities.empty()) ||
        (!topic.categories.empty() && topic.evidence_words.empty())) {
      return Status::InvalidArgument(where + ": needs metrics, metric_families, modalities or " +
                                     "evidence_words (which categories require)");
    }
    if (!t.contains("words")) return Status::InvalidArgument(where + ".words: missing");
    out_->topics_.push_back(std::move(topic));
    return AddPhrases(t["words"], where + ".words",
                      {QuestionRole::kTopic, static_cast<int>(out_->topics_.size() - 1)});
  }

  // What is wrong with an item of a topic's list `key`; nullptr if nothing.
  const char* Problem(const std::string& key, const std::string& item) const {
    if (key == "categories") return categories_.count(item) ? nullptr : "a catalog category";
    if (key == "modalities") return ModalityNamed(item) ? nullptr : "a modality name";
    if (key == "metrics") return metrics_->Find(item) ? nullptr : "a metric of metrics.json";
    if (key == "evidence_words") return IsTermWord(item) ? nullptr : kTermWordNeed;
    return IsOneLowerWord(item) ? nullptr : "one lower-case word";
  }

  // Reads the optional list t[key] and checks each item.
  Status ReadChecked(const json& t, const char* key, const std::string& where,
                     std::vector<std::string>* out) {
    Status s = ReadStringList(t, key, where, false, out);
    for (size_t i = 0; s.ok() && i < out->size(); ++i) {
      if (const char* need = Problem(key, (*out)[i])) {
        s = Status::InvalidArgument(where + "." + key + "[" + std::to_string(i) +
                                    "]: " + Quoted((*out)[i]) + " is not " + need);
      }
    }
    return s;
  }

  Status ReadMetrics(const json& t, const std::string& where, QuestionTopic* topic) {
    std::vector<std::string> families;
    Status s = ReadChecked(t, "metrics", where, &topic->metrics);
    if (s.ok()) s = ReadStringList(t, "metric_families", where, false, &families);
    for (size_t i = 0; s.ok() && i < families.size(); ++i) {
      size_t before = topic->metrics.size();
      for (const MetricDef& m : metrics_->metrics()) {
        if (m.family == families[i]) AddOnce(m.id, &topic->metrics);
      }
      if (topic->metrics.size() == before) {
        s = Status::InvalidArgument(where + ".metric_families[" + std::to_string(i) + "]: " +
                                    Quoted(families[i]) + " is not a family of metrics.json");
      }
    }
    return s;
  }

  std::string origin_;
  const MetricLexicon* metrics_;
  std::set<std::string> categories_;
  QuestionLexicon* out_;
  // (phrase key, -1 for a meaning or the cue role) -> where it was first listed
  std::map<std::pair<std::string, int>, std::string> first_where_;
};

Result<QuestionLexicon> QuestionLexicon::Load(const std::string& schema_dir,
                                              const EntityCatalog& catalog) {
  std::string path = schema_dir + "/questions.json";
  std::string text;
  Status s = ReadWholeFile(path, kMaxQuestionsBytes, &text);
  if (!s.ok()) return s;
  Result<MetricLexicon> metrics = MetricLexicon::Load(schema_dir + "/metrics.json");
  if (!metrics.ok()) return metrics.status();
  return Parse(text, path, *metrics, catalog);
}

Result<QuestionLexicon> QuestionLexicon::Parse(std::string_view json_text, std::string_view origin,
                                               const MetricLexicon& metrics,
                                               const EntityCatalog& catalog) {
  json doc = json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::InvalidArgument(std::string(origin) + ": not a valid JSON object");
  }
  std::set<std::string> categories;
  for (const CatalogEntity& e : catalog.entities()) {
    if (!e.category.empty()) categories.insert(e.category);
  }
  QuestionLexicon lexicon;
  QuestionLexiconBuilder builder(std::string(origin), &metrics, std::move(categories), &lexicon);
  for (const auto& [key, value] : doc.items()) {
    if (IsComment(key)) continue;
    Status s = builder.AddSection(key, value);
    if (!s.ok()) return s;
  }
  return lexicon;
}

const std::vector<QuestionWord>* QuestionLexicon::Find(std::string_view key) const {
  auto it = words_.find(key);
  return it == words_.end() ? nullptr : &it->second;
}

Result<std::vector<std::string>> LoadTermVocabulary(const std::string& schema_dir) {
  const std::string path = schema_dir + "/questions.json";
  std::vector<std::string> words;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return words;
  std::string text;
  Status s = ReadWholeFile(path, kMaxQuestionsBytes, &text);
  if (!s.ok()) return s;
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::InvalidArgument(path + ": not a valid JSON object");
  }
  if (!doc.contains("topics")) return words;
  const json& topics = doc["topics"];
  if (!topics.is_array()) return Status::InvalidArgument(path + ": topics: not an array");
  for (size_t t = 0; t < topics.size(); ++t) {
    const std::string where = path + ": topics[" + std::to_string(t) + "].evidence_words";
    if (!topics[t].is_object() || !topics[t].contains("evidence_words")) continue;
    const json& list = topics[t]["evidence_words"];
    if (!list.is_array()) return Status::InvalidArgument(where + ": not an array");
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string item = list[i].is_string() ? list[i].get<std::string>() : list[i].dump();
      if (!list[i].is_string() || !IsTermWord(item)) {
        return Status::InvalidArgument(where + "[" + std::to_string(i) + "]: " + Quoted(item) +
                                       " is not " + kTermWordNeed);
      }
      words.push_back(item);
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

}  // namespace claimgraph
