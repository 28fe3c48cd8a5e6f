// Period parsers: the hand-written grammars PeriodRecognizer runs around
// each anchor word its combined pattern finds. Internal to extractors/.
//
// Each Match* function looks at the words around one anchor and appends
// every period or duration mention it can build there (possibly several,
// possibly overlapping); the recognizer keeps the longest. A mention covers
// the expression with its determiners and cue words ("the third quarter of
// 2008", "the next 4-8 quarters", "every 18 months", "a year earlier") but
// not a leading preposition ("in", "over", "for", "during").
//
// Thread-safe: the functions keep no state between calls.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "engine/date.h"
#include "engine/mention.h"
#include "extractors/period_lexicon.h"

namespace claimgraph {

class NumberParser;

// Everything a parser needs to know about the document being scanned.
struct PeriodScan {
  PeriodText text;
  std::optional<Date> published;  // valid or nullopt
  const NumberParser* numbers = nullptr;
};

Mention PeriodMention(size_t start, size_t end, const Period& period);

// A year reference after a period head: " 2008", " of 2008", "'26",
// " of fiscal 2025", " FY25", " of last year", " of the year", or an end
// date: " ended June 30, 2025", " through Dec. 31", " to 30 June 2025"
// (only a written date after "to"/"through" counts).
struct YearTail {
  size_t end = 0;  // just past the tail; the head's end when none
  int year = 0;    // resolved year; 0 when unknown
  bool fiscal = false;
  bool relative = false;  // "of last year": year came from published
  int relative_years = 0;
  std::optional<Date> ended;  // "ended June 30, 2025"
  bool end_clause = false;    // "ended <date>" matched (ended may be unknown)
  bool found = false;
};
YearTail ParseYearTail(const PeriodScan& scan, size_t pos);

// A 19xx/20xx year that reads as a year: not money ("$2008 million"), not
// part of a digit group ("2,000", "1,259.6"), not a count ("2008
// employees"), not a percentage.
std::optional<int> PlainYearAt(const PeriodScan& scan, Word word);

// A written date at pos: "June 30", "June 30, 2025", "Dec. 31 2025",
// "30 June 2025". The year defaults to the published year, moved back one
// year when `past` and the date would fall after the published date.
struct DateMatch {
  size_t start = 0;
  size_t end = 0;
  std::optional<Date> date;  // nullopt when the year is unknown
};
std::optional<DateMatch> ParseWrittenDate(const PeriodScan& scan, size_t pos, bool past);

// Anchor "Q3", "3Q25", "H1", "2H24".
void MatchQuarterCode(const PeriodScan& scan, Word anchor, std::vector<Mention>* out);
// Anchor "FY..." or "fiscal".
void MatchFiscal(const PeriodScan& scan, Word anchor, std::vector<Mention>* out);
// Anchor "quarter" or "half": "the third quarter of 2008", "first-half",
// "the quarter ended June 30".
void MatchOrdinalPeriod(const PeriodScan& scan, Word anchor, std::vector<Mention>* out);
// Anchor a month name: dates, "June 2026", "January-June 2009", "in April".
void MatchMonth(const PeriodScan& scan, Word anchor, std::vector<Mention>* out);
// Anchor a 19xx/20xx number: "2008", "2026-01-15", "2008-2010".
void MatchYear(const PeriodScan& scan, Word anchor, std::vector<Mention>* out);
// Anchor a time unit word: relative periods ("last year", "a year
// earlier"), horizons, trailing spans, "first nine months of 2007",
// "year-to-date" and durations ("every 18 months", "27-year", "2-3
// quarters").
void MatchUnitPhrase(const PeriodScan& scan, Word anchor, std::vector<Mention>* out);
// Anchor "period", "quarter", "month": "the same period last year", "the
// corresponding period", "the year-ago quarter".
void MatchComparative(const PeriodScan& scan, Word anchor, std::vector<Mention>* out);

}  // namespace claimgraph
