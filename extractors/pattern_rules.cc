#include "extractors/pattern_rules.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <utility>

#include "engine/line_reader.h"
#include "engine/utf8.h"
#include "extractors/ascii.h"
#include "extractors/literal_scan.h"
#include "extractors/metric_lexicon.h"

namespace claimgraph {

namespace {

// The modalities a rule may assign, in the order ModalityOf ranks them.
constexpr std::array<Modality, 7> kRuleModalities = {
    Modality::kHypothetical, Modality::kConditional, Modality::kGuidance, Modality::kTarget,
    Modality::kEstimate,     Modality::kForecast,    Modality::kOpinion};

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// Splits off the first whitespace-delimited field of *rest.
std::string_view NextField(std::string_view* rest) {
  std::string_view s = Trim(*rest);
  size_t n = 0;
  while (n < s.size() && !IsBlank(s[n])) ++n;
  *rest = s.substr(n);
  return s.substr(0, n);
}

std::string ModalityChoices() {
  std::string out;
  for (Modality m : kRuleModalities) {
    if (!out.empty()) out += ", ";
    out += ModalityName(m);
  }
  return out;
}

// Parses one non-comment line into *rule; the error lacks the location.
std::string ParseLine(std::string_view line, const MetricLexicon& metrics, PatternRule* rule) {
  std::string_view rest = line;
  const std::string_view kind = NextField(&rest);
  const std::string_view label = NextField(&rest);
  const std::string_view pattern = Trim(rest);
  if (kind == "metric") {
    rule->kind = PatternKind::kMetric;
    if (label.empty()) return "a metric rule needs a metric id and a pattern";
    if (metrics.Find(label) == nullptr) {
      return "unknown metric '" + std::string(label) + "' (not an id in metrics.json)";
    }
  } else if (kind == "modality") {
    rule->kind = PatternKind::kModality;
    if (label.empty()) return "a modality rule needs a modality and a pattern";
    auto it = std::find_if(kRuleModalities.begin(), kRuleModalities.end(),
                           [&](Modality m) { return ModalityName(m) == label; });
    if (it == kRuleModalities.end()) {
      return "unknown modality '" + std::string(label) + "' (one of " + ModalityChoices() + ")";
    }
    rule->modality = *it;
  } else {
    return "unknown rule kind '" + std::string(kind) + "' (metric or modality)";
  }
  rule->label = std::string(label);
  if (pattern.empty()) return "the rule has no pattern after '" + std::string(label) + "'";
  if (pattern.size() > PatternRules::kMaxPatternBytes) {
    return "the pattern is " + std::to_string(pattern.size()) + " bytes, more than the limit of " +
           std::to_string(PatternRules::kMaxPatternBytes);
  }
  RE2::Options options;
  options.set_log_errors(false);  // the error is returned, not printed
  auto re = std::make_shared<const RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re->ok()) return "invalid pattern '" + std::string(pattern) + "': " + re->error();
  if (RE2::FullMatch("", *re)) {
    return "the pattern '" + std::string(pattern) +
           "' matches the empty string, so it would match everywhere";
  }
  rule->re = std::move(re);
  return {};
}

}  // namespace

