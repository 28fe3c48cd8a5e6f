// AliasIndex: finds which of many names (catalog names and aliases, names
// discovered in one document) a text mentions, in one pass over its words.
//
// Names are indexed by their lower-cased first word. Each word of the text
// is first tested against a small bit set (its first two bytes and length);
// the few that pass are hashed and looked up in a flat table, and only the
// names starting with that word are compared. A name matches only at word
// boundaries (entity_words.h), the longest name wins, and a space in a name
// matches any run of whitespace.
// Case rules, from how the name is written:
//   - no lowercase ASCII letter ("AWS", "SAP", "H100", "GPT-5"): the text
//     must match exactly, so "sap" and "Sap" are not SAP;
//   - otherwise ASCII case is ignored, except that the name's first ASCII
//     capital must be a capital in the text too: "Nova" matches "Nova" and
//     "NOVA" but not "nova"; "iPhone" matches "IPHONE" but not "iphone". A
//     name with no capital ("watsonx") ignores case entirely.
// Bytes outside ASCII compare exactly.
//
// Thread safety: const methods may run concurrently; Add may not.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/entity_words.h"

namespace claimgraph {

struct AliasHit {
  size_t start = 0;
  size_t end = 0;   // just past the name (no possessive)
  int target = -1;  // the target given to Add
};

// The words of a text (FindWords(text), entity_words.h) and each one's
// prefilter bit (AliasIndex::MayStartName's test). The bit depends on the
// word alone, so a caller that scans one text with several indexes computes
// it once here.
struct ScanWords {
  ScanWords(std::string_view text, std::vector<TextSpan> words);
  std::vector<TextSpan> spans;
  std::vector<uint16_t> bits;  // by word
};

class AliasIndex {
 public:
  // Adds a name standing for `target`, matched only where it starts at or
  // after min_start. Returns false (and adds nothing) when the name does
  // not start with a word character. When two names are equally long at one
  // place, the one added first wins.
  // REQUIRES: not called after the index is in use by other threads.
  bool Add(std::string_view name, int target, size_t min_start = 0);

  // The longest name starting at pos, or a hit with target -1.
  // REQUIRES: pos is the start of a word.
  AliasHit MatchAt(std::string_view text, size_t pos) const;
  // The name that spans the whole of text, or target -1.
  int MatchWhole(std::string_view text) const;
  // Every match, left to right, none overlapping: after a match the scan
  // resumes at its end.
  std::vector<AliasHit> Scan(std::string_view text) const;
  // The same, given the words of text and their bits, for callers that scan
  // one text with several indexes.
  std::vector<AliasHit> Scan(std::string_view text, const ScanWords& words) const;

  bool empty() const { return keys_.empty(); }

  // False when no name can start with this word: a test of one bit, over
  // its first two bytes, last byte and length, that most words of a text
  // fail.
  bool MayStartName(std::string_view text, TextSpan word) const;

  static constexpr size_t kPrefilterBits = size_t{1} << 14;

 private:
  struct Entry {
    std::string name;  // as written, whitespace runs collapsed to one space
    int target;
    size_t min_start;
    bool exact_case;
    size_t first_capital;  // index into name, npos when none
    bool needs_boundary;   // the name ends with a word character
  };
  // The names whose lower-cased first word is `word`.
  struct Key {
    uint64_t hash;
    std::string word;
    std::vector<Entry> entries;
  };
  // End of the name matched at pos, or npos.
  static size_t MatchEntry(std::string_view text, size_t pos, const Entry& entry);
  // The longest name starting at word.start, or a hit with target -1.
  // REQUIRES: MayStartName(text, word) (callers test it first).
  AliasHit MatchWord(std::string_view text, TextSpan word) const;
  bool TestPrefilter(size_t bit) const {
    return (prefilter_[bit / 64] & (uint64_t{1} << (bit % 64))) != 0;
  }
  const Key* FindKey(std::string_view text, size_t pos, size_t word_end, uint64_t hash) const;
  Key* FindOrAddKey(const std::string& word, uint64_t hash);
  void Rehash();

  // Open addressing over keys_: slot -> index into keys_, -1 when empty.
  std::vector<Key> keys_;
  std::vector<int> slots_;
  // Bit set over (first two and last lower-cased bytes, length) of every
  // first word: most words of a text fail this test and are never hashed.
  // Small enough (2 KB) to stay in cache; a few hundred first words set
  // about 2% of it.
  std::array<uint64_t, kPrefilterBits / 64> prefilter_ = {};
};

}  // namespace claimgraph
