#include "extractors/company_names.h"

#include <algorithm>
#include <array>

#include "extractors/entity_words.h"

namespace claimgraph {

namespace {

constexpr size_t kMaxNameWords = 6;

// Sorted (std::string_view order) for binary search.
constexpr std::array<std::string_view, 39> kLegalSuffixes = {
    "A/S",      "AB",      "ABP",    "AG",           "ASA",         "Abp",  "B.V.",  "BV",
    "Co.",      "Company", "Corp",   "Corp.",        "Corporation", "GmbH", "Group", "Holding",
    "Holdings", "Inc",     "Inc.",   "Incorporated", "KGaA",        "L.P.", "LLC",   "LP",
    "Limited",  "Ltd",     "Ltd.",   "N.V.",         "NV",          "OYJ",  "Oy",    "Oyj",
    "PLC",      "S.A.",    "S.p.A.", "SA",           "SE",          "SpA",  "plc"};

constexpr std::array<std::string_view, 99> kStopWords = {
    "A",         "AI",       "About",    "After",     "Against",   "Also",       "Among",
    "An",        "Analyst",  "Analysts", "And",       "April",     "As",         "At",
    "August",    "Before",   "Both",     "But",       "By",        "CEO",        "CFO",
    "CIO",       "COO",      "CTO",      "Chair",     "Chairman",  "Chairwoman", "Chief",
    "December",  "Director", "Dr",       "Dr.",       "During",    "Each",       "Earnings",
    "Executive", "FY",       "February", "Following", "For",       "Founder",    "Friday",
    "From",      "H1",       "H2",       "He",        "Head",      "Her",        "His",
    "However",   "If",       "In",       "Into",      "Investors", "It",         "Its",
    "January",   "July",     "June",     "March",     "May",       "Meanwhile",  "Monday",
    "Mr",        "Mr.",      "Mrs",      "Mrs.",      "Ms",        "Ms.",        "November",
    "October",   "Of",       "On",       "Or",        "President", "Q1",         "Q2",
    "Q3",        "Q4",       "Saturday", "September", "Shares",    "She",        "Since",
    "Stock",     "Sunday",   "That",     "The",       "Their",     "These",      "This",
    "Thursday",  "Today",    "Tuesday",  "Vice",      "Wednesday", "While",      "With",
    "Yesterday"};

static_assert(std::is_sorted(kLegalSuffixes.begin(), kLegalSuffixes.end()));
static_assert(std::is_sorted(kStopWords.begin(), kStopWords.end()));

template <size_t N>
bool Contains(const std::array<std::string_view, N>& sorted, std::string_view word) {
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

size_t PrevCharStart(std::string_view text, size_t pos) {
  size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  return start;
}

// Bytes a name word may contain besides letters and digits: "AT&T",
// "Coca-Cola", "Amazon.com", "Inc.".
bool IsNameCharBefore(std::string_view text, size_t pos) {
  char c = text[pos - 1];
  return c == '&' || c == '-' || c == '.' || IsWordCharBefore(text, pos);
}

std::string_view WordText(std::string_view text, TextSpan w) {
  return text.substr(w.start, w.end - w.start);
}

bool CanContinueName(std::string_view text, TextSpan w) {
  std::string_view word = WordText(text, w);
  return IsUpperAt(text, w.start) || IsLegalSuffix(word) || word == "&";
}

}  // namespace

bool IsLegalSuffix(std::string_view word) { return Contains(kLegalSuffixes, word); }

std::vector<std::string_view> LegalSuffixes() {
  return {kLegalSuffixes.begin(), kLegalSuffixes.end()};
}

bool IsNameStopWord(std::string_view word) { return Contains(kStopWords, word); }

std::vector<TextSpan> SplitNameWords(std::string_view text, TextSpan span) {
  std::vector<TextSpan> words;
  size_t pos = span.start;
  while (pos < span.end) {
    while (pos < span.end && IsSpaceOrTab(text[pos])) ++pos;
    size_t start = pos;
    while (pos < span.end && !IsSpaceOrTab(text[pos])) ++pos;
    size_t end = pos;
    if (end > start && text[end - 1] == ',') --end;
    if (end > start) words.push_back({start, end});
  }
  return words;
}

std::vector<TextSpan> NameWordsBefore(std::string_view text, size_t pos) {
  while (pos > 0 && IsSpaceOrTab(text[pos - 1])) --pos;
  if (pos > 0 && (text[pos - 1] == '(' || text[pos - 1] == ',')) --pos;
  while (pos > 0 && IsSpaceOrTab(text[pos - 1])) --pos;
  std::vector<TextSpan> words;
  while (words.size() < kMaxNameWords) {
    size_t start = pos;
    while (start > 0 && IsNameCharBefore(text, start)) start = PrevCharStart(text, start);
    TextSpan word{start, pos};
    if (start == pos || !CanContinueName(text, word)) break;
    words.push_back(word);
    pos = start;
    while (pos > 0 && IsSpaceOrTab(text[pos - 1])) --pos;
    if (pos == start) break;
  }
  std::reverse(words.begin(), words.end());
  return words;
}

std::optional<CompanyName> NameFromWords(std::string_view text, std::vector<TextSpan> words,
                                         NameAnchor anchor) {
  auto is_stop = [&](TextSpan w) { return IsNameStopWord(WordText(text, w)); };
  if (anchor == NameAnchor::kStart) {
    words.erase(std::find_if(words.begin(), words.end(), is_stop), words.end());
    if (words.size() > kMaxNameWords) words.resize(kMaxNameWords);
  } else {
    auto last_stop = std::find_if(words.rbegin(), words.rend(), is_stop);
    words.erase(words.begin(), last_stop.base());
    if (words.size() > kMaxNameWords) words.erase(words.begin(), words.end() - kMaxNameWords);
  }
  // A name starts with a capitalized word that is not a suffix or "&".
  while (!words.empty() &&
         (!IsUpperAt(text, words.front().start) || IsLegalSuffix(WordText(text, words.front())))) {
    words.erase(words.begin());
  }
  size_t short_words = words.size();
  while (short_words > 0 && (IsLegalSuffix(WordText(text, words[short_words - 1])) ||
                             !IsUpperAt(text, words[short_words - 1].start))) {
    --short_words;
  }
  if (short_words == 0) return std::nullopt;
  size_t short_end = words[short_words - 1].end;
  if (text[short_end - 1] == '.') --short_end;  // "Acme Inc." ends a sentence
  CompanyName name{{words.front().start, words.back().end},
                   std::string(text.substr(words.front().start, short_end - words.front().start))};
  if (name.short_name.size() < 2) return std::nullopt;
  return name;
}

}  // namespace claimgraph
