#include "graph/analysis_codec.h"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>

#include "engine/json_reader.h"
#include "engine/json_writer.h"
#include "engine/store_dir.h"
#include "engine/utf8.h"
#include "graph/finding_builder.h"

namespace claimgraph {

namespace {

using nlohmann::json;

json SourceJson(const SourceScore& s) {
  return {{"source", s.source},
          {"claims", s.claims},
          {"corroborated", s.corroborated},
          {"contradicted", s.contradicted},
          {"unique", s.unique},
          {"not_compared", s.not_compared},
          {"reliability", s.reliability}};
}

// Reads a typed field; *error names what is wrong when it is missing or
// mistyped.
template <typename T>
bool Get(const json& obj, const char* key, T* out, std::string* error) {
  auto it = obj.find(key);
  bool ok = it != obj.end();
  if constexpr (std::is_same_v<T, std::string>) {
    ok = ok && it->is_string();
  } else if constexpr (std::is_same_v<T, bool>) {
    ok = ok && it->is_boolean();
  } else if constexpr (std::is_same_v<T, double>) {
    ok = ok && it->is_number();
  } else if constexpr (std::is_same_v<T, int>) {
    ok = ok && it->is_number_integer();
  } else {
    ok = ok && it->is_number_unsigned();
  }
  if (!ok) {
    *error = std::string("field \"") + key + "\" missing or of the wrong type";
    return false;
  }
  *out = it->get<T>();
  return true;
}

bool ParseFinding(const json& j, Finding* f, std::string* error) {
  std::string kind, label;
  if (!j.is_object() || !Get(j, "kind", &kind, error) || !Get(j, "label", &label, error) ||
      !Get(j, "subject", &f->subject, error) ||
      !Get(j, "other_subject", &f->other_subject, error) || !Get(j, "metric", &f->metric, error) ||
      !Get(j, "period", &f->period, error) || !Get(j, "a", &f->a_claim_id, error) ||
      !Get(j, "b", &f->b_claim_id, error) || !Get(j, "a_count", &f->a_count, error) ||
      !Get(j, "b_count", &f->b_count, error) || !Get(j, "explanation", &f->explanation, error)) {
    if (error->empty()) *error = "finding is not an object";
    return false;
  }
  auto k = FindingKindFromName(kind);
  auto l = FindingLabelFromName(label);
  if (!k || !l) {
    *error = "unknown kind or label \"" + kind + "\"/\"" + label + "\"";
    return false;
  }
  f->kind = *k;
  f->label = *l;
  return true;
}

bool ParseSource(const json& j, SourceScore* s, std::string* error) {
  if (!j.is_object()) {
    *error = "source is not an object";
    return false;
  }
  return Get(j, "source", &s->source, error) && Get(j, "claims", &s->claims, error) &&
         Get(j, "corroborated", &s->corroborated, error) &&
         Get(j, "contradicted", &s->contradicted, error) && Get(j, "unique", &s->unique, error) &&
         Get(j, "not_compared", &s->not_compared, error) &&
         Get(j, "reliability", &s->reliability, error);
}

Status ParseHeader(const json& j, AnalysisStats* stats) {
  std::string format, error;
  int version = 0;
  if (!j.is_object() || !Get(j, "format", &format, &error) || format != kAnalysisFormat) {
    return Status::Corruption("analysis line 1: not a claimgraph-analysis header");
  }
  if (!Get(j, "version", &version, &error)) return Status::Corruption("analysis line 1: " + error);
  if (version != kAnalysisVersion) {
    return Status::Unsupported("analysis version " + std::to_string(version) +
                               " (this build reads " + std::to_string(kAnalysisVersion) + ")");
  }
  auto s = j.find("stats");
  if (s == j.end() || !s->is_object() || !Get(*s, "claims", &stats->claims, &error) ||
      !Get(*s, "numeric", &stats->numeric, &error) || !Get(*s, "stance", &stats->stance, &error) ||
      !Get(*s, "iterations", &stats->iterations, &error) ||
      !Get(*s, "converged", &stats->converged, &error)) {
    return Status::Corruption("analysis line 1: stats: " + (error.empty() ? "missing" : error));
  }
  auto nc = s->find("not_compared");
  if (nc == s->end() || !nc->is_object()) {
    return Status::Corruption("analysis line 1: stats.not_compared missing");
  }
  for (const auto& [reason, n] : nc->items()) {
    if (!n.is_number_unsigned()) return Status::Corruption("analysis line 1: stats.not_compared");
    stats->not_compared[reason] = n.get<uint64_t>();
  }
  return Status::OK();
}

void ParseLine(const json& j, Analysis* out, std::string* error) {
  if (j.is_object() && j.size() == 1 && j.contains("finding")) {
    Finding f;
    if (ParseFinding(j["finding"], &f, error)) out->findings.push_back(std::move(f));
  } else if (j.is_object() && j.size() == 1 && j.contains("source")) {
    SourceScore s;
    if (ParseSource(j["source"], &s, error)) out->sources.push_back(std::move(s));
  } else {
    *error = "expected {\"finding\":...} or {\"source\":...}";
  }
}

}  // namespace

namespace {

// One finding line. Written by hand rather than through nlohmann (a
// snapshot has a million of them); the keys are in alphabetical order, as
// nlohmann writes an object's keys, and MaySelect below relies on it.
void AppendFindingLine(const Finding& f, std::string* out) {
  auto str = [out](const char* key, std::string_view value) {
    out->append(key);
    AppendJsonString(value, out);
  };
  auto num = [out](const char* key, uint64_t value) {
    out->append(key);
    out->append(std::to_string(value));
  };
  str("{\"finding\":{\"a\":", f.a_claim_id);
  num(",\"a_count\":", f.a_count);
  str(",\"b\":", f.b_claim_id);
  num(",\"b_count\":", f.b_count);
  str(",\"explanation\":", f.explanation);
  str(",\"kind\":", FindingKindName(f.kind));
  str(",\"label\":", FindingLabelName(f.label));
  str(",\"metric\":", f.metric);
  str(",\"other_subject\":", f.other_subject);
  str(",\"period\":", f.period);
  str(",\"subject\":", f.subject);
  out->append("}}\n");
}

}  // namespace

namespace {

// The encoding of an analysis whose findings come one at a time from
// `finding` (0 .. count - 1), so that they need not all be held.
void EncodeLines(const AnalysisStats& st, size_t count,
                 const std::function<const Finding&(size_t)>& finding,
                 const std::vector<SourceScore>& sources,
                 const std::function<void(std::string_view)>& line) {
  json stats = {{"claims", st.claims},         {"numeric", st.numeric},
                {"stance", st.stance},         {"not_compared", st.not_compared},
                {"iterations", st.iterations}, {"converged", st.converged}};
  json header = {{"format", kAnalysisFormat}, {"version", kAnalysisVersion}, {"stats", stats}};
  line(header.dump() + "\n");
  std::string buffer;
  for (size_t i = 0; i < count; ++i) {
    buffer.clear();
    AppendFindingLine(finding(i), &buffer);
    line(buffer);
  }
  for (const SourceScore& s : sources) line(json{{"source", SourceJson(s)}}.dump() + "\n");
}

// Writes EncodeLines' lines to `path` durably and atomically.
Status WriteLines(const std::string& path,
                  const std::function<void(const std::function<void(std::string_view)>&)>& encode) {
  auto file = DurableFile::Create(path);
  if (!file.ok()) return file.status();
  Status s;
  encode([&](std::string_view line) {
    if (s.ok()) s = file->Append(line);
  });
  return s.ok() ? file->Commit() : s;
}

// Every claim counted once: compared (numeric, stance) or under its reason.
AnalysisStats CountFacts(const std::vector<ClaimFact>& facts, const StringTable& strings) {
  AnalysisStats st;
  for (const ClaimFact& f : facts) {
    ++st.claims;
    if (f.role == FactRole::kNumeric) ++st.numeric;
    if (f.role == FactRole::kStance) ++st.stance;
    if (f.role == FactRole::kNotCompared) ++st.not_compared[strings.Get(f.excluded)];
  }
  return st;
}

// The facts of every claim of `store`.
Status ReadFacts(const Store& store, std::vector<ClaimFact>* facts, StringTable* strings) {
  // Sized from the claim counter (a hint), so the facts are not copied
  // each time the array doubles; unused reserved pages cost no memory.
  if (auto claims = store.Counter("total", "claims"); claims.ok() && *claims > 0) {
    facts->reserve(static_cast<size_t>(std::min<int64_t>(*claims, int64_t{1} << 28)));
  }
  // A claim's document id is the one string of its fact that misses the
  // cache (claims are read in claim id order, a million documents apart);
  // the lookahead fetches its slot and string a few claims early.
  return store.ForEachClaim(
      [&](const StoredClaim& c) {
        facts->push_back(MakeClaimFact(c, strings));
        return true;
      },
      ScanLookahead<StoredClaim>{
          [strings](const StoredClaim& c, int stage) { strings->Prefetch(c.claim.doc_id, stage); },
          StringTable::kPrefetchStages});
}

}  // namespace

void EncodeAnalysisLines(const Analysis& a, const std::function<void(std::string_view)>& line) {
  EncodeLines(
      a.stats, a.findings.size(), [&a](size_t i) -> const Finding& { return a.findings[i]; },
      a.sources, line);
}

std::string EncodeAnalysis(const Analysis& a) {
  std::string out;
  EncodeAnalysisLines(a, [&out](std::string_view line) { out.append(line); });
  return out;
}

Status WriteAnalysisFile(const std::string& path, const Analysis& a) {
  return WriteLines(path, [&a](const std::function<void(std::string_view)>& line) {
    EncodeAnalysisLines(a, line);
  });
}

namespace {

// The string value of `key` in a finding line, found from the end of the
// line: EncodeAnalysis writes keys in alphabetical order, so "label",
// "other_subject" and "subject" are among the last few dozen bytes (the
// long explanation comes before them). nullopt when the key is missing or
// its value holds an escape, in which case the line must be decoded.
std::optional<std::string_view> TailValue(std::string_view line, std::string_view quoted_key) {
  const size_t key = line.rfind(quoted_key);
  if (key == std::string_view::npos) return std::nullopt;
  const size_t start = key + quoted_key.size();
  const size_t end = line.find('"', start);
  if (end == std::string_view::npos) return std::nullopt;
  std::string_view value = line.substr(start, end - start);
  if (value.find('\\') != std::string_view::npos) return std::nullopt;
  return value;
}

// False when `line` certainly holds nothing `sel` selects (`ids`: its
// subjects, sorted). Only a cheap necessary condition, read from the end of
// the line; a snapshot has a million lines and a question wants a few.
bool MaySelect(std::string_view line, const AnalysisSelection& sel,
               const std::vector<std::string_view>& ids) {
  if (line.substr(0, 11) == "{\"finding\":") {
    if (!sel.findings) return false;
    if (sel.genuine_only) {
      auto label = TailValue(line, "\"label\":\"");
      if (label && *label != FindingLabelName(FindingLabel::kConflict)) return false;
    }
    if (sel.subjects.empty()) return true;
    auto subject = TailValue(line, "\"subject\":\"");
    auto other = TailValue(line, "\"other_subject\":\"");
    if (!subject || !other) return true;
    auto named = [&](std::string_view id) {
      return std::binary_search(ids.begin(), ids.end(), id);
    };
    return named(*subject) || (!other->empty() && named(*other));
  }
  if (line.substr(0, 10) == "{\"source\":") return sel.sources;
  return true;
}

// Whether the finding just decoded is selected (the exact test).
bool Selected(const Finding& f, const AnalysisSelection& sel) {
  if (sel.genuine_only && !IsGenuine(f)) return false;
  if (sel.subjects.empty()) return true;
  auto named = [&](const std::string& id) {
    return std::find(sel.subjects.begin(), sel.subjects.end(), id) != sel.subjects.end();
  };
  return named(f.subject) || (!f.other_subject.empty() && named(f.other_subject));
}

// Reads the line AppendFindingLine writes, in one pass.
class FindingLineReader {
 public:
  explicit FindingLineReader(std::string_view line) : s_(line) {}

