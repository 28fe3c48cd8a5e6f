// CompanyCueFinder: the discovery rules that find companies a catalog does
// not know. Each rule yields a cue: a name as written and/or a ticker.
//
//   exchange ticker  "Acme Corp (NASDAQ: ACME)", "(STO: SKF B)",
//                    "OMX Helsinki : SUY1V", "HEL : DIG1V"; the name is the
//                    run of capitalized words just before, when there is one
//   cashtag          "$ACME" (not "$5", not "$US 5")
//   legal suffix     "Acme Corp", "Ponsse Oyj", "Wärtsilä Oyj Abp",
//                    "Acme Holdings", "Vodafone Group plc"
//   appositive       "Finnish forest machinery manufacturer Ponsse",
//                    "chipmaker Acme": a company noun (manufacturer, maker,
//                    company, group, firm, operator, developer, retailer,
//                    bank, provider, supplier, producer...) then a name
//
// Names drop leading words that cannot begin a company name ("The",
// "Finnish", "Monday", "CEO": function words, demonyms, days, months,
// titles) and stop at such words inside the name. The cues are raw: the
// recognizer decides whether a cue is a catalog company or a new one.
//
// Thread safety: a const CompanyCueFinder may be shared across threads.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"
#include "extractors/alias_index.h"
#include "extractors/entity_words.h"

namespace claimgraph {

struct CompanyCue {
  // The name as written ("Ponsse Oyj"); name_start == name_end when none.
  size_t name_start = 0;
  size_t name_end = 0;
  std::string short_name;  // the name without legal suffixes: "Ponsse"
  // The ticker as written ("SUY1V", "SKF B"; for a cashtag the span
  // includes the '$'); ticker_start == ticker_end when none.
  size_t ticker_start = 0;
  size_t ticker_end = 0;
  std::string ticker;

  bool has_name() const { return name_end > name_start; }
  bool has_ticker() const { return ticker_end > ticker_start; }
  size_t start() const;  // of the first span present
};

class CompanyCueFinder {
 public:
  static Result<std::unique_ptr<CompanyCueFinder>> Create();
  ~CompanyCueFinder();
  CompanyCueFinder(const CompanyCueFinder&) = delete;
  CompanyCueFinder& operator=(const CompanyCueFinder&) = delete;

  // Every cue in text, sorted by start(). Cues of different rules may name
  // the same span.
  std::vector<CompanyCue> Find(std::string_view text) const;
  // The same, given the words of text and their prefilter bits.
  std::vector<CompanyCue> Find(std::string_view text, const ScanWords& words) const;

 private:
  CompanyCueFinder();
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace claimgraph
