#include "extractors/stance_lexicon.h"

#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "extractors/stance_tokenizer.h"

namespace claimgraph {

namespace {

using nlohmann::json;

struct ListSpec {
  const char* key;
  StanceCue cue;
  bool required;
};

constexpr ListSpec kLists[] = {
    {"positive", StanceCue::kPositive, true},          {"negative", StanceCue::kNegative, true},
    {"increase", StanceCue::kIncrease, false},         {"decrease", StanceCue::kDecrease, false},
    {"uncertainty", StanceCue::kUncertainty, false},   {"negators", StanceCue::kNegator, false},
    {"intensifiers", StanceCue::kIntensifier, false},  {"neutral", StanceCue::kNeutral, false},
    {"clause_breaks", StanceCue::kClauseBreak, false},
};

constexpr int kMaxStanceWindow = 10;  // words, for "window" and "negation_window"

// Where each phrase (tokens joined by spaces) was first listed.
using Seen = std::map<std::string, std::string>;

// Tokenizes one phrase; it must be words only.
Status PhraseTokens(const json& v, const std::string& where, std::vector<std::string>* out) {
  if (!v.is_string()) return Status::InvalidArgument(where + ": must be a string");
  for (StanceToken& t : TokenizeForStance(v.get<std::string>())) {
    if (t.is_break) {
      return Status::InvalidArgument(where + ": must not contain punctuation that ends a clause");
    }
    out->push_back(std::move(t.text));
  }
  if (out->empty()) return Status::InvalidArgument(where + ": must contain a word");
  return Status::OK();
}

std::string Join(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& t : tokens) out += (out.empty() ? "" : " ") + t;
  return out;
}

Status ParseList(const json& doc, const ListSpec& spec, const std::string& origin, Seen* seen,
                 StanceLexicon* lex) {
  auto it = doc.find(spec.key);
  if (it == doc.end()) {
    if (!spec.required) return Status::OK();
    return Status::InvalidArgument(origin + ": " + spec.key + ": missing");
  }
  if (!it->is_array()) {
    return Status::InvalidArgument(origin + ": " + spec.key + ": must be an array of phrases");
  }
  for (size_t i = 0; i < it->size(); ++i) {
    std::string field = std::string(spec.key) + "[" + std::to_string(i) + "]";
    StancePhrase phrase{{}, spec.cue};
    Status s = PhraseTokens((*it)[i], origin + ": " + field, &phrase.tokens);
    if (!s.ok()) return s;
    auto [prev, fresh] = seen->emplace(Join(phrase.tokens), field);
    if (!fresh) {
      return Status::InvalidArgument(origin + ": " + field + ": \"" + prev->first +
                                     "\" is already listed in " + prev->second);
    }
    lex->phrases.push_back(std::move(phrase));
  }
  return Status::OK();
}

Status ParseWindow(const json& obj, const char* key, const std::string& where, int* out) {
  auto it = obj.find(key);
  if (it == obj.end()) return Status::OK();
  if (!it->is_number_integer() || *it < 1 || *it > kMaxStanceWindow) {
    return Status::InvalidArgument(where + key + ": must be an integer from 1 to " +
                                   std::to_string(kMaxStanceWindow));
  }
  *out = it->get<int>();
  return Status::OK();
}

// Reads a list of single words into `out`; duplicates are errors.
Status ParseWords(const json& obj, const char* key, const std::string& where, bool required,
                  std::set<std::string, std::less<>>* out) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    return required ? Status::InvalidArgument(where + key + ": missing") : Status::OK();
  }
  if (!it->is_array()) return Status::InvalidArgument(where + key + ": must be an array of words");
  for (size_t i = 0; i < it->size(); ++i) {
    std::string field = where + key + "[" + std::to_string(i) + "]";
    std::vector<std::string> tokens;
    Status s = PhraseTokens((*it)[i], field, &tokens);
    if (!s.ok()) return s;
    if (tokens.size() != 1) return Status::InvalidArgument(field + ": must be a single word");
    if (!out->insert(tokens[0]).second) {
      return Status::InvalidArgument(field + ": \"" + tokens[0] + "\" is listed twice");
    }
  }
  return Status::OK();
}

Status ParseBadThings(const json& doc, const std::string& origin, StanceLexicon* lex) {
  auto it = doc.find("bad_things");
  if (it == doc.end()) return Status::OK();
  std::string where = origin + ": bad_things.";
  if (!it->is_object()) return Status::InvalidArgument(origin + ": bad_things: must be an object");
  for (const auto& [key, value] : it->items()) {
    if (key != "nouns" && key != "stops" && key != "window") {
      return Status::InvalidArgument(origin + ": bad_things: unknown key \"" + key + "\"");
    }
  }
  Status s = ParseWords(*it, "nouns", where, true, &lex->bad_things);
  if (s.ok()) s = ParseWords(*it, "stops", where, false, &lex->object_stops);
  if (s.ok()) s = ParseWindow(*it, "window", where, &lex->object_window);
  return s;
}

bool IsTopLevelKey(const std::string& key) {
  if (key == "$comment" || key == "bad_things" || key == "negation_window") return true;
  for (const ListSpec& spec : kLists) {
    if (key == spec.key) return true;
  }
  return false;
}

}  // namespace

Result<StanceLexicon> StanceLexicon::Parse(std::string_view json_text, std::string_view origin) {
  std::string where(origin);
  json doc = json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::InvalidArgument(where + ": not a valid JSON object");
  }
  for (const auto& [key, value] : doc.items()) {
    if (!IsTopLevelKey(key))
      return Status::InvalidArgument(where + ": unknown key \"" + key + "\"");
  }
  StanceLexicon lex;
  Seen seen;
  for (const ListSpec& spec : kLists) {
    Status s = ParseList(doc, spec, where, &seen, &lex);
    if (!s.ok()) return s;
  }
  Status s = ParseBadThings(doc, where, &lex);
  if (s.ok()) s = ParseWindow(doc, "negation_window", where + ": ", &lex.negation_window);
  if (!s.ok()) return s;
  return lex;
}

}  // namespace claimgraph
