// Metadata trailers: label/value lines that end many scraped articles,
//
//   Overall Sentiment
//   strongly positive
//   Sentiment Score
//   0.72
//   Ticker Sentiment
//
// are document metadata, not prose. FindMetadataTrailer recognizes such a
// block by its shape (a run of short lines at the very end, with no sentence
// punctuation, containing Title Case labels each optionally followed by a
// value line), so it works for labels it has never seen.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "engine/document.h"

namespace claimgraph {

// Returns the byte offset where the trailer starts, or text.size() when the
// text has none; appends the trailer's fields (in order) to *fields.
size_t FindMetadataTrailer(std::string_view text, std::vector<MetadataField>* fields);

}  // namespace claimgraph
