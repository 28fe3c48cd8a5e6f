// The analysis snapshot encoding: round trip and corruption.
#include "graph/analysis_codec.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "graph/fact_maker.h"
#include "test_paths.h"

namespace claimgraph::analysis_codec_test {

namespace {

Analysis Sample() {
  using testing::MakeQuantity;
  StringTable strings;
  auto facts = testing::Facts(
      {MakeQuantity("a", "A", "2025-11-01", "ACME", "revenue", 1.2e9, "$1.2 billion"),
       MakeQuantity("b", "B", "2025-11-01", "ACME", "revenue", 1.5e9, "$1.5 billion"),
       MakeQuantity("c", "C", "2025-11-01", "ACME", "revenue", 1.5e9, "$1.5 billion")},
      &strings);
  return AnalyzeFacts(facts, strings, AnalysisContext{});
}

}  // namespace

TEST_CASE("An analysis survives encoding and decoding", "[contradictions][codec]") {
  Analysis a = Sample();
  REQUIRE(a.findings.size() == 2);  // b and c agree; a conflicts with them
  CHECK(a.stats.claims == 3);
  std::string text = EncodeAnalysis(a);
  auto b = DecodeAnalysis(text);
  REQUIRE(b.ok());
  CHECK(EncodeAnalysis(*b) == text);
  CHECK(b->findings[0].explanation == a.findings[0].explanation);
  CHECK(b->sources.size() == 3);
}

TEST_CASE("A damaged analysis is reported as corruption", "[contradictions][codec]") {
  const std::string text = EncodeAnalysis(Sample());
  for (size_t cut : {size_t{0}, size_t{10}, text.size() / 2, text.size() - 5}) {
    auto r = DecodeAnalysis(text.substr(0, cut));
    INFO(cut);
    CHECK_FALSE(r.ok());
  }
  std::string bad_label = text;
  bad_label.replace(bad_label.find("\"conflict\""), 10, "\"conflikt\"");
  auto r = DecodeAnalysis(bad_label);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kCorruption);
  CHECK(DecodeAnalysis("{\"format\":\"claimgraph-analysis\",\"version\":99}\n").status().code() ==
        Status::Code::kUnsupported);
  CHECK_FALSE(DecodeAnalysis(std::string("\x00\xff garbage", 10)).ok());
}

}  // namespace claimgraph::analysis_codec_test

namespace claimgraph::analysis_codec_test {

TEST_CASE("Decoding keeps only the selected findings and sources", "[contradictions][codec]") {
  using testing::MakeQuantity;
  StringTable strings;
  // ACME: a conflict (1.2 vs 1.5) and an agreement (two 1.5s); ACMEX, a
  // subject whose id contains "ACME", a conflict of its own.
  auto facts = testing::Facts(
      {MakeQuantity("a", "A", "2025-11-01", "ACME", "revenue", 1.2e9, "$1.2 billion"),
       MakeQuantity("b", "B", "2025-11-01", "ACME", "revenue", 1.5e9, "$1.5 billion"),
       MakeQuantity("c", "C", "2025-11-01", "ACME", "revenue", 1.5e9, "$1.5 billion"),
       MakeQuantity("d", "A", "2025-11-01", "ACMEX", "revenue", 2e9, "$2 billion"),
       MakeQuantity("e", "B", "2025-11-01", "ACMEX", "revenue", 4e9, "$4 billion")},
      &strings);
  const Analysis all = AnalyzeFacts(facts, strings, AnalysisContext{});
  const std::string text = EncodeAnalysis(all);
  size_t genuine = 0, acme = 0, acme_genuine = 0;
  for (const Finding& f : all.findings) {
    genuine += IsGenuine(f);
    acme += f.subject == "ACME";
    acme_genuine += f.subject == "ACME" && IsGenuine(f);
  }
  REQUIRE(genuine == 2);
  REQUIRE(acme == 2);
  REQUIRE(acme_genuine == 1);

  AnalysisSelection genuine_only;
  genuine_only.genuine_only = true;
  auto only_genuine = DecodeAnalysis(text, genuine_only);
  REQUIRE(only_genuine.ok());
  CHECK(only_genuine->findings.size() == genuine);
  for (const Finding& f : only_genuine->findings) CHECK(IsGenuine(f));
  CHECK(only_genuine->sources.size() == all.sources.size());

  auto about_acme = DecodeAnalysis(text, AnalysisSelection{.subjects = {"ACME"}});
  REQUIRE(about_acme.ok());
  CHECK(about_acme->findings.size() == acme);  // not ACMEX's
  for (const Finding& f : about_acme->findings) CHECK(f.subject == "ACME");

  auto both = DecodeAnalysis(text, AnalysisSelection{.genuine_only = true, .subjects = {"ACME"}});
  REQUIRE(both.ok());
  CHECK(both->findings.size() == acme_genuine);
  // By subject, only the lines that name one are decoded; the rest of the
  // answer is the same as decoding everything and keeping those findings.
  CHECK(about_acme->sources.size() == all.sources.size());
  CHECK(about_acme->stats.claims == all.stats.claims);
  auto two = DecodeAnalysis(text, AnalysisSelection{.subjects = {"ACMEX", "ACME"}});
  REQUIRE(two.ok());
  std::vector<std::string> want, got;
  for (const Finding& f : all.findings) want.push_back(f.a_claim_id + f.b_claim_id);
  for (const Finding& f : two->findings) got.push_back(f.a_claim_id + f.b_claim_id);
  CHECK(got == want);  // in the snapshot's order
  AnalysisSelection no_sources{.sources = false, .subjects = {"ACMEX"}};
  auto acmex = DecodeAnalysis(text, no_sources);
  REQUIRE(acmex.ok());
  CHECK(acmex->findings.size() == 1);
  CHECK(acmex->sources.empty());
  // A damaged line about a selected subject is named by its line number.
  std::string damaged = text;
  const size_t at = damaged.find("\"ACMEX\"");
  REQUIRE(at != std::string::npos);
  damaged.insert(at, "}");
  const size_t line = 1 + static_cast<size_t>(std::count(
                              damaged.begin(), damaged.begin() + static_cast<long>(at), '\n'));
  auto bad = DecodeAnalysis(damaged, AnalysisSelection{.subjects = {"ACMEX"}});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("analysis line " + std::to_string(line) + ":") !=
        std::string::npos);

