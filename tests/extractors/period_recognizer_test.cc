#include "extractors/period_recognizer.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/number_parser.h"
#include "extractors/period_anchors.h"
#include "random_text.h"
#include "test_paths.h"

namespace claimgraph::period_recognizer_test {
namespace {

const PeriodRecognizer& Recognizer() {
  static const NumberParser* numbers = new NumberParser();
  static const PeriodRecognizer* recognizer = new PeriodRecognizer(*numbers);
  return *recognizer;
}

std::vector<Mention> Find(std::string_view text, std::optional<Date> published = std::nullopt) {
  std::vector<Mention> out;
  Recognizer().Recognize(text, published, &out);
  return out;
}

std::optional<Date> Published(const char* iso) { return Date::Parse(iso); }

std::string Describe(std::string_view text, const std::vector<Mention>& all) {
  std::ostringstream s;
  for (const Mention& m : all) {
    s << "[" << m.Text(text) << "] " << MentionTypeName(m.type) << " "
      << GranularityName(m.period.granularity) << " " << m.period.start << ".." << m.period.end
      << " " << m.period.relative_offset << "\n";
  }
  return s.str();
}

// The single mention in `text`; fails the test when there is not exactly one.
Mention Only(std::string_view text, std::optional<Date> published = std::nullopt) {
  const std::vector<Mention> all = Find(text, published);
  INFO(Describe(text, all));
  REQUIRE(all.size() == 1);
  return all[0];
}

TEST_CASE("Quarter codes resolve to calendar quarters", "[period]") {
  const std::string text = "Sales rose in Q3 2026 after Q3'26 and 3Q25.";
  const std::vector<Mention> all = Find(text);
  INFO(Describe(text, all));
  REQUIRE(all.size() == 3);
  CHECK(all[0].start == 14);
  CHECK(all[0].end == 21);
  CHECK(all[0].period.granularity == Granularity::kQuarter);
  CHECK(all[0].period.start == "2026-07-01");
  CHECK(all[0].period.end == "2026-09-30");
  CHECK(all[0].period.quarter == 3);
  CHECK(all[0].period.year == 2026);
  CHECK(all[1].Text(text) == "Q3'26");
  CHECK(all[1].period.end == "2026-09-30");
  CHECK(all[2].Text(text) == "3Q25");
  CHECK(all[2].period.start == "2025-07-01");
}

TEST_CASE("Spelled quarters cover the whole phrase", "[period]") {
  const std::string text = "Profit fell in the third quarter of 2008.";
  const Mention m = Only(text);
  CHECK(m.start == 15);
  CHECK(m.end == 40);
  CHECK(m.period.start == "2008-07-01");
  CHECK(m.period.end == "2008-09-30");
  CHECK(m.period.relative_offset.empty());
}

TEST_CASE("A quarter without a year takes the published year", "[period]") {
  const std::string text = "In the fourth quarter margins widened.";
  const Mention dated = Only(text, Published("2026-11-05"));
  CHECK(dated.Text(text) == "the fourth quarter");
  CHECK(dated.period.start == "2026-10-01");
  CHECK(dated.period.end == "2026-12-31");
  const Mention undated = Only(text);
  CHECK(undated.period.granularity == Granularity::kQuarter);
  CHECK(undated.period.quarter == 4);
  CHECK(undated.period.year == 0);
  CHECK(undated.period.start.empty());
}

TEST_CASE("A quarter ended on a date ends on that date", "[period]") {
  const std::string text = "For the second quarter ended June 30 revenue rose.";
  const Mention m = Only(text, Published("2026-08-01"));
  CHECK(m.Text(text) == "the second quarter ended June 30");
  CHECK(m.period.start == "2026-04-01");
  CHECK(m.period.end == "2026-06-30");
  const Mention earlier = Only(text, Published("2026-05-01"));
  CHECK(earlier.period.end == "2025-06-30");
}

TEST_CASE("Fiscal years keep their year and leave dates empty", "[period]") {
  const std::string text = "Guidance for fiscal 2025, FY25 and FY 2026 held.";
  const std::vector<Mention> all = Find(text);
  INFO(Describe(text, all));
  REQUIRE(all.size() == 3);
  CHECK(all[0].Text(text) == "fiscal 2025");
  CHECK(all[1].Text(text) == "FY25");
  CHECK(all[2].Text(text) == "FY 2026");
  for (const Mention& m : all) {
    CHECK(m.period.granularity == Granularity::kFiscalYear);
    CHECK(m.period.fiscal);
    CHECK(m.period.start.empty());
  }
  CHECK(all[1].period.year == 2025);
}

TEST_CASE("A fiscal year with a stated end date is resolved", "[period]") {
  const std::string text = "in the fiscal year ended June 30, 2025";
  const Mention m = Only(text);
  CHECK(m.Text(text) == "the fiscal year ended June 30, 2025");
  CHECK(m.period.granularity == Granularity::kFiscalYear);
  CHECK(m.period.start == "2024-07-01");
  CHECK(m.period.end == "2025-06-30");
}

TEST_CASE("Halves and month spans get the right granularity", "[period]") {
  const std::string text =
      "H1 2024, the first half of 2009, January-June 2009, Jan-Mar 2009 and "
      "March-May 2009";
  const std::vector<Mention> all = Find(text);
  INFO(Describe(text, all));
  REQUIRE(all.size() == 5);
  CHECK(all[0].period.granularity == Granularity::kHalf);
  CHECK(all[0].period.end == "2024-06-30");
  CHECK(all[1].Text(text) == "the first half of 2009");
  CHECK(all[2].period.granularity == Granularity::kHalf);
  CHECK(all[3].period.granularity == Granularity::kQuarter);
  CHECK(all[3].period.quarter == 1);
  CHECK(all[4].period.granularity == Granularity::kSpan);
  CHECK(all[4].period.start == "2009-03-01");
  CHECK(all[4].period.end == "2009-05-31");
}

TEST_CASE("Nine-month periods resolve to January through September", "[period]") {
  const std::string text = "during the first nine months of 2007";
  const Mention m = Only(text);
  CHECK(m.Text(text) == "the first nine months of 2007");
  CHECK(m.period.granularity == Granularity::kNineMonths);
  CHECK(m.period.start == "2007-01-01");
  CHECK(m.period.end == "2007-09-30");
  const Mention span = Only("January-September 2007");
  CHECK(span.period.granularity == Granularity::kNineMonths);
}

TEST_CASE("A span across years keeps both ends", "[period]") {
  const std::string text = "In December 2025 through January 2026, it grew.";
  const Mention m = Only(text);
  CHECK(m.start == 3);
  CHECK(m.Text(text) == "December 2025 through January 2026");
  CHECK(m.period.granularity == Granularity::kSpan);
  CHECK(m.period.start == "2025-12-01");
  CHECK(m.period.end == "2026-01-31");
}

TEST_CASE("Money counts decimals and percentages are not years", "[period]") {
  for (const char* text :
       {"It booked $2008 million in orders.", "It has 2,000 employees.",
        "Sales were 1,259.6 units.", "Margins hit 3.2%.", "About 2010 employees left.",
        "It paid EUR 2015 per share.", "Margin was 2025 basis points."}) {
    INFO(text);
    CHECK(Find(text).empty());
  }
}

TEST_CASE("Bare years and dates resolve exactly", "[period]") {
  const std::string text = "In 2026 and on December 31, 2025, 31 December 2025 and 2026-01-15.";
  const std::vector<Mention> all = Find(text);
  INFO(Describe(text, all));
  REQUIRE(all.size() == 4);
  CHECK(all[0].Text(text) == "2026");
  CHECK(all[0].period.granularity == Granularity::kYear);
  CHECK(all[0].period.end == "2026-12-31");
  CHECK(all[1].Text(text) == "December 31, 2025");
  CHECK(all[1].period.granularity == Granularity::kDay);
  CHECK(all[1].period.start == "2025-12-31");
  CHECK(all[2].Text(text) == "31 December 2025");
  CHECK(all[3].period.start == "2026-01-15");
  CHECK(Find("on 2026-02-30").empty());
}

TEST_CASE("A bare month takes the published year", "[period]") {
  const std::string text = "Jassy's April shareholder letter";
  const Mention m = Only(text, Published("2026-11-05"));
  CHECK(m.Text(text) == "April");
  CHECK(m.period.start == "2026-04-01");
  CHECK(m.period.end == "2026-04-30");
  CHECK(Only(text).period.start.empty());
  CHECK(Find("Prices may rise and it may 2 fall.").empty());
  CHECK(Only("The deal closed in May.").period.granularity == Granularity::kMonth);
}

TEST_CASE("Relative years resolve against the published date", "[period]") {
  const auto published = Published("2026-11-05");
  const std::string text = "Cash flow fell from $26 billion a year earlier and rose last year.";
  const std::vector<Mention> all = Find(text, published);
  INFO(Describe(text, all));
  REQUIRE(all.size() == 2);
  CHECK(all[0].Text(text) == "a year earlier");
  CHECK(all[0].period.start == "2025-01-01");
  CHECK(all[0].period.end == "2025-12-31");
  CHECK(all[0].period.relative_offset == "-1y");
  CHECK(all[1].Text(text) == "last year");
  CHECK(all[1].period.start == "2025-01-01");
  CHECK(all[1].period.relative_offset == "-1y");
}

TEST_CASE("Relative periods without a published date keep only the offset", "[period]") {
  const Mention m = Only("versus a year ago");
  CHECK(m.period.granularity == Granularity::kYear);
  CHECK(m.period.relative_offset == "-1y");
  CHECK(m.period.start.empty());
  CHECK(m.period.end.empty());
  CHECK(m.period.year == 0);
}

TEST_CASE("Year-ago quarters use the last reported quarter", "[period]") {
  const std::string text = "up from the year-ago quarter";
  const Mention m = Only(text, Published("2026-11-05"));
  CHECK(m.Text(text) == "the year-ago quarter");
  CHECK(m.period.granularity == Granularity::kQuarter);
  CHECK(m.period.start == "2025-07-01");
  CHECK(m.period.end == "2025-09-30");
  CHECK(m.period.relative_offset == "-1y");
}

TEST_CASE("Quarter-relative words move by quarters", "[period]") {
  const auto published = Published("2026-02-10");
  const Mention last = Only("last quarter", published);
  CHECK(last.period.start == "2025-10-01");
  CHECK(last.period.end == "2025-12-31");
  CHECK(last.period.relative_offset == "-1q");
  const Mention current = Only("this quarter", published);
  CHECK(current.period.start == "2026-01-01");
  CHECK(current.period.relative_offset == "0q");
}

TEST_CASE("Horizons run from the published date to the upper bound", "[period]") {
  const auto published = Published("2026-11-05");
  const std::string text = "support AWS mix over the next 4-8 quarters.";
  const Mention m = Only(text, published);
  CHECK(m.Text(text) == "the next 4-8 quarters");
  CHECK(m.period.granularity == Granularity::kHorizon);
  CHECK(m.period.start == "2026-11-05");
  CHECK(m.period.end == "2028-11-05");
  CHECK(m.period.relative_offset == "+8q");
  const Mention years = Only("over the next three years", published);
  CHECK(years.period.end == "2029-11-05");
  CHECK(years.period.relative_offset == "+3y");
  const Mention unpublished = Only("next 12-24 months");
  CHECK(unpublished.period.granularity == Granularity::kHorizon);
  CHECK(unpublished.period.relative_offset == "+24m");
  CHECK(unpublished.period.start.empty());
}

TEST_CASE("Durations carry their count and unit", "[period]") {
  const std::string text =
      "Architectures change every 18 months; growth was fastest in 15 "
      "quarters for a 27-year veteran.";
  const std::vector<Mention> all = Find(text);
  INFO(Describe(text, all));
  REQUIRE(all.size() == 3);
  CHECK(all[0].type == MentionType::kDuration);
  CHECK(all[0].Text(text) == "every 18 months");
  CHECK(all[0].quantity.amount == 18);
  CHECK(all[0].quantity.unit == "month");
  CHECK(all[0].quantity.qualifier == Qualifier::kExact);
  CHECK(all[1].Text(text) == "15 quarters");
  CHECK(all[1].quantity.unit == "quarter");
  CHECK(all[2].Text(text) == "27-year");
  CHECK(all[2].quantity.amount == 27);
  CHECK(all[2].quantity.low == 27);
  CHECK(all[2].quantity.high == 27);
}

TEST_CASE("Duration ranges and spelled counts parse", "[period]") {
  const std::string text = "if spend pauses for 2-3 quarters over fifteen years";
  const std::vector<Mention> all = Find(text);
  INFO(Describe(text, all));
  REQUIRE(all.size() == 2);
  CHECK(all[0].Text(text) == "2-3 quarters");
  CHECK(all[0].quantity.qualifier == Qualifier::kRange);
  CHECK(all[0].quantity.low == 2);
  CHECK(all[0].quantity.high == 3);
  CHECK(all[1].Text(text) == "fifteen years");
  CHECK(all[1].quantity.amount == 15);
}

TEST_CASE("Counts with ago are periods not durations", "[period]") {
  const std::string text = "a race that started twenty years ago";
  const Mention m = Only(text, Published("2026-11-05"));
  CHECK(m.type == MentionType::kPeriod);
  CHECK(m.Text(text) == "twenty years ago");
  CHECK(m.period.year == 2006);
  CHECK(m.period.relative_offset == "-20y");
}

TEST_CASE("Unit words without a count are not durations", "[period]") {
  for (const char* text :
       {"$50,000 a day", "won't ship for over a year", "for years", "a multi-year bridge",
        "quarter-over-quarter growth", "COVID-19 months"}) {
    INFO(text);
    CHECK(Find(text).empty());
  }
}

TEST_CASE("Overlapping candidates keep the longest", "[period]") {
  const std::string text = "the same period last year and Q3 2026 results";
  const std::vector<Mention> all = Find(text, Published("2026-11-05"));
  INFO(Describe(text, all));
  REQUIRE(all.size() == 2);
  CHECK(all[0].Text(text) == "the same period last year");
  CHECK(all[1].Text(text) == "Q3 2026");
  CHECK(all[0].end <= all[1].start);
}

TEST_CASE("Recognize appends after existing mentions", "[period]") {
  std::vector<Mention> out(1);
  Recognizer().Recognize("in 2026", std::nullopt, &out);
  REQUIRE(out.size() == 2);
  CHECK(out[1].start == 3);
  CHECK(out[1].end == 7);
}

TEST_CASE("Absurd published dates do not produce dates", "[period]") {
  const std::optional<Date> absurd = Date{0, 13, 40};
  const Mention m = Only("last year", absurd);
  CHECK(m.period.start.empty());
  CHECK(m.period.relative_offset == "-1y");
  const Mention edge = Only("over the next three years", Date{9999, 6, 1});
  CHECK(edge.period.end.empty());
}

TEST_CASE("Seed articles yield their periods and durations", "[period]") {
  const std::string dir = testing::SourceDir() + "/corpus/articles/";
  const std::string text = testing::ReadFileOrFail(dir + "000_4fc73b3250fc1a5f.txt");
  const std::vector<Mention> all = Find(text, Published("2026-11-05"));
  std::vector<std::string> texts;
  for (const Mention& m : all) texts.emplace_back(m.Text(text));
  CHECK(texts == std::vector<std::string>{"15 quarters", "a year earlier", "the next 4-8 quarters",
                                          "2-3 quarters"});
}

// corpus/cases/periods.jsonl: one case per line, every mention listed in
// order; fields other than type and text are checked when present.
void CheckExpected(const std::string& text, const Mention& m, const nlohmann::json& want) {
  CHECK(MentionTypeName(m.type) == want.value("type", std::string("period")));
  CHECK(m.Text(text) == want.at("text").get<std::string>());
  const Period& p = m.period;
  if (want.contains("start")) CHECK(p.start == want["start"].get<std::string>());
  if (want.contains("end")) CHECK(p.end == want["end"].get<std::string>());
  if (want.contains("granularity")) {
    CHECK(GranularityName(p.granularity) == want["granularity"].get<std::string>());
  }
  if (want.contains("year")) CHECK(p.year == want["year"].get<int>());
  if (want.contains("quarter")) CHECK(p.quarter == want["quarter"].get<int>());
  if (want.contains("fiscal")) CHECK(p.fiscal == want["fiscal"].get<bool>());
  if (want.contains("relative_offset")) {
    CHECK(p.relative_offset == want["relative_offset"].get<std::string>());
  }
  const Quantity& q = m.quantity;
  if (want.contains("amount")) CHECK(q.amount == want["amount"].get<double>());
  if (want.contains("low")) CHECK(q.low == want["low"].get<double>());
  if (want.contains("high")) CHECK(q.high == want["high"].get<double>());
  if (want.contains("unit")) CHECK(q.unit == want["unit"].get<std::string>());
  if (want.contains("qualifier")) {
    CHECK(QualifierName(q.qualifier) == want["qualifier"].get<std::string>());
  }
}

// Every anchor of text by kPeriodAnchorPattern, as "start-end:group".
std::vector<std::string> AnchorsByPattern(const RE2& re, std::string_view text) {
  std::vector<std::string> out;
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece g[6];
  size_t pos = 0;
  while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, g, 6)) {
    const size_t start = static_cast<size_t>(g[0].data() - text.data());
    const size_t end = start + g[0].size();
    int group = 1;
    while (group < 6 && g[group].data() == nullptr) ++group;
    out.push_back(std::to_string(start) + "-" + std::to_string(end) + ":" + std::to_string(group));
    pos = end > start ? end : start + 1;
  }
  return out;
}

