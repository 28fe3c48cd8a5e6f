// Which of a few short ASCII literals occur in a text, ignoring the case of
// ASCII letters: the prefilter that tells the pattern rules which of them
// may match (extractors/pattern_rules.cc).
//
// Each literal is known by a 3-byte fingerprint, chosen inside it, and sits
// in one of 8 buckets. A position may start a fingerprint of bucket b when
// each of its 3 bytes has a low and a high nibble that some fingerprint of
// b has at that place: 6 table lookups, 16 positions at a time with SSSE3's
// byte shuffle (the "Teddy" scheme of packed multi-literal search), one at
// a time elsewhere. Only the literals of the buckets a position may start
// are compared with the text.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph {

class LiteralScan {
 public:
  static constexpr size_t kFingerprint = 3;  // bytes
  static constexpr size_t kMaxLiterals = 64;

  // Which way Find reads the text: kAuto takes the 16-byte path where the
  // processor has it; kPortable is the one-position-at-a-time path (the
  // tests compare the two).
  enum class Path { kAuto, kPortable };

  // False, and nothing kept, when there are more than kMaxLiterals literals
  // (the buckets would pass nearly every position) or one is shorter than
  // kFingerprint bytes, has a byte that is not ASCII or an ASCII capital
  // (literals are lower case, as RE2's FilteredRE2 gives them).
  bool Build(const std::vector<std::string>& literals);

  // The indices of the literals found in text, ascending.
  void Find(std::string_view text, std::vector<int>* found, Path path = Path::kAuto) const;

  // Whether Path::kAuto takes the 16-byte path on this machine.
  static bool HasVectorPath();

  size_t size() const { return literals_.size(); }

 private:
  struct Entry {
    uint32_t literal;
    uint32_t offset;  // of the fingerprint in the literal
  };

  // The buckets whose fingerprints may start at p, as bits.
  // REQUIRES: kFingerprint readable bytes at p.
  uint8_t BucketsAt(const char* p) const;
  // Compares the literals of `buckets` whose fingerprint would start at q.
  void Verify(std::string_view text, size_t q, uint8_t buckets, uint64_t* seen) const;
  // The 16-byte path over positions [0, n) with n + kFingerprint - 1 <=
  // text.size(), n a multiple of 16; returns n.
  size_t FindVector(std::string_view text, uint64_t* seen) const;

  std::vector<std::string> literals_;
  std::array<std::vector<Entry>, 8> buckets_;
  uint64_t all_ = 0;  // a bit per literal
  // By fingerprint byte, then by its low (high) nibble: the buckets with a
  // fingerprint whose byte there has that nibble.
  alignas(16) uint8_t low_[kFingerprint][16] = {};
  alignas(16) uint8_t high_[kFingerprint][16] = {};
};

}  // namespace claimgraph
