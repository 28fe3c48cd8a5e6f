// Replays what fuzzing found (tests/fuzz/regressions/<target>/, one file per
// fixed bug) and a sample of the seed inputs through the fuzz targets, so
// every crash fuzzing found stays fixed in the normal suite and under the
// sanitizer build. A target that breaks an invariant aborts the process,
// which fails the test too.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "test_paths.h"
#include "tests/fuzz/fuzz_seeds.h"
#include "tests/fuzz/fuzz_targets.h"

namespace claimgraph::fuzz_replay_test {
namespace {

using fuzz::FuzzSeed;
using fuzz::FuzzTarget;
using fuzz::kFuzzTargets;
using fuzz::MakeFuzzSeeds;

namespace fs = std::filesystem;

// Seeds replayed per target: enough to reach every target's main paths,
// few enough that the claims target stays quick under the sanitizers.
constexpr size_t kSeedsPerTarget = 6;

const FuzzTarget* TargetNamed(std::string_view name) {
  for (const FuzzTarget& t : kFuzzTargets) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

int Run(const FuzzTarget& target, const std::string& bytes) {
  return target.run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

TEST_CASE("Every fuzz regression input runs through its target cleanly", "[fuzz]") {
  const fs::path root = fs::path(testing::SourceDir()) / "tests" / "fuzz" / "regressions";
  REQUIRE(fs::is_directory(root));
  size_t replayed = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    const std::string name = dir.path().filename().string();
    INFO("regressions/" << name);
    const FuzzTarget* target = TargetNamed(name);
    REQUIRE(target != nullptr);  // a directory per target name, nothing else
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      if (f.is_regular_file()) files.push_back(f.path());
    }
    std::sort(files.begin(), files.end());
    CHECK(!files.empty());
    for (const fs::path& file : files) {
      INFO(file.filename().string());
      CHECK(Run(*target, testing::ReadFileOrFail(file.string())) == 0);
      ++replayed;
    }
  }
  CHECK(replayed > 0);
}

TEST_CASE("A sample of the fuzz seeds runs through every target cleanly", "[fuzz]") {
  auto seeds = MakeFuzzSeeds(testing::SourceDir());
  INFO(seeds.status().ToString());
  REQUIRE(seeds.ok());
  std::map<std::string, std::vector<const FuzzSeed*>, std::less<>> by_target;
  for (const FuzzSeed& s : *seeds) by_target[s.target].push_back(&s);
  for (const FuzzTarget& target : kFuzzTargets) {
    INFO("target " << target.name);
    auto it = by_target.find(target.name);
    REQUIRE(it != by_target.end());
    const std::vector<const FuzzSeed*>& all = it->second;
    // Evenly spaced, so later corpus files are sampled too.
    const size_t step = std::max<size_t>(1, all.size() / kSeedsPerTarget);
    for (size_t i = 0; i < all.size(); i += step) {
      INFO("seed " << all[i]->name);
      CHECK(Run(target, all[i]->bytes) == 0);
    }
  }
}

}  // namespace
}  // namespace claimgraph::fuzz_replay_test
