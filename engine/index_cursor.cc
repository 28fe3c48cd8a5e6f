// IndexCursor: one index prefix walked key by key.
#include <rocksdb/db.h>

#include "engine/store.h"
#include "engine/store_internal.h"

namespace claimgraph {

IndexCursor::IndexCursor(std::unique_ptr<rocksdb::Iterator> it, ClaimIndex index,
                         std::string prefix, bool descending)
    : it_(std::move(it)), index_(index), prefix_(std::move(prefix)), descending_(descending) {
  if (!descending_) {
    it_->Seek(prefix_);
  } else if (prefix_.empty()) {
    it_->SeekToLast();
  } else {
    // Every key with this prefix sorts below the prefix with its final
    // terminator byte (0x01) raised to 0x02, which is no valid key itself.
    std::string bound = prefix_;
    bound.back() = '\x02';
    it_->SeekForPrev(bound);
  }
  Settle();
}

IndexCursor::~IndexCursor() = default;

void IndexCursor::Next() {
  if (!valid_) return;
  if (descending_) {
    it_->Prev();
  } else {
    it_->Next();
  }
  Settle();
}

void IndexCursor::Settle() {
  valid_ = false;
  if (!it_->Valid()) {
    status_ = FromRocks(it_->status(), "scan " + std::string(ClaimIndexName(index_)));
    return;
  }
  const std::string_view key(it_->key().data(), it_->key().size());
  if (key.substr(0, prefix_.size()) != prefix_) return;
  if (!DecodeKeyInto(key, &parts_) || parts_.empty()) {
    status_ = Status::Corruption(std::string(ClaimIndexName(index_)) + ": undecodable key");
    return;
  }
  valid_ = true;
}

std::unique_ptr<IndexCursor> Store::NewIndexCursor(ClaimIndex index,
                                                   const std::vector<std::string>& prefix,
                                                   bool descending) const {
  std::string start;
  for (const std::string& p : prefix) AppendKeyComponent(p, &start);
  std::unique_ptr<rocksdb::Iterator> it(
      rep_->db->NewIterator(rocksdb::ReadOptions(), rep_->cf(IndexCf(index))));
  return std::unique_ptr<IndexCursor>(
      new IndexCursor(std::move(it), index, std::move(start), descending));
}

Result<std::vector<std::string>> Store::IndexComponents(
    ClaimIndex index, const std::vector<std::string>& prefix) const {
  std::string start;
  for (const std::string& p : prefix) AppendKeyComponent(p, &start);
  std::unique_ptr<rocksdb::Iterator> it(
      rep_->db->NewIterator(rocksdb::ReadOptions(), rep_->cf(IndexCf(index))));
  std::vector<std::string> values;
  for (it->Seek(start); it->Valid();) {
    const std::string_view key(it->key().data(), it->key().size());
    if (key.substr(0, start.size()) != start) break;
    auto parts = DecodeKey(key);
    if (!parts || parts->size() <= prefix.size()) {
      return Status::Corruption(std::string(ClaimIndexName(index)) + ": undecodable key");
    }
    values.push_back((*parts)[prefix.size()]);
    // Past every key that shares this value: its terminator byte raised.
    std::string next = start;
    AppendKeyComponent(values.back(), &next);
    next.back() = '\x02';
    it->Seek(next);
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), "scan " + std::string(ClaimIndexName(index)));
  }
  return values;
}

}  // namespace claimgraph
