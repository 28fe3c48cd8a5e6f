// MetricLexicon: canonical financial metrics and the phrases that name them,
// loaded from schemas/metrics.json (documented in schemas/README.md), and
// MetricRecognizer, which finds those phrases in text.
//
//   "net sales", "turnover", "revenues"     -> revenue
//   "operating loss"                        -> operating_profit, sign -1
//   "annualized run rate"                   -> revenue_run_rate
//   "remaining performance obligations"     -> backlog
//
// Thread safety: both are immutable once built; share freely.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"

namespace claimgraph {

struct MetricSynonym {
  std::string phrase;  // "operating loss"
  int sign = 1;        // -1 when the phrase names the negative side (a loss)
};

struct MetricDef {
  std::string id;      // "operating_profit"
  std::string name;    // "Operating profit"
  std::string kind;    // "money", "percent", "ratio", "count", "multiple"
  std::string family;  // topic family for questions: "margins", "cash_flow", "backlog", "guidance",
                       // "growth", "valuation", ...
  std::string description;  // one sentence for people
  std::vector<MetricSynonym> synonyms;
  // Values add up over a company's segments and products and are never
  // negative (revenue, backlog, capex), so a company's value is at least any
  // part's. From the optional "additive" key; false when absent.
  bool additive = false;
};

struct MetricMention {
  size_t start = 0;  // byte offsets, end-exclusive
  size_t end = 0;
  std::string metric_id;
  int sign = 1;  // from the synonym: "net loss" -> -1
};

class MetricLexicon {
 public:
  // Parses the lexicon JSON; errors name `origin` and the field.
  static Result<MetricLexicon> Parse(std::string_view json_text, std::string_view origin);
  static Result<MetricLexicon> Load(const std::string& path);

  const std::vector<MetricDef>& metrics() const { return metrics_; }
  const MetricDef* Find(std::string_view id) const;

 private:
  std::vector<MetricDef> metrics_;
};

class MetricRecognizer {
 public:
  // REQUIRES: lexicon outlives the recognizer.
  static Result<std::unique_ptr<MetricRecognizer>> Create(const MetricLexicon& lexicon);
  ~MetricRecognizer();
  MetricRecognizer(const MetricRecognizer&) = delete;
  MetricRecognizer& operator=(const MetricRecognizer&) = delete;

  // Every metric phrase in text, longest match first, sorted by start,
  // non-overlapping, case-insensitive, at word boundaries.
  std::vector<MetricMention> Recognize(std::string_view text) const;

 private:
  MetricRecognizer();
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace claimgraph
