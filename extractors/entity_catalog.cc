#include "extractors/entity_catalog.h"

#include <nlohmann/json.hpp>

#include "engine/line_reader.h"
#include "extractors/entity_words.h"

namespace claimgraph {

namespace {

using nlohmann::json;

constexpr size_t kMaxCatalogBytes = size_t{64} << 20;

struct Section {
  const char* key;
  EntityType type;
};
constexpr Section kSections[] = {{"companies", EntityType::kCompany},
                                 {"segments", EntityType::kSegment},
                                 {"products", EntityType::kProduct},
                                 {"people", EntityType::kPerson}};

constexpr unsigned Bit(EntityType type) { return 1u << static_cast<unsigned>(type); }
constexpr unsigned kAllTypes = 0xF;
constexpr unsigned kOwned =
    Bit(EntityType::kSegment) | Bit(EntityType::kProduct) | Bit(EntityType::kPerson);

// The optional string fields of an entry and the sections that allow them.
struct StringField {
  const char* key;
  std::string CatalogEntity::*member;
  unsigned types;
};
const StringField kStringFields[] = {
    {"name", &CatalogEntity::name, kAllTypes},
    {"ticker", &CatalogEntity::ticker, Bit(EntityType::kCompany)},
    {"exchange", &CatalogEntity::exchange, Bit(EntityType::kCompany)},
    {"parent", &CatalogEntity::parent, kOwned},
    {"family", &CatalogEntity::family, Bit(EntityType::kProduct)},
    {"category", &CatalogEntity::category, Bit(EntityType::kProduct)},
    {"role", &CatalogEntity::role, Bit(EntityType::kPerson)},
};

constexpr std::string_view kCategories[] = {"chip",     "accelerator",   "cpu",
                                            "gpu",      "cloud_service", "model",
                                            "software", "device",        "platform"};

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Keys starting with "$" or "_" ("$comment") are notes for the analyst.
bool IsComment(std::string_view key) { return !key.empty() && (key[0] == '$' || key[0] == '_'); }

Status ReadString(const json& value, const std::string& where, std::string* out) {
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
    return Status::InvalidArgument(where + ": must be a non-empty string");
  }
  *out = value.get<std::string>();
  return Status::OK();
}

Status ReadAliases(const json& value, const std::string& where, std::vector<std::string>* out) {
  if (!value.is_array()) return Status::InvalidArgument(where + ": must be an array of strings");
  for (size_t i = 0; i < value.size(); ++i) {
    std::string item_where = where + "[" + std::to_string(i) + "]";
    std::string alias;
    Status s = ReadString(value[i], item_where, &alias);
    if (!s.ok()) return s;
    if (!IsWordCharAt(alias, 0)) {
      return Status::InvalidArgument(item_where + ": must start with a letter or digit");
    }
    out->push_back(std::move(alias));
  }
  return Status::OK();
}

// One field of an entry; `where` names the entry ("f.json: products[2]").
Status ReadField(const std::string& key, const json& value, const std::string& where,
                 CatalogEntity* out) {
  std::string field_where = where + "." + key;
  if (key == "id") return ReadString(value, field_where, &out->id);
  if (key == "aliases") return ReadAliases(value, field_where, &out->aliases);
  for (const StringField& field : kStringFields) {
    if (key != field.key) continue;
    if ((field.types & Bit(out->type)) == 0) break;
    return ReadString(value, field_where, &(out->*field.member));
  }
  return Status::InvalidArgument(field_where + ": unknown field for a " +
                                 std::string(EntityTypeName(out->type)));
}

Status ReadEntry(const json& entry, EntityType type, const std::string& where, CatalogEntity* out) {
  if (!entry.is_object()) return Status::InvalidArgument(where + ": must be an object");
  out->type = type;
  for (const auto& [key, value] : entry.items()) {
    if (IsComment(key)) continue;
    Status s = ReadField(key, value, where, out);
    if (!s.ok()) return s;
  }
  if (out->id.empty()) return Status::InvalidArgument(where + ".id: missing");
  return Status::OK();
}

// Adds `update`'s aliases to `base` and lets its other set fields override.
void Extend(const CatalogEntity& update, CatalogEntity* base) {
  for (const std::string& alias : update.aliases) {
    bool known = alias == base->name;
    for (const std::string& a : base->aliases) known = known || a == alias;
    if (!known) base->aliases.push_back(alias);
  }
  if (!update.name.empty() && update.name != base->name) {
    base->aliases.push_back(base->name);  // text may still use the old name
  }
  for (const StringField& field : kStringFields) {
    if (!(update.*field.member).empty()) base->*field.member = update.*field.member;
  }
}

// The entities of a catalog being built, with the file position of the
// entries one AddJson call added or changed.
struct Staging {
  std::vector<CatalogEntity> entities;
  std::map<std::string, size_t, std::less<>> by_id;
  std::vector<std::pair<size_t, std::string>> touched;  // index, "f.json: products[2]"

