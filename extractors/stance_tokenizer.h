// Splits a sentence into the lower-cased word tokens the stance scorer
// matches its lexicon against, and marks where a clause ends.
//
//   "Sales didn't fall, the company's CEO said"
//     -> sales did n't fall | the company ceo said     (| = break token)
//
// Words are runs of ASCII letters and digits and non-ASCII bytes; "n't" is
// split off its verb, a possessive "'s" is dropped, hyphens split words
// ("write-down" -> write down), a digit group separator stays inside a
// number ("1,200.5"). , ; : . ! ? ( ) [ ], a free-standing hyphen and the
// en and em dashes are break tokens. U+2019 counts as an apostrophe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claimgraph {

struct StanceToken {
  std::string text;  // lower-cased; empty for a break token
  bool is_break = false;
};

std::vector<StanceToken> TokenizeForStance(std::string_view sentence);

}  // namespace claimgraph
