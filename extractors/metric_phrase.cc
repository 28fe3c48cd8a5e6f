#include "extractors/metric_phrase.h"

#include "extractors/phrase_matcher.h"

namespace claimgraph {

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::string NormalizeMetricPhrase(std::string_view phrase) {
  std::string out;
  bool has_word = false;
  for (size_t i = 0; i < phrase.size(); ++i) {
    char c = phrase[i];
    bool joining_hyphen = c == '-' && i > 0 && i + 1 < phrase.size() &&
                          IsAsciiAlnum(phrase[i - 1]) && IsAsciiAlnum(phrase[i + 1]);
    if (IsAsciiSpace(c) || joining_hyphen) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    has_word = has_word || IsAsciiAlnum(c);
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return has_word ? out : std::string();
}

std::string PluralOfMetricPhrase(std::string_view normalized) {
  std::string_view last = normalized.substr(normalized.rfind(' ') + 1);
  if (last.size() < 2) return "";
  char z = last.back();
  if (z < 'a' || z > 'z') return "";
  for (char c : last) {
    if (c < 'a' || c > 'z') return "";
  }
  if (z == 's' && !EndsWith(last, "ss")) return "";  // "sales", "earnings", "employees"
  std::string out(normalized);
  if (EndsWith(last, "ss") || EndsWith(last, "x") || EndsWith(last, "ch") || EndsWith(last, "sh")) {
    out += "es";
  } else if (z == 'y' && !IsVowel(last[last.size() - 2])) {
    out.back() = 'i';
    out += "es";
  } else {
    out += "s";
  }
  return out;
}

}  // namespace claimgraph
