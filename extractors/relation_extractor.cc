#include "extractors/relation_extractor.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "engine/utf8.h"
#include "extractors/json_fields.h"

namespace claimgraph {

namespace {

using nlohmann::json;

constexpr int kMaxWindow = 10;
constexpr unsigned kDefaultTypes = (1u << static_cast<int>(EntityType::kCompany)) |
                                   (1u << static_cast<int>(EntityType::kSegment)) |
                                   (1u << static_cast<int>(EntityType::kProduct));

// A right single quotation mark (U+2019), as in "Amazon’s".
constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

// Whether text[i] continues a word: ASCII letters and digits, apostrophes,
// hyphens and UTF-8 letters; not UTF-8 punctuation (dashes, quotes).
bool IsWordByte(std::string_view text, size_t i) {
  char c = text[i];
  if (IsAsciiAlnum(c) || c == '\'' || c == '-') return true;
  if (static_cast<unsigned char>(c) < 0x80) return false;
  for (size_t back = 0; back < 3 && back <= i; ++back) {
    if (text.substr(i - back, 3) == kCurlyApostrophe) return true;
    if (text.substr(i - back, 2) == "\xE2\x80") return false;  // general punctuation
  }
  return true;
}

// The lower-cased words of text[from, to) (curly apostrophes folded to
// '\''), or false when anything but words and whitespace stands there.
bool WordsIn(std::string_view text, size_t from, size_t to, std::vector<std::string>* words) {
  words->clear();
  for (size_t i = from; i < to;) {
    if (IsAsciiSpace(text[i])) {
      ++i;
      continue;
    }
    if (!IsWordByte(text, i)) return false;
    size_t j = i;
    while (j < to && IsWordByte(text, j)) ++j;
    std::string w = AsciiLowered(text.substr(i, j - i));
    for (size_t at; (at = w.find(kCurlyApostrophe)) != std::string::npos;) {
      w.replace(at, kCurlyApostrophe.size(), "'");
    }
    words->push_back(std::move(w));
    i = j;
  }
  return true;
}

bool AtMostWords(std::string_view text, size_t from, size_t to, int max) {
  std::vector<std::string> words;
  return WordsIn(text, from, to, &words) && words.size() <= static_cast<size_t>(max);
}

// "Amazon's", "AWS’s", "its": a mention that qualifies what follows it.
bool IsPossessive(std::string_view text, const EntityMention& e) {
  std::string_view t = text.substr(e.start, e.end - e.start);
  auto ends_with = [&](std::string_view s) {
    return t.size() > s.size() && t.substr(t.size() - s.size()) == s;
  };
  return ends_with("'s") || ends_with("\xE2\x80\x99s") || AsciiLowered(t) == "its";
}

std::string Normalized(std::string_view phrase) {
  std::string out;
  for (char c : AsciiLowered(phrase)) {
    if (!IsAsciiSpace(c)) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsSnakeId(const std::string& id) {
  if (id.empty() || id.front() < 'a' || id.front() > 'z') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Status CheckKeys(const json& obj, std::initializer_list<std::string_view> allowed,
                 const std::string& where) {
  for (auto& [key, value] : obj.items()) {
    if (!key.empty() && key[0] == '$') continue;
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return Status::InvalidArgument(where + "." + key + ": unknown key");
    }
  }
  return Status::OK();
}

Status ReadWindow(const json& obj, const char* key, const std::string& where, int* out) {
  auto it = obj.find(key);
  if (it == obj.end()) return Status::OK();
  if (!it->is_number_integer() || it->get<int>() < 0 || it->get<int>() > kMaxWindow) {
    return Status::InvalidArgument(where + "." + key + ": must be an integer from 0 to " +
                                   std::to_string(kMaxWindow));
  }
  *out = it->get<int>();
  return Status::OK();
}

// Phrases of a list, each registered with `id` in *m; a phrase already seen
// (in any list of the same kind) is an error naming both places.
Status AddPhrases(const json& obj, const char* key, const std::string& where, int id,
                  std::map<std::string, std::string>* seen, PhraseMatcher* m) {
  std::vector<std::string> phrases;
  Status s = ReadStringList(obj, key, where, false, &phrases);
  for (size_t i = 0; s.ok() && i < phrases.size(); ++i) {
    std::string here = where + "." + key + "[" + std::to_string(i) + "]";
    auto [it, fresh] = seen->emplace(Normalized(phrases[i]), here);
    if (!fresh) {
      return Status::InvalidArgument(here + ": \"" + phrases[i] + "\" repeats " + it->second);
    }
    m->Add(phrases[i], id);
  }
  return s;
}

Status ReadTypes(const json& obj, const char* key, const std::string& where, unsigned* bits) {
  std::vector<std::string> names;
  Status s = ReadStringList(obj, key, where, false, &names);
  if (!s.ok() || names.empty()) return s;
  *bits = 0;
  for (size_t i = 0; i < names.size(); ++i) {
    int type = names[i] == "company"   ? 0
               : names[i] == "segment" ? 1
               : names[i] == "product" ? 2
                                       : -1;
    if (type < 0) {
      return Status::InvalidArgument(where + "." + key + "[" + std::to_string(i) + "]: \"" +
                                     names[i] + "\" is not company, segment or product");
    }
    *bits |= 1u << type;
  }
  return Status::OK();
}

}  // namespace

// Reads relation rules into an extractor; a friend, so that no JSON type
// appears in the header.
struct RelationParser {
  static Status ParseRule(const json& r, const std::string& where,
                          std::map<std::string, std::string>* ids,
                          std::map<std::string, std::string>* phrases,
                          std::map<std::string, std::string>* roles, RelationExtractor* x);
};

Result<RelationExtractor> RelationExtractor::Parse(std::string_view json_text,
                                                   std::string_view origin) {
  json doc = json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::InvalidArgument(std::string(origin) + ": not a valid JSON object");
  }
  RelationExtractor x;
  auto section = doc.find("relations");
  if (section == doc.end()) return x;
  const std::string where = std::string(origin) + ": relations";
  if (!section->is_object()) return Status::InvalidArgument(where + ": must be an object");
  const json& rel = *section;
  Status s = CheckKeys(rel,
                       {"rules", "before_words", "max_before_words", "max_after_words",
                        "max_role_words", "role_connectors"},
                       where);
  if (s.ok()) s = ReadWindow(rel, "max_before_words", where, &x.max_before_words_);
  if (s.ok()) s = ReadWindow(rel, "max_after_words", where, &x.max_after_words_);
  if (s.ok()) s = ReadWindow(rel, "max_role_words", where, &x.max_role_words_);
  if (s.ok()) s = ReadStringList(rel, "before_words", where, false, &x.before_words_);
  std::vector<std::string> connectors;
  if (s.ok()) s = ReadStringList(rel, "role_connectors", where, false, &connectors);
  if (!s.ok()) return s;
  for (size_t i = 0; i < x.before_words_.size(); ++i) {
    std::string& w = x.before_words_[i];
    w = Normalized(w);
    if (w.find(' ') != std::string::npos) {
      return Status::InvalidArgument(where + ".before_words[" + std::to_string(i) +
                                     "]: one word only");
    }
  }
  std::sort(x.before_words_.begin(), x.before_words_.end());
  x.role_connectors_.AddAll(connectors, 0);
  auto rules = rel.find("rules");
  if (rules == rel.end() || !rules->is_array()) {
    return Status::InvalidArgument(where + ".rules: must be an array of relation rules");
  }
  std::map<std::string, std::string> ids, phrases, roles;
  for (size_t i = 0; i < rules->size(); ++i) {
    s = RelationParser::ParseRule((*rules)[i], where + ".rules[" + std::to_string(i) + "]", &ids,
                                  &phrases, &roles, &x);
    if (!s.ok()) return s;
  }
  x.phrase_starts_ = PhraseStartFilter(x.phrases_);
  return x;
}

Status RelationParser::ParseRule(const json& r, const std::string& where,
                                 std::map<std::string, std::string>* ids,
                                 std::map<std::string, std::string>* phrases,
                                 std::map<std::string, std::string>* roles, RelationExtractor* x) {
  using Rule = RelationExtractor::Rule;
  using RoleSide = RelationExtractor::RoleSide;
  if (!r.is_object()) return Status::InvalidArgument(where + ": must be an object");
  Status s = CheckKeys(
      r, {"id", "phrases", "reverse_phrases", "roles", "as_role", "subject_types", "object_types"},
      where);
  if (!s.ok()) return s;
  Rule rule;
  rule.types[0] = rule.types[1] = kDefaultTypes;
  if (!r.contains("id") || !r["id"].is_string() || !IsSnakeId(r["id"].get<std::string>())) {
    return Status::InvalidArgument(where + ".id: must be a lower_snake_case string");
  }
  rule.id = r["id"].get<std::string>();
  if (auto [it, fresh] = ids->emplace(rule.id, where); !fresh) {
    return Status::InvalidArgument(where + ".id: duplicate id \"" + rule.id + "\" (first at " +
                                   it->second + ")");
  }
  if (auto it = r.find("as_role"); it != r.end()) {
    if (*it == "subject") {
      rule.as_role = RoleSide::kSubject;
    } else if (*it == "object") {
      rule.as_role = RoleSide::kObject;
    } else {
      return Status::InvalidArgument(where + ".as_role: must be \"subject\" or \"object\"");
    }
  }
  int index = static_cast<int>(x->rules_.size());
  s = AddPhrases(r, "phrases", where, 2 * index, phrases, &x->phrases_);
  if (s.ok()) s = AddPhrases(r, "reverse_phrases", where, 2 * index + 1, phrases, &x->phrases_);
  if (s.ok()) s = AddPhrases(r, "roles", where, index, roles, &x->roles_);
  if (s.ok()) s = ReadTypes(r, "subject_types", where, &rule.types[0]);
  if (s.ok()) s = ReadTypes(r, "object_types", where, &rule.types[1]);
  if (!s.ok()) return s;
  if (r.value("phrases", json::array()).empty() &&
      r.value("reverse_phrases", json::array()).empty()) {
    return Status::InvalidArgument(where + ": needs phrases or reverse_phrases");
  }
  x->rules_.push_back(std::move(rule));
  return Status::OK();
}

bool RelationExtractor::GapBeforeOk(std::string_view text, size_t from, size_t to) const {
  std::vector<std::string> words;
  if (!WordsIn(text, from, to, &words)) return false;
  if (words.size() > static_cast<size_t>(max_before_words_)) return false;
  for (const std::string& w : words) {
    bool adverb = w.size() > 3 && w.compare(w.size() - 2, 2, "ly") == 0;
    if (!adverb && !std::binary_search(before_words_.begin(), before_words_.end(), w)) {
      return false;
    }
  }
  return true;
}

bool RelationExtractor::Fits(const Rule& rule, const EntityMention& subject,
                             const EntityMention& object) {
  // People have no bit in any rule's types: they are never either side.
  auto bit = [](const EntityMention& e) { return 1u << static_cast<int>(e.type); };
  return subject.id != object.id && (rule.types[0] & bit(subject)) != 0 &&
         (rule.types[1] & bit(object)) != 0;
}

std::vector<RelationMatch> RelationExtractor::Find(
    std::string_view text, size_t start, size_t end,
    const std::vector<const EntityMention*>& entities) const {
  std::vector<RelationMatch> out;
  end = std::min(end, text.size());
  std::vector<const EntityMention*> in;
  for (const EntityMention* e : entities) {
    if (e->start >= start && e->end <= end) in.push_back(e);
  }
  if (empty() || in.size() < 2) return out;
  // A phrase that starts at or after the last entity's start has no entity
  // after it (MatchAt finds nothing): the scan stops there. Phrases start
  // where no run of letters and digits continues; most such positions fail
  // the start filter.
  size_t last_start = 0;
  for (const EntityMention* e : in) last_start = std::max(last_start, e->start);
  const size_t stop = std::min(end, last_start);
  std::string_view window = text.substr(0, end);
  for (size_t i = start; i < stop; ++i) {
    if (i > start && IsAsciiAlnum(text[i - 1]) && IsAsciiAlnum(text[i])) continue;
    if (!phrase_starts_.MayStartAt(window, i)) continue;
    PhraseMatch pm = phrases_.StartingAt(window, i, false);
    if (!pm.found()) continue;
    MatchAt(text, pm, end, in, &out);
    i = pm.end - 1;
  }
  return out;
}

void RelationExtractor::MatchAt(std::string_view text, const PhraseMatch& pm, size_t end,
                                const std::vector<const EntityMention*>& in,
                                std::vector<RelationMatch>* out) const {
  const EntityMention* before = nullptr;
  size_t k = 0;
  for (; k < in.size() && in[k]->end <= pm.start; ++k) before = in[k];
  if (k == in.size() || in[k]->start < pm.end) return;  // nothing after, or inside a name
  const EntityMention* after = in[k];
  if (before == nullptr || !GapBeforeOk(text, before->end, pm.start) ||
      !AtMostWords(text, pm.end, after->start, max_after_words_)) {
    return;
  }
  // "runs on Amazon's Trainium": the possessive qualifies the next entity.
  if (k + 1 < in.size() && IsPossessive(text, *after) &&
      AtMostWords(text, after->end, in[k + 1]->start, max_after_words_)) {
    after = in[k + 1];
  }
  const Rule& rule = rules_[static_cast<size_t>(pm.index / 2)];
  bool reverse = pm.index % 2 == 1;
  const EntityMention* subject = reverse ? after : before;
  const EntityMention* object = reverse ? before : after;
  if (!Fits(rule, *subject, *object)) return;
  out->push_back({rule.id, subject, object, pm.start, pm.end, before->end, false});
  if (rule.as_role == RoleSide::kNone) return;
  const EntityMention* owner = nullptr;
  int role = RoleAfter(text, *after, end, in, &owner);
  const EntityMention* holder = rule.as_role == RoleSide::kSubject ? subject : object;
  if (role >= 0 && Fits(rules_[static_cast<size_t>(role)], *holder, *owner)) {
    out->push_back(
        {rules_[static_cast<size_t>(role)].id, holder, owner, pm.start, pm.end, before->end, true});
  }
}

int RelationExtractor::RoleAfter(std::string_view text, const EntityMention& after, size_t end,
                                 const std::vector<const EntityMention*>& in,
                                 const EntityMention** owner) const {
  std::string_view window = text.substr(0, end);
  PhraseMatch as = role_connectors_.StartingAt(window, after.end, true);
  if (!as.found()) return -1;
  const EntityMention* z = nullptr;
  for (const EntityMention* e : in) {
    if (e->start >= as.end) {
      z = e;
      break;
    }
  }
  if (z == nullptr || !AtMostWords(text, as.end, z->start, 0) || !IsPossessive(text, *z)) {
    return -1;
  }
  // "TSMC's largest customer": up to max_role_words words before the role.
  size_t i = z->end;
  for (int words = 0; words <= max_role_words_ && i < end; ++words) {
    while (i < end && IsAsciiSpace(text[i])) ++i;
    PhraseMatch role = roles_.StartingAt(window, i, false);
    if (role.found()) {
      *owner = z;
      return role.index;
    }
    size_t j = i;
    while (j < end && IsWordByte(text, j)) ++j;
    if (j == i) return -1;  // punctuation
    i = j;
  }
  return -1;
}

}  // namespace claimgraph
