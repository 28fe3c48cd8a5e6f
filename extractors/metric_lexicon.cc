#include "extractors/metric_lexicon.h"

#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "engine/line_reader.h"
#include "extractors/metric_phrase.h"

namespace claimgraph {

namespace {

using nlohmann::json;

constexpr size_t kMaxLexiconBytes = size_t{4} << 20;
constexpr const char* kKinds[] = {"money", "percent", "ratio", "count", "multiple"};
constexpr const char* kMetricKeys[] = {"id",          "name",     "kind",     "family",
                                       "description", "synonyms", "additive", "$comment"};

bool IsSnakeCase(const std::string& s) {
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool IsKnownKey(const std::string& key) {
  for (const char* k : kMetricKeys) {
    if (key == k) return true;
  }
  return false;
}

// Reads obj[key] as a string that must satisfy `valid`; `need` says what a
// valid value looks like in the error message.
Status ReadString(const json& obj, const char* key, const std::string& where,
                  bool (*valid)(const std::string&), const char* need, std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string() || !valid(it->get<std::string>())) {
    return Status::InvalidArgument(where + "." + key + ": must be " + need);
  }
  *out = it->get<std::string>();
  return Status::OK();
}

bool NonEmpty(const std::string& s) { return !s.empty(); }

bool IsKind(const std::string& s) {
  for (const char* k : kKinds) {
    if (s == k) return true;
  }
  return false;
}

Status ParseSynonym(const json& v, const std::string& where, MetricSynonym* out) {
  if (v.is_string()) {
    out->phrase = v.get<std::string>();
  } else if (v.is_object()) {
    for (const auto& [key, value] : v.items()) {
      if (key != "phrase" && key != "sign") {
        return Status::InvalidArgument(where + ": unknown key \"" + key + "\"");
      }
    }
    auto phrase = v.find("phrase");
    if (phrase == v.end() || !phrase->is_string()) {
      return Status::InvalidArgument(where + ".phrase: must be a string");
    }
    out->phrase = phrase->get<std::string>();
    if (auto sign = v.find("sign"); sign != v.end()) {
      if (!sign->is_number_integer() || (*sign != 1 && *sign != -1)) {
        return Status::InvalidArgument(where + ".sign: must be 1 or -1");
      }
      out->sign = sign->get<int>();
    }
  } else {
    return Status::InvalidArgument(where +
                                   ": must be a phrase or an object {\"phrase\", \"sign\"}");
  }
  if (NormalizeMetricPhrase(out->phrase).empty()) {
    return Status::InvalidArgument(where + ": phrase must contain a letter or digit");
  }
  return Status::OK();
}

Status ParseMetric(const json& m, const std::string& where, MetricDef* out) {
  if (!m.is_object()) return Status::InvalidArgument(where + ": must be an object");
  for (const auto& [key, value] : m.items()) {
    if (!IsKnownKey(key)) return Status::InvalidArgument(where + ": unknown key \"" + key + "\"");
  }
  Status s = ReadString(m, "id", where, IsSnakeCase, "a lower_snake_case string", &out->id);
  if (s.ok()) s = ReadString(m, "name", where, NonEmpty, "a non-empty string", &out->name);
  if (s.ok()) {
    s = ReadString(m, "kind", where, IsKind, "one of money, percent, ratio, count, multiple",
                   &out->kind);
  }
  if (s.ok()) {
    s = ReadString(m, "family", where, IsSnakeCase, "a lower_snake_case string", &out->family);
  }
  if (s.ok()) {
    s = ReadString(m, "description", where, NonEmpty, "a non-empty string", &out->description);
  }
  if (!s.ok()) return s;
  if (auto additive = m.find("additive"); additive != m.end()) {
    if (!additive->is_boolean())
      return Status::InvalidArgument(where + ".additive: must be a boolean");
    out->additive = additive->get<bool>();
  }
  auto syn = m.find("synonyms");
  if (syn == m.end() || !syn->is_array() || syn->empty()) {
    return Status::InvalidArgument(where + ".synonyms: must be a non-empty array");
  }
  for (size_t j = 0; j < syn->size(); ++j) {
    MetricSynonym synonym;
    s = ParseSynonym((*syn)[j], where + ".synonyms[" + std::to_string(j) + "]", &synonym);
    if (!s.ok()) return s;
    out->synonyms.push_back(std::move(synonym));
  }
  return Status::OK();
}

// Rejects a repeated id and a phrase (after normalization) claimed twice.
Status CheckUnique(const std::vector<MetricDef>& metrics, const std::string& origin) {
  std::map<std::string, size_t> ids;
  std::map<std::string, std::pair<size_t, size_t>> phrases;
  for (size_t i = 0; i < metrics.size(); ++i) {
    std::string where = origin + ": metrics[" + std::to_string(i) + "]";
    auto [id_it, fresh] = ids.emplace(metrics[i].id, i);
    if (!fresh) {
      return Status::InvalidArgument(where + ".id: duplicate id \"" + metrics[i].id +
                                     "\" (first in metrics[" + std::to_string(id_it->second) +
                                     "])");
    }
    for (size_t j = 0; j < metrics[i].synonyms.size(); ++j) {
      std::string norm = NormalizeMetricPhrase(metrics[i].synonyms[j].phrase);
      auto [it, added] = phrases.emplace(norm, std::pair{i, j});
      if (added) continue;
      auto [oi, oj] = it->second;
      return Status::InvalidArgument(where + ".synonyms[" + std::to_string(j) + "]: \"" + norm +
                                     "\" already names " + metrics[oi].id + " (metrics[" +
                                     std::to_string(oi) + "].synonyms[" + std::to_string(oj) +
                                     "])");
    }
  }
  return Status::OK();
}

}  // namespace

Result<MetricLexicon> MetricLexicon::Parse(std::string_view json_text, std::string_view origin) {
  std::string where(origin);
  json doc = json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::InvalidArgument(where + ": not a valid JSON object");
  }
  for (const auto& [key, value] : doc.items()) {
    if (key != "metrics" && key != "$comment") {
      return Status::InvalidArgument(where + ": unknown key \"" + key + "\"");
    }
  }
  auto metrics = doc.find("metrics");
  if (metrics == doc.end() || !metrics->is_array() || metrics->empty()) {
    return Status::InvalidArgument(where + ": \"metrics\" must be a non-empty array");
  }
  MetricLexicon lex;
  for (size_t i = 0; i < metrics->size(); ++i) {
    MetricDef def;
    Status s = ParseMetric((*metrics)[i], where + ": metrics[" + std::to_string(i) + "]", &def);
    if (!s.ok()) return s;
    lex.metrics_.push_back(std::move(def));
  }
  Status s = CheckUnique(lex.metrics_, where);
  if (!s.ok()) return s;
  return lex;
}

Result<MetricLexicon> MetricLexicon::Load(const std::string& path) {
  std::string text;
  Status s = ReadWholeFile(path, kMaxLexiconBytes, &text);
  if (!s.ok()) return s;
  return Parse(text, path);
}

const MetricDef* MetricLexicon::Find(std::string_view id) const {
  for (const MetricDef& def : metrics_) {
    if (def.id == id) return &def;
  }
  return nullptr;
}

}  // namespace claimgraph
