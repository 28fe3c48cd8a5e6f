#include "corpus_generator.h"

#include <cstdio>

#include "engine/json_writer.h"

namespace claimgraph::bench {

namespace {

constexpr const char* kCompanies[] = {
    "Amazon",       "Nvidia",     "Microsoft", "Alphabet",   "Apple",     "Meta",
    "Intel",        "AMD",        "Broadcom",  "TSMC",       "Nokia",     "Ericsson",
    "SAP",          "Siemens",    "ASML",      "Ponsse Oyj", "Acme Corp", "Northwind Holdings",
    "Fabrikam Inc", "Contoso plc"};
constexpr const char* kMetrics[] = {"net sales",
                                    "revenue",
                                    "operating profit",
                                    "net income",
                                    "free cash flow",
                                    "operating cash flow",
                                    "capital expenditure",
                                    "order backlog",
                                    "EBITDA",
                                    "gross margin",
                                    "earnings per share",
                                    "cost savings"};
constexpr const char* kVerbs[] = {"rose",    "fell",     "increased", "decreased",
                                  "climbed", "declined", "grew",      "dropped"};
constexpr const char* kCurrencies[] = {"$", "EUR ", "US$", "\xE2\x82\xAC", "SEK ", "\xC2\xA3"};
constexpr const char* kScales[] = {" million", " billion", " mn", " bn", "m", " thousand"};
constexpr const char* kQualifiers[] = {"",        "",           "",         "about ",
                                       "nearly ", "more than ", "roughly ", "up to "};
constexpr const char* kFiller[] = {
    "The company said demand remained strong across its main markets.",
    "Analysts had expected a weaker result given the slowdown in Europe.",
    "Management reiterated its outlook and said the integration was on track.",
    "Shares of the group were little changed in early trading.",
    "The board will propose the dividend at the annual general meeting.",
    "Customers continued to shift workloads to the cloud during the period."};

}  // namespace

std::string CorpusGenerator::Company() { return kCompanies[Pick(std::size(kCompanies))]; }

std::string CorpusGenerator::Money() {
  char num[32];
  std::snprintf(num, sizeof(num), "%.1f", 0.1 * static_cast<double>(Pick(99990) + 10));
  return std::string(kQualifiers[Pick(std::size(kQualifiers))]) +
         kCurrencies[Pick(std::size(kCurrencies))] + num + kScales[Pick(std::size(kScales))];
}

std::string CorpusGenerator::Percent() {
  char num[32];
  std::snprintf(num, sizeof(num), "%.1f%%", 0.1 * static_cast<double>(Pick(500) + 1));
  return num;
}

std::string CorpusGenerator::Period() {
  static constexpr const char* kForms[] = {"the third quarter of ",     "fiscal ", "Q2 ",
                                           "the first nine months of ", "",        "January-June "};
  return std::string(kForms[Pick(std::size(kForms))]) + std::to_string(2018 + Pick(9));
}

std::string CorpusGenerator::Sentence() {
  std::string metric = kMetrics[Pick(std::size(kMetrics))];
  size_t form = Pick(5);  // 0-3 carry claims, 4 is filler: 80% claims
  if (form < 4 && claim_share_ < 80 && Pick(80) >= claim_share_) form = 4;
  switch (form) {
    case 0:
      return Company() + "'s " + metric + " " + kVerbs[Pick(std::size(kVerbs))] + " to " + Money() +
             " from " + Money() + " a year earlier.";
    case 1:
      return "In " + Period() + ", " + metric + " " + kVerbs[Pick(std::size(kVerbs))] + " " +
             Percent() + " to " + Money() + ".";
    case 2:
      return Company() + " expects " + metric + " of " + Money() + " over the next " +
             std::to_string(2 + Pick(4)) + " years, CEO Jane Doe said.";
    case 3:
      return "The group employs " + std::to_string(100 + Pick(90000)) + " people and " + metric +
             " was " + Money() + " compared with " + Money() + " in the corresponding period.";
    default:
      return kFiller[Pick(std::size(kFiller))];
  }
}

std::string CorpusGenerator::Article(size_t target_bytes) {
  std::string text;
  while (text.size() < target_bytes) {
    if (!text.empty()) text += Pick(6) == 0 ? "\n" : " ";
    text += Sentence();
  }
  return text;
}

std::string CorpusGenerator::Date() {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04zu-%02zu-%02zu", 2020 + Pick(7), 1 + Pick(12), 1 + Pick(28));
  return buf;
}

std::string CorpusGenerator::JsonlDocument(uint64_t index, size_t target_bytes) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("id", "gen-" + std::to_string(index));
  w.Field("text", Article(target_bytes));
  w.Field("source", std::string("Source ") + static_cast<char>('A' + Pick(8)));
  w.Field("published", Date());
  w.Field("title", Company() + " results");
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace claimgraph::bench
