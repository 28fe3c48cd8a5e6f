// The words a question is made of, for QuestionParser. Internal to
// extractors/.
//   - TokenizeQuestion: the tokenizer questions and phrases share;
//   - QuestionPeriods: period and date expressions ("Q3 2025", "FY2025");
//   - QuestionLexicon: the vocabulary (stop words, topics and what they
//     expand to, modality words, cue words before dates, sources and
//     limits), loaded from schemas/questions.json (format in
//     schemas/README.md).
//
// Thread safety: the functions are pure; QuestionPeriods and
// QuestionLexicon are immutable once built; share them freely.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/claim.h"
#include "engine/status.h"

namespace claimgraph {

class EntityCatalog;
class MetricLexicon;
class NumberParser;
class PeriodRecognizer;

// One word of a question as written, without surrounding punctuation and
// possessive ("Amazon's?" -> "Amazon"), and its lookup key (ASCII lower
// case: "amazon"). Inner punctuation stays ("Amazon.com", "2026-01-01",
// "r&d", "AMZN/aws").
struct QuestionToken {
  std::string text;
  std::string key;
  size_t start = 0;  // byte offsets of `text` in the question
  size_t end = 0;
};

// Splits at white space and , ; ? ! ( ) [ ] { } "; other punctuation
// (curly quotes too) is trimmed from a token's ends. Drops tokens with no
// letter or digit.
std::vector<QuestionToken> TokenizeQuestion(std::string_view text);

// The tokens' keys joined by single spaces: how phrases are looked up
// ("Amazon Web Services" -> "amazon web services").
std::string PhraseKey(const std::vector<QuestionToken>& tokens, size_t start, size_t count);

// A period or range of dates a question names: tokens [i, i + tokens).
struct QuestionPeriod {
  // ClaimQuery::period form ("2025", "2025-Q3", "2025-H1", "2025-07",
  // "FY2025", "FY2025-Q3"); empty for a day or a span of dates.
  std::string key;
  std::string start;  // "YYYY-MM-DD"; empty for fiscal periods (their dates depend on the company)
  std::string end;
  size_t tokens = 0;
};

// Finds the periods of a question with the PeriodRecognizer documents use,
// run on a copy whose words are capitalized (questions are often typed in
// lower case: "july 2025"), plus period keys typed as such ("2025-Q3",
// "FY2025-Q3", "2025-07"). Relative periods ("last year") and periods
// without a year ("Q3") are left out. Thread-safe once built.
class QuestionPeriods {
 public:
  QuestionPeriods();
  ~QuestionPeriods();
  QuestionPeriods(const QuestionPeriods&) = delete;
  QuestionPeriods& operator=(const QuestionPeriods&) = delete;

  // Element i: the period starting at tokens[i], when one starts there and
  // ends at a token's end. REQUIRES: tokens == TokenizeQuestion(question).
  std::vector<std::optional<QuestionPeriod>> Find(std::string_view question,
                                                  const std::vector<QuestionToken>& tokens) const;

 private:
  std::unique_ptr<NumberParser> numbers_;
  std::unique_ptr<PeriodRecognizer> recognizer_;
};

struct QuestionTopic {
  std::string name;                         // "chips"
  std::vector<std::string> metrics;         // metric ids, families expanded
  std::vector<std::string> categories;      // product categories
  std::vector<std::string> evidence_words;  // lower-case single words
  std::vector<Modality> modalities;
};

enum class QuestionRole {
  // What a phrase means wherever it stands; a phrase has at most one.
  kStop,
  kTopic,     // index: topics()[index]
  kModality,  // index: static_cast<int>(Modality)
  kSpeech,    // "say", "claim": the entity's people count as speakers
  // What a phrase means only before a date, a source or a number.
  kSince,   // "since", "from": inclusive lower bound
  kAfter,   // "after": exclusive lower bound
  kUntil,   // "until", "through", "to": inclusive upper bound
  kBefore,  // "before": exclusive upper bound
  kSourceCue,
  kLimitCue,
  kSource,  // index: sources()[index]
};

// True for the roles of the first group.
inline bool IsMeaning(QuestionRole role) {
  return role == QuestionRole::kStop || role == QuestionRole::kTopic ||
         role == QuestionRole::kModality || role == QuestionRole::kSpeech;
}

struct QuestionWord {
  QuestionRole role = QuestionRole::kStop;
  int index = 0;
};

class QuestionLexicon {
 public:
  // Reads <schema_dir>/questions.json and the metric ids and families of
  // <schema_dir>/metrics.json. A topic's categories must each be used by a
  // catalog product. Errors name the file and field ("questions.json:
  // topics[2].metric_families[0]: "marginz" is not a family of metrics.json").
  static Result<QuestionLexicon> Load(const std::string& schema_dir, const EntityCatalog& catalog);
  // The same from the text of a questions.json; `origin` names it in errors.
  // `metrics` and `catalog` are only read during the call.
  static Result<QuestionLexicon> Parse(std::string_view json_text, std::string_view origin,
                                       const MetricLexicon& metrics, const EntityCatalog& catalog);

  // The roles of a phrase key (PhraseKey); nullptr when it has none.
  const std::vector<QuestionWord>* Find(std::string_view key) const;
  // The longest phrase, in tokens.
  size_t max_words() const { return max_words_; }
  const std::vector<QuestionTopic>& topics() const { return topics_; }
  const std::vector<std::string>& sources() const { return sources_; }

 private:
  friend class QuestionLexiconBuilder;
  std::map<std::string, std::vector<QuestionWord>, std::less<>> words_;
  size_t max_words_ = 1;
  std::vector<QuestionTopic> topics_;
  std::vector<std::string> sources_;
};

// The term vocabulary of a schema directory: every evidence word of the
// topics of <schema_dir>/questions.json, sorted, each once; empty when there
// is no questions.json. The extractor records which of them each claim's
// evidence holds (Claim::terms), so that a search for "AMZN chips" reads
// the by_term index instead of every Amazon claim. Reads only the evidence
// words; errors name the file and field.
Result<std::vector<std::string>> LoadTermVocabulary(const std::string& schema_dir);

}  // namespace claimgraph
