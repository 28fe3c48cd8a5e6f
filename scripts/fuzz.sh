#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz, FUZZ_JOBS (default 1) at a time.
# Usage: scripts/fuzz.sh SECONDS [target...]      (default: every target)
#
# Builds build-fuzz (Clang, ASan + UBSan, -DCLAIMGRAPH_FUZZ=ON) with
# scripts/build.sh, writes fresh seeds from corpus/, schemas/ and the tests,
# then runs each target for SECONDS on a corpus kept under $FUZZ_WORK
# (default /tmp/claimgraph-fuzz), so later runs start where earlier ones
# stopped. Prints per target: executions, exec/s, coverage (cov: edges,
# ft: features) and the crash file, if any. Exits 1 when a target crashed,
# hung, ran out of memory or tripped a sanitizer; the input that did it is
# the "crash file" printed (turn it into tests/fuzz/regressions/<target>/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
work=${FUZZ_WORK:-/tmp/claimgraph-fuzz}

all_targets=(quantity claims jsonl rules catalog metrics quantity_lexicon stance
  question_lexicon patterns question stored_record key)

# -max_len per target: texts and documents up to 64 KB, schema files whole
# (the largest, catalog.json, is 25 KB), questions and keys short.
max_len() {
  case $1 in
    quantity) echo 8192 ;;
    question) echo 1024 ;;
    key) echo 4096 ;;
    stored_record) echo 16384 ;;
    *) echo 65536 ;;
  esac
}

if [[ $# -lt 1 || ! $1 =~ ^[0-9]+$ ]]; then
  echo "usage: $0 SECONDS [target...]   targets: ${all_targets[*]}" >&2
  exit 2
fi
seconds=$1
shift
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  if [[ " ${all_targets[*]} " != *" $t "* ]]; then
    echo "unknown target $t (targets: ${all_targets[*]})" >&2
    exit 2
  fi
done

echo "== build ($build)"
# Only the fuzz executables and the seed writer: the whole tree under these
# flags takes several times longer.
BUILD_TARGETS="${all_targets[*]/#/fuzz_} claimgraph_fuzz_seeds" \
  "$root/scripts/build.sh" "$build" -DCMAKE_CXX_COMPILER=clang++ \
  -DCLAIMGRAPH_SANITIZE=address,undefined -DCLAIMGRAPH_FUZZ=ON -DCLAIMGRAPH_WERROR=ON \
  -DCLAIMGRAPH_BUILD_BENCH=OFF >/dev/null

echo "== seeds ($work/seeds)"
rm -rf "$work/seeds"
"$build/tests/fuzz/claimgraph_fuzz_seeds" "$root" "$work/seeds" >/dev/null

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

# The last value of `field` ("cov:", "ft:", "corp:") on a libFuzzer status
# line of log $2; "-" when there is none. (grep finding nothing is no error.)
last_field() {
  { grep -E '^#[0-9]+' "$2" || true; } | { grep -o "$1 [0-9/a-zA-Z]*" || true; } |
    tail -1 | cut -d' ' -f2 | grep . || echo -
}
# A final statistic (-print_final_stats=1) of log $2; "-" when absent.
stat() { { grep -o "^stat::$1: *[0-9]*" "$2" || true; } | tail -1 | awk '{print $2}' | grep . || echo -; }

# Runs target $1 and writes its summary line to $work/logs/$1.summary; the
# line says FAILED when it crashed. Several run at once with FUZZ_JOBS.
run_target() {
  local t=$1 corpus=$work/corpus/$1 artifacts=$work/artifacts/$1 log=$work/logs/$1.log
  mkdir -p "$corpus" "$artifacts" "$work/logs"
  rm -f "$work/logs/$t.summary"
  echo "== $t: ${seconds}s (log $log)"
  local rc=0
  "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$(max_len "$t")" -print_final_stats=1 -artifact_prefix="$artifacts/" \
    "$corpus" "$work/seeds/$t" >"$log" 2>&1 || rc=$?
  local crash
  crash=$({ grep -o 'Test unit written to .*' "$log" || true; } | tail -1 | cut -d' ' -f5-)
  local result=ok
  if [[ $rc -ne 0 || -n $crash ]]; then
    result="FAILED (exit $rc) crash file: ${crash:-none written}"
    grep -E '^(SUMMARY|==[0-9]+==ERROR|fuzz [a-z_]+:|ALARM|.*runtime error)' "$log" | head -5 || true
  fi
  printf '%-17s %5ss  execs %10s  exec/s %6s  cov %6s  ft %7s  corpus %s  %s\n' "$t" \
    "$seconds" "$(stat number_of_executed_units "$log")" "$(stat average_exec_per_sec "$log")" \
    "$(last_field cov: "$log")" "$(last_field ft: "$log")" "$(last_field corp: "$log")" \
    "$result" | tee "$work/logs/$t.summary"
}

max_jobs=${FUZZ_JOBS:-1}
for t in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= max_jobs)); do wait -n || true; done
  run_target "$t" &
done
wait

failed=0
summary=()
for t in "${targets[@]}"; do
  line=$(cat "$work/logs/$t.summary" 2>/dev/null || echo "$t: no result")
  [[ $line == *" ok" ]] || failed=1
  summary+=("$line")
done

echo "== summary"
printf '%s\n' "${summary[@]}"
exit $failed
