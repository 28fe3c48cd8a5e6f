#include "extractors/cue_scanner.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>

namespace claimgraph {

namespace {

constexpr size_t kMaxLists = 64;
constexpr size_t kKeys = size_t{1} << 16;

// A byte as phrases store it, for the key of the first two bytes.
inline unsigned KeyByte(char c) { return static_cast<unsigned char>(PhraseKeyByte(c)); }

// The four bytes of text at i, the first in the low byte; 0 past the end of
// the text, which no phrase byte is. Bytes past `to` do no harm: a phrase
// that needs them cannot match in the window anyway.
inline uint32_t Prefix(std::string_view text, size_t i) {
  uint32_t v = 0;
  if (i + 4 <= text.size()) {
    std::memcpy(&v, text.data() + i, 4);
    if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap32(v);
    return v;
  }
  for (size_t k = 0; i + k < text.size(); ++k)
    v |= static_cast<uint32_t>(static_cast<unsigned char>(text[i + k])) << (8 * k);
  return v;
}

// The next position after i to test: past the letters and digits that
// continue the run at i, or i + 1.
inline size_t SkipRun(std::string_view text, size_t i, size_t to) {
  if (!IsAsciiAlnumByte(text[i])) return i + 1;
  do ++i;
  while (i < to && IsAsciiAlnumByte(text[i]));
  return i;
}

}  // namespace

CueScanner::CueScanner(const std::vector<const PhraseMatcher*>& matchers) : matchers_(matchers) {
  assert(matchers_.size() <= kMaxLists);
  // Count, then place: a counting sort of (key, list, phrase) by key that
  // keeps each list's phrase order within a key.
  std::vector<std::vector<Entry>> by_key(kKeys);
  for (size_t list = 0; list < matchers_.size(); ++list) {
    const auto& phrases = matchers_[list]->phrases();
    for (size_t p = 0; p < phrases.size(); ++p) {
      const std::string& text = phrases[p].text;
      Entry e{static_cast<uint16_t>(list), static_cast<uint32_t>(p), 0, 0};
      for (size_t k = 0; k < std::min<size_t>(text.size(), 4) && text[k] != ' '; ++k) {
        const uint32_t mask = IsAsciiAlpha(text[k]) ? 0xDFu : 0xFFu;  // letters: either case
        e.prefix |= (static_cast<unsigned char>(text[k]) & mask) << (8 * k);
        e.mask |= mask << (8 * k);
      }
      unsigned first = static_cast<unsigned char>(text[0]) << 8;
      if (text.size() == 1) {  // any second byte, the end of the text included
        for (unsigned second = 0; second < 256; ++second) by_key[first | second].push_back(e);
      } else {
        by_key[first | static_cast<unsigned char>(text[1])].push_back(e);
      }
    }
  }
  offsets_.reserve(kKeys + 1);
  used_keys_.assign(kKeys / 64, 0);
  for (size_t key = 0; key < kKeys; ++key) {
    const auto& entries = by_key[key];
    offsets_.push_back(static_cast<uint32_t>(entries_.size()));
    entries_.insert(entries_.end(), entries.begin(), entries.end());
    if (!entries.empty()) used_keys_[key / 64] |= uint64_t{1} << (key % 64);
  }
  offsets_.push_back(static_cast<uint32_t>(entries_.size()));
}

int CueScanner::IndexOf(const PhraseMatcher* m) const {
  auto it = std::find(matchers_.begin(), matchers_.end(), m);
  return it == matchers_.end() ? -1 : static_cast<int>(it - matchers_.begin());
}

void CueScanner::Scan(std::string_view text, size_t from, size_t to, CueMatches* out) const {
  const size_t lists = matchers_.size();
  out->lists.resize(lists);
  for (auto& l : out->lists) l.clear();
  to = std::min(to, text.size());
  const std::string_view window = text.substr(0, to);
  size_t next[kMaxLists];  // a list's next free position: its matches never overlap
  std::fill(next, next + lists, from);
  size_t best_end[kMaxLists];
  int best_id[kMaxLists];
  // Phrases start where a word does not continue: at every byte that is not
  // the second or later letter or digit of a run. After testing a position,
  // skip the rest of its run.
  for (size_t i = from; i < to; i = SkipRun(text, i, to)) {
    const unsigned key = KeyByte(text[i]) << 8 | (i + 1 < to ? KeyByte(text[i + 1]) : 0);
    if (!(used_keys_[key / 64] >> (key % 64) & 1)) continue;
    const uint32_t begin = offsets_[key];
    const uint32_t end = offsets_[key + 1];
    const uint32_t prefix = Prefix(text, i);
    uint64_t found = 0;  // lists with a match at i
    for (uint32_t k = begin; k < end; ++k) {
      const Entry& e = entries_[k];
      if (next[e.list] > i || (prefix & e.mask) != e.prefix) continue;
      const size_t stop = matchers_[e.list]->PhraseEndAt(e.phrase, window, i);
      if (stop == std::string_view::npos) continue;
      const uint64_t bit = uint64_t{1} << e.list;
      if (!(found & bit) || stop > best_end[e.list]) {
        found |= bit;
        best_end[e.list] = stop;
        best_id[e.list] = matchers_[e.list]->phrases()[e.phrase].id;
      }
    }
    while (found != 0) {
      const auto list = static_cast<size_t>(__builtin_ctzll(found));
      found &= found - 1;
      out->lists[list].push_back({i, best_end[list], best_id[list]});
      next[list] = best_end[list];
    }
  }
}

}  // namespace claimgraph
