// Word-level helpers for the entity layer: which characters belong to a
// name, where words start and end, possessive endings and id slugs.
//
// Text is UTF-8. ASCII letters and digits are word characters; so are
// letters outside ASCII ("Wärtsilä" is one word), but punctuation outside
// ASCII is not (’ “ ” — – € ™ and the like end a word, so "Amazon’s" is
// "Amazon" followed by a possessive). Invalid bytes count as one character
// each.
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/ascii.h"

namespace claimgraph {

// A byte range of a text, end-exclusive.
struct TextSpan {
  size_t start = 0;
  size_t end = 0;
};

// Bytes in the character starting at text[pos] (1 for ASCII and for invalid
// bytes). REQUIRES: pos < text.size().
size_t CharLength(std::string_view text, size_t pos);

// True when a word character starts at text[pos]; false at the end.
bool IsWordCharAt(std::string_view text, size_t pos);
// True when the character just before pos is a word character; false at 0.
bool IsWordCharBefore(std::string_view text, size_t pos);
// True when an uppercase letter (ASCII, or Latin-1 such as "Ä") starts at
// text[pos].
bool IsUpperAt(std::string_view text, size_t pos);

// Offset just past the run of word characters starting at pos (pos itself
// when none starts there).
size_t WordEnd(std::string_view text, size_t pos);

// Every word of text (maximal run of word characters), in order. The
// entity layer splits a document once and hands the words to each index.
std::vector<TextSpan> FindWords(std::string_view text);

// When a word ending at pos is followed by a possessive "'s" or "’s" that
// ends the word, the offset past it; else pos.
size_t PossessiveEnd(std::string_view text, size_t pos);

// An id-friendly form of a name: ASCII letters lower-cased, Latin-1 letters
// folded to ASCII ("Wärtsilä" -> "wartsila"), digits kept, every other run
// of characters turned into one '-', no '-' at either end. Empty when the
// name has no letters or digits.
std::string Slug(std::string_view name);

}  // namespace claimgraph
