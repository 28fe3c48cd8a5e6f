// StanceScorer: tokenizes the sentence, matches the longest lexicon phrase at
// each token, then resolves each polar cue in three steps:
//   1. an increase or decrease whose subject (before it) or object (after
//      it) is a bad thing flips: "costs fell", "cut its debt";
//   2. a negator within negation_window tokens before the cue flips it,
//      unless another polar cue stands between them;
//   3. an intensifier right before or after the cue doubles its weight.
// Breaks (punctuation, "but", "while") end every search. A bad thing that an
// increase or decrease consumed is not scored on its own ("losses narrowed"
// is one positive cue, not a negative and a positive).
#include "extractors/stance_scorer.h"

#include <algorithm>
#include <set>

#include "engine/line_reader.h"
#include "extractors/stance_lexicon.h"
#include "extractors/stance_tokenizer.h"

namespace claimgraph {

namespace {

constexpr size_t kMaxLexiconBytes = size_t{4} << 20;

bool IsPolar(StanceCue cue) {
  return cue == StanceCue::kPositive || cue == StanceCue::kNegative ||
         cue == StanceCue::kIncrease || cue == StanceCue::kDecrease;
}

}  // namespace

// Named, not anonymous: StanceScratch (declared in the header) holds them.
namespace stance_internal {

struct PhraseHit {
  size_t begin = 0;  // token range, end-exclusive
  size_t end = 0;
  StanceCue cue = StanceCue::kNeutral;
};

struct Sentence {
  StanceTokens tokens;
  std::vector<PhraseHit> matches;
  std::vector<int> owner;  // token -> index in matches, -1 when unmatched

  bool Is(size_t token, StanceCue cue) const {
    return owner[token] >= 0 && matches[static_cast<size_t>(owner[token])].cue == cue;
  }
  // Whether a search for context stops at this token.
  bool Blocks(size_t token, const std::set<std::string, std::less<>>& stops) const {
    return tokens.is_break(token) || Is(token, StanceCue::kClauseBreak) ||
           stops.count(tokens.text(token)) > 0;
  }
  std::string Text(const PhraseHit& m) const {
    std::string out;
    for (size_t t = m.begin; t < m.end; ++t) {
      if (t > m.begin) out.push_back(' ');
      out.append(tokens.text(t));
    }
    return out;
  }
};

// One resolved polar cue.
struct Polar {
  int sign = 0;
  int weight = 1;
  bool negated = false;
  int object = -1;  // token of the bad thing that flipped it
};

}  // namespace stance_internal

using stance_internal::PhraseHit;
using stance_internal::Polar;
using stance_internal::Sentence;

// Phrase indexes by first token, longest phrase first: an open-addressing
// table keyed by the token's bytes, looked up once per word of every
// sentence scored (most words start no phrase).
class FirstTokenIndex {
 public:
  void Add(const std::string& token, size_t phrase) {
    if (keys_.size() * 2 >= slots_.size()) Grow();
    size_t slot = Find(token);
    if (slots_[slot] < 0) {
      slots_[slot] = static_cast<int>(keys_.size());
      keys_.push_back(token);
      phrases_.emplace_back();
    }
    phrases_[static_cast<size_t>(slots_[slot])].push_back(phrase);
  }
  // The phrases starting with token, or nullptr.
  const std::vector<size_t>* Get(std::string_view token) const {
    if (slots_.empty()) return nullptr;
    const int key = slots_[Find(token)];
    return key < 0 ? nullptr : &phrases_[static_cast<size_t>(key)];
  }
  std::vector<std::vector<size_t>>& lists() { return phrases_; }

 private:
  // From the first two bytes, the last byte and the length: a few
  // operations instead of one multiply per byte; collisions only cost a
  // comparison.
  static uint64_t Hash(std::string_view s) {
    if (s.empty()) return 0;
    auto byte = [&s](size_t i) { return static_cast<uint64_t>(static_cast<unsigned char>(s[i])); };
    uint64_t x = byte(0) | byte(s.size() > 1 ? 1 : 0) << 8 | byte(s.size() - 1) << 16 |
                 static_cast<uint64_t>(s.size()) << 24;
    x *= 0x9E3779B97F4A7C15ull;
    return x ^ (x >> 29);
  }
  // The slot holding token, or the empty slot where it would go.
  size_t Find(std::string_view token) const {
    const size_t mask = slots_.size() - 1;
    size_t slot = Hash(token) & mask;
    while (slots_[slot] >= 0 && keys_[static_cast<size_t>(slots_[slot])] != token) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }
  void Grow() {
    slots_.assign(std::max<size_t>(16, slots_.size() * 2), -1);
    for (size_t k = 0; k < keys_.size(); ++k) slots_[Find(keys_[k])] = static_cast<int>(k);
  }