  bool Literal(std::string_view literal) {
    if (s_.substr(p_, literal.size()) != literal) return false;
    p_ += literal.size();
    return true;
  }
  bool String(std::string* out) { return ReadJsonString(s_, &p_, out); }
  // A JSON unsigned integer of at most 19 digits (no overflow).
  bool Unsigned(uint64_t* out) {
    const size_t start = p_;
    uint64_t v = 0;
    while (p_ < s_.size() && s_[p_] >= '0' && s_[p_] <= '9' && p_ - start < 19) {
      v = v * 10 + static_cast<uint64_t>(s_[p_++] - '0');
    }
    const size_t digits = p_ - start;
    if (digits == 0 || (digits > 1 && s_[start] == '0')) return false;
    if (p_ < s_.size() && s_[p_] >= '0' && s_[p_] <= '9') return false;
    *out = v;
    return true;
  }
  bool AtEnd() const { return p_ == s_.size(); }

 private:
  std::string_view s_;
  size_t p_ = 0;
};

}  // namespace

bool DecodeFindingLineFast(std::string_view line, Finding* f) {
  // nlohmann rejects invalid UTF-8 anywhere in the line.
  if (FindInvalidUtf8(line) != std::string_view::npos) return false;
  FindingLineReader r(line);
  std::string kind, label;
  if (!(r.Literal("{\"finding\":{\"a\":") && r.String(&f->a_claim_id) &&
        r.Literal(",\"a_count\":") && r.Unsigned(&f->a_count) && r.Literal(",\"b\":") &&
        r.String(&f->b_claim_id) && r.Literal(",\"b_count\":") && r.Unsigned(&f->b_count) &&
        r.Literal(",\"explanation\":") && r.String(&f->explanation) && r.Literal(",\"kind\":") &&
        r.String(&kind) && r.Literal(",\"label\":") && r.String(&label) &&
        r.Literal(",\"metric\":") && r.String(&f->metric) && r.Literal(",\"other_subject\":") &&
        r.String(&f->other_subject) && r.Literal(",\"period\":") && r.String(&f->period) &&
        r.Literal(",\"subject\":") && r.String(&f->subject) && r.Literal("}}") && r.AtEnd())) {
    return false;
  }
  auto k = FindingKindFromName(kind);
  auto l = FindingLabelFromName(label);
  if (!k || !l) return false;
  f->kind = *k;
  f->label = *l;
  return true;
}

AnalysisDecoder::AnalysisDecoder(AnalysisSelection selection) : selection_(std::move(selection)) {
  subjects_.assign(selection_.subjects.begin(), selection_.subjects.end());
  std::sort(subjects_.begin(), subjects_.end());
}

Status AnalysisDecoder::Add(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no_;
    if (line_no_ > 1 && !MaySelect(line, selection_, subjects_)) continue;
    // Nearly every line is a finding as EncodeAnalysis wrote it: read in
    // one pass (a rebuild reads a million of them twice, for the diff). Any
    // other line, and every error, goes through nlohmann below.
    if (line_no_ > 1) {
      Finding f;
      if (DecodeFindingLineFast(line, &f)) {
        if (Selected(f, selection_)) out_.findings.push_back(std::move(f));
        continue;
      }
    }
    json j = json::parse(line.begin(), line.end(), nullptr, false);
    const std::string where = "analysis line " + std::to_string(line_no_) + ": ";
    if (j.is_discarded()) return Status::Corruption(where + "not JSON");
    if (line_no_ == 1) {
      Status s = ParseHeader(j, &out_.stats);
      if (!s.ok()) return s;
      continue;
    }
    std::string error;
    const size_t findings = out_.findings.size();
    ParseLine(j, &out_, &error);
    if (!error.empty()) return Status::Corruption(where + error);
    if (out_.findings.size() > findings && !Selected(out_.findings.back(), selection_)) {
      out_.findings.pop_back();
    }
  }
  return Status::OK();
}

