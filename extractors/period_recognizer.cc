#include "extractors/period_recognizer.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "extractors/number_parser.h"
#include "extractors/period_parsers.h"

namespace claimgraph {
namespace {

// One pass over the text finds every word a period expression can hang on;
// the group that matched says which parsers to run around it.
constexpr char kAnchorPattern[] =
    R"((?i)\b(?:)"
    R"((q[1-4]|[1-4]q|h[12]|[12]h))"  // 1: Q3, 3Q25, H1, 2H24
    R"(|(fy|fiscal\b))"               // 2: FY2025, fiscal
    R"(|((?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|)"
    R"(july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|)"
    R"(dec(?:ember)?)\b))"                                              // 3: month names
    R"(|((?:day|week|month|quarter|qtr|year|yr)s?|half|period|ytd)\b)"  // 4
    R"(|((?:19|20)\d\d)\b))";                                           // 5: years

enum AnchorGroup { kCode = 1, kFiscal, kMonth, kWord, kYear, kGroups };

void Dispatch(const PeriodScan& scan, int group, Word anchor, std::vector<Mention>* found) {
  const PeriodText& t = scan.text;
  switch (group) {
    case kCode:
      MatchQuarterCode(scan, anchor, found);
      break;
    case kFiscal:
      MatchFiscal(scan, anchor, found);
      break;
    case kMonth:
      MatchMonth(scan, anchor, found);
      break;
    case kYear:
      MatchYear(scan, anchor, found);
      break;
    case kWord:
      if (t.IsAny(anchor, {"quarter", "half"})) {
        MatchOrdinalPeriod(scan, anchor, found);
      }
      if (t.IsAny(anchor, {"quarter", "period"})) {
        MatchComparative(scan, anchor, found);
      }
      MatchUnitPhrase(scan, anchor, found);
      break;
    default:
      break;
  }
}

// Keeps the longest of overlapping mentions (the earlier one, then the one
// found first, on ties) and returns the survivors in text order.
std::vector<Mention> LongestFirst(std::vector<Mention> found, size_t size) {
  std::stable_sort(found.begin(), found.end(), [](const Mention& a, const Mention& b) {
    const size_t la = a.end - a.start;
    const size_t lb = b.end - b.start;
    return la != lb ? la > lb : a.start < b.start;
  });
  std::map<size_t, const Mention*> kept;  // by start
  for (const Mention& m : found) {
    if (m.end <= m.start || m.end > size) continue;
    auto next = kept.lower_bound(m.start);
    if (next != kept.end() && next->second->start < m.end) continue;
    if (next != kept.begin() && std::prev(next)->second->end > m.start) {
      continue;
    }
    kept.emplace(m.start, &m);
  }
  std::vector<Mention> out;
  out.reserve(kept.size());
  for (const auto& entry : kept) out.push_back(*entry.second);
  return out;
}

}  // namespace

struct PeriodRecognizer::Rep {
  explicit Rep(const NumberParser& numbers_in) : numbers(numbers_in), anchors(kAnchorPattern) {}
  const NumberParser& numbers;
  RE2 anchors;
};

PeriodRecognizer::PeriodRecognizer(const NumberParser& numbers)
    : rep_(std::make_unique<Rep>(numbers)) {}

PeriodRecognizer::~PeriodRecognizer() = default;

void PeriodRecognizer::Recognize(std::string_view text, const std::optional<Date>& published,
                                 std::vector<Mention>* out) const {
  PeriodScan scan{PeriodText(text), std::nullopt, &rep_->numbers};
  if (published && published->IsValid()) scan.published = published;
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[kGroups];
  std::vector<Mention> found;
  size_t pos = 0;
  while (pos < text.size() &&
         rep_->anchors.Match(input, pos, text.size(), RE2::UNANCHORED, groups, kGroups)) {
    const size_t start = static_cast<size_t>(groups[0].data() - text.data());
    const size_t end = start + groups[0].size();
    for (int group = kCode; group < kGroups; ++group) {
      if (groups[group].data() == nullptr) continue;
      Dispatch(scan, group, Word{start, end}, &found);
      break;
    }
    pos = end > start ? end : start + 1;
  }
  std::vector<Mention> kept = LongestFirst(std::move(found), text.size());
  out->insert(out->end(), kept.begin(), kept.end());
}

}  // namespace claimgraph
