// Number candidates: where a number can start (a digit, ".5", or a number
// word), found by a hand-written scan that returns exactly the matches of
// kNumberCandidatePattern (RE2, case-insensitive, leftmost-first) without
// a regex call per candidate. The number parser decides what, if anything,
// is there. Internal to extractors/.
//
// Thread-safe: the functions keep no state; a NumberCandidateScan is
// read-only after construction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace claimgraph {

inline constexpr char kNumberCandidatePattern[] =
    "(?i)[0-9]|\\.[0-9]|\\b(?:zero|one|two|three|four|five|six|seven|eight|"
    "nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundred|thousand|million|billion|trillion|dozens?|several|tens|hundreds|"
    "thousands|millions|billions|a\\s+(?:hundred|thousand|million|billion|"
    "trillion|dozen|few|couple))\\b";

struct NumberCandidate {
  size_t start = 0;
  size_t end = 0;
};

// Whether NextNumberCandidate gives the pattern's matches for text. It does
// not when text holds U+017F (long s), which the pattern's case folding
// equates with 's'.
bool NumberCandidateScanApplies(std::string_view text);

// The first candidate starting at or after pos: the same match as the
// pattern's unanchored search of text from pos (the text before pos is
// context for \b); nullopt when none.
// It marks the whole text on every call: for one search, not a loop (use
// NumberCandidateScan).
// REQUIRES: NumberCandidateScanApplies(text).
std::optional<NumberCandidate> NextNumberCandidate(std::string_view text, size_t pos);

// The same search over one text, many times: the places a candidate can
// start (digits, dots before a digit, word starts) are marked once in a
// bitmap, 16 bytes at a time, and Next steps from mark to mark instead of
// testing every byte. NextNumberCandidate is one Next of a scan made for
// the call.
class NumberCandidateScan {
 public:
  // REQUIRES: NumberCandidateScanApplies(text); text outlives the scan.
  explicit NumberCandidateScan(std::string_view text);

  // NextNumberCandidate(text, pos).
  std::optional<NumberCandidate> Next(size_t pos) const;

 private:
  std::string_view text_;
  std::vector<uint64_t> marks_;  // a bit per byte: a candidate may start there
};

}  // namespace claimgraph
