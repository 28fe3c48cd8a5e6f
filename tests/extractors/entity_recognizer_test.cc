#include "extractors/entity_recognizer.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "extractors/entity_catalog.h"
#include "test_paths.h"

namespace claimgraph::entity_recognizer_test {

namespace {

const EntityCatalog& BundledCatalog() {
  static const EntityCatalog* catalog = [] {
    auto* c = new EntityCatalog();
    Status s = c->AddFile(testing::SourceDir() + "/schemas/catalog.json");
    if (!s.ok()) FAIL(s.ToString());
    return c;
  }();
  return *catalog;
}

const EntityRecognizer& Bundled() {
  static const EntityRecognizer* recognizer = [] {
    auto r = EntityRecognizer::Create(BundledCatalog());
    if (!r.ok()) FAIL(r.status().ToString());
    return std::move(r).value().release();
  }();
  return *recognizer;
}

// The mention spanning exactly the nth occurrence of `surface` in text.
const EntityMention* Span(const std::vector<EntityMention>& mentions, std::string_view text,
                          std::string_view surface, int nth = 0) {
  size_t pos = text.find(surface);
  for (int i = 0; i < nth && pos != std::string_view::npos; ++i) {
    pos = text.find(surface, pos + 1);
  }
  if (pos == std::string_view::npos) FAIL("no \"" << surface << "\" in the text");
  for (const EntityMention& m : mentions) {
    if (m.start == pos && m.end == pos + surface.size()) return &m;
  }
  return nullptr;
}

// The id of the mention spanning `surface`, or "(none)".
std::string IdAt(const std::vector<EntityMention>& mentions, std::string_view text,
                 std::string_view surface, int nth = 0) {
  const EntityMention* m = Span(mentions, text, surface, nth);
  return m == nullptr ? "(none)" : m->id;
}

std::vector<std::string> Surfaces(const std::vector<EntityMention>& mentions,
                                  std::string_view text) {
  std::vector<std::string> out;
  for (const EntityMention& m : mentions) {
    out.emplace_back(text.substr(m.start, m.end - m.start));
  }
  return out;
}

void CheckSortedAndDisjoint(const std::vector<EntityMention>& mentions, size_t text_size) {
  for (size_t i = 0; i < mentions.size(); ++i) {
    CHECK(mentions[i].start < mentions[i].end);
    CHECK(mentions[i].end <= text_size);
    if (i > 0) CHECK(mentions[i - 1].end <= mentions[i].start);
  }
}

}  // namespace

TEST_CASE("Catalog names and aliases are found with their ids and types", "[entity]") {
  std::string text =
      "Alphabet's Google Cloud and Microsoft Azure grew faster than Amazon Web Services, "
      "while Nvidia shipped H100 and B200 GPUs and AMD countered with the MI300X. "
      "Taiwan Semiconductor Manufacturing Company builds chips for Apple and Broadcom.";
  auto mentions = Bundled().Recognize(text);
  CheckSortedAndDisjoint(mentions, text.size());
  CHECK(IdAt(mentions, text, "Alphabet's") == "GOOGL");
  const EntityMention* gcp = Span(mentions, text, "Google Cloud");
  REQUIRE(gcp != nullptr);
  CHECK(gcp->id == "GOOGL/google-cloud");
  CHECK(gcp->type == EntityType::kSegment);
  CHECK(gcp->name == "Google Cloud");
  CHECK(IdAt(mentions, text, "Microsoft Azure") == "MSFT/azure");
  CHECK(IdAt(mentions, text, "Amazon Web Services") == "AMZN/aws");
  CHECK(IdAt(mentions, text, "H100") == "NVDA/h100");
  CHECK(Span(mentions, text, "H100")->type == EntityType::kProduct);
  CHECK(IdAt(mentions, text, "MI300X") == "AMD/mi300x");
  CHECK(IdAt(mentions, text, "Taiwan Semiconductor Manufacturing Company") == "TSM");
  CHECK(Span(mentions, text, "Taiwan Semiconductor Manufacturing Company")->name == "TSMC");
  CHECK(IdAt(mentions, text, "Apple") == "AAPL");
  for (const EntityMention& m : mentions) {
    CHECK_FALSE(m.discovered);
    CHECK_FALSE(m.anaphor);
  }
}

TEST_CASE("Possessives belong to the mention in both apostrophe styles", "[entity]") {
  std::string text = "Amazon\u2019s chips, AWS's backlog, Nvidia's lead and TSMC\u2019s fabs.";
  auto mentions = Bundled().Recognize(text);
  CHECK(Surfaces(mentions, text) ==
        std::vector<std::string>{"Amazon\u2019s", "AWS's", "Nvidia's", "TSMC\u2019s"});
  CHECK(mentions[1].id == "AMZN/aws");
}

TEST_CASE("Short all-caps aliases match only in capitals", "[entity]") {
  std::string text =
      "SAP and ARM rose, AMD fell and AWS grew; the sap rose in the tree, he hurt his arm, "
      "Amd and Aws are typos.";
  auto mentions = Bundled().Recognize(text);
  CHECK(Surfaces(mentions, text) == std::vector<std::string>{"SAP", "ARM", "AMD", "AWS"});
  CHECK(IdAt(mentions, text, "ARM") == "ARM");
  CHECK(IdAt(mentions, text, "SAP") == "SAP");
}

TEST_CASE("Capitalized aliases need their capital in the text", "[entity]") {
  std::string text =
      "Amazon Nova and Nova models, a nova in the sky, NOVA in a headline; Apple bought an "
      "apple; Intel shares and market intel; NVIDIA and Nvidia but not nvidia.";
  auto mentions = Bundled().Recognize(text);
  CHECK(Surfaces(mentions, text) == std::vector<std::string>{"Amazon Nova", "Nova", "NOVA", "Apple",
                                                             "Intel", "NVIDIA", "Nvidia"});
  CHECK(IdAt(mentions, text, "Amazon Nova") == "AMZN/nova");
  CHECK(IdAt(mentions, text, "Nova", 1) == "AMZN/nova");
  CHECK(IdAt(mentions, text, "NVIDIA") == "NVDA");
}

TEST_CASE("Names match whole words and any whitespace between their words", "[entity]") {
  std::string text =
      "Amazonian forests, Intelligence reports and Applesauce; Trainium-based racks, "
      "Trainium  2 and Amazon\nWeb Services; Trainium/Graviton mixes.";
  auto mentions = Bundled().Recognize(text);
  CHECK(Surfaces(mentions, text) == std::vector<std::string>{"Trainium", "Trainium  2",
                                                             "Amazon\nWeb Services", "Trainium",
                                                             "Graviton"});
  CHECK(IdAt(mentions, text, "Trainium  2") == "AMZN/trainium2");
}

TEST_CASE("Common words and lowercase text name no entity", "[entity]") {
  std::string text =
      "the group of analysts said demand for cloud services, windows and chips in the "
      "foundry was strong; a nova, an arm, the sap, some slack and a llama grazed.";
  auto mentions = Bundled().Recognize(text);
  CHECK(mentions.empty());
}

TEST_CASE("Exchange tickers in parentheses name a company", "[entity]") {
  std::string text =
      "Acme Corp (NASDAQ: ACME) beat estimates. Shares of Zenith Rail (NYSE: ZRL) fell. "
      "SKF (STO: SKF B) and Nvidia (NASDAQ: NVDA) rose.";
  auto mentions = Bundled().Recognize(text);
  CheckSortedAndDisjoint(mentions, text.size());
  const EntityMention* acme = Span(mentions, text, "Acme Corp");
  REQUIRE(acme != nullptr);
  CHECK(acme->id == "ACME");
  CHECK(acme->discovered);
  CHECK(acme->type == EntityType::kCompany);
  CHECK(acme->name == "Acme Corp");
  CHECK(IdAt(mentions, text, "ACME") == "ACME");
  CHECK(IdAt(mentions, text, "Zenith Rail") == "ZRL");
  CHECK(IdAt(mentions, text, "ZRL") == "ZRL");
  CHECK(IdAt(mentions, text, "SKF B") == "SKF B");
  CHECK(IdAt(mentions, text, "SKF") == "SKF B");
  const EntityMention* nvda = Span(mentions, text, "NVDA");
  REQUIRE(nvda != nullptr);
  CHECK(nvda->id == "NVDA");
  CHECK_FALSE(nvda->discovered);
}

TEST_CASE("Nordic exchange tickers without parentheses name a company", "[entity]") {
  std::string text =
      "Suominen Corporation OMX Helsinki : SUY1V reported results. Digia HEL : DIG1V fell. "
      "Later Suominen said margins improved.";
  auto mentions = Bundled().Recognize(text);
  CHECK(IdAt(mentions, text, "Suominen Corporation") == "SUY1V");
  CHECK(IdAt(mentions, text, "SUY1V") == "SUY1V");
  CHECK(IdAt(mentions, text, "Digia") == "DIG1V");
  CHECK(IdAt(mentions, text, "DIG1V") == "DIG1V");
  CHECK(IdAt(mentions, text, "Suominen", 1) == "SUY1V");
}

TEST_CASE("Cashtags name a company but dollar amounts do not", "[entity]") {
  std::string text = "$ACME jumped while $AMZN slipped; it cost $5 and $US 5 billion, not $ 7.";
  auto mentions = Bundled().Recognize(text);
  CHECK(Surfaces(mentions, text) == std::vector<std::string>{"$ACME", "$AMZN"});
  CHECK(mentions[0].id == "ACME");
  CHECK(mentions[0].discovered);
  CHECK(mentions[1].id == "AMZN");
  CHECK_FALSE(mentions[1].discovered);
}

TEST_CASE("Names with a legal suffix are discovered with slug ids", "[entity]") {
  std::string text =
      "Ponsse Oyj and Kemira Oyj raised guidance, W\u00e4rtsil\u00e4 Oyj Abp cut it and "
      "Acme Holdings was unchanged. On Monday Zenith Widgets Inc said Kemira was a customer. "
      "The Group said nothing. Analysts at Nvidia Corp agreed.";
  auto mentions = Bundled().Recognize(text);
  CheckSortedAndDisjoint(mentions, text.size());
  CHECK(IdAt(mentions, text, "Ponsse Oyj") == "ponsse");
  CHECK(Span(mentions, text, "Ponsse Oyj")->discovered);
  CHECK(IdAt(mentions, text, "Kemira Oyj") == "kemira");
  CHECK(IdAt(mentions, text, "W\u00e4rtsil\u00e4 Oyj Abp") == "wartsila");
  CHECK(IdAt(mentions, text, "Acme Holdings") == "acme");
  CHECK(IdAt(mentions, text, "Zenith Widgets Inc") == "zenith-widgets");
  CHECK(Span(mentions, text, "On Monday Zenith Widgets Inc") == nullptr);
  CHECK(IdAt(mentions, text, "Kemira", 1) == "kemira");
  CHECK(IdAt(mentions, text, "Nvidia Corp") == "NVDA");
  CHECK_FALSE(Span(mentions, text, "Nvidia Corp")->discovered);
  for (const EntityMention& m : mentions) CHECK(m.id != "the-group");
}

TEST_CASE("Appositives discover the company named after a company noun", "[entity]") {
  std::string text =
      "Finnish forest machinery manufacturer Ponsse said on Monday that orders grew. "
      "Ponsse's order book and Ponsse both rose. US chipmaker Nvidia gained, the lender "
      "Nordea Bank rallied and the company Monday said nothing.";
  auto mentions = Bundled().Recognize(text);
  const EntityMention* ponsse = Span(mentions, text, "Ponsse");
  REQUIRE(ponsse != nullptr);
  CHECK(ponsse->id == "ponsse");
  CHECK(ponsse->discovered);
  CHECK_FALSE(ponsse->anaphor);
  CHECK(IdAt(mentions, text, "Ponsse's") == "ponsse");
  CHECK_FALSE(Span(mentions, text, "Ponsse's")->anaphor);
  CHECK(IdAt(mentions, text, "Ponsse", 2) == "ponsse");
  CHECK(IdAt(mentions, text, "Nvidia") == "NVDA");
  CHECK(IdAt(mentions, text, "Nordea Bank") == "nordea-bank");
  CHECK(IdAt(mentions, text, "Monday", 1) == "(none)");

  // After a tab or several spaces, and a name that starts with a capital
  // outside ASCII.
  text = "Shares of the retailer\t\u00c5hl\u00e9ns fell while the insurer   Sampo rose.";
  mentions = Bundled().Recognize(text);
  for (const char* name : {"\u00c5hl\u00e9ns", "Sampo"}) {
    INFO(name);
    const EntityMention* m = Span(mentions, text, name);
    REQUIRE(m != nullptr);
    CHECK(m->discovered);
  }
  // A noun followed by a comma, a lower-case word or nothing names no one.
  text = "Then the company, Zorblax Widgets, said the group Quuxo grew; the firm said the maker";
  mentions = Bundled().Recognize(text);
  CHECK(Span(mentions, text, "Zorblax Widgets") == nullptr);
  CHECK(Span(mentions, text, "Zorblax") == nullptr);
  CHECK(IdAt(mentions, text, "Quuxo") == "quuxo");  // the control: a capital after the noun
}

TEST_CASE("Anaphors resolve to the most recent company before them", "[entity]") {
  std::string text =
      "Kemira Oyj raised guidance and the company said its margin grew. Nvidia also rose; "
      "the firm's backlog and The Group of analysts agreed. AWS grew and the company's "
      "margin widened. Later Andy Jassy said the group was ready.";
  auto mentions = Bundled().Recognize(text);
  CheckSortedAndDisjoint(mentions, text.size());
  const EntityMention* company = Span(mentions, text, "the company");
  REQUIRE(company != nullptr);
  CHECK(company->anaphor);
  CHECK(company->discovered);
  CHECK(company->id == "kemira");
  CHECK(company->type == EntityType::kCompany);
  CHECK(IdAt(mentions, text, "its") == "kemira");
  CHECK(IdAt(mentions, text, "the firm's") == "NVDA");
  CHECK(Span(mentions, text, "The Group") == nullptr);
  const EntityMention* after_segment = Span(mentions, text, "the company's");
  REQUIRE(after_segment != nullptr);
  CHECK(after_segment->id == "AMZN");
  CHECK(after_segment->name == "Amazon");
  CHECK_FALSE(after_segment->discovered);
  CHECK(IdAt(mentions, text, "the group") == "AMZN");
}

TEST_CASE("An anaphor before any company is not a mention", "[entity]") {
  std::string text = "The company said its outlook was firm. Then Nokia said its outlook held.";
  auto mentions = Bundled().Recognize(text);
  CHECK(Surfaces(mentions, text) == std::vector<std::string>{"Nokia", "its"});
  CHECK(mentions[1].id == "NOKIA");
  CHECK(mentions[1].anaphor);
}

TEST_CASE("A surname alone names a person after their full name", "[entity]") {
  std::string text =
      "DeSantis was quoted first. AWS AI chief Peter DeSantis spoke; DeSantis's view is "
      "that Huang is wrong. Jassy agreed.";
  auto mentions = Bundled().Recognize(text);
  CHECK(IdAt(mentions, text, "DeSantis") == "(none)");
  CHECK(IdAt(mentions, text, "Peter DeSantis") == "person/peter-desantis");
  CHECK(Span(mentions, text, "Peter DeSantis")->type == EntityType::kPerson);
  CHECK(IdAt(mentions, text, "DeSantis's") == "person/peter-desantis");
  CHECK(IdAt(mentions, text, "Huang") == "(none)");
  CHECK(IdAt(mentions, text, "Jassy") == "person/andy-jassy");
}

TEST_CASE("A user catalog entry turns a discovered company into a catalog one", "[entity]") {
  EntityCatalog catalog;
  REQUIRE(catalog.AddFile(testing::SourceDir() + "/schemas/catalog.json").ok());
  REQUIRE(catalog
              .AddJson(R"({"companies": [{"id": "PON1V", "name": "Ponsse", "ticker": "PON1V",
                  "exchange": "HEL", "aliases": ["Ponsse Oyj"]},
                  {"id": "AMZN", "aliases": ["the everything store"]}]})",
                       "user.json")
              .ok());
  auto recognizer = EntityRecognizer::Create(catalog);
  REQUIRE(recognizer.ok());
  std::string text = "Ponsse Oyj and Ponsse rose; the everything store fell.";
  auto mentions = (*recognizer)->Recognize(text);
  CHECK(Surfaces(mentions, text) ==
        std::vector<std::string>{"Ponsse Oyj", "Ponsse", "the everything store"});
  CHECK(mentions[0].id == "PON1V");
  CHECK_FALSE(mentions[0].discovered);
  CHECK(mentions[2].id == "AMZN");
}

