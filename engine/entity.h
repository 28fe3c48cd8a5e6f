// Entities: companies, their segments, products and people, as the catalog
// (schemas/catalog.json) describes them and as documents mention them.
// Plain value types; safe to share read-only across threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph {

enum class EntityType { kCompany, kSegment, kProduct, kPerson };

std::string_view EntityTypeName(EntityType type);

// One catalog entry. Ids are stable external ids:
//   company  "AMZN" (its ticker; a slug like "anthropic" when it has none)
//   segment  "AMZN/aws"
//   product  "AMZN/trainium2"
//   person   "person/andy-jassy"
struct CatalogEntity {
  std::string id;
  EntityType type = EntityType::kCompany;
  std::string name;                  // canonical display name
  std::vector<std::string> aliases;  // other names written in text
  std::string ticker;                // companies
  std::string exchange;              // companies: "NASDAQ"
  std::string parent;                // segment/product: company id; person: employer id
  std::string family;                // product generation -> family id ("AMZN/trainium")
  std::string category;  // product: chip, accelerator, cpu, cloud_service, model, software...
  std::string role;      // person: "CEO"
};

// A span of a document that names (or refers back to) an entity.
struct EntityMention {
  size_t start = 0;  // byte offsets, end-exclusive
  size_t end = 0;
  std::string id;  // catalog id, or an id minted for a discovered entity
  EntityType type = EntityType::kCompany;
  std::string name;         // canonical name
  bool discovered = false;  // not in the catalog: found by a discovery rule
  bool anaphor = false;     // "the company", "its", "Acme's" resolved to an earlier entity
};

}  // namespace claimgraph