  const CatalogEntity* Find(std::string_view id) const {
    auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : &entities[it->second];
  }
};

// Parent (and family) references of one entity.
Status CheckReference(const Staging& staging, const std::string& id, EntityType want,
                      const std::string& where) {
  const CatalogEntity* target = staging.Find(id);
  std::string want_name(EntityTypeName(want));
  if (target == nullptr)
    return Status::InvalidArgument(where + ": unknown " + want_name + " " + Quoted(id));
  if (target->type != want) {
    return Status::InvalidArgument(where + ": " + Quoted(id) + " is a " +
                                   std::string(EntityTypeName(target->type)) + ", not a " +
                                   want_name);
  }
  return Status::OK();
}

Status CheckFamily(const Staging& staging, const CatalogEntity& e, const std::string& where) {
  Status s = CheckReference(staging, e.family, EntityType::kProduct, where + ".family");
  if (!s.ok()) return s;
  const CatalogEntity* step = &e;
  for (size_t hops = 0; hops <= staging.entities.size() && !step->family.empty(); ++hops) {
    step = staging.Find(step->family);
    if (step == nullptr) break;  // reported when that entry is checked
    if (step->id == e.id)
      return Status::InvalidArgument(where + ".family: " + Quoted(e.family) + " leads back to " +
                                     Quoted(e.id));
  }
  if (staging.Find(e.family)->parent != e.parent) {
    return Status::InvalidArgument(where + ".family: " + Quoted(e.family) +
                                   " belongs to another company");
  }
  return Status::OK();
}

Status CheckOwnedEntity(const Staging& staging, const CatalogEntity& e, const std::string& where) {
  if (e.parent.empty()) return Status::InvalidArgument(where + ".parent: missing");
  Status s = CheckReference(staging, e.parent, EntityType::kCompany, where + ".parent");
  if (!s.ok()) return s;
  if (e.id.size() <= e.parent.size() + 1 ||
      e.id.compare(0, e.parent.size() + 1, e.parent + "/") != 0) {
    return Status::InvalidArgument(where + ".id: " + Quoted(e.id) + " must start with " +
                                   Quoted(e.parent + "/") + " (its parent's id)");
  }
  if (e.type == EntityType::kSegment || e.family.empty()) return Status::OK();
  return CheckFamily(staging, e, where);
}

Status CheckCategory(const CatalogEntity& e, const std::string& where) {
  if (e.category.empty()) return Status::OK();
  std::string expected;
  for (std::string_view c : kCategories) {
    if (c == e.category) return Status::OK();
    expected += (expected.empty() ? "" : ", ") + std::string(c);
  }
  return Status::InvalidArgument(where + ".category: unknown category " + Quoted(e.category) +
                                 " (expected " + expected + ")");
}

// Rules an entity must satisfy once the whole file has been merged.
Status CheckEntity(const Staging& staging, const CatalogEntity& e, const std::string& where) {
  if (e.name.empty()) return Status::InvalidArgument(where + ".name: missing");
  switch (e.type) {
    case EntityType::kCompany:
      if (e.id.find('/') != std::string::npos) {
        return Status::InvalidArgument(where + ".id: " + Quoted(e.id) +
                                       ": a company id cannot contain '/'");
      }
      return Status::OK();
    case EntityType::kPerson:
      if (e.id.rfind("person/", 0) != 0 || e.id.size() == 7) {
        return Status::InvalidArgument(where + ".id: " + Quoted(e.id) +
                                       " must start with \"person/\"");
      }
      if (e.parent.empty()) return Status::OK();
      return CheckReference(staging, e.parent, EntityType::kCompany, where + ".parent");
    case EntityType::kProduct: {
      Status s = CheckCategory(e, where);
      if (!s.ok()) return s;
      return CheckOwnedEntity(staging, e, where);
    }
    case EntityType::kSegment:
      return CheckOwnedEntity(staging, e, where);
  }
  return Status::OK();
}

// Merges one entry into the staging catalog.
Status Stage(CatalogEntity entry, const std::string& where, const std::string& path,
             std::map<std::string, std::string, std::less<>>* seen, Staging* staging) {
  auto [first, inserted] = seen->emplace(entry.id, path);
  if (!inserted) {
    return Status::InvalidArgument(where + ".id: duplicate id " + Quoted(entry.id) + " (first at " +
                                   first->second + ")");
  }
  auto existing = staging->by_id.find(entry.id);
  if (existing == staging->by_id.end()) {
    staging->by_id.emplace(entry.id, staging->entities.size());
    staging->touched.emplace_back(staging->entities.size(), where);
    staging->entities.push_back(std::move(entry));
    return Status::OK();
  }
  CatalogEntity& base = staging->entities[existing->second];
  if (base.type != entry.type) {
    return Status::InvalidArgument(where + ".id: " + Quoted(entry.id) + " is already a " +
                                   std::string(EntityTypeName(base.type)));
  }
  Extend(entry, &base);
  staging->touched.emplace_back(existing->second, where);
  return Status::OK();
}

Status StageSection(const json& doc, const Section& section, const std::string& origin,
                    std::map<std::string, std::string, std::less<>>* seen, Staging* staging) {
  auto list = doc.find(section.key);
  if (list == doc.end()) return Status::OK();
  if (!list->is_array()) {
    return Status::InvalidArgument(origin + ": " + section.key + ": must be an array");
  }
  for (size_t i = 0; i < list->size(); ++i) {
    std::string path = std::string(section.key) + "[" + std::to_string(i) + "]";
    std::string where = origin + ": " + path;
    CatalogEntity entry;
    Status s = ReadEntry((*list)[i], section.type, where, &entry);
    if (!s.ok()) return s;
    s = Stage(std::move(entry), where, path, seen, staging);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status CheckTopLevel(const json& doc, const std::string& origin) {
  for (const auto& [key, value] : doc.items()) {
    if (IsComment(key)) continue;
    bool known = false;
    for (const Section& section : kSections) known = known || key == section.key;
    if (!known) {
      return Status::InvalidArgument(origin + ": unknown key " + Quoted(key) +
                                     " (expected companies, segments, products, people)");
    }
  }
  return Status::OK();
}

}  // namespace

Status EntityCatalog::AddJson(std::string_view json_text, std::string_view origin) {
  std::string where(origin);
  json doc = json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::InvalidArgument(where + ": not a valid JSON object");
  }
  Status s = CheckTopLevel(doc, where);
  if (!s.ok()) return s;
  Staging staging{entities_, by_id_, {}};
  std::map<std::string, std::string, std::less<>> seen;
  for (const Section& section : kSections) {
    s = StageSection(doc, section, where, &seen, &staging);
    if (!s.ok()) return s;
  }
  for (const auto& [index, entry_where] : staging.touched) {
    s = CheckEntity(staging, staging.entities[index], entry_where);
    if (!s.ok()) return s;
  }
  entities_ = std::move(staging.entities);
  by_id_ = std::move(staging.by_id);
  return Status::OK();
}

Status EntityCatalog::AddFile(const std::string& path) {
  std::string text;
  Status s = ReadWholeFile(path, kMaxCatalogBytes, &text);
  if (!s.ok()) return s;
  return AddJson(text, path);
}

const CatalogEntity* EntityCatalog::Find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &entities_[it->second];
}

std::vector<std::string> EntityCatalog::Children(std::string_view id) const {
  std::vector<std::string> out;
  for (const CatalogEntity& e : entities_) {
    if (e.parent == id || e.family == id) out.push_back(e.id);
  }
  return out;
}

}  // namespace claimgraph
