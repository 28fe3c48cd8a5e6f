// Document: one unit of input text with its metadata.
//
// `text` is valid UTF-8 without NUL bytes once a DocumentReader has accepted
// it. `prose_end` marks where prose stops and a metadata trailer (label/value
// lines such as "Sentiment Score\n0.72") begins; recognizers scan only
// [0, prose_end). Plain value type; safe to share read-only across threads.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace claimgraph {

struct MetadataField {
  std::string label;
  std::string value;
  size_t start = 0;  // byte offset of the label line
  size_t end = 0;    // byte offset just past the value (or label) line
};

struct Document {
  std::string id;
  std::string text;
  std::string source;     // publisher or feed; may be empty
  std::string published;  // "YYYY-MM-DD" or full ISO timestamp; may be empty
  std::string url;
  std::string title;
  std::string origin;    // where it was read: "path" or "path:line"
  size_t prose_end = 0;  // == text.size() when there is no trailer
  std::vector<MetadataField> metadata;
};

}  // namespace claimgraph
