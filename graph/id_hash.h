// IdHash: the hash from strings to 32-bit ids behind the graph's vertex ids
// (ClaimGraph::Rep) and the analysis's StringTable, whose tables hold the
// strings themselves. Internal to graph/.
//
// Open addressing with linear probing, a power-of-two size, at most half
// full. A slot is 8 bytes: the id in the low 32 bits and the high 32 bits of
// the string's hash in the high ones, so a probe passes other strings
// without reading them (at millions of ids every read is a cache miss).
// The caller supplies the hash and, as `key_of(id)`, each id's string.
// Plain value type; not safe to change from two threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace claimgraph {

class IdHash {
 public:
  static constexpr uint32_t kNoId = UINT32_MAX;

  // The id whose string is `s` (`hash` its hash), or kNoId.
  template <typename KeyOf>
  uint32_t Find(std::string_view s, uint64_t hash, const KeyOf& key_of) const {
    return slots_.empty() ? kNoId : IdAt(Probe(s, hash, key_of));
  }
  // The slot holding `s`, or the free slot where it would go.
  // REQUIRES: Reserve was called (the table is not empty).
  template <typename KeyOf>
  size_t Probe(std::string_view s, uint64_t hash, const KeyOf& key_of) const {
    const size_t mask = slots_.size() - 1;
    const uint64_t tag = hash & kTagMask;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const uint64_t slot = slots_[i];
      if (slot == kEmpty) return i;
      if ((slot & kTagMask) == tag && key_of(static_cast<uint32_t>(slot)) == s) return i;
    }
  }
  // Prefetching, for a caller that will look `hash` up soon: the first slot
  // of its probe into the cache, then (once there) the id it likely finds,
  // whose string the caller can prefetch: the id in that slot when the tag
  // matches, else kNoId. A guess, never a lookup.
  void PrefetchSlot(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }
  uint32_t LikelyId(uint64_t hash) const {
    if (slots_.empty()) return kNoId;
    const uint64_t slot = slots_[hash & (slots_.size() - 1)];
    return slot != kEmpty && (slot & kTagMask) == (hash & kTagMask) ? static_cast<uint32_t>(slot)
                                                                    : kNoId;
  }
  // The id in slot i, or kNoId when it is free.
  uint32_t IdAt(size_t i) const { return static_cast<uint32_t>(slots_[i]); }
  // Puts `id` (whose string has `hash`) in free slot i, as Probe found it.
  void Place(size_t i, uint32_t id, uint64_t hash) { slots_[i] = (hash & kTagMask) | id; }
  // Puts `id` in the first free slot of its probe sequence.
  // REQUIRES: its string absent, a free slot (Reserve).
  void Add(uint32_t id, uint64_t hash) {
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i] != kEmpty) i = (i + 1) & mask;
    Place(i, id, hash);
  }
  // Grows the table, when needed, to hold `ids` at most half full, placing
  // every id again with hash_of(id). Slots found by Probe are then stale.
  template <typename HashOf>
  void Reserve(size_t ids, const HashOf& hash_of) {
    size_t size = slots_.empty() ? 16 : slots_.size();
    while (size < ids * 2) size *= 2;
    if (size == slots_.size()) return;
    std::vector<uint64_t> old(size, kEmpty);
    old.swap(slots_);
    for (uint64_t slot : old) {
      if (slot != kEmpty) Add(static_cast<uint32_t>(slot), hash_of(static_cast<uint32_t>(slot)));
    }
  }
  // Frees the table.
  void Clear() { std::vector<uint64_t>().swap(slots_); }
  size_t memory_bytes() const { return slots_.capacity() * sizeof(uint64_t); }
  // What a table holding `ids` takes (ClaimGraph::MemoryBytes without one).
  static size_t MemoryBytesFor(size_t ids) {
    size_t size = 16;
    while (size < ids * 2) size *= 2;
    return size * sizeof(uint64_t);
  }

 private:
  static constexpr uint64_t kTagMask = ~uint64_t{0xFFFFFFFF};
  static constexpr uint64_t kEmpty = kNoId;  // tag 0, id kNoId

  std::vector<uint64_t> slots_;
};

}  // namespace claimgraph