TEST_CASE("The seed articles name Amazon's chips segment and people", "[entity]") {
  const EntityCatalog& catalog = BundledCatalog();
  std::string text =
      testing::ReadFileOrFail(testing::SourceDir() + "/corpus/articles/000_4fc73b3250fc1a5f.txt");
  text +=
      testing::ReadFileOrFail(testing::SourceDir() + "/corpus/articles/001_38f5dda27b7ca6ed.txt");
  auto mentions = Bundled().Recognize(text);
  for (const char* generation : {"Trainium2", "Trainium3", "Trainium4"}) {
    const EntityMention* m = Span(mentions, text, generation);
    REQUIRE(m != nullptr);
    CHECK(m->type == EntityType::kProduct);
    const CatalogEntity* product = catalog.Find(m->id);
    REQUIRE(product != nullptr);
    CHECK(product->parent == "AMZN");
    CHECK(product->family == "AMZN/trainium");
  }
  CHECK(IdAt(mentions, text, "AWS") == "AMZN/aws");
  CHECK(Span(mentions, text, "AWS")->type == EntityType::kSegment);
  CHECK(IdAt(mentions, text, "Andy Jassy") == "person/andy-jassy");
  CHECK(IdAt(mentions, text, "Nvidia") == "NVDA");
  CHECK(IdAt(mentions, text, "NVDA") == "NVDA");
  CHECK(IdAt(mentions, text, "AVGO\u2019s") == "AVGO");
  CHECK(IdAt(mentions, text, "Amazon\u2019s") == "AMZN");
}

