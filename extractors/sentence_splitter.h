// Sentence splitting for claim evidence: rule-based, byte offsets.
//
// A sentence ends at '.', '!' or '?' (and any closing quotes or brackets
// after it) followed by whitespace and then an upper-case letter, a digit,
// a quote or the end of text; and at every line break. Abbreviations
// ("Inc.", "Corp.", "Mr.", "U.S.", "Dec.", "vs.", "No.") and decimals
// ("3.2") never end a sentence. A sentence longer than kMaxSentenceBytes is
// cut after the last space within that limit (a list or table flattened
// without punctuation): the claim assembler compares each value with every
// other one in its sentence, and every claim carries its sentence as
// evidence, so an unbounded sentence would cost quadratic time and memory.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace claimgraph {

// Far above a real sentence (the corpus's longest is under 400 bytes).
inline constexpr size_t kMaxSentenceBytes = 4096;

struct SentenceSpan {
  size_t start = 0;  // first non-space byte
  size_t end = 0;    // one past the last byte (terminal punctuation included)
};

// The sentences of text, in order, trimmed of surrounding whitespace; empty
// sentences are skipped.
std::vector<SentenceSpan> SplitSentences(std::string_view text);

}  // namespace claimgraph
