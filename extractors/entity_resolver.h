// Entity resolution for names a user types (`query --entity Amazon`), as
// opposed to names found in running text (EntityRecognizer).
// Pure functions over an immutable catalog; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claimgraph {

class EntityCatalog;

// Catalog ids whose id, ticker, name or alias equals `name`, ignoring case
// and surrounding space. Exact id matches come first; empty when none.
std::vector<std::string> ResolveEntityName(const EntityCatalog& catalog, std::string_view name);

// `id` followed by every segment and product under it, recursively
// (children by parent, generations by family), without people. Each id
// once, in a stable order.
std::vector<std::string> EntityWithDescendants(const EntityCatalog& catalog, std::string_view id);

}  // namespace claimgraph
