// EntityRecognizer: finds the entities a document names.
//
// 1. Catalog names and aliases (case-sensitive for short all-caps aliases
//    and tickers such as "AWS", "AMZN"; case-insensitive otherwise), longest
//    match first, at word boundaries; possessives ("Amazon's") included.
// 2. Discovery beyond the catalog: "(NASDAQ: ACME)", "(NYSE: X)",
//    "(STO: SKF B)", "OMX Helsinki : SUY1V", cashtags "$AMZN", capitalized
//    names ending in Inc/Corp/Corporation/Oyj/AB/ASA/plc/Ltd/AG/SA/NV/Group/
//    Holdings, and appositives ("Finnish forest machinery manufacturer
//    Ponsse"). A discovered entity gets an id (its ticker when stated, else
//    a slug of its name) and later bare mentions of its short name
//    ("Ponsse", "Acme") are found too.
// 3. Within a document, short forms that refer back ("the company", "the
//    group", "the firm", "the corporation", "its", possessives included)
//    resolve to the most recent company mentioned before them, directly or
//    through one of its segments or people (anaphor = true). A short name
//    ("Acme", "Acme's") names its company and is not an anaphor. After a
//    catalog person's full name, their surname alone names them too.
//
// Thread safety: a const EntityRecognizer may be shared across threads.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "engine/entity.h"
#include "engine/status.h"
#include "extractors/entity_catalog.h"

namespace claimgraph {

class EntityRecognizer {
 public:
  // REQUIRES: catalog outlives the recognizer.
  static Result<std::unique_ptr<EntityRecognizer>> Create(const EntityCatalog& catalog);
  ~EntityRecognizer();
  EntityRecognizer(const EntityRecognizer&) = delete;
  EntityRecognizer& operator=(const EntityRecognizer&) = delete;

  // Every entity mention in text, sorted by start, non-overlapping.
  std::vector<EntityMention> Recognize(std::string_view text) const;

 private:
  EntityRecognizer();
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace claimgraph
