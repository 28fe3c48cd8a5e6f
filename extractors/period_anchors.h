// PeriodAnchors: the words a period expression can hang on, found by a
// hand-written scan that returns exactly what kPeriodAnchorPattern (RE2,
// case-insensitive, leftmost-first) would, without a regex call per anchor.
// Internal to extractors/.
//
// Thread-safe: the functions keep no state; a PeriodAnchorScan is
// read-only after construction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace claimgraph {

// The anchor pattern. Its capture groups are the PeriodAnchor groups.
inline constexpr char kPeriodAnchorPattern[] =
    R"((?i)\b(?:)"
    R"((q[1-4]|[1-4]q|h[12]|[12]h))"  // 1: Q3, 3Q25, H1, 2H24
    R"(|(fy|fiscal\b))"               // 2: FY2025, fiscal
    R"(|((?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|)"
    R"(july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|)"
    R"(dec(?:ember)?)\b))"                                              // 3: month names
    R"(|((?:day|week|month|quarter|qtr|year|yr)s?|half|period|ytd)\b)"  // 4
    R"(|((?:19|20)\d\d)\b))";                                           // 5: years

enum class PeriodAnchorGroup { kCode = 1, kFiscal, kMonth, kWord, kYear };

struct PeriodAnchor {
  size_t start = 0;
  size_t end = 0;
  PeriodAnchorGroup group = PeriodAnchorGroup::kCode;
};

// Whether the scan below gives the pattern's matches for text. It does not
// when text holds U+017F (long s) or U+212A (Kelvin sign), which the
// pattern's case folding equates with 's' and 'k'.
bool PeriodAnchorScanApplies(std::string_view text);

// The first anchor starting at or after pos, the same match as
// kPeriodAnchorPattern's unanchored search of text from pos (with the text
// before pos as context for \b); nullopt when none.
// It marks the whole text on every call: for one search, not a loop (use
// PeriodAnchorScan).
// REQUIRES: PeriodAnchorScanApplies(text).
std::optional<PeriodAnchor> NextPeriodAnchor(std::string_view text, size_t pos);

// The same search over one text, many times: the text's word starts are
// found once (a bitmap, 16 bytes at a time), and Next steps from one to the
// next, so a pass over every anchor costs about a test per word instead of
// per byte. NextPeriodAnchor is one Next of a scan made for the call.
class PeriodAnchorScan {
 public:
  // REQUIRES: PeriodAnchorScanApplies(text); text outlives the scan.
  explicit PeriodAnchorScan(std::string_view text);

  // NextPeriodAnchor(text, pos).
  std::optional<PeriodAnchor> Next(size_t pos) const;

 private:
  std::string_view text_;
  std::vector<uint64_t> starts_;  // a bit per byte: a word starts there
};

}  // namespace claimgraph
