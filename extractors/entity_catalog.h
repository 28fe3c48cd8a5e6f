// EntityCatalog: the companies, segments, products and people claimgraph
// knows, loaded from schemas/catalog.json (format in schemas/README.md) plus
// any user catalogs given with --catalog, which add entries or extend
// existing ones (same id: aliases are merged, other fields override).
//
// Thread safety: immutable once loaded; share freely.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/entity.h"
#include "engine/status.h"

namespace claimgraph {

class EntityCatalog {
 public:
  // Parses a catalog's JSON text and adds its entries. `origin` names the
  // file in errors ("catalog.json: companies[3].id: missing"). On error
  // nothing from this text is added.
  Status AddJson(std::string_view json_text, std::string_view origin);
  // Reads a catalog file and adds its entries.
  Status AddFile(const std::string& path);

  // nullptr when the id is unknown.
  const CatalogEntity* Find(std::string_view id) const;
  const std::vector<CatalogEntity>& entities() const { return entities_; }
  // Ids of the entities whose parent is `id` (segments, products, people),
  // and of products whose family is `id`.
  std::vector<std::string> Children(std::string_view id) const;

 private:
  std::vector<CatalogEntity> entities_;
  std::map<std::string, size_t, std::less<>> by_id_;
};

}  // namespace claimgraph
