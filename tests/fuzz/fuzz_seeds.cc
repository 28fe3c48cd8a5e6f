#include "tests/fuzz/fuzz_seeds.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string_view>

#include "engine/document_reader.h"
#include "engine/key_codec.h"
#include "engine/line_reader.h"
#include "engine/stored_codec.h"
#include "extractors/claim_extractor.h"

namespace claimgraph::fuzz {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr size_t kMaxFileBytes = size_t{16} << 20;
// Claims are plentiful; a few per document keep the store seeds varied
// without thousands of near-identical files.
constexpr size_t kClaimsPerDocument = 12;

class SeedMaker {
 public:
  explicit SeedMaker(std::string source_dir) : root_(std::move(source_dir)) {}

  Status Make() {
    Status s = CaseSeeds();
    if (s.ok()) s = SchemaSeeds();
    if (s.ok()) s = QuestionSeeds();
    if (s.ok()) s = DocumentSeeds();
    return s;
  }

  std::vector<FuzzSeed>& seeds() { return seeds_; }

 private:
  void Add(std::string target, std::string name, std::string bytes) {
    seeds_.push_back({std::move(target), std::move(name), std::move(bytes)});
  }

  Status Read(const std::string& relative, std::string* out) const {
    return ReadWholeFile(root_ + "/" + relative, kMaxFileBytes, out);
  }

  // Calls fn(object, line index) for each JSON object line of the file.
  template <typename Fn>
  Status ForEachCase(const std::string& relative, Fn fn) const {
    std::string text;
    Status s = Read(relative, &text);
    size_t index = 0;
    for (size_t start = 0; s.ok() && start < text.size(); ++index) {
      size_t nl = std::min(text.find('\n', start), text.size());
      json line = json::parse(text.begin() + static_cast<std::ptrdiff_t>(start),
                              text.begin() + static_cast<std::ptrdiff_t>(nl), nullptr, false);
      start = nl + 1;
      if (line.is_discarded() || !line.is_object()) {
        return Status::InvalidArgument(relative + ": line " + std::to_string(index + 1));
      }
      fn(line, index);
    }
    return s;
  }

  static std::string Str(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : "";
  }

