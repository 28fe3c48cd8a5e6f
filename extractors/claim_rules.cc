#include "extractors/claim_rules.h"

#include <nlohmann/json.hpp>

#include "engine/line_reader.h"
#include "extractors/json_fields.h"

namespace claimgraph {

namespace {

using nlohmann::json;

Status AddList(const json& obj, const char* key, const std::string& where, int id,
               PhraseMatcher* m) {
  std::vector<std::string> phrases;
  Status s = ReadStringList(obj, key, where, false, &phrases);
  if (s.ok()) m->AddAll(phrases, id);
  return s;
}

// A map of name -> list of phrases; names are recorded in *names.
Status AddNamedLists(const json& obj, const char* key, const std::string& where,
                     std::vector<std::string>* names, PhraseMatcher* m) {
  auto it = obj.find(key);
  if (it == obj.end()) return Status::OK();
  if (!it->is_object()) return Status::InvalidArgument(where + "." + key + ": must be an object");
  for (auto& [name, list] : it->items()) {
    int id = static_cast<int>(names->size());
    names->push_back(name);
    json wrapper = {{name, list}};
    Status s = AddList(wrapper, name.c_str(), where + "." + key, id, m);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace

Result<ClaimRules> ClaimRules::Parse(std::string_view json_text, std::string_view origin) {
  std::string where(origin);
  json doc = json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::InvalidArgument(where + ": not a valid JSON object");
  }
  ClaimRules r;
  json modality = doc.value("modality", json::object());
  json change = doc.value("change", json::object());
  json prior = doc.value("prior", json::object());
  json relative = doc.value("relative", json::object());
  const std::string mod = where + ": modality";
  struct Entry {
    const json* obj;
    const char* key;
    std::string where;
    int id;
    PhraseMatcher* m;
  };
  const Entry entries[] = {
      {&doc, "clause_breaks", where, 0, &r.clause_breaks},
      {&modality, "hypothetical", mod, 0, &r.hypothetical},
      {&modality, "conditional_markers", mod, 0, &r.conditional},
      {&modality, "forecast", mod, 0, &r.forecast},
      {&modality, "guidance", mod, 0, &r.guidance},
      {&modality, "target", mod, 0, &r.target},
      {&modality, "estimate", mod, 0, &r.estimate},
      {&modality, "opinion", mod, 0, &r.opinion},
      {&doc, "negation", where, 0, &r.negation},
      {&doc, "speaker_verbs", where, 0, &r.speaker_verbs},
      {&doc, "speaker_sources", where, 0, &r.speaker_sources},
      {&doc, "pronouns", where, 0, &r.pronouns},
      {&change, "up", where + ": change", 1, &r.change},
      {&change, "down", where + ": change", 2, &r.change},
      {&prior, "before_value", where + ": prior", 0, &r.prior_before},
      {&prior, "after_value", where + ": prior", 0, &r.prior_after},
      {&relative, "comparatives", where + ": relative", 0, &r.comparatives},
  };
  for (const Entry& e : entries) {
    Status s = AddList(*e.obj, e.key, e.where, e.id, e.m);
    if (!s.ok()) return s;
  }
  Status s = AddNamedLists(doc, "status", where, &r.status_names, &r.status);
  if (s.ok()) s = AddNamedLists(doc, "metric_verbs", where, &r.metric_verb_ids, &r.metric_verbs);
  if (!s.ok()) return s;
  for (const auto& label : doc.value("score_labels", json::array())) {
    if (!label.is_string()) return Status::InvalidArgument(where + ": score_labels: strings only");
    std::string l = label.get<std::string>();
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.score_labels.push_back(l);
  }
  if (auto it = doc.find("stance_min_abs_score"); it != doc.end()) {
    if (!it->is_number()) return Status::InvalidArgument(where + ": stance_min_abs_score: number");
    r.stance_min_abs_score = it->get<double>();
  }
  auto relations = RelationExtractor::Parse(json_text, origin);
  if (!relations.ok()) return relations.status();
  r.relations = std::move(relations).value();
  return r;
}

Result<ClaimRules> ClaimRules::Load(const std::string& path) {
  std::string text;
  Status s = ReadWholeFile(path, size_t{16} << 20, &text);
  if (!s.ok()) return s;
  return Parse(text, path);
}

std::vector<PhraseMatch> FindAll(const PhraseMatcher& m, std::string_view text, size_t from,
                                 size_t to) {
  std::vector<PhraseMatch> out;
  to = std::min(to, text.size());
  std::string_view window = text.substr(0, to);
  for (size_t i = from; i < to; ++i) {
    if (i > from && IsAsciiAlnum(text[i - 1]) && IsAsciiAlnum(text[i])) continue;
    PhraseMatch pm = m.StartingAt(window, i, false);
    if (pm.found()) {
      out.push_back(pm);
      i = pm.end - 1;
    }
  }
  return out;
}

}  // namespace claimgraph
