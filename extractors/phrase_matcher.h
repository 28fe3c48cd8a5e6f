// PhraseMatcher: finds which of a fixed list of phrases ends just before, or
// starts just after, a position in a text. Used for the short lexicon lists
// around a number (currency symbols and words, qualifier cues, unit words),
// where a hand-written comparison beats running a regex per number.
//
// Matching is ASCII case-insensitive (other bytes compare exactly); a space
// inside a phrase matches one or more whitespace bytes in the text. A phrase
// that begins (ends) with a letter or digit only matches where the text has
// no letter or digit just before (after) it, so "won" never matches inside
// "wonder". When several phrases match, the longest stretch of text wins.
//
// Thread safety: immutable after construction; share freely.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/ascii.h"
#include "extractors/word_keys.h"

namespace claimgraph {

struct PhraseMatch {
  size_t start = 0;  // byte offset where the matched text starts
  size_t end = 0;    // byte offset just past it
  int index = -1;    // which phrase (its id), -1 when nothing matched
  bool found() const { return index >= 0; }
};

class PhraseMatcher {
 public:
  PhraseMatcher() = default;
  // Adds a phrase with an id reported back in PhraseMatch::index.
  void Add(std::string_view phrase, int id);
  void AddAll(const std::vector<std::string>& phrases, int id);

  // A phrase whose last byte is text[end-1], optionally followed by
  // whitespace when skip_space (the whitespace is not part of the match).
  PhraseMatch EndingAt(std::string_view text, size_t end, bool skip_space) const;
  // A phrase starting at text[start], optionally after whitespace when
  // skip_space (then match.start is where the phrase starts).
  PhraseMatch StartingAt(std::string_view text, size_t start, bool skip_space) const;

  bool empty() const { return phrases_.empty(); }

  struct Phrase {
    std::string text;  // lower-cased, single spaces
    int id;
  };
  // The phrases in the order they were added.
  const std::vector<Phrase>& phrases() const { return phrases_; }
  // Where phrases()[index] ends when it matches at text[start] (the word
  // boundary rule included), or std::string_view::npos.
  size_t PhraseEndAt(size_t index, std::string_view text, size_t start) const;

 private:
  // A phrase in a by-last-byte bucket, with its second-to-last byte ('\0'
  // when the phrase is one byte) so that a lookup skips most phrases on one
  // compare.
  struct Entry {
    char next;
    int index;
  };

  // A node of the trie of phrases read forward: the text read so far is a
  // prefix of every phrase below it. A ' ' edge reads a run of whitespace.
  struct Node {
    std::string labels;              // the bytes of the edges out, in the order added
    std::vector<uint32_t> children;  // the node each edge leads to
    int phrase = -1;                 // the first phrase added that ends here
  };
  std::vector<Phrase> phrases_;
  // StartingAt walks the trie once instead of comparing every phrase that
  // shares the text's first bytes from the start: phrases share long
  // prefixes ("operating income", "operating margin", ...).
  std::vector<Node> trie_ = std::vector<Node>(1);
  // The root's edges as a table (0 = no edge; no edge leads back to the
  // root): every lookup starts there, and the root has the most edges.
  uint32_t root_edges_[256] = {};
  // Indexes into phrases_ by lower-cased last byte, in the order added, so
  // EndingAt only compares the few phrases that can match.
  std::vector<Entry> by_last_[256];
};

// Which first three bytes (lower-cased, whitespace as ' ') a matcher's
// phrases can start with, for scans that try StartingAt at every word of a
// text: most words are turned away here with two loads. A word that passes
// is then read to the end of its run of letters and digits, which must be
// the first such run of some phrase: a phrase's first run is followed by a
// byte that is no letter or digit, or by its end and then the word boundary,
// so the text's run ends where the phrase's does ("com" lets "company"
// through; the run "company" is no phrase's). MayStartAt false is exact
// (StartingAt(text, at, false) finds nothing there); true may not be.
//
// Thread safety: immutable after construction; share freely.
class PhraseStartFilter {
 public:
  PhraseStartFilter() = default;
  // Every phrase of `matcher` as it holds them; later additions to the
  // matcher are not seen.
  explicit PhraseStartFilter(const PhraseMatcher& matcher);

  // The keys (length, first two bytes: word_keys.h) of the phrases' first
  // runs, for a scan that drops words before it calls MayStartAt: a word
  // whose run of letters and digits has no such key starts no phrase.
  const WordKeys& first_run_keys() const { return first_run_keys_; }

  // REQUIRES: at < text.size().
  bool MayStartAt(std::string_view text, size_t at) const {
    const uint32_t a = Byte(text[at]);
    if (!Test(single_, a)) {
      const uint32_t pair = a << 8 | Byte(at + 1 < text.size() ? text[at + 1] : ' ');
      if (!Test(pairs_, pair)) return false;
      if (!Test(any_third_, pair) &&
          !Test(triples_, TripleBit(pair << 8 | Byte(at + 2 < text.size() ? text[at + 2] : ' ')))) {
        return false;
      }
    }
    return RunMayStart(text, at);
  }

 private:
  static constexpr int kTripleBits = 18;             // 32 KB; a shared bit only lets more through
  static constexpr int kRunBits = 16;                // 8 KB
  static constexpr uint32_t kRunSeed = 2166136261u;  // FNV-1a
  static constexpr uint32_t kRunPrime = 16777619u;
  static uint32_t Byte(char c) { return static_cast<unsigned char>(PhraseKeyByte(c)); }
  static bool IsRunKey(uint32_t b) { return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'); }
  static uint32_t TripleBit(uint32_t triple) {
    return (triple * 0x9E3779B1u) >> (32 - kTripleBits);
  }
  static uint32_t RunBit(uint32_t hash) { return hash >> (32 - kRunBits); }
  // FNV-1a of the run of ASCII letters and digits (lower-cased) at `at`;
  // *end is where the run ends (`at` when there is none).
  static uint32_t RunHash(std::string_view text, size_t at, size_t* end);
  // Whether the run of letters and digits at `at` is some phrase's first
  // run (true when there is none: only the first bytes decide then).
  bool RunMayStart(std::string_view text, size_t at) const;
  template <size_t N>
  static bool Test(const std::array<uint64_t, N>& bits, uint32_t k) {
    return bits[k / 64] >> (k % 64) & 1;
  }
  template <size_t N>
  static void Set(std::array<uint64_t, N>* bits, uint32_t k) {
    (*bits)[k / 64] |= uint64_t{1} << (k % 64);
  }

  std::array<uint64_t, 4> single_{};        // first bytes that alone are a phrase
  std::array<uint64_t, 1024> pairs_{};      // first two bytes of a longer phrase
  std::array<uint64_t, 1024> any_third_{};  // pairs any third byte may follow
  std::array<uint64_t, (size_t{1} << kTripleBits) / 64> triples_{};  // TripleBit of first three
  std::array<uint64_t, (size_t{1} << kRunBits) / 64> first_runs_{};  // RunBit of first runs
  WordKeys first_run_keys_;
};

}  // namespace claimgraph
