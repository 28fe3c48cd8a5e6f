// The text, document, question and store targets; the schema loaders are in
// fuzz_loaders.cc.
#include "tests/fuzz/fuzz_targets.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/date.h"
#include "engine/document_reader.h"
#include "engine/jsonl_document.h"
#include "engine/key_codec.h"
#include "engine/stored_codec.h"
#include "engine/utf8.h"
#include "extractors/claim_extractor.h"
#include "extractors/entity_catalog.h"
#include "extractors/number_parser.h"
#include "extractors/period_recognizer.h"
#include "extractors/quantity_lexicon.h"
#include "extractors/quantity_recognizer.h"
#include "extractors/question_parser.h"
#include "extractors/sentence_splitter.h"
#include "tests/fuzz/fuzz_check.h"

namespace claimgraph::fuzz {

namespace {

// Mentions lie inside the text, in text order, and cut valid UTF-8 text
// only between characters (their text is printed as JSON); an interval
// holds its amount; a period's dates are real days, start before end.
void CheckMentions(std::string_view target, const std::vector<Mention>& mentions,
                   std::string_view text) {
  const bool utf8 = FindInvalidUtf8(text) == std::string_view::npos;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    const std::string what = std::string(MentionTypeName(m.type)) + " mention " + std::to_string(i);
    CheckSpan(target, m.start, m.end, text.size(), what);
    if (utf8 && FindInvalidUtf8(m.Text(text)) != std::string_view::npos) {
      Fail(target, what + " cuts a UTF-8 character");
    }
    if (i > 0 && m.start < mentions[i - 1].start) Fail(target, what + " is out of text order");
    // docs/QUANTITIES.md: every qualifier's interval contains the amount.
    const Quantity& q = m.quantity;
    if (m.IsQuantity() && !(q.low <= q.amount && q.amount <= q.high)) {
      Fail(target, what + " has amount " + std::to_string(q.amount) + " outside [" +
                       std::to_string(q.low) + ", " + std::to_string(q.high) + "]");
    }
    const Period& p = m.period;
    for (const std::string* day : {&p.start, &p.end}) {
      if (!day->empty() && !Date::Parse(*day)) Fail(target, what + ": bad date \"" + *day + "\"");
    }
    if (!p.start.empty() && !p.end.empty() && p.end < p.start) {
      Fail(target, what + " ends (" + p.end + ") before it starts (" + p.start + ")");
    }
  }
}

void CheckUtf8(std::string_view s, const std::string& what) {
  if (FindInvalidUtf8(s) != std::string_view::npos) Fail("claims", what + " is not valid UTF-8");
}

void CheckValue(const std::optional<ClaimValue>& v, std::string_view text,
                const std::string& what) {
  if (!v) return;
  CheckSpan("claims", v->start, v->end, text.size(), what);
  CheckUtf8(text.substr(v->start, v->end - v->start), what + " span");
  CheckUtf8(v->text, what + " text");
  CheckUtf8(v->period_text, what + " period_text");
}

// A claim's spans lie inside the document, and every string it carries is
// valid UTF-8 (claims are printed as JSON, byte for byte).
void CheckClaim(const Claim& c, std::string_view text) {
  const std::string what = "claim " + c.rule;
  if (c.claim_id.empty()) Fail("claims", what + " without an id");
  CheckSpan("claims", c.evidence_start, c.evidence_end, text.size(), what + " evidence");
  // Evidence is one sentence, and sentences are bounded (sentence_splitter.h).
  if (c.evidence_end - c.evidence_start > kMaxSentenceBytes) {
    Fail("claims",
         what + " has " + std::to_string(c.evidence_end - c.evidence_start) + " bytes of evidence");
  }
  CheckValue(c.value, text, what + " value");
  CheckValue(c.prior, text, what + " prior");
  CheckValue(c.change, text, what + " change");
  for (const std::string* s : {&c.evidence_text, &c.subject.id, &c.subject.name, &c.comparator,
                               &c.label, &c.object.id, &c.object.name}) {
    CheckUtf8(*s, what + " field \"" + *s + "\"");
  }
  if (c.speaker) {
    CheckUtf8(c.speaker->name, what + " speaker name");
    CheckUtf8(c.speaker->role, what + " speaker role");
  }
}

// A scratch file the JSONL target rewrites for each input, removed at exit.
class ScratchFile {
 public:
  ScratchFile() {
    const char* dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    path_ = std::string(dir) + "/claimgraph-fuzz-XXXXXX.jsonl";
    int fd = mkstemps(path_.data(), 6);
    if (fd < 0) Fail("jsonl", "cannot create " + path_);
    close(fd);
  }
  ~ScratchFile() { std::remove(path_.c_str()); }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  const std::string& Write(std::string_view bytes) {
    std::FILE* f = std::fopen(path_.c_str(), "wb");
    if (f == nullptr || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() ||
        std::fclose(f) != 0) {
      Fail("jsonl", "cannot write " + path_);
    }
    return path_;
  }

