// libFuzzer targets: one plain function per input format claimgraph reads,
// so the same code runs under libFuzzer (fuzz_main.cc, one executable per
// target, CLAIMGRAPH_FUZZ=ON) and in the normal test suite, which replays
// tests/fuzz/regressions/<target>/ through them (fuzz_replay_test.cc).
//
// Each function takes arbitrary bytes and returns 0. Bad input must come back
// as a Status or an empty result: a crash, a hang or a sanitizer report is a
// bug. Where a property is cheap to check (offsets inside the text, decode of
// an encoding gives it back) a violation prints what broke and calls abort(),
// which libFuzzer reports like a crash.
//
// Heavy objects (the claim extractor, the catalog, the recognizers) are
// built once from the source tree's schemas/ (CLAIMGRAPH_FUZZ_SCHEMA_DIR) in
// function-local statics; a schema that does not load aborts at once.
//
// Thread safety: the functions may be called from several threads, but the
// JSONL target rewrites one scratch file per process, so call that one from
// one thread only (libFuzzer does).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace claimgraph::fuzz {

// Text inputs (FuzzQuantity, FuzzClaims) may start with a line
// "YYYY-MM-DD\n": the published date relative periods resolve against.
// Without it the text has no published date.

// The quantity and period recognizers over the bytes as text (any bytes: the
// recognizers take a string_view with no encoding precondition). Checks that
// every mention lies inside the text, in text order, between characters when
// the text is valid UTF-8, with low <= amount <= high (so no NaN), and that a
// period's dates are valid and ordered.
int FuzzQuantity(const uint8_t* data, size_t size);

// The claim extractor (annotator, entities, metrics, stance, relations,
// claim rules) over the bytes as one document, when they pass the checks a
// DocumentReader makes (valid UTF-8, no NUL, size limit). Checks that every
// claim's evidence and value spans lie inside the text, that evidence is at
// most kMaxSentenceBytes, and that every string of every claim is valid
// UTF-8 (claims are printed as JSON as they are).
int FuzzClaims(const uint8_t* data, size_t size);

// DocumentReader over the bytes as a JSON Lines file (one small document
// size limit, so the limit paths are reachable). Checks the reader's
// contract on every accepted document: valid UTF-8, no NUL, non-empty,
// within the limit, trailer fields inside the text.
int FuzzJsonl(const uint8_t* data, size_t size);

// The schema loaders, each on the bytes as the whole file. When a file
// loads, the recognizer built from it runs over a fixed sample sentence, so
// a file that loads but breaks its recognizer is found too.
int FuzzRules(const uint8_t* data, size_t size);            // rules.json
int FuzzCatalog(const uint8_t* data, size_t size);          // catalog.json (+ bundled)
int FuzzMetrics(const uint8_t* data, size_t size);          // metrics.json
int FuzzQuantityLexicon(const uint8_t* data, size_t size);  // quantities.json
int FuzzStance(const uint8_t* data, size_t size);           // stance.json
int FuzzQuestionLexicon(const uint8_t* data, size_t size);  // questions.json
int FuzzPatterns(const uint8_t* data, size_t size);         // patterns.txt (RE2 rules)

// The question parser of `ask` over the bytes as a question.
int FuzzQuestion(const uint8_t* data, size_t size);

// The store's value decoders (stored document and stored claim) over the
// bytes. When a decode succeeds, its re-encoding must decode again and
// re-encode to the same bytes.
int FuzzStoredRecord(const uint8_t* data, size_t size);

// The store's key decoder. A key that decodes must re-encode to the same
// bytes; and the bytes split at '|' into components must encode to a key
// that decodes back to those components.
int FuzzKey(const uint8_t* data, size_t size);

// Every target by name ("quantity", "claims", ...: the directory names
// under tests/fuzz/regressions and the executables' fuzz_<name>).
struct FuzzTarget {
  std::string_view name;
  int (*run)(const uint8_t* data, size_t size);
};
inline constexpr FuzzTarget kFuzzTargets[] = {
    {"quantity", FuzzQuantity},
    {"claims", FuzzClaims},
    {"jsonl", FuzzJsonl},
    {"rules", FuzzRules},
    {"catalog", FuzzCatalog},
    {"metrics", FuzzMetrics},
    {"quantity_lexicon", FuzzQuantityLexicon},
    {"stance", FuzzStance},
    {"question_lexicon", FuzzQuestionLexicon},
    {"patterns", FuzzPatterns},
    {"question", FuzzQuestion},
    {"stored_record", FuzzStoredRecord},
    {"key", FuzzKey},
};

}  // namespace claimgraph::fuzz
