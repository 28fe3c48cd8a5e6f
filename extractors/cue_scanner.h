// CueScanner: every match of several phrase lists in one pass over a text.
//
// The claim assembler reads about fifteen cue lists (clause breaks, modality
// cues, negation, change verbs, speaker verbs, status words, metric verbs)
// in every sentence. Running FindAll once per list walks the sentence once
// per list; the scanner walks it once for all of them. At each word start
// it looks up the first two bytes (lower-cased, whitespace as ' ') in one
// table of every list's phrases, so most positions cost a single load, and
// matches only the few phrases that can start there.
//
// The result for each list is exactly what FindAll(list, text, from, to)
// returns: each list keeps its own leftmost-longest, non-overlapping scan.
//
// Thread safety: immutable after construction; share freely. Scan writes
// only into the caller's CueMatches.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extractors/phrase_matcher.h"

namespace claimgraph {

// Per-list matches of one scan; reuse one across scans to keep its memory.
struct CueMatches {
  std::vector<std::vector<PhraseMatch>> lists;  // by the list's index in the scanner
};

class CueScanner {
 public:
  CueScanner() = default;
  // REQUIRES: the matchers outlive the scanner; at most 64 of them.
  explicit CueScanner(const std::vector<const PhraseMatcher*>& matchers);

  // The index of `m` among the scanner's lists, or -1 when it is not one.
  int IndexOf(const PhraseMatcher* m) const;
  size_t size() const { return matchers_.size(); }

  // Fills out->lists[k] with FindAll(*matchers[k], text, from, to), for
  // every list k.
  void Scan(std::string_view text, size_t from, size_t to, CueMatches* out) const;

 private:
  struct Entry {
    uint16_t list;    // index into matchers_
    uint32_t phrase;  // index into the list's phrases()
    // The phrase's first bytes, up to four and before its first space (where
    // the text may have any whitespace), with letters in either case: a text
    // whose first bytes do not agree under `mask` cannot match.
    uint32_t prefix;
    uint32_t mask;
  };
  std::vector<const PhraseMatcher*> matchers_;
  // Entries of every phrase by the key of its first two bytes, laid out
  // contiguously: key k owns entries_[offsets_[k], offsets_[k + 1]). Within
  // a key, each list's phrases keep the order they were added in, so ties
  // break as PhraseMatcher::StartingAt breaks them.
  std::vector<uint32_t> offsets_;
  std::vector<Entry> entries_;
  // Bit k set when key k has entries: 8 KB that stay in the L1 cache, where
  // offsets_ (256 KB) does not; most positions are rejected here.
  std::vector<uint64_t> used_keys_;
};

}  // namespace claimgraph