  AnalysisSelection no_findings;
  no_findings.findings = false;
  auto scores = DecodeAnalysis(text, no_findings);
  REQUIRE(scores.ok());
  CHECK(scores->findings.empty());
  CHECK(scores->sources.size() == all.sources.size());
  CHECK(scores->stats.claims == all.stats.claims);
}

}  // namespace claimgraph::analysis_codec_test

namespace claimgraph::analysis_codec_test {

TEST_CASE("Finding lines are the JSON objects the format names, keys in order",
          "[contradictions][codec]") {
  // Strings with every kind of byte the writer must escape or pass through.
  Analysis a;
  Finding f;
  f.kind = FindingKind::kStance;
  f.label = FindingLabel::kPeriodMismatch;
  f.subject = "AMZN/aws";
  f.other_subject = "";
  f.metric = "free_cash_flow";
  f.period = "FY2025";
  f.a_claim_id = "00ab12cd34ef5678";
  f.b_claim_id = "q\"uote\\back";
  f.a_count = 3;
  f.b_count = 18446744073709551615ULL;
  f.explanation = "tab\there, newline\nthere, bell \x07, caf\xc3\xa9 \xe2\x82\xac 1.2bn";
  a.findings.push_back(f);
  f.label = FindingLabel::kConflict;
  f.explanation = "backspace \b and form feed \f";
  a.findings.push_back(f);
  const std::string text = EncodeAnalysis(a);
  std::vector<std::string> lines;
  EncodeAnalysisLines(a, [&](std::string_view line) { lines.emplace_back(line); });
  std::string joined;
  for (const std::string& line : lines) joined += line;
  CHECK(joined == text);
  REQUIRE(lines.size() == 3);  // header and two findings, no sources
  for (size_t i = 0; i < 2; ++i) {
    const Finding& want = a.findings[i];
    const std::string& line = lines[i + 1];
    REQUIRE(line.back() == '\n');
    const nlohmann::json parsed = nlohmann::json::parse(line);
    const nlohmann::json expected = {{"finding",
                                      {{"kind", FindingKindName(want.kind)},
                                       {"label", FindingLabelName(want.label)},
                                       {"subject", want.subject},
                                       {"other_subject", want.other_subject},
                                       {"metric", want.metric},
                                       {"period", want.period},
                                       {"a", want.a_claim_id},
                                       {"b", want.b_claim_id},
                                       {"a_count", want.a_count},
                                       {"b_count", want.b_count},
                                       {"explanation", want.explanation}}}};
    CHECK(parsed == expected);
    // Keys in alphabetical order, as the tail reader of `contradictions`
    // expects: nlohmann writes an object's keys sorted.
    if (i == 0) CHECK(line == expected.dump() + "\n");
  }
  auto back = DecodeAnalysis(text);
  REQUIRE(back.ok());
  REQUIRE(back->findings.size() == 2);
  CHECK(back->findings[1].explanation == a.findings[1].explanation);
  AnalysisSelection genuine;
  genuine.genuine_only = true;
  auto only = DecodeAnalysis(text, genuine);
  REQUIRE(only.ok());
  REQUIRE(only->findings.size() == 1);
  CHECK(only->findings[0].label == FindingLabel::kConflict);
}

TEST_CASE("An analysis decoded a piece at a time is the one decoded whole",
          "[contradictions][codec]") {
  const std::string text = EncodeAnalysis(Sample());
  std::vector<size_t> line_ends;  // one past each '\n'
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_ends.push_back(i + 1);
  }
  REQUIRE(line_ends.size() >= 4);  // header, findings, sources
  AnalysisSelection genuine;
  genuine.genuine_only = true;
  for (const AnalysisSelection& selection : {AnalysisSelection{}, genuine}) {
    auto whole = DecodeAnalysis(text, selection);
    REQUIRE(whole.ok());
    // Cut after every line, and after the header only.
    for (bool every_line : {true, false}) {
      AnalysisDecoder decoder(selection);
      size_t pos = 0;
      for (size_t end : line_ends) {
        if (!every_line && pos > 0) break;
        REQUIRE(decoder.Add(std::string_view(text).substr(pos, end - pos)).ok());
        pos = end;
      }
      REQUIRE(decoder.Add(std::string_view(text).substr(pos)).ok());
      auto pieces = decoder.Finish();
      REQUIRE(pieces.ok());
      CHECK(EncodeAnalysis(*pieces) == EncodeAnalysis(*whole));
    }
  }
  CHECK(DecodeAnalysis(text, genuine)->findings.size() == 1);

