// QuantityLexicon: the data the quantity recognizer is built from, loaded
// from schemas/quantities.json so that an analyst can add a currency word or
// a qualifier cue without recompiling. See schemas/README.md for the format.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"

namespace claimgraph {

struct CurrencyEntry {
  std::string iso;                       // ISO 4217 code: "USD"
  std::vector<std::string> prefixes;     // written before the number: "$", "US$", "EUR"
  std::vector<std::string> codes;        // ISO-like codes also allowed after it: "USD"
  std::vector<std::string> words;        // written after the number: "dollars"
  std::vector<std::string> minor_words;  // "cents", "pence"
  double minor_per_major = 100;
};

struct QualifierCues {
  std::vector<std::string> approx;
  std::vector<std::string> approx_below;  // subset of approx meaning "just under"
  std::vector<std::string> at_least;
  std::vector<std::string> at_most;
  std::vector<std::string> at_least_suffix;
  std::vector<std::string> at_most_suffix;
  std::vector<std::string> negative;
};

struct QuantityLexicon {
  std::vector<CurrencyEntry> currencies;
  QualifierCues qualifiers;
  double approx_width = 0.1;  // approx values span +/- this fraction
  std::vector<std::string> count_stopwords;

  // Parses the JSON text of a lexicon file. `origin` names the file in
  // errors ("schemas/quantities.json: currencies[3].iso: must be a string").
  static Result<QuantityLexicon> Parse(std::string_view json_text, std::string_view origin);
  // Reads and parses a lexicon file.
  static Result<QuantityLexicon> Load(const std::string& path);
};

}  // namespace claimgraph