TEST_CASE("Every seed article yields sorted disjoint mentions of known entities", "[entity]") {
  namespace fs = std::filesystem;
  const EntityCatalog& catalog = BundledCatalog();
  int articles = 0;
  for (const auto& entry : fs::directory_iterator(testing::SourceDir() + "/corpus/articles")) {
    std::string text = testing::ReadFileOrFail(entry.path().string());
    auto mentions = Bundled().Recognize(text);
    INFO(entry.path().filename().string());
    CHECK(mentions.size() >= 15);
    CheckSortedAndDisjoint(mentions, text.size());
    for (const EntityMention& m : mentions) {
      if (!m.discovered) CHECK(catalog.Find(m.id) != nullptr);
    }
    ++articles;
  }
  CHECK(articles == 5);
  std::string text =
      testing::ReadFileOrFail(testing::SourceDir() + "/corpus/articles/003_74ba46d11267a025.txt");
  auto mentions = Bundled().Recognize(text);
  CHECK(IdAt(mentions, text, "Trainium 2") == "AMZN/trainium2");
  CHECK(IdAt(mentions, text, "Nvidia DGX Cloud") == "NVDA/dgx-cloud");
  CHECK(IdAt(mentions, text, "Jensen Huang\u2019s") == "person/jensen-huang");
  CHECK(IdAt(mentions, text, "Neuron SDK") == "AMZN/neuron-sdk");
  CHECK(IdAt(mentions, text, "Amazon S3") == "AMZN/s3");
  CHECK(IdAt(mentions, text, "ZDNet") == "zdnet");
}

