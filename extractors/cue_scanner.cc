#include "extractors/cue_scanner.h"

#include <algorithm>
#include <cassert>

namespace claimgraph {

namespace {

constexpr size_t kMaxLists = 64;
constexpr size_t kKeys = size_t{1} << 16;

// A byte as phrases store it, for the key of the first two bytes.
inline unsigned KeyByte(char c) { return static_cast<unsigned char>(PhraseKeyByte(c)); }

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
      Entry e{static_cast<uint16_t>(list),
              // After a space, the text may have more whitespace: no third-byte test.
              text.size() >= 3 && text[1] != ' '
                  ? static_cast<uint16_t>(static_cast<unsigned char>(text[2]))
                  : kAnyThird,
              static_cast<uint32_t>(p)};
      unsigned first = static_cast<unsigned char>(text[0]) << 8;
      if (text.size() == 1) {  // any second byte, the end of the text included
        for (unsigned second = 0; second < 256; ++second) by_key[first | second].push_back(e);
      } else {
        by_key[first | static_cast<unsigned char>(text[1])].push_back(e);
      }
    }
  }
  offsets_.reserve(kKeys + 1);
  for (const auto& entries : by_key) {
    offsets_.push_back(static_cast<uint32_t>(entries_.size()));
    entries_.insert(entries_.end(), entries.begin(), entries.end());
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
  for (size_t i = from; i < to; ++i) {
    if (i > from && IsAsciiAlnumByte(text[i - 1]) && IsAsciiAlnumByte(text[i])) continue;
    const unsigned key = KeyByte(text[i]) << 8 | (i + 1 < to ? KeyByte(text[i + 1]) : 0);
    const uint32_t begin = offsets_[key];
    const uint32_t end = offsets_[key + 1];
    if (begin == end) continue;
    const unsigned third = i + 2 < to ? KeyByte(text[i + 2]) : kAnyThird + 1;
    uint64_t found = 0;  // lists with a match at i
    for (uint32_t k = begin; k < end; ++k) {
      const Entry& e = entries_[k];
      if (next[e.list] > i || (e.third != kAnyThird && e.third != third)) continue;
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
