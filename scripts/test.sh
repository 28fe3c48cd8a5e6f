#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine (as root): installs the
# dependencies, then
#   1. checks formatting (clang-format);
#   2. builds with GCC, warnings as errors, and runs every test;
#   3. builds with Clang, AddressSanitizer + UndefinedBehaviorSanitizer and
#      libFuzzer instrumentation, warnings as errors, runs every test again
#      and runs each fuzz target for FUZZ_SECONDS (default 60) seconds;
#   4. builds with ThreadSanitizer and runs the tests of the parallel paths
#      (tag [parallel]: ingest, rebuild, extract --threads, readers).
# Tests that need ../shared/data skip with a message when it is absent.
# The CI builds carry no full debug information (-g is most of a sanitizer
# build's compile time); scripts/build.sh alone builds RelWithDebInfo.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)
"$root/scripts/install-deps.sh"
step_start=$SECONDS
step() {
  echo "   ($((SECONDS - step_start)) s)"
  step_start=$SECONDS
  echo "== $1"
}

echo "== format (clang-format, .clang-format)"
(cd "$root" && git ls-files '*.cc' '*.h' | xargs clang-format --dry-run -Werror)

step "build (GCC, -Werror)"
"$root/scripts/build.sh" "$root/build-ci" -DCLAIMGRAPH_WERROR=ON \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG"
step "tests"
(cd "$root/build-ci" && ctest --output-on-failure -j"$jobs")

step "build (Clang, ASan + UBSan + libFuzzer, -Werror)"
"$root/scripts/build.sh" "$root/build-asan" -DCMAKE_CXX_COMPILER=clang++ \
  -DCLAIMGRAPH_WERROR=ON -DCLAIMGRAPH_SANITIZE=address,undefined -DCLAIMGRAPH_FUZZ=ON \
  -DCLAIMGRAPH_BUILD_BENCH=OFF -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG"
step "tests under ASan + UBSan"
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
(cd "$root/build-asan" && ctest --output-on-failure -j"$jobs")
step "fuzz (each target ${FUZZ_SECONDS:-60} s, $jobs at a time)"
FUZZ_BUILD_DIR="$root/build-asan" FUZZ_WORK="$root/build-asan/fuzz-work" FUZZ_JOBS="$jobs" \
  "$root/scripts/fuzz.sh" "${FUZZ_SECONDS:-60}"

step "build (GCC, ThreadSanitizer, -Werror)"
BUILD_TARGETS="claimgraph claimgraph_parallel_tests" "$root/scripts/build.sh" "$root/build-tsan" \
  -DCLAIMGRAPH_WERROR=ON -DCLAIMGRAPH_SANITIZE=thread -DCLAIMGRAPH_BUILD_BENCH=OFF \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
step "tests of the parallel paths under TSan"
TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$root/.ci/tsan.supp" \
  "$root/build-tsan/tests/claimgraph_parallel_tests" "[parallel]"
step "done"
