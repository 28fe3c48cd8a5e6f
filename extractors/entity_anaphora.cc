#include "extractors/entity_anaphora.h"

#include <array>

#include "extractors/ascii.h"
#include "extractors/entity_words.h"
#include "extractors/phrase_matcher.h"

namespace claimgraph {

namespace {

struct Span {
  size_t start;
  size_t end;
};

constexpr std::array<std::string_view, 4> kAnaphoraNouns = {"company", "group", "firm",
                                                            "corporation"};

bool IsCompanyNoun(std::string_view text, TextSpan word) {
  for (std::string_view noun : kAnaphoraNouns) {
    if (EqualsAsciiLower(text.substr(word.start, word.end - word.start), noun)) return true;
  }
  return false;
}

bool IsWord(std::string_view text, TextSpan word, std::string_view lower) {
  return EqualsAsciiLower(text.substr(word.start, word.end - word.start), lower);
}

// Only whitespace between two words.
bool Adjacent(std::string_view text, TextSpan a, TextSpan b) {
  if (b.start == a.end) return false;
  for (size_t i = a.end; i < b.start; ++i) {
    if (!IsAsciiSpace(text[i])) return false;
  }
  return true;
}

// The anaphor starting at words[i], or an empty span: "its", or "the"
// and a company noun not followed by "of" ("the group of seven").
Span AnaphorAt(std::string_view text, const std::vector<TextSpan>& words, size_t i) {
  if (IsWord(text, words[i], "its")) return {words[i].start, PossessiveEnd(text, words[i].end)};
  if (i + 1 >= words.size() || !IsWord(text, words[i], "the") ||
      !Adjacent(text, words[i], words[i + 1]) || !IsCompanyNoun(text, words[i + 1])) {
    return {0, 0};
  }
  if (i + 2 < words.size() && Adjacent(text, words[i + 1], words[i + 2]) &&
      IsWord(text, words[i + 2], "of")) {
    return {0, 0};
  }
  return {words[i].start, PossessiveEnd(text, words[i + 1].end)};
}

// Anaphor spans in text outside the (sorted) mentions.
std::vector<Span> FindAnaphors(std::string_view text, const std::vector<TextSpan>& words,
                               const std::vector<EntityMention>& taken) {
  std::vector<Span> found;
  size_t next_taken = 0;
  size_t resume = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].start < resume) continue;
    char first = AsciiLower(text[words[i].start]);
    // Fast path: an anaphor starts with "its" or "the", three bytes each.
    if (words[i].end - words[i].start != 3 || (first != 'i' && first != 't')) continue;
    Span span = AnaphorAt(text, words, i);
    if (span.end == 0) continue;
    while (next_taken < taken.size() && taken[next_taken].end <= span.start) ++next_taken;
    if (next_taken < taken.size() && taken[next_taken].start < span.end) continue;
    found.push_back(span);
    resume = span.end;
  }
  return found;
}

EntityMention Resolve(Span span, const EntityMention& company) {
  EntityMention m;
  m.start = span.start;
  m.end = span.end;
  m.id = company.id;
  m.type = EntityType::kCompany;
  m.name = company.name;
  m.discovered = company.discovered;
  m.anaphor = true;
  return m;
}

}  // namespace

void AddAnaphors(std::string_view text, const std::vector<TextSpan>& words,
                 const CompanyOfMention& company_of, std::vector<EntityMention>* mentions) {
  std::vector<Span> spans = FindAnaphors(text, words, *mentions);
  if (spans.empty()) return;
  std::vector<EntityMention> out;
  out.reserve(mentions->size() + spans.size());
  std::optional<EntityMention> last;
  size_t next_span = 0;
  auto flush_until = [&](size_t pos) {
    for (; next_span < spans.size() && spans[next_span].start < pos; ++next_span) {
      if (last) out.push_back(Resolve(spans[next_span], *last));
    }
  };
  for (EntityMention& m : *mentions) {
    flush_until(m.start);
    if (auto company = company_of(m)) last = std::move(company);
    out.push_back(std::move(m));
  }
  flush_until(text.size() + 1);
  *mentions = std::move(out);
}

}  // namespace claimgraph
