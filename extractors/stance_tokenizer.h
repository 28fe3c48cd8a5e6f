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

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph {

struct StanceToken {
  std::string text;  // lower-cased; empty for a break token
  bool is_break = false;
};

// The tokens of one sentence without a string per token: the words'
// lower-cased bytes back to back in one buffer, each token a range of it.
// The scorer runs on every sentence that names a company, so it reuses one
// of these rather than allocating a token at a time.
class StanceTokens {
 public:
  size_t size() const { return tokens_.size(); }
  bool empty() const { return tokens_.empty(); }
  bool is_break(size_t i) const { return tokens_[i].is_break; }
  // Empty for a break token.
  std::string_view text(size_t i) const {
    return std::string_view(bytes_.data() + tokens_[i].begin, tokens_[i].size);
  }

 private:
  friend void TokenizeForStance(std::string_view sentence, StanceTokens* out);
  struct Token {
    uint32_t begin;
    uint32_t size;
    bool is_break;
  };
  std::string bytes_;
  std::vector<Token> tokens_;
};

// Replaces *out's tokens with the sentence's.
void TokenizeForStance(std::string_view sentence, StanceTokens* out);
// The same tokens as strings (for parsing the lexicon).
std::vector<StanceToken> TokenizeForStance(std::string_view sentence);

}  // namespace claimgraph
