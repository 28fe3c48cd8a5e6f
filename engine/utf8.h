// UTF-8 validation and offset helpers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace claimgraph {

// Returns the byte offset of the first byte that does not start a valid UTF-8
// sequence (overlong forms, surrogates and code points past U+10FFFF are
// invalid), or std::string_view::npos when the whole text is valid.
size_t FindInvalidUtf8(std::string_view text);

// Number of code points in text[0, byte_offset).
// REQUIRES: text is valid UTF-8 and byte_offset <= text.size().
size_t CodePointCount(std::string_view text, size_t byte_offset);

// `text` with ASCII letters lower-cased; other bytes (UTF-8 included) kept.
std::string AsciiLowered(std::string_view text);

}  // namespace claimgraph
