// Store: counters, entities, statistics and the consistency check.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "engine/store_internal.h"
#include "engine/stored_codec.h"

namespace claimgraph {

namespace {

constexpr size_t kMaxProblems = 100;

void Problem(ConsistencyReport* r, std::string text) {
  if (r->problems.size() < kMaxProblems) r->problems.push_back(std::move(text));
}

std::string Printable(std::string_view key) {
  std::string out;
  for (char c : key) out += (c == '\0') ? '|' : (c == '\x01' || c == '\xff') ? ' ' : c;
  return out;
}

uint64_t DirectorySize(const std::string& path) {
  uint64_t total = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

// Every counter as stored.
Result<std::map<std::string, int64_t>> ReadCounters(const Store::Rep& rep) {
  std::map<std::string, int64_t> out;
  std::unique_ptr<rocksdb::Iterator> it(
      rep.db->NewIterator(rocksdb::ReadOptions(), rep.cf(kCfCounters)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    out[it->key().ToString()] =
        DecodeCounter(std::string_view(it->value().data(), it->value().size()));
  }
  Status s = FromRocks(it->status(), "read counters");
  if (!s.ok()) return s;
  return out;
}

// Checks every entry of one index against the claims it names.
Status CheckIndex(const Store& store, const Store::Rep& rep, ClaimIndex index,
                  ConsistencyReport* r) {
  std::unique_ptr<rocksdb::Iterator> it(
      rep.db->NewIterator(rocksdb::ReadOptions(), rep.cf(IndexCf(index))));
  const std::string name(ClaimIndexName(index));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    ++r->index_entries;
    const std::string key = it->key().ToString();
    auto parts = DecodeKey(key);
    if (!parts || parts->empty()) {
      Problem(r, name + ": undecodable key " + Printable(key));
      continue;
    }
    auto claim = store.GetClaim(parts->back());
    if (!claim.ok()) return claim.status();
    if (!claim->has_value()) {
      Problem(r, name + ": entry " + Printable(key) + " names missing claim " + parts->back());
    } else {
      std::vector<std::string> keys;
      AppendClaimIndexKeys(index, (*claim)->claim, (*claim)->source, (*claim)->published, &keys);
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        Problem(r, name + ": entry " + Printable(key) + " does not match claim " + parts->back());
      }
    }
  }
  return FromRocks(it->status(), "scan " + name);
}

}  // namespace

const std::vector<std::string>& ColumnFamilyNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v = {"default", "documents", "claims", "entities", "counters"};
    for (ClaimIndex index : kAllClaimIndexes) v.emplace_back(ClaimIndexName(index));
    return v;
  }();
  return names;
}

std::string EncodeCounter(int64_t v) {
  std::string out(8, '\0');
  uint64_t u = static_cast<uint64_t>(v);
  for (size_t i = 0; i < 8; ++i) out[i] = static_cast<char>((u >> (8 * i)) & 0xFF);
  return out;
}

int64_t DecodeCounter(std::string_view bytes) {
  if (bytes.size() != 8) return 0;
  uint64_t u = 0;
  for (size_t i = 0; i < 8; ++i) u |= uint64_t{static_cast<unsigned char>(bytes[i])} << (8 * i);
  return static_cast<int64_t>(u);
}

std::string CounterKey(std::string_view group, std::string_view name) {
  return EncodeKey({group, name});
}

void AddClaimCounters(const Claim& c, int64_t sign, std::map<std::string, int64_t>* deltas) {
  ForEachClaimCounter(c, [&](std::string_view group, std::string_view name) {
    (*deltas)[CounterKey(group, name)] += sign;
  });
}

std::vector<StoredEntity> ClaimEntities(const Claim& c) {
  std::vector<StoredEntity> out;
  if (!c.subject.id.empty()) out.push_back({c.subject.id, c.subject.type, c.subject.name});
  if (c.speaker && !c.speaker->id.empty()) {
    out.push_back({c.speaker->id, EntityType::kPerson, c.speaker->name});
  }
  return out;
}

std::string EncodeEntity(const StoredEntity& e) {
  return EncodeKey({EntityTypeName(e.type), e.name});
}

