#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine (as root): installs the
# dependencies, builds with warnings as errors and runs every test, then
# builds again with AddressSanitizer + UndefinedBehaviorSanitizer and runs
# every test again. Tests that need ../shared/data skip with a message when
# it is absent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)
"$root/scripts/install-deps.sh"

echo "== format (clang-format, .clang-format)"
(cd "$root" && git ls-files '*.cc' '*.h' | xargs clang-format --dry-run -Werror)

echo "== build (-Werror)"
"$root/scripts/build.sh" "$root/build-ci" -DCLAIMGRAPH_WERROR=ON
echo "== tests"
(cd "$root/build-ci" && ctest --output-on-failure -j"$jobs")

echo "== build (ASan + UBSan, -Werror)"
"$root/scripts/build.sh" "$root/build-asan" -DCLAIMGRAPH_WERROR=ON \
  -DCLAIMGRAPH_SANITIZE=address,undefined -DCLAIMGRAPH_BUILD_BENCH=OFF
echo "== tests under ASan + UBSan"
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
(cd "$root/build-asan" && ctest --output-on-failure -j"$jobs")
