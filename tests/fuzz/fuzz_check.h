// Shared by the fuzz target files: failing loudly, span checks, the schema
// directory and the objects built from it once per process. Internal to
// tests/fuzz.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/document.h"
#include "engine/entity.h"

namespace claimgraph {
class EntityCatalog;
class EntityRecognizer;
class NumberParser;
}  // namespace claimgraph

namespace claimgraph::fuzz {

// Prints "fuzz <target>: <what>" and aborts, so libFuzzer keeps the input.
[[noreturn]] void Fail(std::string_view target, const std::string& what);

// Fails unless start <= end <= size; `what` names the span.
void CheckSpan(std::string_view target, size_t start, size_t end, size_t size,
               const std::string& what);

std::string_view AsText(const uint8_t* data, size_t size);

// Text after an optional first line "YYYY-MM-DD\n" (see fuzz_targets.h);
// *published is that date, or empty.
std::string_view SplitPublished(std::string_view input, std::string* published);

// The contents of <schemas>/<name>; aborts when it cannot be read.
std::string SchemaText(const std::string& name);

// Built once from the bundled schemas and never destroyed (objects built
// from them may still be in use at exit); abort when they do not load.
const EntityCatalog& BundledCatalog();
const EntityRecognizer& BundledEntities();
const NumberParser& Numbers();

// A text that exercises every recognizer: entities, a person, money,
// percentages, periods, metric phrases, cue words, a relation, and UTF-8
// (a curly apostrophe, the euro sign).
inline constexpr std::string_view kSampleText =
    "Amazon CEO Andy Jassy said AWS revenue rose 20% to $33 billion in the third quarter of "
    "2025 from $27.5 billion a year earlier, and Anthropic runs on Trainium. Nvidia expects "
    "gross margins of about 75% next year, which analysts would not call weak; it is sold "
    "out through 2026. Nokia\xE2\x80\x99s sales fell to \xE2\x82\xAC"
    "2.1 bn.";

// The entity mentions of kSampleText, as pointers (RelationExtractor::Find).
const std::vector<const EntityMention*>& SampleEntities();

}  // namespace claimgraph::fuzz
