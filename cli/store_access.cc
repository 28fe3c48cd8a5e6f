#include "cli/store_access.h"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "engine/bulk_loader.h"
#include "engine/utf8.h"
#include "extractors/entity_resolver.h"

namespace claimgraph::cli {

void AddDbOption(CLI::App* cmd, std::string* db) {
  cmd->add_option("--db", *db, "Store directory (default: $CLAIMGRAPH_DB, else ./claimgraph.db)");
}

void AddChunkOption(CLI::App* cmd, double* chunk_mb, const std::string& when) {
  cmd->add_option("--chunk-mb", *chunk_mb,
                  when +
                      ": records held in memory before they go to disk as one sorted\n"
                      "run; the runs are merged at the end (default " +
                      std::to_string(kDefaultChunkBytes >> 20) + "; up to three chunks are held)")
      ->check(CLI::Range(0.0001, 65536.0));
}

uint64_t ChunkBytes(double chunk_mb) { return static_cast<uint64_t>(chunk_mb * 1048576.0); }

std::string ResolveDb(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("CLAIMGRAPH_DB"); env && *env) return env;
  return "claimgraph.db";
}

std::unique_ptr<Store> OpenStoreOrReport(const std::string& command, const std::string& db,
                                         const StoreOptions& options) {
  auto store = Store::Open(db, options);
  if (!store.ok()) {
    std::cerr << "claimgraph " << command << ": " << store.status().message() << "\n";
    return nullptr;
  }
  return std::move(*store);
}

std::unique_ptr<EntityCatalog> LoadCatalogOrReport(const std::string& command,
                                                   const GlobalOptions& global,
                                                   const std::vector<std::string>& extra) {
  auto catalog = std::make_unique<EntityCatalog>();
  Status s = catalog->AddFile(ResolveSchemaDir(global) + "/catalog.json");
  for (size_t i = 0; s.ok() && i < extra.size(); ++i) s = catalog->AddFile(extra[i]);
  if (!s.ok()) {
    std::cerr << "claimgraph " << command << ": " << s.message() << "\n";
    return nullptr;
  }
  return catalog;
}

std::vector<std::string> ResolveSubjects(const EntityCatalog& catalog, const Store& store,
                                         const std::string& name, bool descendants) {
  std::vector<std::string> ids = ResolveEntityName(catalog, name);
  if (ids.empty()) {
    const std::string wanted = AsciiLowered(name);
    Status s = store.ForEachEntity([&](const StoredEntity& e) {
      if (AsciiLowered(e.id) == wanted || AsciiLowered(e.name) == wanted) ids.push_back(e.id);
      return true;
    });
    if (!s.ok()) std::cerr << "claimgraph: " << s.message() << "\n";
  }
  if (!descendants) return ids;
  std::vector<std::string> out;
  for (const std::string& id : ids) {
    for (std::string& d : EntityWithDescendants(catalog, id)) {
      if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace claimgraph::cli