std::vector<std::string> AnchorsByScan(std::string_view text) {
  std::vector<std::string> out;
  const PeriodAnchorScan scan(text);
  for (auto a = scan.Next(0); a; a = scan.Next(a->end)) {
    out.push_back(std::to_string(a->start) + "-" + std::to_string(a->end) + ":" +
                  std::to_string(static_cast<int>(a->group)));
  }
  return out;
}

TEST_CASE("The period anchor scan finds what the anchor pattern finds", "[period]") {
  const RE2 re(kPeriodAnchorPattern);
  REQUIRE(re.ok());
  std::vector<std::string> texts = {
      "Q3 3Q25 H1 2H24 1h 5Q q5 Q30 FY2025 fy25 fyi Fiscal fiscally FISCAL_ year",
      "January Janu jan. Sept. SEPTEMBER sep september2 May mayor June jun Julys",
      "days DAY weekly weeks Months quarterS qtrs qtr half halfway Period ytd YTD yrs yr",
      "1999 2000s 20255 1899 2099. 19_99 _2024 x2024 2024x \xC3\x84"
      "2024 3q2025 Q3-2025",
      "",
      "Q",
      "2",
      "fy",
      "marc",
      "a year-earlier 12-month period; the third quarter",
  };
  for (const auto& e :
       std::filesystem::directory_iterator(testing::SourceDir() + "/corpus/articles")) {
    texts.push_back(testing::ReadFileOrFail(e.path().string()));
  }
  for (const std::string& text : texts) {
    INFO(text.substr(0, 80));
    REQUIRE(PeriodAnchorScanApplies(text));
    CHECK(AnchorsByScan(text) == AnchorsByPattern(re, text));
  }
  // The pattern's case folding reads U+017F as 's' and U+212A as 'k'; the
  // recognizer falls back to the pattern for such text.
  CHECK_FALSE(
      PeriodAnchorScanApplies("\xC5\xBF"
                              "eptember"));
  CHECK_FALSE(
      PeriodAnchorScanApplies("two wee\xE2\x84\xAA"
                              "s"));
  const std::string folded =
      "in \xC5\xBF"
      "eptember 2025, two wee\xE2\x84\xAA"
      "s";
  const std::vector<Mention> all = Find(folded);
  REQUIRE(all.size() == 1);
  CHECK(all[0].Text(folded) == "2025");
}