TEST_CASE("Arbitrary bytes give sorted disjoint mentions inside the text", "[entity]") {
  CHECK(Bundled().Recognize("").empty());
  const std::string pieces[] = {"Amazon",      "\xE2\x80\x99s", " ",        "(NASDAQ: ", "$",
                                "Oyj",         "\xC3",          "\xA4",     "Inc.",      "maker ",
                                "the company", "AWS",           ":",        "\n",        "Ponsse",
                                "'s",          "SKF B)",        "\xF0\x9F", "Group",     ","};
  uint32_t state = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int length = static_cast<int>(state % 40);
    for (int i = 0; i < length; ++i) {
      state = state * 1103515245u + 12345u;
      text += pieces[(state >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
    }
    state = state * 1103515245u + 12345u;
    if (!text.empty()) text.resize(state % text.size());  // cut anywhere, even mid-character
    CheckSortedAndDisjoint(Bundled().Recognize(text), text.size());
  }
}

// Speed is measured by benchmarks, never asserted here; this checks that a
// long input (the article twenty times over) is read in full, every copy.
TEST_CASE("Recognition covers every copy of a long repeated article", "[entity]") {
  std::string one =
      testing::ReadFileOrFail(testing::SourceDir() + "/corpus/articles/004_aee871e203bca7da.txt");
  REQUIRE(one.size() > 5000);
  constexpr size_t kCopies = 20;
  std::string text;
  for (size_t i = 0; i < kCopies; ++i) text += one + "\n";
  size_t single = Bundled().Recognize(one).size();
  std::vector<EntityMention> all = Bundled().Recognize(text);
  CHECK(single > 0);
  CHECK(all.size() >= kCopies * single);
  CHECK(all.back().start > (kCopies - 1) * (one.size() + 1));
}

}  // namespace claimgraph::entity_recognizer_test
