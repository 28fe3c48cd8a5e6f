#include "tests/fuzz/fuzz_check.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "engine/date.h"
#include "engine/line_reader.h"
#include "extractors/entity_catalog.h"
#include "extractors/entity_recognizer.h"
#include "extractors/number_parser.h"

namespace claimgraph::fuzz {

void Fail(std::string_view target, const std::string& what) {
  std::fprintf(stderr, "fuzz %.*s: %s\n", static_cast<int>(target.size()), target.data(),
               what.c_str());
  std::abort();
}

void CheckSpan(std::string_view target, size_t start, size_t end, size_t size,
               const std::string& what) {
  if (start <= end && end <= size) return;
  Fail(target, what + " [" + std::to_string(start) + ", " + std::to_string(end) +
                   ") is not inside the text of " + std::to_string(size) + " bytes");
}

std::string_view AsText(const uint8_t* data, size_t size) {
  // libFuzzer passes a null pointer for the empty input.
  return size == 0 ? std::string_view()
                   : std::string_view(reinterpret_cast<const char*>(data), size);
}

std::string_view SplitPublished(std::string_view input, std::string* published) {
  published->clear();
  if (input.size() < 11 || input[10] != '\n') return input;
  std::string_view date = input.substr(0, 10);
  if (!Date::Parse(date)) return input;
  published->assign(date);
  return input.substr(11);
}

std::string SchemaText(const std::string& name) {
  const std::string path = std::string(CLAIMGRAPH_FUZZ_SCHEMA_DIR) + "/" + name;
  std::string text;
  Status s = ReadWholeFile(path, size_t{64} << 20, &text);
  if (!s.ok()) Fail("setup", s.ToString());
  return text;
}

const EntityCatalog& BundledCatalog() {
  static const EntityCatalog* catalog = [] {
    auto* c = new EntityCatalog();
    Status s = c->AddJson(SchemaText("catalog.json"), "catalog.json");
    if (!s.ok()) Fail("setup", s.ToString());
    return c;
  }();
  return *catalog;
}

const EntityRecognizer& BundledEntities() {
  static const EntityRecognizer* recognizer = [] {
    auto created = EntityRecognizer::Create(BundledCatalog());
    if (!created.ok()) Fail("setup", created.status().ToString());
    return std::move(created).value().release();
  }();
  return *recognizer;
}

const NumberParser& Numbers() {
  static const NumberParser* numbers = new NumberParser();
  return *numbers;
}

const std::vector<const EntityMention*>& SampleEntities() {
  static const std::vector<EntityMention> mentions = BundledEntities().Recognize(kSampleText);
  static const std::vector<const EntityMention*> pointers = [] {
    std::vector<const EntityMention*> out;
    for (const EntityMention& m : mentions) out.push_back(&m);
    return out;
  }();
  return pointers;
}

}  // namespace claimgraph::fuzz