Result<Analysis> AnalysisDecoder::Finish() {
  if (line_no_ == 0) return Status::Corruption("analysis: empty (no header line)");
  return std::move(out_);
}

Result<Analysis> DecodeAnalysis(std::string_view text, const AnalysisSelection& selection) {
  AnalysisDecoder decoder(selection);
  if (Status s = decoder.Add(text); !s.ok()) return s;
  return decoder.Finish();
}

Analysis AnalyzeFacts(const std::vector<ClaimFact>& facts, const StringTable& strings,
                      const AnalysisContext& context, const TruthOptions& options) {
  Analysis a;
  a.stats = CountFacts(facts, strings);
  a.findings = FindContradictions(facts, strings, context);
  TruthStats truth;
  a.sources = ScoreSources(facts, strings, a.findings, options, &truth);
  a.stats.iterations = truth.iterations;
  a.stats.converged = truth.converged;
  return a;
}

Result<Analysis> AnalyzeStore(const Store& store, const AnalysisContext& context,
                              const TruthOptions& options) {
  StringTable strings;
  std::vector<ClaimFact> facts;
  if (Status s = ReadFacts(store, &facts, &strings); !s.ok()) return s;
  return AnalyzeFacts(facts, strings, context, options);
}

Result<WrittenAnalysis> WriteStoreAnalysis(const Store& store, const AnalysisContext& context,
                                           const std::string& path,
                                           const std::function<void(const Finding&)>& each,
                                           const TruthOptions& options) {
  StringTable strings;
  std::vector<ClaimFact> facts;
  if (Status s = ReadFacts(store, &facts, &strings); !s.ok()) return s;
  WrittenAnalysis out;
  out.stats = CountFacts(facts, strings);
  FindingBuilder builder(facts, strings, context);
  RunFindingPasses(&builder);
  std::vector<std::pair<uint32_t, uint32_t>> genuine;
  for (size_t i = 0; i < builder.finding_count(); ++i) {
    const FindingBuilder::Compact& f = builder.finding(i);
    if (f.label == FindingLabel::kConflict) genuine.emplace_back(f.a, f.b);
  }
  TruthStats truth;
  out.sources = ScoreSourcesOfPairs(facts, strings, builder.index(), genuine, options, &truth);
  out.stats.iterations = truth.iterations;
  out.stats.converged = truth.converged;
  out.findings = builder.finding_count();
  out.genuine = genuine.size();
  std::vector<std::pair<uint32_t, uint32_t>>().swap(genuine);
  builder.DropIndex();
  const std::vector<uint32_t> order = builder.SortedOrder();
  Finding made;  // the finding being written
  Status s = WriteLines(path, [&](const std::function<void(std::string_view)>& line) {
    EncodeLines(
        out.stats, order.size(),
        [&](size_t i) -> const Finding& {
          made = builder.Make(order[i]);
          if (each) each(made);
          return made;
        },
        out.sources, line);
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace claimgraph
