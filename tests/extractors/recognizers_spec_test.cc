// Microsoft Recognizers-Text's English Currency, Percent and NumberRange
// specs (../shared/data/recognizers-specs, MIT) as a peer's test suite.
//
// Every case whose NotSupported does not list javascript runs through the
// annotator. A case passes when each expected result is matched by one of
// our mentions of the corresponding kind (money; percent; a number with an
// at_least/at_most/range qualifier) with the same resolved value, and we
// report no other mention of that kind. Values: Recognizers reports minor
// units as themselves ("50 cents" = 50 Cent); we report base units (0.50
// USD), so minor-unit values are divided by 100 before comparing, and the
// ISO code is compared whenever the spec gives one. Spans: the spec's span
// covers only the numeric expression, ours may add qualifier words ("about",
// "more than"), so our span must contain theirs and be at most 24 bytes
// longer. Offsets: the spec counts characters with an inclusive end; they
// are converted to byte offsets with an exclusive end.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "engine/document.h"
#include "extractors/annotator.h"
#include "mention_expect.h"
#include "test_paths.h"

namespace claimgraph::recognizers_spec_test {

namespace {

using nlohmann::json;

enum class Kind { kCurrency, kPercent, kRange };

size_t ByteOffset(const std::string& s, size_t chars) {
  size_t i = 0;
  for (size_t c = 0; c < chars && i < s.size(); ++c) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

bool OfKind(const Mention& m, Kind kind) {
  switch (kind) {
    case Kind::kCurrency:
      return m.type == MentionType::kMoney;
    case Kind::kPercent:
      return m.type == MentionType::kPercent;
    case Kind::kRange:
      return m.type == MentionType::kNumber && m.quantity.qualifier != Qualifier::kExact &&
             m.quantity.qualifier != Qualifier::kApprox;
  }
  return false;
}

bool Near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::fabs(b) + 1e-9; }

// Compares the spec's resolution with our mention; "" when they agree.
std::string CompareValue(Kind kind, const json& res, const Mention& m) {
  const Quantity& q = m.quantity;
  std::ostringstream why;
  if (kind == Kind::kCurrency) {
    if (!res.contains("value") || res["value"].is_null()) return "spec has no value (bare unit)";
    double v = std::stod(res["value"].get<std::string>());
    static const std::set<std::string> kMinor = {"Cent", "Pence", "Penny"};
    if (kMinor.count(res.value("unit", ""))) v /= 100;
    if (!Near(q.amount, v)) why << "amount " << q.amount << " != " << v;
    if (res.contains("isoCurrency") && res["isoCurrency"] != q.currency) {
      why << " currency " << q.currency << " != " << res["isoCurrency"];
    }
  } else if (kind == Kind::kPercent) {
    std::string s = res["value"].get<std::string>();
    double v = std::stod(s.substr(0, s.find('%')));
    if (!Near(q.amount, v)) why << "amount " << q.amount << " != " << v;
  } else {
    std::string s = res["value"].get<std::string>();  // "[194,)" or "(,12]"
    bool at_least = s[1] != ',';
    double v = std::stod(at_least ? s.substr(1) : s.substr(2));
    Qualifier want = at_least ? Qualifier::kAtLeast : Qualifier::kAtMost;
    if (q.qualifier != want || !Near(q.amount, v)) why << "range " << s << " differs";
  }
  return why.str();
}

// "" when the case passes, else why not.
std::string RunCase(const Annotator& annotator, Kind kind, const json& c) {
  Document doc;
  doc.text = c["Input"].get<std::string>();
  doc.prose_end = doc.text.size();
  std::vector<Mention> ours;
  for (const Mention& m : annotator.Annotate(doc)) {
    if (OfKind(m, kind)) ours.push_back(m);
  }
  std::ostringstream why;
  const json& expected = c["Results"];
  for (const json& r : expected) {
    size_t bs = ByteOffset(doc.text, r["Start"].get<size_t>());
    size_t be = ByteOffset(doc.text, r["End"].get<size_t>() + 1);
    const Mention* m = testing::Covering(ours, bs, be);
    if (m == nullptr || m->end - m->start > be - bs + 24) {
      why << "missing \"" << doc.text.substr(bs, be - bs) << "\"; ";
      continue;
    }
    std::string v = CompareValue(kind, r["Resolution"], *m);
    if (!v.empty()) why << "\"" << doc.text.substr(bs, be - bs) << "\": " << v << "; ";
  }
  if (ours.size() > expected.size()) {
    why << "extra:";
    for (const Mention& m : ours) why << " " << testing::Describe(m, doc.text);
  }
  return why.str();
}

struct Tally {
  int run = 0;
  int passed = 0;
};

Tally RunSpec(const Annotator& annotator, const std::string& path, Kind kind) {
  std::ifstream in(path);
  REQUIRE(in);
  std::stringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // BOM
  json cases = json::parse(text);
  Tally t;
  for (const json& c : cases) {
    if (c.value("NotSupported", "").find("javascript") != std::string::npos) continue;
    ++t.run;
    std::string why = RunCase(annotator, kind, c);
    if (why.empty()) {
      ++t.passed;
    } else {
      std::cout << "  spec miss [" << path.substr(path.rfind('/') + 1) << "] "
                << c["Input"].get<std::string>().substr(0, 100) << "\n      " << why << "\n";
    }
  }
  std::cout << "spec " << path.substr(path.rfind('/') + 1) << ": " << t.passed << "/" << t.run
            << " passed\n";
  return t;
}

}  // namespace

TEST_CASE("Recognizers-Text currency percent and range specs pass", "[spec]") {
  auto shared = testing::SharedDataOrWarn();
  if (!shared) return;
  auto annotator = Annotator::Create(testing::SourceDir() + "/schemas");
  REQUIRE(annotator.ok());
  std::string dir = *shared + "/recognizers-specs/";
  Tally total;
  for (auto [file, kind] : {std::pair{"CurrencyModel.json", Kind::kCurrency},
                            std::pair{"PercentModel.json", Kind::kPercent},
                            std::pair{"NumberRangeModel.json", Kind::kRange}}) {
    Tally t = RunSpec(**annotator, dir + file, kind);
    total.run += t.run;
    total.passed += t.passed;
  }
  double rate = total.run ? double(total.passed) / total.run : 0;
  WARN("Recognizers-Text currency+percent+range: " << total.passed << "/" << total.run);
  CHECK(total.run >= 140);
  CHECK(rate >= 0.95);
}

}  // namespace claimgraph::recognizers_spec_test
