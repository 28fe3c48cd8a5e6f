#!/usr/bin/env bash
# The main job, end to end on a fresh Debian 12 machine (as root): installs
# the dependencies, builds claimgraph, annotates the bundled corpus and
# extracts its claims.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" -DCLAIMGRAPH_BUILD_TESTS=OFF -DCLAIMGRAPH_BUILD_BENCH=OFF \
  >/dev/null
echo "== claimgraph annotate corpus/articles --format table"
"$root/build/cli/claimgraph" annotate "$root/corpus/articles" --format table
echo
echo "== claimgraph extract corpus/articles --format table"
"$root/build/cli/claimgraph" extract "$root/corpus/articles" --format table