  std::vector<int> slots_;  // index into keys_, -1 when empty
  std::vector<std::string> keys_;
  std::vector<std::vector<size_t>> phrases_;  // by key
};

struct StanceScorer::Rep {
  StanceLexicon lex;
  FirstTokenIndex by_first;

  // Tokenizes text into *s and matches the lexicon's phrases (replacing
  // what *s held).
  void MatchPhrases(std::string_view text, Sentence* s) const;
  size_t Longest(const StanceTokens& tokens, size_t at, size_t* length) const;
  int FindBadThing(const Sentence& s, const PhraseHit& m) const;
  bool Negated(const Sentence& s, const PhraseHit& m) const;
  Polar Resolve(const Sentence& s, const PhraseHit& m) const;
};

// The longest phrase starting at token `at`, or SIZE_MAX.
size_t StanceScorer::Rep::Longest(const StanceTokens& tokens, size_t at, size_t* length) const {
  const std::vector<size_t>* candidates = by_first.Get(tokens.text(at));
  if (candidates == nullptr) return SIZE_MAX;
  for (size_t index : *candidates) {
    const std::vector<std::string>& want = lex.phrases[index].tokens;
    if (at + want.size() > tokens.size()) continue;
    size_t k = 1;
    while (k < want.size() && !tokens.is_break(at + k) && tokens.text(at + k) == want[k]) ++k;
    if (k == want.size()) {
      *length = k;
      return index;
    }
  }
  return SIZE_MAX;
}

void StanceScorer::Rep::MatchPhrases(std::string_view text, Sentence* out) const {
  Sentence& s = *out;
  TokenizeForStance(text, &s.tokens);
  s.matches.clear();
  s.owner.assign(s.tokens.size(), -1);
  size_t i = 0;
  while (i < s.tokens.size()) {
    size_t length = 0;
    size_t index = s.tokens.is_break(i) ? SIZE_MAX : Longest(s.tokens, i, &length);
    if (index == SIZE_MAX) {
      ++i;
      continue;
    }
    for (size_t t = i; t < i + length; ++t) s.owner[t] = static_cast<int>(s.matches.size());
    s.matches.push_back({i, i + length, lex.phrases[index].cue});
    i += length;
  }
}

// The bad thing an increase or decrease applies to: the nearest one before
// it (its subject), else after it (its object); -1 when there is none.
int StanceScorer::Rep::FindBadThing(const Sentence& s, const PhraseHit& m) const {
  size_t window = static_cast<size_t>(lex.object_window);
  for (size_t k = 1; k <= window && k <= m.begin; ++k) {
    size_t t = m.begin - k;
    if (s.Blocks(t, lex.object_stops)) break;
    if (lex.bad_things.count(s.tokens.text(t))) return static_cast<int>(t);
  }
  for (size_t t = m.end; t < m.end + window && t < s.tokens.size(); ++t) {
    if (s.Blocks(t, lex.object_stops)) break;
    if (lex.bad_things.count(s.tokens.text(t))) return static_cast<int>(t);
  }
  return -1;
}

bool StanceScorer::Rep::Negated(const Sentence& s, const PhraseHit& m) const {
  size_t window = static_cast<size_t>(lex.negation_window);
  for (size_t k = 1; k <= window && k <= m.begin; ++k) {
    size_t t = m.begin - k;
    if (s.tokens.is_break(t) || s.Is(t, StanceCue::kClauseBreak)) return false;
    if (s.Is(t, StanceCue::kNegator)) return true;
    // A negator belongs to the first polar cue after it.
    if (s.owner[t] >= 0 && IsPolar(s.matches[static_cast<size_t>(s.owner[t])].cue)) return false;
  }
  return false;
}

Polar StanceScorer::Rep::Resolve(const Sentence& s, const PhraseHit& m) const {
  Polar p;
  p.sign = (m.cue == StanceCue::kPositive || m.cue == StanceCue::kIncrease) ? 1 : -1;
  if (m.cue == StanceCue::kIncrease || m.cue == StanceCue::kDecrease) {
    p.object = FindBadThing(s, m);
    if (p.object >= 0) p.sign = -p.sign;
  }
  p.negated = Negated(s, m);
  if (p.negated) p.sign = -p.sign;
  bool intensified = (m.begin > 0 && s.Is(m.begin - 1, StanceCue::kIntensifier)) ||
                     (m.end < s.tokens.size() && s.Is(m.end, StanceCue::kIntensifier));
  p.weight = intensified ? 2 : 1;
  return p;
}

std::string_view PolarityName(Polarity polarity) {
  switch (polarity) {
    case Polarity::kPositive:
      return "positive";
    case Polarity::kNegative:
      return "negative";
    case Polarity::kNeutral:
      break;
  }
  return "neutral";
}

StanceScorer::StanceScorer() : rep_(std::make_unique<Rep>()) {}
StanceScorer::~StanceScorer() = default;

Result<std::unique_ptr<StanceScorer>> StanceScorer::Parse(std::string_view json_text,
                                                          std::string_view origin) {
  Result<StanceLexicon> lex = StanceLexicon::Parse(json_text, origin);
  if (!lex.ok()) return lex.status();
  std::unique_ptr<StanceScorer> scorer(new StanceScorer());
  Rep& rep = *scorer->rep_;
  rep.lex = std::move(lex).value();
  for (size_t i = 0; i < rep.lex.phrases.size(); ++i) {
    rep.by_first.Add(rep.lex.phrases[i].tokens[0], i);
  }
  for (std::vector<size_t>& indexes : rep.by_first.lists()) {
    std::stable_sort(indexes.begin(), indexes.end(), [&rep](size_t a, size_t b) {
      return rep.lex.phrases[a].tokens.size() > rep.lex.phrases[b].tokens.size();
    });
  }
  return scorer;
}

Result<std::unique_ptr<StanceScorer>> StanceScorer::Load(const std::string& path) {
  std::string text;
  Status s = ReadWholeFile(path, kMaxLexiconBytes, &text);
  if (!s.ok()) return s;
  return Parse(text, path);
}

struct StanceScratch::Rep {
  Sentence sentence;
  std::vector<Polar> polar;
};

StanceScratch::StanceScratch() : rep_(std::make_unique<Rep>()) {}
StanceScratch::~StanceScratch() = default;

StanceScore StanceScorer::Score(std::string_view sentence) const {
  StanceScratch scratch;
  return Score(sentence, &scratch);
}

StanceScore StanceScorer::Score(std::string_view sentence, StanceScratch* scratch) const {
  if (scratch == nullptr) return Score(sentence);
  Sentence& s = scratch->rep_->sentence;
  rep_->MatchPhrases(sentence, &s);
  std::vector<Polar>& polar = scratch->rep_->polar;
  polar.assign(s.matches.size(), Polar{});
  std::set<size_t> consumed;  // bad things an increase or decrease applied to
  for (size_t i = 0; i < s.matches.size(); ++i) {
    if (!IsPolar(s.matches[i].cue)) continue;
    polar[i] = rep_->Resolve(s, s.matches[i]);
    if (polar[i].object >= 0) consumed.insert(static_cast<size_t>(polar[i].object));
  }
  StanceScore score;
  for (size_t i = 0; i < s.matches.size(); ++i) {
    const PhraseHit& m = s.matches[i];
    if (m.cue == StanceCue::kUncertainty) {
      ++score.uncertainty;
      score.cues.push_back(s.Text(m));
    }
    if (!IsPolar(m.cue) || consumed.lower_bound(m.begin) != consumed.lower_bound(m.end)) continue;
    const Polar& p = polar[i];
    (p.sign > 0 ? score.positive : score.negative) += p.weight;
    std::string cue = (p.negated ? "not " : "") + s.Text(m);
    if (p.object >= 0) {
      cue += " (";
      cue += s.tokens.text(static_cast<size_t>(p.object));
      cue += ")";
    }
    score.cues.push_back(std::move(cue));
  }
  int total = score.positive + score.negative;
  score.score = static_cast<double>(score.positive - score.negative) / std::max(1, total);
  if (score.score > 0) score.polarity = Polarity::kPositive;
  if (score.score < 0) score.polarity = Polarity::kNegative;
  return score;
}

}  // namespace claimgraph
