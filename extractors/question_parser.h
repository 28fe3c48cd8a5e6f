// QuestionParser: turns a researcher's question into a ClaimQuery, by rules.
//
//   "what is claimed about AMZN chips"
//       entity AMZN (ticker), topic "chips" -> scopes: each chip product of
//       Amazon (catalog category chip/accelerator/cpu...), and Amazon with
//       its segments where the evidence mentions a chip word.
//   "what does Nvidia claim"      -> NVDA and its products and segments,
//                                    and claims spoken by its people
//   "claims about Trainium3 since 2026-01-01" -> AMZN/trainium3, since filter
//
// Entities are found by id, ticker, name or alias (catalog), topics and
// their expansions come from schemas/questions.json (topic words, metric
// families, product categories, stop words), so an analyst can teach it a
// new topic without recompiling. Words it neither uses nor ignores as stop
// words are reported in `unknown`, never silently dropped. No question is
// answered from a table of questions.
//
// Thread safety: immutable once created; share freely.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/claim_query.h"
#include "engine/status.h"

namespace claimgraph {

class EntityCatalog;

struct ParsedQuestion {
  ClaimQuery query;                   // ready to run when error is empty
  std::vector<std::string> entities;  // entity ids understood, in question order
  std::vector<std::string> topics;    // topic names understood ("chips", "margins")
  std::vector<std::string> unknown;   // words not understood, as written
  std::string error;                  // why the question cannot be run; empty when it can
};

class QuestionParser {
 public:
  // Loads `questions.json` from schema_dir. `catalog` must outlive the
  // parser. Errors name the file and field.
  static Result<std::unique_ptr<QuestionParser>> Create(const std::string& schema_dir,
                                                        const EntityCatalog* catalog);
  ~QuestionParser();
  QuestionParser(const QuestionParser&) = delete;
  QuestionParser& operator=(const QuestionParser&) = delete;

  ParsedQuestion Parse(std::string_view question) const;

 private:
  QuestionParser();
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace claimgraph
