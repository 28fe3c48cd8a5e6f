#!/usr/bin/env bash
# The main job, end to end on a fresh Debian 12 machine (as root): installs
# the dependencies, builds claimgraph, ingests the bundled corpus into a
# fresh store, answers "what is claimed about AMZN chips", rebuilds the
# graph and analysis snapshot, and prints where the sources disagree.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" -DCLAIMGRAPH_BUILD_TESTS=OFF -DCLAIMGRAPH_BUILD_BENCH=OFF \
  >/dev/null
bin="$root/build/cli/claimgraph"
db="${CLAIMGRAPH_DEMO_DB:-$root/build/demo.db}"
rm -rf "$db"
echo "== claimgraph ingest --db $db corpus/articles"
"$bin" ingest --db "$db" "$root/corpus/articles"
echo
echo "== claimgraph ask --db $db \"what is claimed about AMZN chips\""
"$bin" ask --db "$db" "what is claimed about AMZN chips"
echo
echo "== claimgraph rebuild --db $db"
"$bin" rebuild --db "$db"
echo
echo "== claimgraph contradictions --db $db"
"$bin" contradictions --db "$db"
echo
echo "== claimgraph consistency --db $db"
"$bin" consistency --db "$db"
echo
echo "== claimgraph stats --db $db"
"$bin" stats --db "$db"
