#include "extractors/period_recognizer.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>

#include "extractors/number_parser.h"
#include "extractors/period_anchors.h"
#include "extractors/period_parsers.h"

namespace claimgraph {
namespace {

constexpr int kGroups = static_cast<int>(PeriodAnchorGroup::kYear) + 1;

void Dispatch(const PeriodScan& scan, PeriodAnchorGroup group, Word anchor,
              std::vector<Mention>* found) {
  const PeriodText& t = scan.text;
  switch (group) {
    case PeriodAnchorGroup::kCode:
      MatchQuarterCode(scan, anchor, found);
      break;
    case PeriodAnchorGroup::kFiscal:
      MatchFiscal(scan, anchor, found);
      break;
    case PeriodAnchorGroup::kMonth:
      MatchMonth(scan, anchor, found);
      break;
    case PeriodAnchorGroup::kYear:
      MatchYear(scan, anchor, found);
      break;
    case PeriodAnchorGroup::kWord:
      if (t.IsAny(anchor, {"quarter", "half"})) {
        MatchOrdinalPeriod(scan, anchor, found);
      }
      if (t.IsAny(anchor, {"quarter", "period"})) {
        MatchComparative(scan, anchor, found);
      }
      MatchUnitPhrase(scan, anchor, found);
      break;
  }
}

// The anchors by kPeriodAnchorPattern itself: for the rare text the
// hand-written scan does not cover.
void DispatchByPattern(const RE2& anchors, const PeriodScan& scan, std::string_view text,
                       std::vector<Mention>* found) {
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[kGroups];
  size_t pos = 0;
  while (pos < text.size() &&
         anchors.Match(input, pos, text.size(), RE2::UNANCHORED, groups, kGroups)) {
    const size_t start = static_cast<size_t>(groups[0].data() - text.data());
    const size_t end = start + groups[0].size();
    for (int group = 1; group < kGroups; ++group) {
      if (groups[group].data() == nullptr) continue;
      Dispatch(scan, static_cast<PeriodAnchorGroup>(group), Word{start, end}, found);
      break;
    }
    pos = end > start ? end : start + 1;
  }
}

// Keeps the longest of overlapping mentions (the earlier one, then the one
// found first, on ties) and returns the survivors in text order. Sorts
// indices, not the mentions (which own strings).
std::vector<Mention> LongestFirst(std::vector<Mention> found, size_t size) {
  std::vector<uint32_t> order(found.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  std::stable_sort(order.begin(), order.end(), [&found](uint32_t x, uint32_t y) {
    const Mention& a = found[x];
    const Mention& b = found[y];
    const size_t la = a.end - a.start;
    const size_t lb = b.end - b.start;
    return la != lb ? la > lb : a.start < b.start;
  });
  std::map<size_t, uint32_t> kept;  // by start
  for (const uint32_t i : order) {
    const Mention& m = found[i];
    if (m.end <= m.start || m.end > size) continue;
    auto next = kept.lower_bound(m.start);
    if (next != kept.end() && found[next->second].start < m.end) continue;
    if (next != kept.begin() && found[std::prev(next)->second].end > m.start) {
      continue;
    }
    kept.emplace(m.start, i);
  }
  std::vector<Mention> out;
  out.reserve(kept.size());
  for (const auto& entry : kept) out.push_back(std::move(found[entry.second]));
  return out;
}

}  // namespace

struct PeriodRecognizer::Rep {
  explicit Rep(const NumberParser& numbers_in)
      : numbers(numbers_in), anchors(kPeriodAnchorPattern) {}
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
  std::vector<Mention> found;
  if (PeriodAnchorScanApplies(text)) {
    const PeriodAnchorScan anchors(text);
    for (auto a = anchors.Next(0); a; a = anchors.Next(a->end)) {
      Dispatch(scan, a->group, Word{a->start, a->end}, &found);
    }
  } else {
    DispatchByPattern(rep_->anchors, scan, text, &found);
  }
  std::vector<Mention> kept = LongestFirst(std::move(found), text.size());
  out->insert(out->end(), std::make_move_iterator(kept.begin()),
              std::make_move_iterator(kept.end()));
}

}  // namespace claimgraph