  Status CaseSeeds() {
    for (const char* name : {"quantities", "periods", "claims", "stance"}) {
      const std::string file = std::string("corpus/cases/") + name + ".jsonl";
      std::string whole;
      Status s = Read(file, &whole);
      if (!s.ok()) return s;
      Add("jsonl", std::string(name) + ".jsonl", whole);
      s = ForEachCase(file, [&](const json& c, size_t i) {
        std::string published = Str(c, "published");
        std::string text =
            (published.empty() ? "" : published.substr(0, 10) + "\n") + Str(c, "text");
        const std::string seed = std::string(name) + "_" + std::to_string(i);
        Add("quantity", seed, text);
        Add("claims", seed, text);
      });
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  Status SchemaSeeds() {
    for (auto [target, file] : {std::pair{"rules", "rules.json"},
                                {"catalog", "catalog.json"},
                                {"metrics", "metrics.json"},
                                {"quantity_lexicon", "quantities.json"},
                                {"stance", "stance.json"},
                                {"question_lexicon", "questions.json"},
                                {"patterns", "patterns.txt"}}) {
      std::string text;
      Status s = Read(std::string("schemas/") + file, &text);
      if (!s.ok()) return s;
      Add(target, file, text);
    }
    return Status::OK();
  }

  Status QuestionSeeds() {
    Status s = ForEachCase("corpus/cases/questions.jsonl", [&](const json& c, size_t i) {
      Add("question", "questions_" + std::to_string(i), Str(c, "question"));
    });
    std::string test;
    if (s.ok()) s = Read("tests/extractors/question_parser_test.cc", &test);
    // The literal questions of the unit test; those with C escapes are left
    // out rather than unescaped here.
    constexpr std::string_view kAsk = "Ask(\"";
    size_t count = 0;
    for (size_t at = test.find(kAsk); s.ok() && at != std::string::npos;
         at = test.find(kAsk, at + 1)) {
      size_t start = at + kAsk.size();
      size_t end = test.find('"', start);
      if (end == std::string::npos) break;
      std::string_view q(test.data() + start, end - start);
      if (q.find('\\') == std::string_view::npos) {
        Add("question", "test_question_" + std::to_string(count++), std::string(q));
      }
    }
    return s;
  }

  // Documents of corpus/articles and corpus/conflicts, their encodings, and
  // the encodings and index keys of their claims.
  Status DocumentSeeds() {
    ExtractorOptions options;
    options.schema_dir = root_ + "/schemas";
    auto extractor = ClaimExtractor::Create(options);
    if (!extractor.ok()) return extractor.status();
    std::vector<std::string> conflicts;
    for (const auto& entry : fs::directory_iterator(root_ + "/corpus/conflicts")) {
      std::string file = entry.path().string();
      if (file.ends_with(".jsonl") && !file.ends_with("expected.jsonl")) conflicts.push_back(file);
    }
    std::sort(conflicts.begin(), conflicts.end());
    std::vector<std::string> inputs = {root_ + "/corpus/articles"};
    inputs.insert(inputs.end(), conflicts.begin(), conflicts.end());
    DocumentReader reader(inputs, ReaderOptions());
    Document doc;
    ReadError error;
    for (DocumentReader::Outcome o;
         (o = reader.Next(&doc, &error)) != DocumentReader::Outcome::kEnd;) {
      if (o == DocumentReader::Outcome::kError) return error.status;
      std::string name = fs::path(doc.id).filename().string();
      std::string published = doc.published.size() >= 10 ? doc.published.substr(0, 10) + "\n" : "";
      Add("claims", "doc_" + name, published + doc.text);
      AddStoreSeeds(name, doc, (*extractor)->Extract(doc), (*extractor)->ruleset());
    }
    for (const std::string& file : conflicts) {
      std::string text;
      Status s = ReadWholeFile(file, kMaxFileBytes, &text);
      if (!s.ok()) return s;
      Add("jsonl", fs::path(file).filename().string(), text);
    }
    Add("stored_record", "empty_document", Encoded(StoredDocument()));
    Add("stored_record", "empty_claim", Encoded(StoredClaim()));
    return Status::OK();
  }

  static std::string Encoded(const StoredDocument& d) {
    std::string out;
    EncodeStoredDocument(d, &out);
    return out;
  }
  static std::string Encoded(const StoredClaim& c) {
    std::string out;
    EncodeStoredClaim(c, &out);
    return out;
  }

  void AddStoreSeeds(const std::string& name, const Document& doc, const std::vector<Claim>& claims,
                     const std::string& ruleset) {
    StoredDocument stored{doc, ContentHash(doc), ruleset, claims.size(), 1767225600};
    Add("stored_record", "document_" + name, Encoded(stored));
    for (size_t i = 0; i < claims.size() && i < kClaimsPerDocument; ++i) {
      StoredClaim sc{claims[i], doc.source, doc.published, doc.title};
      const std::string seed = name + "_" + std::to_string(i);
      Add("stored_record", "claim_" + seed, Encoded(sc));
      for (ClaimIndex index : kAllClaimIndexes) {
        std::vector<std::string> keys;
        AppendClaimIndexKeys(index, claims[i], doc.source, doc.published, &keys);
        for (size_t k = 0; k < keys.size(); ++k) {
          Add("key", std::string(ClaimIndexName(index)) + "_" + seed + "_" + std::to_string(k),
              keys[k]);
        }
      }
      // FuzzKey also reads its input as '|'-separated components.
      Add("key", "parts_" + seed,
          claims[i].subject.id + "|" + std::string(IndexDate(doc.published)) + "|" +
              claims[i].claim_id);
    }
  }

  std::string root_;
  std::vector<FuzzSeed> seeds_;
};

}  // namespace

Result<std::vector<FuzzSeed>> MakeFuzzSeeds(const std::string& source_dir) {
  SeedMaker maker(source_dir);
  Status s = maker.Make();
  if (!s.ok()) return s;
  return std::move(maker.seeds());
}

}  // namespace claimgraph::fuzz
