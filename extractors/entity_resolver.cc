#include "extractors/entity_resolver.h"

#include <set>
#include <utility>

#include "extractors/entity_catalog.h"
#include "extractors/entity_words.h"

namespace claimgraph {

namespace {

std::string_view Trim(std::string_view s) {
  const char* kSpace = " \t\r\n\f\v";
  size_t start = s.find_first_not_of(kSpace);
  if (start == std::string_view::npos) return {};
  size_t end = s.find_last_not_of(kSpace);
  return s.substr(start, end - start + 1);
}

// ASCII case-insensitive equality; other bytes compare exactly.
bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

// 0: the id itself; 1: the id in another case; 2: ticker, name or alias;
// 3: no match.
int MatchRank(const CatalogEntity& e, std::string_view name) {
  if (e.id == name) return 0;
  if (EqualsIgnoringCase(e.id, name)) return 1;
  if (!e.ticker.empty() && EqualsIgnoringCase(e.ticker, name)) return 2;
  if (EqualsIgnoringCase(e.name, name)) return 2;
  for (const std::string& alias : e.aliases) {
    if (EqualsIgnoringCase(alias, name)) return 2;
  }
  return 3;
}

}  // namespace

std::vector<std::string> ResolveEntityName(const EntityCatalog& catalog, std::string_view name) {
  name = Trim(name);
  std::vector<std::string> by_rank[3];
  if (name.empty()) return {};
  for (const CatalogEntity& e : catalog.entities()) {
    int rank = MatchRank(e, name);
    if (rank < 3) by_rank[rank].push_back(e.id);
  }
  std::vector<std::string> out;
  for (std::vector<std::string>& ids : by_rank) {
    for (std::string& id : ids) out.push_back(std::move(id));
  }
  return out;
}

std::vector<std::string> EntityWithDescendants(const EntityCatalog& catalog, std::string_view id) {
  std::vector<std::string> out = {std::string(id)};
  std::set<std::string, std::less<>> seen = {std::string(id)};
  // Depth-first, children in catalog order, so a family's generations
  // follow the family ("AMZN/trainium", "AMZN/trainium2", ...).
  std::vector<std::vector<std::string>> stack = {catalog.Children(id)};
  std::vector<size_t> next = {0};
  while (!stack.empty()) {
    if (next.back() == stack.back().size()) {
      stack.pop_back();
      next.pop_back();
      continue;
    }
    const std::string child = stack.back()[next.back()++];
    const CatalogEntity* e = catalog.Find(child);
    if (e == nullptr || e->type == EntityType::kPerson || !seen.insert(child).second) continue;
    out.push_back(child);
    stack.push_back(catalog.Children(child));
    next.push_back(0);
  }
  return out;
}

}  // namespace claimgraph
