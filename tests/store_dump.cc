#include "store_dump.h"

#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "engine/store_dir.h"
#include "engine/stored_codec.h"

namespace claimgraph::testing {

namespace {

// The current generation of the store at `db`, opened read-only with every
// column family; the handles are destroyed with the object.
class ReadOnlyDb {
 public:
  explicit ReadOnlyDb(const std::string& db) {
    auto generation = ReadCurrentGeneration(db);
    REQUIRE(generation.ok());
    REQUIRE(generation->has_value());
    const std::string path = GenerationDbDir(db, **generation);
    REQUIRE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names_).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const std::string& name : names_) {
      families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    }
    rocksdb::DB* raw = nullptr;
    rocksdb::Status s =
        rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), path, families, &handles_, &raw);
    INFO(s.ToString());
    REQUIRE(s.ok());
    db_.reset(raw);
  }
  ~ReadOnlyDb() {
    for (rocksdb::ColumnFamilyHandle* h : handles_) db_->DestroyColumnFamilyHandle(h);
  }
  ReadOnlyDb(const ReadOnlyDb&) = delete;
  ReadOnlyDb& operator=(const ReadOnlyDb&) = delete;

  rocksdb::DB* db() const { return db_.get(); }
  const std::vector<std::string>& names() const { return names_; }
  const std::vector<rocksdb::ColumnFamilyHandle*>& handles() const { return handles_; }

 private:
  std::vector<std::string> names_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::unique_ptr<rocksdb::DB> db_;
};

}  // namespace

StoreDump DumpStore(const std::string& db) {
  ReadOnlyDb rdb(db);
  StoreDump dump;
  for (size_t i = 0; i < rdb.handles().size(); ++i) {
    const std::string& name = rdb.names()[i];
    auto& family = dump[name];
    std::unique_ptr<rocksdb::Iterator> it(
        rdb.db()->NewIterator(rocksdb::ReadOptions(), rdb.handles()[i]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string value = it->value().ToString();
      if (name == "documents") {
        StoredDocument d;
        REQUIRE(DecodeStoredDocument(value, &d).ok());
        d.ingested_at = 0;
        value.clear();
        EncodeStoredDocument(d, &value);
      }
      family[it->key().ToString()] = value;
    }
    REQUIRE(it->status().ok());
  }
  return dump;
}

void RequireEqualStores(const StoreDump& want, const StoreDump& got) {
  REQUIRE(want.size() == got.size());
  for (const auto& [family, keys] : want) {
    INFO("column family " << family);
    REQUIRE(got.count(family) == 1);
    const auto& other = got.at(family);
    CHECK(keys.size() == other.size());
    for (const auto& [key, value] : keys) {
      INFO("key " << nlohmann::json(key).dump(-1, ' ', false,
                                              nlohmann::json::error_handler_t::replace));
      auto it = other.find(key);
      REQUIRE(it != other.end());
      if (family != "entities") REQUIRE(it->second == value);
    }
  }
}

size_t FamilyKeys(const StoreDump& dump, const std::string& family) {
  auto it = dump.find(family);
  return it == dump.end() ? 0 : it->second.size();
}

std::vector<TableFileInfo> TableFiles(const std::string& db) {
  ReadOnlyDb rdb(db);
  std::vector<rocksdb::LiveFileMetaData> live;
  rdb.db()->GetLiveFilesMetaData(&live);
  std::vector<TableFileInfo> files;
  for (const rocksdb::LiveFileMetaData& f : live) {
    files.push_back({f.column_family_name, f.level, f.largest_seqno});
  }
  return files;
}

}  // namespace claimgraph::testing
