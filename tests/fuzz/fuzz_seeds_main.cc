// claimgraph_fuzz_seeds SOURCE_DIR OUT_DIR: writes the seeds of every fuzz
// target (fuzz_seeds.h) to OUT_DIR/<target>/<name>, for scripts/fuzz.sh.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "tests/fuzz/fuzz_seeds.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s SOURCE_DIR OUT_DIR\n", argv[0]);
    return 2;
  }
  auto seeds = claimgraph::fuzz::MakeFuzzSeeds(argv[1]);
  if (!seeds.ok()) {
    std::fprintf(stderr, "%s\n", seeds.status().ToString().c_str());
    return 1;
  }
  namespace fs = std::filesystem;
  std::map<std::string, int> counts;
  for (const claimgraph::fuzz::FuzzSeed& seed : *seeds) {
    fs::path dir = fs::path(argv[2]) / seed.target;
    fs::create_directories(dir);
    std::ofstream out(dir / seed.name, std::ios::binary | std::ios::trunc);
    out.write(seed.bytes.data(), static_cast<std::streamsize>(seed.bytes.size()));
    if (!out) {
      std::fprintf(stderr, "cannot write %s\n", (dir / seed.name).c_str());
      return 1;
    }
    ++counts[seed.target];
  }
  for (const auto& [target, count] : counts) std::printf("%s %d\n", target.c_str(), count);
  return 0;
}