 private:
  std::string path_;
};

// What DocumentReader promises about every document it returns.
void CheckAcceptedDocument(const Document& doc, const ReaderOptions& options) {
  const std::string& text = doc.text;
  if (doc.id.empty()) Fail("jsonl", "document without an id");
  if (text.size() > options.max_document_bytes) Fail("jsonl", "document over the limit");
  if (text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) Fail("jsonl", "empty document");
  if (text.find('\0') != std::string::npos) Fail("jsonl", "document with a NUL byte");
  if (FindInvalidUtf8(text) != std::string_view::npos) Fail("jsonl", "invalid UTF-8 accepted");
  CheckSpan("jsonl", 0, doc.prose_end, text.size(), "prose");
  for (const MetadataField& f : doc.metadata) {
    CheckSpan("jsonl", doc.prose_end, f.start, text.size(), "trailer start");
    CheckSpan("jsonl", f.start, f.end, text.size(), "trailer field " + f.label);
  }
}

// When `in` decodes, its re-encoding decodes and re-encodes to itself.
// Returns the decoded record.
template <typename Record>
std::optional<Record> CheckCanonical(std::string_view target, std::string_view in,
                                     Status (*decode)(std::string_view, Record*),
                                     void (*encode)(const Record&, std::string*)) {
  Record first;
  if (!decode(in, &first).ok()) return std::nullopt;
  std::string once;
  encode(first, &once);
  Record second;
  Status s = decode(once, &second);
  if (!s.ok()) Fail(target, "re-encoding does not decode: " + s.ToString());
  std::string twice;
  encode(second, &twice);
  if (once != twice) Fail(target, "re-encoding is not stable");
  return first;
}

}  // namespace

int FuzzQuantity(const uint8_t* data, size_t size) {
  static const QuantityLexicon* lexicon = [] {
    auto parsed = QuantityLexicon::Parse(SchemaText("quantities.json"), "quantities.json");
    if (!parsed.ok()) Fail("setup", parsed.status().ToString());
    return new QuantityLexicon(std::move(parsed).value());
  }();
  static const QuantityRecognizer* quantities = [] {
    auto created = QuantityRecognizer::Create(*lexicon, Numbers());
    if (!created.ok()) Fail("setup", created.status().ToString());
    return std::move(created).value().release();
  }();
  static const PeriodRecognizer* periods = new PeriodRecognizer(Numbers());

  std::string published;
  std::string_view text = SplitPublished(AsText(data, size), &published);
  std::vector<Mention> mentions;
  quantities->Recognize(text, &mentions);
  CheckMentions("quantity", mentions, text);
  mentions.clear();
  periods->Recognize(text, Date::Parse(published), &mentions);
  CheckMentions("period", mentions, text);
  return 0;
}

int FuzzClaims(const uint8_t* data, size_t size) {
  static const ClaimExtractor* extractor = [] {
    ExtractorOptions options;
    options.schema_dir = CLAIMGRAPH_FUZZ_SCHEMA_DIR;
    auto created = ClaimExtractor::Create(options);
    if (!created.ok()) Fail("setup", created.status().ToString());
    return std::move(created).value().release();
  }();
  Document doc;
  doc.id = "fuzz";
  doc.text = SplitPublished(AsText(data, size), &doc.published);
  if (!FinishDocument(ReaderOptions(), &doc).ok()) return 0;  // the reader would refuse it
  for (const Claim& c : extractor->Extract(doc)) CheckClaim(c, doc.text);
  return 0;
}

