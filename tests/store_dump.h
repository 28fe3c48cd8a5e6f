// Stores compared key for key: every column family of a store's current
// generation read with RocksDB directly, for tests that prove two ways of
// building a store (ingest, bulk, shards, rebuild paths) give the same one.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace claimgraph::testing {

// column family -> key -> value. A document's ingested_at (when it was
// written, the one field two stores built from the same input legitimately
// differ in) is zeroed.
using StoreDump = std::map<std::string, std::map<std::string, std::string>>;

// Every key and value of the store at `db` (a --db directory). Fails the
// current test when the store cannot be read.
StoreDump DumpStore(const std::string& db);

// Compares two dumps family by family, naming the first difference. An
// entity's value (type, name) is whatever the last claim naming it wrote:
// the same id can be a company as a subject and a person as a speaker, and
// ingest's worker threads write in no fixed order, so two ingests of the
// same files can differ there too; entities are compared by id only.
void RequireEqualStores(const StoreDump& want, const StoreDump& got);

// Keys of `family` in `dump` (0 when absent).
size_t FamilyKeys(const StoreDump& dump, const std::string& family);

// A table file of the store, as RocksDB's metadata describes it.
struct TableFileInfo {
  std::string family;
  int level = 0;
  uint64_t largest_seqno = 0;
};

// Every live table file of the store at `db`.
std::vector<TableFileInfo> TableFiles(const std::string& db);

}  // namespace claimgraph::testing
