// PatternRules: an analyst's regular-expression rules (schemas/patterns.txt),
// for what a phrase list cannot say: "FCF" only in capitals, "if it were spun
// off" with any subject. Compiled with RE2, so matching takes time linear in
// the text whatever the pattern: no rule, however written, can make
// extraction backtrack.
//
// One rule per line; blank lines and lines starting with '#' are skipped:
//
//   metric    free_cash_flow   \bFCF\b
//   modality  hypothetical     (?i)\bif (?:it|the unit) were (?:sold|spun off)\b
//
// The first field is the kind, the second its label (a metric id of
// metrics.json; or a modality: hypothetical, conditional, guidance, target,
// estimate, forecast, opinion), the rest of the line is the RE2 pattern
// (https://github.com/google/re2/wiki/Syntax). When the pattern has a
// capturing group, group 1 is the matched span, else the whole match.
//
// A file loads whole or not at all: an invalid pattern, an unknown kind,
// metric or modality, a pattern that matches the empty string or one too
// large to compile is an error naming the file and line.
//
// Thread safety: immutable once built; share freely.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/claim.h"
#include "engine/status.h"

namespace re2 {
class RE2;
}

namespace claimgraph {

class MetricLexicon;

enum class PatternKind { kMetric, kModality };

struct PatternRule {
  PatternKind kind = PatternKind::kMetric;
  std::string label;                        // the metric id or the modality's name
  Modality modality = Modality::kReported;  // kModality rules only
  int line = 0;                             // in the file it came from
  std::shared_ptr<const re2::RE2> re;
};

struct PatternMatch {
  size_t start = 0;  // byte offsets, end-exclusive
  size_t end = 0;
  const PatternRule* rule = nullptr;
};

class PatternRules {
 public:
  // A pattern longer than this is refused (a rule is a phrase, not a program).
  static constexpr size_t kMaxPatternBytes = 4096;

  PatternRules();
  ~PatternRules();
  PatternRules(PatternRules&&) noexcept;
  PatternRules& operator=(PatternRules&&) noexcept;

  // Parses rules text; errors read "<origin>:<line>: ...". Metric labels are
  // checked against `metrics`.
  static Result<PatternRules> Parse(std::string_view text, std::string_view origin,
                                    const MetricLexicon& metrics);
  // Reads and parses the file at `path`; its name is the errors' origin.
  static Result<PatternRules> Load(const std::string& path, const MetricLexicon& metrics);

  const std::vector<PatternRule>& rules() const { return rules_; }
  bool Has(PatternKind kind) const;

  // Which rules can match somewhere in `text`: rules()[i] cannot when [i]
  // is false. When every rule requires literals (RE2's FilteredRE2 atoms)
  // and all of them are ASCII and at least 4 bytes long, a scan for those
  // literals decides (a superset: a rule whose literals occur may still not
  // match); otherwise one pass of every pattern at once (RE2::Set). All
  // true when the set cannot tell (its memory ran out).
  std::vector<bool> MayMatch(std::string_view text) const;

  // Whether MayMatch scans for literals (see above) rather than running the
  // set. For tests and diagnostics.
  bool UsesLiteralScan() const;

  // Every match in `text` of the rules of `kind`, ordered by start (then by
  // rule). A rule's own matches do not overlap; different rules' may.
  // `may_match`, when given, is MayMatch(text): the rules it rules out are
  // not run, and the result is the same.
  std::vector<PatternMatch> FindAll(PatternKind kind, std::string_view text,
                                    const std::vector<bool>* may_match = nullptr) const;

 private:
  struct Prefilter;  // the RE2::Set of every rule's pattern, and their literals

  std::vector<PatternRule> rules_;
  std::shared_ptr<const Prefilter> prefilter_;  // null when the set did not compile
};

}  // namespace claimgraph
