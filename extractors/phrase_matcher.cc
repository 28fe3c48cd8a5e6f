#include "extractors/phrase_matcher.h"

#include "engine/utf8.h"

namespace claimgraph {

namespace {

// Matches phrase backwards so that its last byte is text[end-1]; returns the
// start offset or npos.
size_t MatchBackward(std::string_view text, size_t end, std::string_view phrase) {
  size_t i = end;
  size_t j = phrase.size();
  while (j > 0) {
    char p = phrase[j - 1];
    if (p == ' ') {
      if (i == 0 || !IsAsciiSpace(text[i - 1])) return std::string_view::npos;
      while (i > 0 && IsAsciiSpace(text[i - 1])) --i;
    } else {
      if (i == 0 || AsciiLower(text[i - 1]) != p) return std::string_view::npos;
      --i;
    }
    --j;
  }
  return i;
}

size_t MatchForward(std::string_view text, size_t start, std::string_view phrase) {
  size_t i = start;
  for (char p : phrase) {
    if (p == ' ') {
      if (i >= text.size() || !IsAsciiSpace(text[i])) return std::string_view::npos;
      while (i < text.size() && IsAsciiSpace(text[i])) ++i;
    } else {
      if (i >= text.size() || AsciiLower(text[i]) != p) return std::string_view::npos;
      ++i;
    }
  }
  return i;
}

// The byte before text[pos] as phrases hold it: lower-cased, any
// whitespace as ' '; '\0' at the start of text, which no phrase of two
// bytes or more can match.
char NormalByteBefore(std::string_view text, size_t pos) {
  if (pos == 0) return '\0';
  const char c = text[pos - 1];
  return IsAsciiSpace(c) ? ' ' : AsciiLower(c);
}

}  // namespace

void PhraseMatcher::Add(std::string_view phrase, int id) {
  std::string norm;
  for (char c : phrase) {
    if (IsAsciiSpace(c)) {
      if (!norm.empty() && norm.back() != ' ') norm.push_back(' ');
    } else {
      norm.push_back(AsciiLower(c));
    }
  }
  while (!norm.empty() && norm.back() == ' ') norm.pop_back();
  if (norm.empty()) return;
  int index = static_cast<int>(phrases_.size());
  const bool one_byte = norm.size() == 1;
  uint32_t node = 0;
  for (char c : norm) {
    const size_t edge = trie_[node].labels.find(c);
    if (edge != std::string::npos) {
      node = trie_[node].children[edge];
      continue;
    }
    const auto child = static_cast<uint32_t>(trie_.size());
    trie_.emplace_back();  // may move the nodes: index them again below
    trie_[node].labels.push_back(c);
    trie_[node].children.push_back(child);
    if (node == 0) root_edges_[static_cast<unsigned char>(c)] = child;
    node = child;
  }
  if (trie_[node].phrase < 0) trie_[node].phrase = index;
  by_last_[static_cast<unsigned char>(norm.back())].push_back(
      {one_byte ? '\0' : norm[norm.size() - 2], index});
  phrases_.push_back({std::move(norm), id});
}

void PhraseMatcher::AddAll(const std::vector<std::string>& phrases, int id) {
  for (const auto& p : phrases) Add(p, id);
}

PhraseMatch PhraseMatcher::EndingAt(std::string_view text, size_t end, bool skip_space) const {
  if (skip_space) {
    while (end > 0 && IsAsciiSpace(text[end - 1])) --end;
  }
  PhraseMatch best;
  if (end == 0) return best;
  const char before = NormalByteBefore(text, end - 1);
  for (const Entry& e : by_last_[static_cast<unsigned char>(AsciiLower(text[end - 1]))]) {
    if (e.next != '\0' && e.next != before) continue;
    const Phrase& p = phrases_[static_cast<size_t>(e.index)];
    size_t start = MatchBackward(text, end, p.text);
    if (start == std::string_view::npos) continue;
    if (IsWordByte(p.text.front()) && IsAsciiAlnum(p.text.front()) && start > 0 &&
        IsWordByte(text[start - 1])) {
      continue;
    }
    if (!best.found() || start < best.start) best = {start, end, p.id};
  }
  return best;
}

PhraseMatch PhraseMatcher::StartingAt(std::string_view text, size_t start, bool skip_space) const {
  if (skip_space) {
    while (start < text.size() && IsAsciiSpace(text[start])) ++start;
  }
  PhraseMatch best;
  // Each step reads what one phrase byte matches (MatchForward): a letter
  // either case, a space a run of whitespace. Deeper phrases end further
  // on, so the last one that ends at a word boundary is the longest match;
  // of equal phrases, the first added holds the node.
  uint32_t node = 0;
  size_t i = start;
  while (i < text.size()) {
    const char c = PhraseKeyByte(text[i]);
    if (node == 0) {
      node = root_edges_[static_cast<unsigned char>(c)];
      if (node == 0) break;
    } else {
      // Most nodes below the root have one or two edges: a plain loop
      // beats a call to memchr.
      const Node& n = trie_[node];
      const char* labels = n.labels.data();
      const size_t count = n.labels.size();
      size_t edge = 0;
      while (edge < count && labels[edge] != c) ++edge;
      if (edge == count) break;
      node = n.children[edge];
    }
    if (c == ' ') {
      while (i < text.size() && IsAsciiSpaceByte(text[i])) ++i;
    } else {
      ++i;
    }
    const int phrase = trie_[node].phrase;
    if (phrase < 0) continue;
    // The word boundary rule of PhraseEndAt.
    if (IsAsciiAlnum(c) && i < text.size() && IsWordByte(text[i])) continue;
    best = {start, i, phrases_[static_cast<size_t>(phrase)].id};
  }
  return best;
}

size_t PhraseMatcher::PhraseEndAt(size_t index, std::string_view text, size_t start) const {
  const Phrase& p = phrases_[index];
  size_t end = MatchForward(text, start, p.text);
  if (end == std::string_view::npos) return end;
  if (IsAsciiAlnum(p.text.back()) && end < text.size() && IsWordByte(text[end])) {
    return std::string_view::npos;
  }
  return end;
}

PhraseStartFilter::PhraseStartFilter(const PhraseMatcher& matcher) {
  for (const PhraseMatcher::Phrase& p : matcher.phrases()) {
    const std::string& text = p.text;
    if (text.empty()) continue;
    size_t run_end = 0;
    const uint32_t hash = RunHash(text, 0, &run_end);
    if (run_end > 0) {
      Set(&first_runs_, RunBit(hash));
      // A run of one byte: the text's next byte is no letter or digit.
      first_run_keys_.Add(run_end, text[0], run_end > 1 ? text[1] : ' ');
    }
    if (text.size() == 1) {
      Set(&single_, Byte(text[0]));
      continue;
    }
    const uint32_t pair = Byte(text[0]) << 8 | Byte(text[1]);
    Set(&pairs_, pair);
    if (text.size() == 2 || text[1] == ' ') {
      // The phrase may end there (at a word boundary or not), or a
      // whitespace run of any length comes next.
      Set(&any_third_, pair);
    } else {
      Set(&triples_, TripleBit(pair << 8 | Byte(text[2])));
    }
  }
}

uint32_t PhraseStartFilter::RunHash(std::string_view text, size_t at, size_t* end) {
  uint32_t hash = kRunSeed;
  size_t i = at;
  for (; i < text.size() && IsRunKey(Byte(text[i])); ++i) hash = (hash ^ Byte(text[i])) * kRunPrime;
  *end = i;
  return hash;
}

bool PhraseStartFilter::RunMayStart(std::string_view text, size_t at) const {
  size_t end = at;
  const uint32_t hash = RunHash(text, at, &end);
  return end == at || Test(first_runs_, RunBit(hash));
}

}  // namespace claimgraph
