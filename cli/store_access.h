// What every store subcommand shares: the --db option and its default,
// opening the store as a writer or a reader with a clear message, and
// loading the entity catalog for name resolution.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/store.h"
#include "extractors/entity_catalog.h"

namespace CLI {
class App;
}

namespace claimgraph::cli {

struct GlobalOptions;

// Adds --db to a subcommand.
void AddDbOption(CLI::App* cmd, std::string* db);
// Adds --chunk-mb (bulk loads: records held in memory before a chunk is
// written to disk as a sorted run) to a subcommand; `when` says when it
// applies. ChunkBytes converts the value.
void AddChunkOption(CLI::App* cmd, double* chunk_mb, const std::string& when);
uint64_t ChunkBytes(double chunk_mb);
// The flag, else $CLAIMGRAPH_DB, else ./claimgraph.db.
std::string ResolveDb(const std::string& flag);

// Opens the store, or prints "claimgraph <command>: <why>" to stderr and
// returns nullptr.
std::unique_ptr<Store> OpenStoreOrReport(const std::string& command, const std::string& db,
                                         const StoreOptions& options);

// schemas/catalog.json plus `extra` catalogs; nullptr after printing why.
std::unique_ptr<EntityCatalog> LoadCatalogOrReport(const std::string& command,
                                                   const GlobalOptions& global,
                                                   const std::vector<std::string>& extra);

// Subject ids for a name a user typed: catalog ids, tickers, names and
// aliases, then names of entities the store discovered. With descendants,
// a company brings its segments and products. Empty when unknown.
std::vector<std::string> ResolveSubjects(const EntityCatalog& catalog, const Store& store,
                                         const std::string& name, bool descendants);

}  // namespace claimgraph::cli