  // A damaged line is named by its number in the whole text.
  std::string damaged = text;
  damaged.insert(line_ends[1], "{not json\n");  // becomes line 3
  AnalysisDecoder decoder;
  REQUIRE(decoder.Add(std::string_view(damaged).substr(0, line_ends[1])).ok());
  Status s = decoder.Add(std::string_view(damaged).substr(line_ends[1]));
  CHECK(s.code() == Status::Code::kCorruption);
  CHECK(s.message().find("analysis line 3:") != std::string::npos);
  // Nothing added: no header.
  CHECK(AnalysisDecoder().Finish().status().code() == Status::Code::kCorruption);
}

TEST_CASE("An analysis file written a line at a time holds the encoding",
          "[contradictions][codec]") {
  testing::TempDir tmp;
  const std::string path = tmp.path() + "/analysis.bin";
  const Analysis a = Sample();
  REQUIRE(WriteAnalysisFile(path, a).ok());
  CHECK(testing::ReadFileOrFail(path) == EncodeAnalysis(a));
  Status s = WriteAnalysisFile(tmp.path() + "/missing/analysis.bin", a);
  CHECK(s.code() == Status::Code::kIOError);
  CHECK(s.message().find("missing/analysis.bin") != std::string::npos);
}

namespace {

// A finding line read with nlohmann, field by field, as the slow path
// reads it; false when it is not JSON or lacks a field.
bool ReadWithNlohmann(std::string_view line, Finding* f) {
  nlohmann::json j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("finding")) return false;
  const nlohmann::json& g = j["finding"];
  try {
    f->a_claim_id = g.at("a").get<std::string>();
    f->b_claim_id = g.at("b").get<std::string>();
    f->a_count = g.at("a_count").get<uint64_t>();
    f->b_count = g.at("b_count").get<uint64_t>();
    f->explanation = g.at("explanation").get<std::string>();
    f->metric = g.at("metric").get<std::string>();
    f->other_subject = g.at("other_subject").get<std::string>();
    f->period = g.at("period").get<std::string>();
    f->subject = g.at("subject").get<std::string>();
    auto kind = FindingKindFromName(g.at("kind").get<std::string>());
    auto label = FindingLabelFromName(g.at("label").get<std::string>());
    if (!kind || !label) return false;
    f->kind = *kind;
    f->label = *label;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
  return true;
}

bool SameFinding(const Finding& a, const Finding& b) {
  return a.kind == b.kind && a.label == b.label && a.subject == b.subject &&
         a.other_subject == b.other_subject && a.metric == b.metric && a.period == b.period &&
         a.a_claim_id == b.a_claim_id && a.b_claim_id == b.b_claim_id && a.a_count == b.a_count &&
         a.b_count == b.b_count && a.explanation == b.explanation;
}

}  // namespace

