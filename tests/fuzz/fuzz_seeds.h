// Seed inputs for the fuzz targets, made from the source tree, so that no
// corpus is checked in and the seeds follow the corpus and schemas as they
// change. scripts/fuzz.sh writes them to files (claimgraph_fuzz_seeds);
// fuzz_replay_test.cc replays a sample of them.
//
// Not thread-safe (the targets' statics are built on first use).
#pragma once

#include <string>
#include <vector>

#include "engine/status.h"

namespace claimgraph::fuzz {

struct FuzzSeed {
  std::string target;  // a kFuzzTargets name
  std::string name;    // a file name: "quantities_3", "article_000_4fc7.txt"
  std::string bytes;
};

// Seeds from <source_dir>:
//   quantity, claims   texts of corpus/cases/*.jsonl (with a "YYYY-MM-DD\n"
//                      line when the case has a published date), articles
//                      and conflict documents for claims
//   jsonl              corpus/cases and corpus/conflicts files as they are
//   rules ... question_lexicon   the matching schemas/*.json
//   question           corpus/cases/questions.jsonl and the literal
//                      questions of tests/extractors/question_parser_test.cc
//   stored_record, key encodings of the documents and claims extracted from
//                      corpus/articles and corpus/conflicts, and their index keys
// Returns the first file that cannot be read or parsed as an error.
Result<std::vector<FuzzSeed>> MakeFuzzSeeds(const std::string& source_dir);

}  // namespace claimgraph::fuzz
