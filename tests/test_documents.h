// Documents built in tests, for the extractor tests that feed it prose.
#pragma once

#include <string>
#include <utility>

#include "engine/document.h"

namespace claimgraph::testing {

// A document of prose only (no metadata trailer) with id `id`.
inline Document ProseDocument(std::string text, std::string id = "d1") {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  d.prose_end = d.text.size();
  return d;
}

}  // namespace claimgraph::testing
