#include "extractors/literal_scan.h"

#include <algorithm>
#include <bit>

#include "extractors/ascii.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CLAIMGRAPH_LITERAL_SCAN_SSSE3 1
#endif

namespace claimgraph {

namespace {

// How common a byte is in English prose, roughly: the fingerprint is put
// where its bytes are least common, so that fewer positions pass the
// buckets' test ("if the unit were " is known by "uni", not by "if ").
int Commonness(char c) {
  if (c == ' ') return 4;
  if (std::string_view("etaoinshr").find(c) != std::string_view::npos) return 2;
  if (c >= 'a' && c <= 'z') return 1;
  return 0;
}

size_t FingerprintOffset(std::string_view literal) {
  size_t best = 0;
  int best_score = 0;
  for (size_t o = 0; o + LiteralScan::kFingerprint <= literal.size(); ++o) {
    int score = 0;
    for (size_t k = 0; k < LiteralScan::kFingerprint; ++k) score += Commonness(literal[o + k]);
    if (o == 0 || score < best_score) {
      best = o;
      best_score = score;
    }
  }
  return best;
}

// The byte as both the tables and the scan see it: bit 5 set, so that the
// two cases of a letter are one (other bytes may meet, which costs only a
// comparison).
constexpr uint8_t Folded(char c) { return static_cast<uint8_t>(static_cast<uint8_t>(c) | 0x20u); }

}  // namespace

bool LiteralScan::Build(const std::vector<std::string>& literals) {
  if (literals.size() > kMaxLiterals) return false;
  for (const std::string& l : literals) {
    if (l.size() < kFingerprint) return false;
    for (char c : l) {
      if (static_cast<unsigned char>(c) >= 0x80 || IsAsciiUpper(c)) return false;
    }
  }
  literals_ = literals;
  std::vector<size_t> offsets;
  std::vector<std::string_view> prints;
  for (const std::string& l : literals_) {
    offsets.push_back(FingerprintOffset(l));
    prints.push_back(std::string_view(l).substr(offsets.back(), kFingerprint));
  }
  // One bucket per distinct fingerprint while there are at most 8; beyond,
  // neighbours in sorted order share one (they tend to share bytes too).
  std::vector<std::string_view> distinct = prints;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  for (size_t i = 0; i < literals_.size(); ++i) {
    const auto rank = static_cast<size_t>(
        std::lower_bound(distinct.begin(), distinct.end(), prints[i]) - distinct.begin());
    const size_t bucket = distinct.size() <= 8 ? rank : rank * 8 / distinct.size();
    buckets_[bucket].push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(offsets[i])});
    for (size_t k = 0; k < kFingerprint; ++k) {
      const uint8_t b = Folded(prints[i][k]);
      low_[k][b & 0x0F] |= static_cast<uint8_t>(1u << bucket);
      high_[k][b >> 4] |= static_cast<uint8_t>(1u << bucket);
    }
    all_ |= uint64_t{1} << i;
  }
  return true;
}

uint8_t LiteralScan::BucketsAt(const char* p) const {
  uint8_t buckets = 0xFF;
  for (size_t k = 0; k < kFingerprint; ++k) {
    const uint8_t b = Folded(p[k]);
    buckets &= static_cast<uint8_t>(low_[k][b & 0x0F] & high_[k][b >> 4]);
  }
  return buckets;
}

void LiteralScan::Verify(std::string_view text, size_t q, uint8_t buckets, uint64_t* seen) const {
  for (; buckets != 0; buckets &= static_cast<uint8_t>(buckets - 1)) {
    for (const Entry& e : buckets_[static_cast<size_t>(std::countr_zero(buckets))]) {
      const uint64_t bit = uint64_t{1} << e.literal;
      if ((*seen & bit) != 0 || q < e.offset) continue;
      const std::string& literal = literals_[e.literal];
      if (EqualsAsciiLower(text.substr(q - e.offset, literal.size()), literal)) *seen |= bit;
    }
  }
}

#if defined(CLAIMGRAPH_LITERAL_SCAN_SSSE3)

bool LiteralScan::HasVectorPath() {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("ssse3") != 0;
  }();
  return has;
}

__attribute__((target("ssse3"))) size_t LiteralScan::FindVector(std::string_view text,
                                                                uint64_t* seen) const {
  const char* data = text.data();
  const __m128i nibble = _mm_set1_epi8(0x0F);
  const __m128i fold = _mm_set1_epi8(0x20);
  const __m128i zero = _mm_setzero_si128();
  __m128i low[kFingerprint], high[kFingerprint];
  for (size_t k = 0; k < kFingerprint; ++k) {
    low[k] = _mm_load_si128(reinterpret_cast<const __m128i*>(low_[k]));
    high[k] = _mm_load_si128(reinterpret_cast<const __m128i*>(high_[k]));
  }
  size_t i = 0;
  // Position i + 15 reads its fingerprint's last byte at i + 17.
  for (; i + 16 + kFingerprint - 1 <= text.size(); i += 16) {
    __m128i buckets = _mm_set1_epi8(-1);
    for (size_t k = 0; k < kFingerprint; ++k) {
      const __m128i v =
          _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + k)), fold);
      const __m128i lo = _mm_and_si128(v, nibble);
      const __m128i hi = _mm_and_si128(_mm_srli_epi16(v, 4), nibble);
      buckets = _mm_and_si128(
          buckets, _mm_and_si128(_mm_shuffle_epi8(low[k], lo), _mm_shuffle_epi8(high[k], hi)));
    }
    auto lanes = static_cast<unsigned>(~_mm_movemask_epi8(_mm_cmpeq_epi8(buckets, zero)) & 0xFFFF);
    if (lanes == 0) continue;
    alignas(16) uint8_t by_lane[16];
    _mm_store_si128(reinterpret_cast<__m128i*>(by_lane), buckets);
    for (; lanes != 0; lanes &= lanes - 1) {
      const auto lane = static_cast<size_t>(std::countr_zero(lanes));
      Verify(text, i + lane, by_lane[lane], seen);
    }
    if (*seen == all_) break;
  }
  return i;
}

#else

bool LiteralScan::HasVectorPath() { return false; }

size_t LiteralScan::FindVector(std::string_view, uint64_t*) const { return 0; }

#endif

void LiteralScan::Find(std::string_view text, std::vector<int>* found, Path path) const {
  uint64_t seen = 0;
  size_t q = 0;
  if (path == Path::kAuto && HasVectorPath()) q = FindVector(text, &seen);
  for (; q + kFingerprint <= text.size() && seen != all_; ++q) {
    if (const uint8_t buckets = BucketsAt(text.data() + q)) Verify(text, q, buckets, &seen);
  }
  found->clear();
  for (size_t i = 0; i < literals_.size(); ++i) {
    if ((seen >> i) & 1) found->push_back(static_cast<int>(i));
  }
}

}  // namespace claimgraph