// The one-pass JSONL decoder and nlohmann's agree on `line`.
void CheckJsonlDecoders(std::string_view line) {
  Document fast, reference;
  const Status a = ParseJsonlDocument(line, &fast);
  const Status b = internal::ParseJsonlDocumentReference(line, &reference);
  if (a.code() != b.code() || a.message() != b.message() || fast.id != reference.id ||
      fast.text != reference.text || fast.source != reference.source ||
      fast.published != reference.published || fast.url != reference.url ||
      fast.title != reference.title) {
    Fail("jsonl", "the one-pass decoder and nlohmann's disagree on a line");
  }
}

int FuzzJsonl(const uint8_t* data, size_t size) {
  for (std::string_view rest = AsText(data, size); !rest.empty();) {
    const size_t end = std::min(rest.find('\n'), rest.size());
    CheckJsonlDecoders(rest.substr(0, end));
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  static ScratchFile scratch;
  ReaderOptions options;
  options.format = InputFormat::kJsonl;
  options.max_document_bytes = 4096;  // small, so inputs can cross it
  DocumentReader reader({scratch.Write(AsText(data, size))}, options);
  Document doc;
  ReadError error;
  // Each line yields at most one outcome, so more than that is a loop.
  for (size_t outcomes = 0;; ++outcomes) {
    if (outcomes > size + 1) Fail("jsonl", "reader does not reach the end");
    DocumentReader::Outcome o = reader.Next(&doc, &error);
    if (o == DocumentReader::Outcome::kEnd) break;
    if (o == DocumentReader::Outcome::kDocument) CheckAcceptedDocument(doc, options);
  }
  return 0;
}

int FuzzQuestion(const uint8_t* data, size_t size) {
  static const QuestionParser* parser = [] {
    auto created = QuestionParser::Create(CLAIMGRAPH_FUZZ_SCHEMA_DIR, &BundledCatalog());
    if (!created.ok()) Fail("setup", created.status().ToString());
    return std::move(created).value().release();
  }();
  const std::string_view question = AsText(data, size);
  ParsedQuestion q = parser->Parse(question);
  for (const std::string& id : q.entities) {
    if (BundledCatalog().Find(id) == nullptr) Fail("question", "unknown entity id " + id);
  }
  // `ask` prints the words it did not understand, as written.
  if (FindInvalidUtf8(question) == std::string_view::npos) {
    for (const std::string& word : q.unknown) {
      if (FindInvalidUtf8(word) != std::string_view::npos) {
        Fail("question", "unknown word \"" + word + "\" cuts a UTF-8 character");
      }
    }
  }
  return 0;
}

int FuzzStoredRecord(const uint8_t* data, size_t size) {
  std::string_view in = AsText(data, size);
  auto stored = CheckCanonical<StoredDocument>("stored_record", in, DecodeStoredDocument,
                                               EncodeStoredDocument);
  if (stored) {
    // Readers slice the text with these offsets (rebuild re-extracts a
    // stored document, and trailer claims cut their field out of the text).
    const Document& d = stored->doc;
    CheckSpan("stored_record", 0, d.prose_end, d.text.size(), "prose");
    for (const MetadataField& f : d.metadata) {
      CheckSpan("stored_record", f.start, f.end, d.text.size(), "metadata field");
    }
  }
  CheckCanonical<StoredClaim>("stored_record", in, DecodeStoredClaim, EncodeStoredClaim);
  return 0;
}

int FuzzKey(const uint8_t* data, size_t size) {
  std::string_view in = AsText(data, size);
  if (auto parts = DecodeKey(in)) {
    std::string again;
    for (const std::string& p : *parts) AppendKeyComponent(p, &again);
    if (again != in) Fail("key", "a decoded key does not re-encode to itself");
  }
  std::vector<std::string> components;
  std::string key;
  for (size_t start = 0;;) {
    size_t bar = in.find('|', start);
    components.emplace_back(in.substr(start, bar == std::string_view::npos ? bar : bar - start));
    AppendKeyComponent(components.back(), &key);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  auto back = DecodeKey(key);
  if (!back || *back != components) Fail("key", "an encoded key does not decode to its parts");
  return 0;
}

}  // namespace claimgraph::fuzz
