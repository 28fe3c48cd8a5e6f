#include "extractors/period_anchors.h"

#include <bit>
#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/byte_bitmap.h"
#include "engine/byte_scan.h"
#include "extractors/ascii.h"
#include "extractors/word_keys.h"

namespace claimgraph {

namespace {

// RE2's \b word characters (ASCII only), as RunEnd steps over them.
constexpr unsigned kWordRun = kRunLetters | kRunDigits | kRunUnderscore;

constexpr uint8_t GroupBit(PeriodAnchorGroup g) {
  return static_cast<uint8_t>(1u << static_cast<int>(g));
}

// Group 1: "q3", "3q", "h1", "2h" at a word's start (no boundary after:
// "3Q25"). a and b are lower-cased.
constexpr bool IsCode(char a, char b) {
  return (a == 'q' && b >= '1' && b <= '4') || (a >= '1' && a <= '4' && b == 'q') ||
         (a == 'h' && (b == '1' || b == '2')) || ((a == '1' || a == '2') && b == 'h');
}

// The whole words of groups 2 (only "fiscal": "fy" is a prefix), 3 and 4.
// None is longer than kMaxWholeWord bytes, and no two groups share a word,
// so the pattern's order among them never matters.
struct WholeWord {
  std::string_view text;
  PeriodAnchorGroup group;
};
constexpr WholeWord kWholeWords[] = {
    {"fiscal", PeriodAnchorGroup::kFiscal},   {"january", PeriodAnchorGroup::kMonth},
    {"jan", PeriodAnchorGroup::kMonth},       {"february", PeriodAnchorGroup::kMonth},
    {"feb", PeriodAnchorGroup::kMonth},       {"march", PeriodAnchorGroup::kMonth},
    {"mar", PeriodAnchorGroup::kMonth},       {"april", PeriodAnchorGroup::kMonth},
    {"apr", PeriodAnchorGroup::kMonth},       {"may", PeriodAnchorGroup::kMonth},
    {"june", PeriodAnchorGroup::kMonth},      {"jun", PeriodAnchorGroup::kMonth},
    {"july", PeriodAnchorGroup::kMonth},      {"jul", PeriodAnchorGroup::kMonth},
    {"august", PeriodAnchorGroup::kMonth},    {"aug", PeriodAnchorGroup::kMonth},
    {"september", PeriodAnchorGroup::kMonth}, {"sept", PeriodAnchorGroup::kMonth},
    {"sep", PeriodAnchorGroup::kMonth},       {"october", PeriodAnchorGroup::kMonth},
    {"oct", PeriodAnchorGroup::kMonth},       {"november", PeriodAnchorGroup::kMonth},
    {"nov", PeriodAnchorGroup::kMonth},       {"december", PeriodAnchorGroup::kMonth},
    {"dec", PeriodAnchorGroup::kMonth},       {"day", PeriodAnchorGroup::kWord},
    {"days", PeriodAnchorGroup::kWord},       {"week", PeriodAnchorGroup::kWord},
    {"weeks", PeriodAnchorGroup::kWord},      {"month", PeriodAnchorGroup::kWord},
    {"months", PeriodAnchorGroup::kWord},     {"quarter", PeriodAnchorGroup::kWord},
    {"quarters", PeriodAnchorGroup::kWord},   {"qtr", PeriodAnchorGroup::kWord},
    {"qtrs", PeriodAnchorGroup::kWord},       {"year", PeriodAnchorGroup::kWord},
    {"years", PeriodAnchorGroup::kWord},      {"yr", PeriodAnchorGroup::kWord},
    {"yrs", PeriodAnchorGroup::kWord},        {"half", PeriodAnchorGroup::kWord},
    {"period", PeriodAnchorGroup::kWord},     {"ytd", PeriodAnchorGroup::kWord},
};
constexpr size_t kMaxWholeWord = 9;  // "september"

// A word of up to 8 bytes as a number: byte i at bits 8i, the bytes past
// the word zero, so different lengths give different keys. Bit 5 set in
// every byte: lower case for letters, digits unchanged, '_' becomes 0x7F
// (which no whole word holds).
constexpr uint64_t FoldedKey(std::string_view word) {
  uint64_t key = 0;
  for (size_t i = 0; i < word.size() && i < 8; ++i) {
    key |= uint64_t{static_cast<unsigned char>(word[i]) | 0x20u} << (8 * i);
  }
  return key;
}

// Open addressing, linear probing; key 0 is an empty slot (no word is
// empty).
constexpr size_t kSlotBits = 7;
constexpr size_t SlotOf(uint64_t key) {
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - kSlotBits));
}
struct WholeWordTable {
  uint64_t keys[size_t{1} << kSlotBits] = {};
  // The word's group, and its 9th byte (0 for shorter words).
  PeriodAnchorGroup groups[size_t{1} << kSlotBits] = {};
  char ninth[size_t{1} << kSlotBits] = {};
  constexpr WholeWordTable() {
    for (const WholeWord& w : kWholeWords) {
      const uint64_t key = FoldedKey(w.text);
      size_t slot = SlotOf(key);
      while (keys[slot] != 0) slot = (slot + 1) & ((size_t{1} << kSlotBits) - 1);
      keys[slot] = key;
      groups[slot] = w.group;
      ninth[slot] = w.text.size() > 8 ? w.text[8] : '\0';
    }
  }
};
constexpr WholeWordTable kWholeWordTable;

