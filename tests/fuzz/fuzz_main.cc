// The libFuzzer entry point of one target: compiled once per target with
// CLAIMGRAPH_FUZZ_FUNCTION set to its function in fuzz_targets.h.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return claimgraph::fuzz::CLAIMGRAPH_FUZZ_FUNCTION(data, size);
}
