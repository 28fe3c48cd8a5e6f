#include "extractors/entity_discovery.h"

#include <re2/re2.h>

#include <algorithm>

#include "extractors/alias_index.h"
#include "extractors/ascii_classes.h"
#include "extractors/company_names.h"
#include "extractors/entity_words.h"

namespace claimgraph {

namespace {

// Stock exchanges as news writes them before a ticker: "(NASDAQ: ACME)".
// clang-format off
constexpr std::string_view kExchanges[] = {
    "NYSE", "NYSE American", "NYSE Arca", "NYSE MKT", "NASDAQ", "Nasdaq", "NasdaqGS",
    "NasdaqGM", "NasdaqCM", "Nasdaq Helsinki", "Nasdaq Stockholm", "Nasdaq Copenhagen",
    "Nasdaq Iceland", "Nasdaq First North", "Nasdaq Tallinn", "Nasdaq Riga", "Nasdaq Vilnius",
    "OMX", "OMX Helsinki", "OMX Stockholm", "OMX Copenhagen", "HEL", "STO", "CPH", "OSL",
    "AMEX", "OTC", "OTCQX", "OTCQB", "OTC Markets", "TSX", "TSXV", "TSX-V", "LSE", "LON",
    "AIM", "ASX", "NZX", "XETRA", "Xetra", "ETR", "FRA", "FWB", "SWX", "SIX", "VTX", "EPA",
    "AMS", "EBR", "ELI", "BIT", "BME", "MCE", "WSE", "Euronext", "Euronext Paris",
    "Euronext Amsterdam", "Euronext Brussels", "Euronext Lisbon", "Euronext Dublin",
    "Euronext Oslo", "Euronext Milan", "Oslo B\u00f8rs", "TYO", "TSE", "JPX", "HKEX", "HKG",
    "SEHK", "SGX", "KRX", "KOSDAQ", "KOSPI", "TWSE", "TPE", "SSE", "SZSE", "NSE", "BSE", "JSE",
    "BMV", "TASE"};
// clang-format on

// A capitalized name word: "Ponsse", "Wärtsilä", "AT&T", "Coca-Cola",
// "Amazon.com".
constexpr std::string_view kNameWord = R"(\p{Lu}[\p{L}\p{N}&\-]*(?:\.\p{L}[\p{L}\p{N}]*)*)";

// Nouns that say the name after them is a company: "manufacturer Ponsse".
// clang-format off
constexpr std::string_view kCompanyNouns[] = {
    "manufacturer", "maker", "chipmaker", "automaker", "carmaker", "drugmaker", "steelmaker",
    "toolmaker", "builder", "homebuilder", "shipbuilder", "company", "group", "firm", "operator",
    "developer", "retailer", "bank", "provider", "supplier", "producer", "insurer", "lender",
    "vendor", "distributor", "designer", "conglomerate", "startup", "start-up", "miner",
    "carrier", "utility", "giant", "chain", "publisher", "brewer", "airline", "subsidiary"};
// clang-format on

// How far around a trigger the rule's pattern may reach.
constexpr size_t kNameBefore = 200;     // a name before its legal suffix
constexpr size_t kNameAfter = 120;      // a name after its company noun
constexpr size_t kExchangeBefore = 40;  // "(Nasdaq First North :" before the colon
constexpr size_t kTickerAfter = 24;     // " SKF B)" after it

enum Trigger { kSuffixTrigger = 0, kNounTrigger = 1 };

std::string Alternation(std::vector<std::string_view> words) {
  // Longest first, so that "NYSE American" is preferred to "NYSE".
  std::stable_sort(words.begin(), words.end(),
                   [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += '|';
    out += RE2::QuoteMeta(re2::StringPiece(w.data(), w.size()));
  }
  return out;
}

std::string NameRun() {
  std::string word(kNameWord);
  return word + R"re((?:[ \t]+(?:)re" + word + R"re(|&))*)re";
}

// Groups: 1 exchange, 2 ticker, 3 share class ("B" in "(STO: SKF B)").
std::string ExchangePattern() {
  return R"re((?:^|[^\p{L}\p{N}])()re" +
         Alternation({std::begin(kExchanges), std::end(kExchanges)}) +
         R"re()[ \t]*:[ \t]*([A-Z0-9]{1,7}(?:[.\-][A-Z0-9]{1,3})?))re"
         R"re((?:[ \t]([A-Z])[ \t]*\))?(?:$|[^\p{L}\p{N}]))re";
}

// Group 1: the cashtag with its '$'.
std::string CashtagPattern() {
  return R"re((?:^|[^\p{L}\p{N}$])(\$[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?)(?:$|[^\p{L}\p{N}]))re";
}

// Groups: 1 the name words, 2 the suffix.
std::string LegalSuffixPattern() {
  return R"re((?:^|[^\p{L}\p{N}&\-.])()re" + NameRun() + R"re()(?:,[ \t]*|[ \t]+)()re" +
         Alternation(LegalSuffixes()) + R"re()(?:$|[^\p{L}\p{N}]))re";
}

// Groups: 1 the company noun, 2 the name words.
std::string AppositivePattern() {
  return R"re((?:^|[^\p{L}\p{N}\-])()re" +
         Alternation({std::begin(kCompanyNouns), std::end(kCompanyNouns)}) + R"re()[ \t]+()re" +
         NameRun() + ")";
}

// A discovery pattern, and the same narrowed to ASCII for windows of ASCII
// text (most of them: news in English). The narrowed program is a fraction
// of the size: appositives on the seed articles cost 71k instructions per
// search before, 1.9k after.
struct Pattern {
  explicit Pattern(const std::string& pattern) : unicode(pattern), ascii(AsciiClasses(pattern)) {}
  const RE2& For(std::string_view text, TextSpan window) const {
    for (size_t i = window.start; i < window.end; ++i) {
      if (static_cast<unsigned char>(text[i]) >= 0x80) return unicode;
    }
    return ascii;
  }
  RE2 unicode;
  RE2 ascii;
};

size_t Offset(std::string_view text, const re2::StringPiece& piece) {
  return static_cast<size_t>(piece.data() - text.data());
}

size_t EndOffset(std::string_view text, const re2::StringPiece& piece) {
  return Offset(text, piece) + piece.size();
}

// The part of text within `before` bytes before pos and `after` bytes
// after it, widened so that it does not cut a word and ends one character
// past the last word (for the patterns' trailing boundary).
TextSpan Around(std::string_view text, size_t pos, size_t before, size_t after) {
  size_t start = pos > before ? pos - before : 0;
  size_t end = WordEnd(text, std::min(text.size(), pos + after));
  if (end < text.size()) end += CharLength(text, end);
  return {start, end};
}

// Whether the text after a company noun that ends at `end` can start the
// appositive pattern's name: blanks, then a capital (ASCII, or any
// non-ASCII character, which the pattern's \p{Lu} decides). Most nouns
// ("the company said") fail this, and their windows are not searched.
bool MayStartAppositiveName(std::string_view text, size_t end) {
  size_t p = end;
  while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
  if (p == end || p == text.size()) return false;
  const auto c = static_cast<unsigned char>(text[p]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Sorts spans and merges those that overlap.
std::vector<TextSpan> Merge(std::vector<TextSpan> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const TextSpan& a, const TextSpan& b) { return a.start < b.start; });
  std::vector<TextSpan> out;
  for (const TextSpan& s : spans) {
    if (!out.empty() && s.start <= out.back().end) {
      out.back().end = std::max(out.back().end, s.end);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

// Calls on_match(groups) for each match of re inside the windows; on_match
// returns where the next search starts. Text outside a window is context
// for the pattern's boundaries.
template <int kGroups, typename OnMatch>
void ForEachMatch(const Pattern& pattern, std::string_view text,
                  const std::vector<TextSpan>& windows, OnMatch on_match) {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[kGroups + 1];
  for (const TextSpan& window : windows) {
    const RE2& re = pattern.For(text, window);
    size_t pos = window.start;
    while (pos < window.end &&
           re.Match(input, pos, window.end, RE2::UNANCHORED, groups, kGroups + 1)) {
      pos = std::max(on_match(groups), pos + 1);
    }
  }
}

void SetName(const CompanyName& name, CompanyCue* cue) {
  cue->name_start = name.span.start;
  cue->name_end = name.span.end;
  cue->short_name = name.short_name;
}

}  // namespace

size_t CompanyCue::start() const {
  if (!has_name()) return ticker_start;
  if (!has_ticker()) return name_start;
  return std::min(name_start, ticker_start);
}

// Where each rule may match: around colons, dollar signs, legal suffixes
// and company nouns. Running the patterns only there keeps discovery cheap
// on text that has none.
struct CueWindows {
  std::vector<TextSpan> exchange, cashtag, legal_suffix, appositive;
};

struct CompanyCueFinder::Rep {
  Pattern exchange{ExchangePattern()};
  Pattern cashtag{CashtagPattern()};
  Pattern legal_suffix{LegalSuffixPattern()};
  Pattern appositive{AppositivePattern()};
  AliasIndex triggers;  // legal suffixes and company nouns

  CueWindows FindWindows(std::string_view text, const ScanWords& words) const;
  void FindExchangeTickers(std::string_view text, const std::vector<TextSpan>& windows,
                           std::vector<CompanyCue>* cues) const;
  void FindCashtags(std::string_view text, const std::vector<TextSpan>& windows,
                    std::vector<CompanyCue>* cues) const;
  void FindLegalNames(std::string_view text, const std::vector<TextSpan>& windows,
                      std::vector<CompanyCue>* cues) const;
  void FindAppositives(std::string_view text, const std::vector<TextSpan>& windows,
                       std::vector<CompanyCue>* cues) const;
};

CueWindows CompanyCueFinder::Rep::FindWindows(std::string_view text, const ScanWords& words) const {
  CueWindows w;
  for (size_t p = text.find(':'); p != std::string_view::npos; p = text.find(':', p + 1)) {
    w.exchange.push_back(Around(text, p, kExchangeBefore, kTickerAfter));
  }
  for (size_t p = text.find('$'); p != std::string_view::npos; p = text.find('$', p + 1)) {
    // A cashtag's '$' is followed by a capital (CashtagPattern); most
    // dollar signs start amounts ("$1.2 billion") and open no window.
    if (p + 1 < text.size() && IsAsciiUpper(text[p + 1])) {
      w.cashtag.push_back(Around(text, p, 1, kTickerAfter));
    }
  }
  for (const AliasHit& hit : triggers.Scan(text, words)) {
    if (hit.target == kSuffixTrigger) {
      w.legal_suffix.push_back(Around(text, hit.start, kNameBefore, hit.end - hit.start));
    } else if (MayStartAppositiveName(text, hit.end)) {
      w.appositive.push_back(Around(text, hit.start, 1, hit.end - hit.start + kNameAfter));
    }
  }
  return {Merge(std::move(w.exchange)), Merge(std::move(w.cashtag)),
          Merge(std::move(w.legal_suffix)), Merge(std::move(w.appositive))};
}

void CompanyCueFinder::Rep::FindExchangeTickers(std::string_view text,
                                                const std::vector<TextSpan>& windows,
                                                std::vector<CompanyCue>* cues) const {
  ForEachMatch<3>(exchange, text, windows, [&](const re2::StringPiece* g) {
    CompanyCue cue;
    cue.ticker_start = Offset(text, g[2]);
    cue.ticker_end = EndOffset(text, g[3].data() != nullptr ? g[3] : g[2]);
    cue.ticker = std::string(text.substr(cue.ticker_start, cue.ticker_end - cue.ticker_start));
    auto name = NameFromWords(text, NameWordsBefore(text, Offset(text, g[1])), NameAnchor::kEnd);
    if (name) SetName(*name, &cue);
    size_t end = cue.ticker_end;
    cues->push_back(std::move(cue));
    return end;
  });
}

void CompanyCueFinder::Rep::FindCashtags(std::string_view text,
                                         const std::vector<TextSpan>& windows,
                                         std::vector<CompanyCue>* cues) const {
  ForEachMatch<1>(cashtag, text, windows, [&](const re2::StringPiece* g) {
    size_t end = EndOffset(text, g[1]);
    size_t after = end;
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
    bool amount = after > end && after < text.size() && text[after] >= '0' && text[after] <= '9';
    if (!amount) {  // "$US 5 billion" is money, not a cashtag
      CompanyCue cue;
      cue.ticker_start = Offset(text, g[1]);
      cue.ticker_end = end;
      cue.ticker = std::string(g[1].data() + 1, g[1].size() - 1);
      cues->push_back(std::move(cue));
    }
    return end;
  });
}

void CompanyCueFinder::Rep::FindLegalNames(std::string_view text,
                                           const std::vector<TextSpan>& windows,
                                           std::vector<CompanyCue>* cues) const {
  ForEachMatch<2>(legal_suffix, text, windows, [&](const re2::StringPiece* g) {
    std::vector<TextSpan> words = SplitNameWords(text, {Offset(text, g[1]), EndOffset(text, g[1])});
    words.push_back({Offset(text, g[2]), EndOffset(text, g[2])});
    if (auto name = NameFromWords(text, std::move(words), NameAnchor::kEnd)) {
      CompanyCue cue;
      SetName(*name, &cue);
      cues->push_back(std::move(cue));
    }
    return EndOffset(text, g[2]);
  });
}

void CompanyCueFinder::Rep::FindAppositives(std::string_view text,
                                            const std::vector<TextSpan>& windows,
                                            std::vector<CompanyCue>* cues) const {
  ForEachMatch<2>(appositive, text, windows, [&](const re2::StringPiece* g) {
    std::vector<TextSpan> words = SplitNameWords(text, {Offset(text, g[2]), EndOffset(text, g[2])});
    if (auto name = NameFromWords(text, std::move(words), NameAnchor::kStart)) {
      CompanyCue cue;
      SetName(*name, &cue);
      cues->push_back(std::move(cue));
    }
    return EndOffset(text, g[1]);
  });
}

CompanyCueFinder::CompanyCueFinder() = default;
CompanyCueFinder::~CompanyCueFinder() = default;

Result<std::unique_ptr<CompanyCueFinder>> CompanyCueFinder::Create() {
  std::unique_ptr<CompanyCueFinder> finder(new CompanyCueFinder());
  finder->rep_ = std::make_unique<Rep>();
  // Suffixes first: "Group" is a suffix, "group" a noun.
  AliasIndex& triggers = finder->rep_->triggers;
  for (std::string_view suffix : LegalSuffixes()) triggers.Add(suffix, kSuffixTrigger);
  for (std::string_view noun : kCompanyNouns) triggers.Add(noun, kNounTrigger);
  for (const Pattern* p : {&finder->rep_->exchange, &finder->rep_->cashtag,
                           &finder->rep_->legal_suffix, &finder->rep_->appositive}) {
    if (p->ascii.pattern().empty()) {
      return Status::InvalidArgument("company discovery pattern " + p->unicode.pattern() +
                                     ": a \\p class AsciiClasses cannot narrow");
    }
    for (const RE2* re : {&p->unicode, &p->ascii}) {
      if (!re->ok()) return Status::InvalidArgument("company discovery pattern: " + re->error());
    }
  }
  return finder;
}

std::vector<CompanyCue> CompanyCueFinder::Find(std::string_view text) const {
  return Find(text, ScanWords(text, FindWords(text)));
}

std::vector<CompanyCue> CompanyCueFinder::Find(std::string_view text,
                                               const ScanWords& words) const {
  std::vector<CompanyCue> cues;
  CueWindows windows = rep_->FindWindows(text, words);
  rep_->FindExchangeTickers(text, windows.exchange, &cues);
  rep_->FindCashtags(text, windows.cashtag, &cues);
  rep_->FindLegalNames(text, windows.legal_suffix, &cues);
  rep_->FindAppositives(text, windows.appositive, &cues);
  std::stable_sort(cues.begin(), cues.end(),
                   [](const CompanyCue& a, const CompanyCue& b) { return a.start() < b.start(); });
  return cues;
}

}  // namespace claimgraph
