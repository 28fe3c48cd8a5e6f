#include "extractors/alias_index.h"

#include <algorithm>

#include "extractors/entity_words.h"

namespace claimgraph {

namespace {

constexpr size_t kNone = std::string_view::npos;
constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

unsigned char Byte(char c) { return static_cast<unsigned char>(c); }

// The prefilter bit of the word text[pos, word_end): its first two bytes,
// its last byte (lower-cased) and its length, mixed by a multiplicative
// hash whose top bits are the bit. (The low bits of a product depend only
// on the low bits of what was multiplied; keyed on those, English words,
// whose first two letters add up to a narrow range, shared bits with half
// the keys.)
inline size_t PrefilterBit(std::string_view text, size_t pos, size_t word_end) {
  const uint32_t first = Byte(AsciiLowerByte(text[pos]));
  const uint32_t second = pos + 1 < word_end ? Byte(AsciiLowerByte(text[pos + 1])) : 0;
  const uint32_t last = Byte(AsciiLowerByte(text[word_end - 1]));
  const uint32_t length = static_cast<uint32_t>(std::min<size_t>(word_end - pos, 255));
  const uint32_t key = first << 24 | second << 16 | last << 8 | length;
  static_assert(AliasIndex::kPrefilterBits == size_t{1} << 14);
  return (key * 0x9E3779B1u) >> (32 - 14);
}

uint64_t HashLower(std::string_view text, size_t pos, size_t word_end) {
  uint64_t h = kFnvOffset;
  for (size_t i = pos; i < word_end; ++i) h = (h ^ Byte(AsciiLowerByte(text[i]))) * kFnvPrime;
  return h;
}

std::string CollapseSpaces(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (IsAsciiSpaceByte(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

bool AliasIndex::Add(std::string_view name, int target, size_t min_start) {
  std::string norm = CollapseSpaces(name);
  if (norm.empty() || !IsWordCharAt(norm, 0)) return false;
  Entry entry{norm, target, min_start, true, kNone, IsWordCharBefore(norm, norm.size())};
  for (size_t i = 0; i < norm.size(); ++i) {
    if (norm[i] >= 'a' && norm[i] <= 'z') entry.exact_case = false;
    if (entry.first_capital == kNone && IsAsciiUpper(norm[i])) entry.first_capital = i;
  }
  if (entry.exact_case) entry.first_capital = kNone;
  size_t word_end = WordEnd(norm, 0);
  std::string word = norm.substr(0, word_end);
  std::transform(word.begin(), word.end(), word.begin(), AsciiLowerByte);
  // Longest first: the first entry that matches is the longest match.
  std::vector<Entry>& entries = FindOrAddKey(word, HashLower(norm, 0, word_end))->entries;
  auto shorter = std::find_if(entries.begin(), entries.end(),
                              [&](const Entry& e) { return e.name.size() < entry.name.size(); });
  entries.insert(shorter, std::move(entry));
  size_t bit = PrefilterBit(norm, 0, word_end);
  prefilter_[bit / 64] |= uint64_t{1} << (bit % 64);
  return true;
}

AliasIndex::Key* AliasIndex::FindOrAddKey(const std::string& word, uint64_t hash) {
  if (const Key* key = FindKey(word, 0, word.size(), hash)) {
    return &keys_[static_cast<size_t>(key - keys_.data())];
  }
  keys_.push_back({hash, word, {}});
  if (keys_.size() * 2 > slots_.size()) {
    Rehash();
  } else {
    size_t mask = slots_.size() - 1;
    size_t slot = hash & mask;
    while (slots_[slot] >= 0) slot = (slot + 1) & mask;
    slots_[slot] = static_cast<int>(keys_.size() - 1);
  }
  return &keys_.back();
}

void AliasIndex::Rehash() {
  size_t size = 16;
  while (size < keys_.size() * 4) size *= 2;
  slots_.assign(size, -1);
  for (size_t i = 0; i < keys_.size(); ++i) {
    size_t slot = keys_[i].hash & (size - 1);
    while (slots_[slot] >= 0) slot = (slot + 1) & (size - 1);
    slots_[slot] = static_cast<int>(i);
  }
}

const AliasIndex::Key* AliasIndex::FindKey(std::string_view text, size_t pos, size_t word_end,
                                           uint64_t hash) const {
  if (slots_.empty()) return nullptr;
  size_t mask = slots_.size() - 1;
  for (size_t slot = hash & mask; slots_[slot] >= 0; slot = (slot + 1) & mask) {
    const Key& key = keys_[static_cast<size_t>(slots_[slot])];
    if (key.hash != hash || key.word.size() != word_end - pos) continue;
    bool same = true;
    for (size_t i = 0; i < key.word.size() && same; ++i) {
      same = AsciiLowerByte(text[pos + i]) == key.word[i];
    }
    if (same) return &key;
  }
  return nullptr;
}

size_t AliasIndex::MatchEntry(std::string_view text, size_t pos, const Entry& entry) {
  if (pos < entry.min_start) return kNone;
  const std::string& name = entry.name;
  size_t i = pos;
  for (size_t j = 0; j < name.size(); ++j) {
    char p = name[j];
    if (p == ' ') {
      if (i >= text.size() || !IsAsciiSpaceByte(text[i])) return kNone;
      while (i < text.size() && IsAsciiSpaceByte(text[i])) ++i;
      continue;
    }
    if (i >= text.size()) return kNone;
    char t = text[i++];
    if (t == p) continue;
    // Differs only in case: fine unless the case must match here.
    if (entry.exact_case || AsciiLowerByte(t) != AsciiLowerByte(p) || j == entry.first_capital) {
      return kNone;
    }
  }
  if (entry.needs_boundary && IsWordCharAt(text, i)) return kNone;
  return i;
}

ScanWords::ScanWords(std::string_view text, std::vector<TextSpan> words) : spans(std::move(words)) {
  bits.reserve(spans.size());
  for (const TextSpan& w : spans) {
    bits.push_back(static_cast<uint16_t>(PrefilterBit(text, w.start, w.end)));
  }
}

bool AliasIndex::MayStartName(std::string_view text, TextSpan word) const {
  return TestPrefilter(PrefilterBit(text, word.start, word.end));
}

AliasHit AliasIndex::MatchWord(std::string_view text, TextSpan word) const {
  AliasHit miss{word.start, word.start, -1};
  const Key* key = FindKey(text, word.start, word.end, HashLower(text, word.start, word.end));
  if (key == nullptr) return miss;
  for (const Entry& entry : key->entries) {
    size_t end = MatchEntry(text, word.start, entry);
    if (end != kNone) return {word.start, end, entry.target};
  }
  return miss;
}

AliasHit AliasIndex::MatchAt(std::string_view text, size_t pos) const {
  const TextSpan word{pos, WordEnd(text, pos)};
  if (!MayStartName(text, word)) return {pos, pos, -1};
  return MatchWord(text, word);
}

int AliasIndex::MatchWhole(std::string_view text) const {
  if (text.empty() || !IsWordCharAt(text, 0)) return -1;
  size_t word_end = WordEnd(text, 0);
  const Key* key = FindKey(text, 0, word_end, HashLower(text, 0, word_end));
  if (key == nullptr) return -1;
  for (const Entry& entry : key->entries) {
    if (MatchEntry(text, 0, entry) == text.size()) return entry.target;
  }
  return -1;
}

std::vector<AliasHit> AliasIndex::Scan(std::string_view text) const {
  return Scan(text, ScanWords(text, FindWords(text)));
}

std::vector<AliasHit> AliasIndex::Scan(std::string_view text, const ScanWords& words) const {
  std::vector<AliasHit> hits;
  size_t resume = 0;  // end of the last hit
  for (size_t i = 0; i < words.spans.size(); ++i) {
    const TextSpan& word = words.spans[i];
    if (word.start < resume || !TestPrefilter(words.bits[i])) continue;
    AliasHit hit = MatchWord(text, word);
    if (hit.target < 0) continue;
    hits.push_back(hit);
    resume = hit.end;
  }
  return hits;
}

}  // namespace claimgraph
