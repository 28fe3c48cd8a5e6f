// MetricRecognizer (declared in metric_lexicon.h): one PhraseMatcher over
// every synonym and its plural, run at each word start (a bitmap, less the
// words no phrase's first run can be) of a copy of the text
// in which hyphens inside words, typographic apostrophes and dashes and
// no-break spaces are replaced by same-length ASCII, so that offsets carry
// over unchanged.
#include <cstdint>
#include <set>

#include "engine/byte_bitmap.h"
#include "engine/byte_scan.h"
#include "engine/utf8.h"
#include "extractors/metric_lexicon.h"
#include "extractors/metric_phrase.h"
#include "extractors/phrase_matcher.h"

namespace claimgraph {

namespace {

struct Target {
  std::string metric_id;
  int sign = 1;
};

// A hyphen with a letter or digit on both sides joins a compound word.
bool IsJoiningHyphen(std::string_view text, size_t i) {
  return text[i] == '-' && i > 0 && i + 1 < text.size() && IsAsciiAlnum(text[i - 1]) &&
         IsAsciiAlnum(text[i + 1]);
}

// Same length as text: joining hyphens become spaces, U+00A0 two spaces,
// U+2018/U+2019 three apostrophes, U+2013/U+2014 three spaces.
// Whether any of the 8 bytes at p is a hyphen or not ASCII: the bytes
// MatchableCopy may rewrite. Most 8-byte runs of English have none.
bool MayNeedRewrite(const char* p) {
  const uint64_t w = LoadWord(p);
  return HasNonAscii(w) || HasByte(w, '-');
}

std::string MatchableCopy(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(out[k]); };
    while (i + 8 <= out.size() && !MayNeedRewrite(out.data() + i)) i += 8;
    if (i >= out.size()) break;
    if (out[i] != '-' && b(i) < 0xC2) continue;  // the common case
    if (IsJoiningHyphen(text, i)) {
      out[i] = ' ';
    } else if (b(i) == 0xC2 && i + 1 < out.size() && b(i + 1) == 0xA0) {
      out.replace(i, 2, "  ");
      ++i;
    } else if (b(i) == 0xE2 && i + 2 < out.size() && b(i + 1) == 0x80) {
      unsigned char last = b(i + 2);
      if (last == 0x98 || last == 0x99) out.replace(i, 3, "'''");
      if (last == 0x93 || last == 0x94) out.replace(i, 3, "   ");
      i += 2;
    }
  }
  return out;
}

// The word starts of copy (MatchableCopy(text)) as a byte bitmap: an ASCII
// letter or digit that continues no word (IsWordByte) and no hyphenated
// compound ("operating" in "non-operating" is not a word start: its joining
// hyphen is a space in the copy, a hyphen in the text). *alnum is set to
// the bitmap of the copy's ASCII letters and digits.
std::vector<uint64_t> WordStarts(std::string_view text, std::string_view copy,
                                 std::vector<uint64_t>* alnum) {
  KindBitmap<kRunLetters | kRunDigits>(copy, alnum);
  std::vector<uint64_t> before;  // bytes after which no word starts
  KindBitmap<kRunLetters | kRunDigits | kRunNonAscii>(copy, &before);
  std::vector<uint64_t> hyphens;
  std::vector<uint64_t> kept_hyphens;
  ByteBitmap(text, '-', &hyphens);
  ByteBitmap(copy, '-', &kept_hyphens);
  std::vector<uint64_t> starts = *alnum;
  uint64_t carry = 0;  // the top bit of the previous word of `before`
  for (size_t w = 0; w < starts.size(); ++w) {
    const uint64_t no_start_after = before[w] | (hyphens[w] & ~kept_hyphens[w]);
    starts[w] &= ~((no_start_after << 1) | carry);
    carry = no_start_after >> 63;
  }
  return starts;
}

}  // namespace

struct MetricRecognizer::Rep {
  PhraseMatcher matcher;
  PhraseStartFilter filter;     // of matcher, built once every phrase is in
  std::vector<Target> targets;  // by PhraseMatch::index
};

MetricRecognizer::MetricRecognizer() : rep_(std::make_unique<Rep>()) {}
MetricRecognizer::~MetricRecognizer() = default;

Result<std::unique_ptr<MetricRecognizer>> MetricRecognizer::Create(const MetricLexicon& lexicon) {
  if (lexicon.metrics().empty()) {
    return Status::InvalidArgument("metric lexicon has no metrics");
  }
  std::unique_ptr<MetricRecognizer> recognizer(new MetricRecognizer());
  Rep& rep = *recognizer->rep_;
  // Declared phrases first so that a generated plural never takes a phrase
  // another metric declares.
  std::set<std::string> taken;
  for (const MetricDef& def : lexicon.metrics()) {
    for (const MetricSynonym& syn : def.synonyms) taken.insert(NormalizeMetricPhrase(syn.phrase));
  }
  auto add = [&rep](const std::string& phrase, const MetricDef& def, int sign) {
    rep.matcher.Add(phrase, static_cast<int>(rep.targets.size()));
    rep.targets.push_back({def.id, sign});
  };
  for (const MetricDef& def : lexicon.metrics()) {
    for (const MetricSynonym& syn : def.synonyms)
      add(NormalizeMetricPhrase(syn.phrase), def, syn.sign);
  }
  for (const MetricDef& def : lexicon.metrics()) {
    for (const MetricSynonym& syn : def.synonyms) {
      std::string plural = PluralOfMetricPhrase(NormalizeMetricPhrase(syn.phrase));
      if (!plural.empty() && taken.insert(plural).second) add(plural, def, syn.sign);
    }
  }
  rep.filter = PhraseStartFilter(rep.matcher);
  return recognizer;
}

std::vector<MetricMention> MetricRecognizer::Recognize(std::string_view text) const {
  std::vector<MetricMention> mentions;
  std::string copy = MatchableCopy(text);
  std::vector<uint64_t> alnum;
  std::vector<uint64_t> starts = WordStarts(text, copy, &alnum);
  FilterWordStarts(copy, alnum, rep_->filter.first_run_keys(), &starts);
  for (size_t i = NextSetBit(starts, 0); i < copy.size();) {
    PhraseMatch m;
    if (rep_->filter.MayStartAt(copy, i)) m = rep_->matcher.StartingAt(copy, i, false);
    // A phrase followed by a joining hyphen is only part of a compound
    // ("revenue-generating").
    if (m.found() && !(m.end < text.size() && IsJoiningHyphen(text, m.end))) {
      const Target& t = rep_->targets[static_cast<size_t>(m.index)];
      mentions.push_back({m.start, m.end, t.metric_id, t.sign});
      i = NextSetBit(starts, m.end);
      continue;
    }
    i = NextSetBit(starts, i + 1);
  }
  return mentions;
}

}  // namespace claimgraph