Status Store::ForEachEntity(const std::function<bool(const StoredEntity&)>& fn) const {
  std::unique_ptr<rocksdb::Iterator> it(
      rep_->db->NewIterator(rocksdb::ReadOptions(), rep_->cf(kCfEntities)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    auto parts = DecodeKey(std::string_view(it->value().data(), it->value().size()));
    if (!parts || parts->size() != 2) {
      return Status::Corruption("entity " + it->key().ToString() + ": undecodable value");
    }
    StoredEntity e{it->key().ToString(), EntityType::kCompany, (*parts)[1]};
    for (EntityType t :
         {EntityType::kCompany, EntityType::kSegment, EntityType::kProduct, EntityType::kPerson}) {
      if (EntityTypeName(t) == (*parts)[0]) e.type = t;
    }
    if (!fn(e)) return Status::OK();
  }
  return FromRocks(it->status(), "scan entities");
}

Result<StoreStats> Store::Stats() const {
  auto counters = ReadCounters(*rep_);
  if (!counters.ok()) return counters.status();
  StoreStats st;
  for (const auto& [key, value] : *counters) {
    auto parts = DecodeKey(key);
    if (!parts || parts->size() != 2 || value <= 0) continue;
    const std::string& group = (*parts)[0];
    const std::string& name = (*parts)[1];
    const uint64_t n = static_cast<uint64_t>(value);
    if (group == "total" && name == "documents") st.documents = n;
    if (group == "total" && name == "claims") st.claims = n;
    if (group == "kind") st.by_kind[name] = n;
    if (group == "metric") st.by_metric[name] = n;
    if (group == "modality") st.by_modality[name] = n;
    if (group == "source") st.by_source[name] = n;
    if (group == "ruleset") st.by_ruleset[name] = n;
  }
  Status s = ForEachEntity([&](const StoredEntity&) {
    ++st.entities;
    return true;
  });
  if (!s.ok()) return s;
  st.size_bytes = DirectorySize(GenerationDir(rep_->path, rep_->generation));
  return st;
}

Result<int64_t> Store::Counter(std::string_view group, std::string_view name) const {
  std::string value;
  rocksdb::Status s =
      rep_->db->Get(rocksdb::ReadOptions(), rep_->cf(kCfCounters), CounterKey(group, name), &value);
  if (s.IsNotFound()) return int64_t{0};
  if (!s.ok()) return FromRocks(s, "read counter");
  return DecodeCounter(value);
}

Result<ConsistencyReport> Store::CheckConsistency() const {
  ConsistencyReport r;
  std::map<std::string, int64_t> expected;
  Status s = ForEachDocument([&](const StoredDocument& d) {
    ++r.documents;
    expected[CounterKey("total", "documents")] += 1;
    if (!d.doc.source.empty()) expected[CounterKey("source", d.doc.source)] += 1;
    uint64_t n = 0;
    Status scan = ScanIndex(ClaimIndex::kByDoc, {d.doc.id}, [&](const std::string&) {
      ++n;
      return true;
    });
    if (!scan.ok() || n != d.claim_count) {
      Problem(&r, "document " + d.doc.id + ": " + std::to_string(d.claim_count) +
                      " claims recorded, " + std::to_string(n) + " indexed");
    }
    return true;
  });
  if (!s.ok()) return s;
  s = ForEachClaim([&](const StoredClaim& c) {
    ++r.claims;
    AddClaimCounters(c.claim, +1, &expected);
    auto doc = GetDocument(c.claim.doc_id);
    if (!doc.ok() || !doc->has_value()) {
      Problem(&r, "claim " + c.claim.claim_id + ": document " + c.claim.doc_id + " missing");
    }
    for (ClaimIndex index : kAllClaimIndexes) {
      std::vector<std::string> keys;
      AppendClaimIndexKeys(index, c.claim, c.source, c.published, &keys);
      std::string ignored;
      for (const std::string& key : keys) {
        if (!rep_->db->Get(rocksdb::ReadOptions(), rep_->cf(IndexCf(index)), key, &ignored).ok()) {
          Problem(&r, "claim " + c.claim.claim_id + ": no " + std::string(ClaimIndexName(index)) +
                          " entry " + Printable(key));
        }
      }
    }
    return true;
  });
  if (!s.ok()) return s;
  for (ClaimIndex index : kAllClaimIndexes) {
    s = CheckIndex(*this, *rep_, index, &r);
    if (!s.ok()) return s;
  }
  auto stored = ReadCounters(*rep_);
  if (!stored.ok()) return stored.status();
  for (const auto& [key, value] : *stored) {
    if (value != 0) expected.try_emplace(key, 0);
  }
  for (const auto& [key, value] : expected) {
    auto it = stored->find(key);
    const int64_t have = it == stored->end() ? 0 : it->second;
    if (have != value) {
      Problem(&r, "counter " + Printable(key) + " is " + std::to_string(have) + ", expected " +
                      std::to_string(value));
    }
  }
  return r;
}

}  // namespace claimgraph