// The group of the whole word text[start, end) when it is one of
// kWholeWords, case-insensitively; nullopt otherwise.
// REQUIRES: 2 <= end - start <= kMaxWholeWord.
std::optional<PeriodAnchorGroup> WholeWordGroup(std::string_view text, size_t start, size_t end) {
  const size_t n = end - start;
  uint64_t key;
  if (text.size() - start >= 8) {
    const uint64_t mask = n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
    uint64_t loaded = LoadWord(text.data() + start);
    if constexpr (std::endian::native == std::endian::big) loaded = __builtin_bswap64(loaded);
    key = (loaded | 0x2020202020202020ull) & mask;
  } else {
    key = FoldedKey(text.substr(start, n));
  }
  const char ninth = n > 8 ? static_cast<char>(text[start + 8] | 0x20) : '\0';
  constexpr size_t kMask = (size_t{1} << kSlotBits) - 1;
  for (size_t slot = SlotOf(key); kWholeWordTable.keys[slot] != 0; slot = (slot + 1) & kMask) {
    if (kWholeWordTable.keys[slot] == key && kWholeWordTable.ninth[slot] == ninth) {
      return kWholeWordTable.groups[slot];
    }
  }
  return std::nullopt;
}

// Group 5: a 19xx or 20xx year as a whole word of four bytes.
bool IsYear(std::string_view text, size_t start) {
  return ((text[start] == '1' && text[start + 1] == '9') ||
          (text[start] == '2' && text[start + 1] == '0')) &&
         IsAsciiDigit(text[start + 2]) && IsAsciiDigit(text[start + 3]);
}

// The groups whose words can begin with byte c (lower-cased), as bits.
constexpr uint8_t GroupsStartingWith(char c) {
  uint8_t bits = 0;
  if (c == 'q' || c == 'h' || (c >= '1' && c <= '4')) bits |= GroupBit(PeriodAnchorGroup::kCode);
  if (c == 'f') bits |= GroupBit(PeriodAnchorGroup::kFiscal);
  for (const WholeWord& w : kWholeWords) {
    if (w.text[0] == c) bits |= GroupBit(w.group);
  }
  if (c == '1' || c == '2') bits |= GroupBit(PeriodAnchorGroup::kYear);
  return bits;
}

struct StartTable {
  uint8_t groups[256] = {};
  constexpr StartTable() {
    for (int i = 0; i < 256; ++i) {
      const char c = static_cast<char>(i);
      groups[i] = GroupsStartingWith(AsciiLower(c));
    }
  }
};
constexpr StartTable kStarts;

// The anchor of the word text[start, end), which starts no other word and
// whose first byte begins words of `groups`. The pattern's alternation is
// leftmost-first: a code or "fy" prefix wins over a whole word.
std::optional<PeriodAnchor> AnchorInWord(std::string_view text, size_t start, size_t end,
                                         uint8_t groups) {
  const size_t n = end - start;
  if (n < 2) return std::nullopt;
  const char a = AsciiLower(text[start]);
  const char b = AsciiLower(text[start + 1]);
  if ((groups & GroupBit(PeriodAnchorGroup::kCode)) != 0 && IsCode(a, b)) {
    return PeriodAnchor{start, start + 2, PeriodAnchorGroup::kCode};
  }
  if (a == 'f' && b == 'y') return PeriodAnchor{start, start + 2, PeriodAnchorGroup::kFiscal};
  if (n == 4 && (groups & GroupBit(PeriodAnchorGroup::kYear)) != 0 && IsYear(text, start)) {
    return PeriodAnchor{start, end, PeriodAnchorGroup::kYear};
  }
  if (n > kMaxWholeWord) return std::nullopt;
  if (auto group = WholeWordGroup(text, start, end)) return PeriodAnchor{start, end, *group};
  return std::nullopt;
}

// The keys (length, first two bytes) of the words AnchorInWord may find an
// anchor in.
struct AnchorKeys : WordKeys {
  constexpr AnchorKeys() {
    for (char d : std::string_view("1234")) {
      AddFrom(2, 'q', d);
      AddFrom(2, d, 'q');
    }
    for (char d : std::string_view("12")) {
      AddFrom(2, 'h', d);
      AddFrom(2, d, 'h');
    }
    AddFrom(2, 'f', 'y');
    Add(4, '1', '9');
    Add(4, '2', '0');
    for (const WholeWord& w : kWholeWords) AddWord(w.text);
  }
};
constexpr AnchorKeys kAnchorKeys;

}  // namespace

bool PeriodAnchorScanApplies(std::string_view text) { return !HasNonAsciiFoldsToAscii(text); }

PeriodAnchorScan::PeriodAnchorScan(std::string_view text) : text_(text) {
  std::vector<uint64_t> words;
  KindBitmap<kWordRun>(text, &words);
  starts_ = words;
  KeepRunStarts(&starts_);
  FilterWordStarts(text, words, kAnchorKeys, &starts_);
}

std::optional<PeriodAnchor> PeriodAnchorScan::Next(size_t pos) const {
  // No anchor starts inside a word, and a word start at pos is one exactly
  // when the byte before it is no word byte: the bitmap's run starts (less
  // the words whose key rules them out).
  for (size_t p = NextSetBit(starts_, pos); p < text_.size(); p = NextSetBit(starts_, p + 1)) {
    if (const uint8_t groups = kStarts.groups[static_cast<unsigned char>(text_[p])]) {
      const size_t end = RunEnd<kWordRun>(text_, p + 1);
      if (auto anchor = AnchorInWord(text_, p, end, groups)) return anchor;
    }
  }
  return std::nullopt;
}

std::optional<PeriodAnchor> NextPeriodAnchor(std::string_view text, size_t pos) {
  return PeriodAnchorScan(text).Next(pos);
}

}  // namespace claimgraph
