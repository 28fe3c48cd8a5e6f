#include "extractors/annotator.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string_view>

#include "extractors/number_parser.h"
#include "extractors/period_recognizer.h"
#include "extractors/quantity_lexicon.h"
#include "extractors/quantity_recognizer.h"

namespace claimgraph {

namespace {

bool IsTemporal(const Mention& m) {
  return m.type == MentionType::kPeriod || m.type == MentionType::kDuration;
}

bool IsWeak(const Mention& m) {
  return m.type == MentionType::kNumber || m.type == MentionType::kCount;
}

// Merges two sorted lists, dropping the loser of every overlap.
std::vector<Mention> Merge(std::vector<Mention> quantities, std::vector<Mention> temporal) {
  std::vector<Mention> all;
  all.reserve(quantities.size() + temporal.size());
  all.insert(all.end(), std::make_move_iterator(quantities.begin()),
             std::make_move_iterator(quantities.end()));
  all.insert(all.end(), std::make_move_iterator(temporal.begin()),
             std::make_move_iterator(temporal.end()));
  // Sorts indices, not the mentions (which own strings).
  std::vector<uint32_t> order(all.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  std::stable_sort(order.begin(), order.end(),
                   [&all](uint32_t a, uint32_t b) { return all[a].start < all[b].start; });
  std::vector<Mention> out;
  out.reserve(all.size());
  for (const uint32_t i : order) {
    Mention& m = all[i];
    if (!out.empty() && m.start < out.back().end) {
      Mention& prev = out.back();
      // Temporal beats a weak number; a typed quantity beats a period.
      bool take_new =
          (IsTemporal(m) && IsWeak(prev)) || (!IsTemporal(m) && !IsWeak(m) && IsTemporal(prev));
      if (take_new) prev = std::move(m);
      continue;
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

Annotator::Annotator() = default;
Annotator::~Annotator() = default;

Result<std::unique_ptr<Annotator>> Annotator::Create(const std::string& schema_dir) {
  auto lexicon = QuantityLexicon::Load(schema_dir + "/quantities.json");
  if (!lexicon.ok()) return lexicon.status();
  std::unique_ptr<Annotator> a(new Annotator());
  a->numbers_ = std::make_unique<NumberParser>();
  auto quantities = QuantityRecognizer::Create(*lexicon, *a->numbers_);
  if (!quantities.ok()) return quantities.status();
  a->quantities_ = std::move(quantities).value();
  a->periods_ = std::make_unique<PeriodRecognizer>(*a->numbers_);
  return a;
}

std::vector<Mention> Annotator::Annotate(const Document& doc) const {
  std::string_view prose(doc.text.data(), std::min(doc.prose_end, doc.text.size()));
  std::vector<Mention> quantities;
  quantities_->Recognize(prose, &quantities);
  std::vector<Mention> temporal;
  periods_->Recognize(prose, Date::Parse(doc.published), &temporal);
  return Merge(std::move(quantities), std::move(temporal));
}

}  // namespace claimgraph
