#include "extractors/quantity_lexicon.h"

#include <nlohmann/json.hpp>

#include "engine/line_reader.h"
#include "extractors/json_fields.h"

namespace claimgraph {

namespace {

using nlohmann::json;

constexpr size_t kMaxLexiconBytes = size_t{16} << 20;

Status ParseCurrency(const json& c, const std::string& where, CurrencyEntry* out) {
  if (!c.is_object()) return Status::InvalidArgument(where + ": must be an object");
  auto iso = c.find("iso");
  if (iso == c.end() || !iso->is_string() || iso->get<std::string>().size() != 3) {
    return Status::InvalidArgument(where + ".iso: must be a 3-letter ISO 4217 code");
  }
  out->iso = iso->get<std::string>();
  for (auto [key, list] : {std::pair{"prefixes", &out->prefixes}, std::pair{"codes", &out->codes},
                           std::pair{"words", &out->words}}) {
    Status s = ReadStringList(c, key, where, false, list);
    if (!s.ok()) return s;
  }
  auto minor = c.find("minor");
  if (minor == c.end()) return Status::OK();
  if (!minor->is_object()) return Status::InvalidArgument(where + ".minor: must be an object");
  Status s = ReadStringList(*minor, "words", where + ".minor", true, &out->minor_words);
  if (!s.ok()) return s;
  auto per = minor->find("per_major");
  if (per == minor->end() || !per->is_number() || per->get<double>() <= 0) {
    return Status::InvalidArgument(where + ".minor.per_major: must be a positive number");
  }
  out->minor_per_major = per->get<double>();
  return Status::OK();
}

Status ParseQualifiers(const json& q, const std::string& where, QualifierCues* out) {
  if (!q.is_object()) return Status::InvalidArgument(where + ": must be an object");
  for (auto [key, list] :
       {std::pair{"approx", &out->approx}, std::pair{"approx_below", &out->approx_below},
        std::pair{"at_least", &out->at_least}, std::pair{"at_most", &out->at_most},
        std::pair{"at_least_suffix", &out->at_least_suffix},
        std::pair{"at_most_suffix", &out->at_most_suffix}, std::pair{"negative", &out->negative}}) {
    Status s = ReadStringList(q, key, where, false, list);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace

Result<QuantityLexicon> QuantityLexicon::Parse(std::string_view json_text,
                                               std::string_view origin) {
  std::string where(origin);
  json doc = json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::InvalidArgument(where + ": not a valid JSON object");
  }
  QuantityLexicon lex;
  auto currencies = doc.find("currencies");
  if (currencies == doc.end() || !currencies->is_array() || currencies->empty()) {
    return Status::InvalidArgument(where + ": \"currencies\" must be a non-empty array");
  }
  for (size_t i = 0; i < currencies->size(); ++i) {
    CurrencyEntry entry;
    Status s =
        ParseCurrency((*currencies)[i], where + ": currencies[" + std::to_string(i) + "]", &entry);
    if (!s.ok()) return s;
    lex.currencies.push_back(std::move(entry));
  }
  if (auto q = doc.find("qualifiers"); q != doc.end()) {
    Status s = ParseQualifiers(*q, where + ": qualifiers", &lex.qualifiers);
    if (!s.ok()) return s;
  }
  if (auto w = doc.find("approx_width"); w != doc.end()) {
    if (!w->is_number() || w->get<double>() < 0 || w->get<double>() >= 1) {
      return Status::InvalidArgument(where + ": approx_width must be a number in [0, 1)");
    }
    lex.approx_width = w->get<double>();
  }
  Status s = ReadStringList(doc, "count_stopwords", where, false, &lex.count_stopwords);
  if (!s.ok()) return s;
  return lex;
}

Result<QuantityLexicon> QuantityLexicon::Load(const std::string& path) {
  std::string text;
  Status s = ReadWholeFile(path, kMaxLexiconBytes, &text);
  if (!s.ok()) return s;
  return Parse(text, path);
}

}  // namespace claimgraph