TEST_CASE("The period anchor scan finds what the anchor pattern finds in random text", "[period]") {
  // Pieces of anchors, their near misses and word boundaries, joined at
  // random: every word is tested whole, so the cases that matter are
  // prefixes, suffixes, case and what surrounds a word.
  const std::vector<std::string> pieces = {
      "q",    "Q",   "3",      "2",        "1",    "0",     "9",        "h",   "H",
      "fy",   "FY",  "fiscal", "Fisc",     "al",   "jan",   "uary",     "feb", "ruary",
      "mar",  "ch",  "apr",    "il",       "may",  "MAY",   "jun",      "e",   "jul",
      "y",    "aug", "ust",    "sep",      "t",    "ember", "SEPTEMBE", "r",   "oct",
      "ober", "nov", "dec",    "day",      "week", "month", "quarter",  "qtr", "year",
      "yr",   "s",   "half",   "period",   "ytd",  "_",     " ",        " ",   " ",
      "-",    ".",   ",",      "\xC3\xA9", "19",   "20",    "x",        "the", "in"};
  const RE2 re(kPeriodAnchorPattern);
  REQUIRE(re.ok());
  std::mt19937 rng(20261207);
  for (int round = 0; round < 3000; ++round) {
    const std::string text = testing::JoinRandomPieces(pieces, 48, &rng);
    INFO(text);
    REQUIRE(PeriodAnchorScanApplies(text));
    CHECK(AnchorsByScan(text) == AnchorsByPattern(re, text));
    // And from every start inside it: a scan resumed mid-word sees the
    // word's tail as no word start, as \b does.
    for (size_t pos = 1; pos < text.size(); pos += 1 + rng() % 3) {
      auto a = NextPeriodAnchor(text, pos);
      const re2::StringPiece input(text.data(), text.size());
      re2::StringPiece g;
      const bool found = re.Match(input, pos, text.size(), RE2::UNANCHORED, &g, 1);
      REQUIRE(a.has_value() == found);
      if (found) {
        CHECK(a->start == static_cast<size_t>(g.data() - text.data()));
        CHECK(a->end == a->start + g.size());
      }
    }
    // At and past the end: nothing.
    CHECK_FALSE(PeriodAnchorScan(text).Next(text.size()).has_value());
    CHECK_FALSE(PeriodAnchorScan(text).Next(text.size() + 70).has_value());
  }
}

TEST_CASE("Every case in corpus periods.jsonl holds", "[period]") {
  const std::string path = testing::SourceDir() + "/corpus/cases/periods.jsonl";
  std::istringstream lines(testing::ReadFileOrFail(path));
  std::string line;
  int number = 0;
  int cases = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.empty()) continue;
    const nlohmann::json c = nlohmann::json::parse(line, nullptr, false);
    INFO(path << ":" << number);
    REQUIRE_FALSE(c.is_discarded());
    const std::string text = c.at("text").get<std::string>();
    std::optional<Date> published;
    if (c.contains("published")) {
      published = Date::Parse(c["published"].get<std::string>());
      REQUIRE(published);
    }
    const std::vector<Mention> all = Find(text, published);
    INFO(text << "\n" << Describe(text, all));
    const nlohmann::json& expect = c.at("expect");
    REQUIRE(all.size() == expect.size());
    for (size_t i = 0; i < all.size(); ++i) CheckExpected(text, all[i], expect[i]);
    ++cases;
  }
  CHECK(cases >= 40);
}

}  // namespace
}  // namespace claimgraph::period_recognizer_test