TEST_CASE("The one-pass finding reader reads what nlohmann reads, or leaves the line to it",
          "[contradictions][codec]") {
  Analysis a;
  const std::vector<std::string> texts = {
      "",           "ACME",        "caf\xc3\xa9 \xf0\x9f\x93\x88",
      "say \"hi\"", "back\\slash", "tab\tand\nline",
      "2025-Q3",    "x/y"};
  const std::vector<uint64_t> counts = {
      0, 1, 9, 10, 1234567890123456789ULL, 18446744073709551615ULL};
  for (size_t i = 0; i < texts.size(); ++i) {
    Finding f;
    f.kind = i % 2 == 0 ? FindingKind::kNumeric : FindingKind::kStance;
    f.label = i % 3 == 0 ? FindingLabel::kConflict : FindingLabel::kStale;
    // One field of each takes the i-th text (three of them need escapes);
    // the others are plain.
    f.subject = "ACME";
    f.other_subject = i % 2 == 0 ? "" : "AWS";
    f.metric = "caf\xc3\xa9 revenue";
    f.period = "2025";
    f.a_claim_id = "a" + std::to_string(i);
    f.b_claim_id = "b" + std::to_string(i);
    f.a_count = counts[i % counts.size()];
    f.b_count = counts[(i + 1) % counts.size()];
    f.explanation = "Explained.";
    std::string* field[] = {&f.subject, &f.other_subject, &f.metric, &f.period, &f.explanation};
    *field[i % 5] = texts[i];
    a.findings.push_back(f);
  }
  const std::string encoded = EncodeAnalysis(a);
  std::vector<std::string> lines;
  for (size_t pos = 0, end; pos < encoded.size(); pos = end + 1) {
    end = encoded.find('\n', pos);
    lines.push_back(encoded.substr(pos, end - pos));
  }
  REQUIRE(lines.size() == a.findings.size() + 1);  // the header first
  // Lines as written, escapes included, are read in one pass; only a count
  // of 20 digits is left to nlohmann.
  constexpr uint64_t kNineteenDigits = 9999999999999999999ULL;
  for (size_t i = 1; i < lines.size(); ++i) {
    const Finding& want = a.findings[i - 1];
    Finding got;
    INFO(lines[i]);
    if (want.a_count > kNineteenDigits || want.b_count > kNineteenDigits) {
      CHECK_FALSE(DecodeFindingLineFast(lines[i], &got));
      continue;
    }
    REQUIRE(DecodeFindingLineFast(lines[i], &got));
    CHECK(SameFinding(got, want));
  }
  // Damaged and rewritten lines: whatever the one-pass reader accepts,
  // nlohmann reads alike.
  std::vector<std::string> variants;
  for (size_t i = 1; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    for (size_t n = 0; n < line.size(); ++n) variants.push_back(line.substr(0, n));
    for (size_t at = 0; at < line.size(); ++at) {
      for (char c : {' ', '0', '7', '"', '\\', '}', ',', 'x', '\x01', '\x80', '\xc3'}) {
        std::string v = line;
        v[at] = c;
        variants.push_back(v);
      }
      std::string inserted = line;
      inserted.insert(at, " ");
      variants.push_back(inserted);
    }
  }
  size_t accepted = 0;
  for (const std::string& v : variants) {
    Finding fast_read;
    if (!DecodeFindingLineFast(v, &fast_read)) continue;
    ++accepted;
    Finding slow_read;
    INFO(v);
    REQUIRE(ReadWithNlohmann(v, &slow_read));
    REQUIRE(SameFinding(fast_read, slow_read));
    auto decoded = DecodeAnalysis(lines[0] + "\n" + v + "\n");
    REQUIRE(decoded.ok());
    REQUIRE(decoded->findings.size() == 1);
    CHECK(SameFinding(decoded->findings[0], slow_read));
  }
  CHECK(accepted > 100);
  CHECK(accepted < variants.size() / 2);
}

}  // namespace claimgraph::analysis_codec_test
