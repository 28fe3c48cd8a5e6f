#include "engine/entity.h"

namespace claimgraph {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kCompany:
      return "company";
    case EntityType::kSegment:
      return "segment";
    case EntityType::kProduct:
      return "product";
    case EntityType::kPerson:
      return "person";
  }
  return "unknown";
}

}  // namespace claimgraph