// Which rules may match a text, decided in one of two ways:
// - The literals every match of a rule contains (RE2's FilteredRE2 "atoms",
//   e.g. "took in" or "spun off"), found by LiteralScan, name the rules that
//   may match; a rule without such literals always may. FindAll then runs
//   those rules, so a literal found in text the rule does not match costs a
//   regex pass, never a wrong answer.
// - Otherwise one RE2::Set pass of every pattern decides exactly.
struct PatternRules::Prefilter {
  explicit Prefilter(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
  std::unique_ptr<re2::FilteredRE2> filtered;  // null: the set decides alone
  LiteralScan literals;
};

PatternRules::PatternRules() = default;
PatternRules::~PatternRules() = default;
PatternRules::PatternRules(PatternRules&&) noexcept = default;
PatternRules& PatternRules::operator=(PatternRules&&) noexcept = default;

Result<PatternRules> PatternRules::Parse(std::string_view text, std::string_view origin,
                                         const MetricLexicon& metrics) {
  PatternRules out;
  int line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    const std::string where = std::string(origin) + ":" + std::to_string(line_no) + ": ";
    if (FindInvalidUtf8(line) != std::string_view::npos)
      return Status::InvalidArgument(where + "not valid UTF-8");
    if (line.find('\0') != std::string_view::npos) {
      return Status::InvalidArgument(where + "a NUL byte");
    }
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    PatternRule rule;
    rule.line = line_no;
    std::string error = ParseLine(line, metrics, &rule);
    if (!error.empty()) return Status::InvalidArgument(where + error);
    out.rules_.push_back(std::move(rule));
  }
  // Every pattern compiled alone above, so each is added; a set too large
  // to compile only leaves FindAll running every rule.
  RE2::Options options;
  options.set_log_errors(false);
  auto prefilter = std::make_shared<Prefilter>(options);
  bool added = true;
  for (const PatternRule& rule : out.rules_) {
    added = added && prefilter->set.Add(rule.re->pattern(), nullptr) >= 0;
  }
  if (added && !out.rules_.empty() && prefilter->set.Compile()) {
    // Literals of 4 bytes or more: shorter ones would match too often to
    // filter anything.
    auto filtered = std::make_unique<re2::FilteredRE2>(4);
    bool same_ids = true;
    for (size_t i = 0; i < out.rules_.size(); ++i) {
      int id = -1;
      same_ids = same_ids &&
                 filtered->Add(out.rules_[i].re->pattern(), options, &id) == RE2::NoError &&
                 id == static_cast<int>(i);
    }
    std::vector<std::string> literals;
    std::vector<int> unfiltered;
    if (same_ids) {
      filtered->Compile(&literals);
      // A rule with no such literal would pass every text and cost a regex
      // pass of its own: then the one set pass is cheaper.
      filtered->AllPotentials({}, &unfiltered);
    }
    if (same_ids && unfiltered.empty() && prefilter->literals.Build(literals)) {
      prefilter->filtered = std::move(filtered);
    }
    out.prefilter_ = std::move(prefilter);
  }
  return out;
}

Result<PatternRules> PatternRules::Load(const std::string& path, const MetricLexicon& metrics) {
  std::string bytes;
  Status s = ReadWholeFile(path, size_t{16} << 20, &bytes);
  if (!s.ok()) return s;
  return Parse(bytes, path, metrics);
}

bool PatternRules::UsesLiteralScan() const {
  return prefilter_ != nullptr && prefilter_->filtered != nullptr;
}

bool PatternRules::Has(PatternKind kind) const {
  return std::any_of(rules_.begin(), rules_.end(),
                     [kind](const PatternRule& r) { return r.kind == kind; });
}

std::vector<bool> PatternRules::MayMatch(std::string_view text) const {
  std::vector<bool> may(rules_.size(), prefilter_ == nullptr);
  if (prefilter_ == nullptr) return may;
  std::vector<int> matched;
  if (prefilter_->filtered != nullptr && !HasNonAsciiFoldsToAscii(text)) {
    std::vector<int> found;
    prefilter_->literals.Find(text, &found);
    prefilter_->filtered->AllPotentials(found, &matched);
    for (int i : matched) may[static_cast<size_t>(i)] = true;
    return may;
  }
  RE2::Set::ErrorInfo error;
  if (!prefilter_->set.Match(re2::StringPiece(text.data(), text.size()), &matched, &error) &&
      error.kind != RE2::Set::kNoError) {
    may.assign(rules_.size(), true);
    return may;
  }
  for (int i : matched) may[static_cast<size_t>(i)] = true;
  return may;
}

std::vector<PatternMatch> PatternRules::FindAll(PatternKind kind, std::string_view text,
                                                const std::vector<bool>* may_match) const {
  std::vector<PatternMatch> out;
  const re2::StringPiece input(text.data(), text.size());
  for (size_t i = 0; i < rules_.size(); ++i) {
    const PatternRule& rule = rules_[i];
    if (rule.kind != kind || (may_match != nullptr && !(*may_match)[i])) continue;
    const int groups = std::min(rule.re->NumberOfCapturingGroups(), 1);
    re2::StringPiece found[2];
    size_t pos = 0;
    while (pos < text.size() &&
           rule.re->Match(input, pos, text.size(), RE2::UNANCHORED, found, 1 + groups)) {
      const re2::StringPiece span = found[groups];
      const size_t match_end = static_cast<size_t>(found[0].data() - text.data()) + found[0].size();
      if (span.data() != nullptr && !span.empty()) {
        const size_t start = static_cast<size_t>(span.data() - text.data());
        out.push_back({start, start + span.size(), &rule});
      }
      // Past the match; an empty one (possible mid-text: "\b") moves on a
      // character, so the scan always ends.
      pos = match_end > pos ? match_end : pos + 1;
      while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const PatternMatch& a, const PatternMatch& b) { return a.start < b.start; });
  return out;
}

}  // namespace claimgraph
