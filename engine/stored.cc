#include "engine/stored.h"

#include "engine/hash.h"

namespace claimgraph {

std::string ContentHash(const Document& doc) {
  uint64_t h = kFnv1aSeed;
  // A field separator that cannot occur in UTF-8 keeps "ab"+"c" and
  // "a"+"bc" apart.
  for (const std::string* field :
       {&doc.id, &doc.text, &doc.source, &doc.published, &doc.url, &doc.title}) {
    h = Fnv1a64(*field, h);
    h = Fnv1a64(std::string_view("\xff", 1), h);
  }
  return HexId(h);
}

}  // namespace claimgraph
