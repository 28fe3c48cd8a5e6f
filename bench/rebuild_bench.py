#!/usr/bin/env python3
"""Rebuild benchmark: graph build, contradiction pass and rebuild end to end
on a generated corpus. A benchmark, never a test.

Usage: bench/rebuild_bench.py [--docs 100000] [--bytes 2000] [--build build]
                              [--threads 0] [--workdir /tmp/claimgraph-bench]
                              [--reuse-store] [--runs 20]

Steps, each a real `claimgraph` process:
  1. ingest the corpus into a fresh store (skipped with --reuse-store);
  2. `rebuild` (rules unchanged: nothing re-extracted; analysis, graph and
     snapshot only);
  3. `rebuild --full` (every document re-extracted, then the same);
  4. `contradictions`, `consistency` and `graph neighbors` latency while the
     snapshot is current.
Prints one JSON object: seconds of each phase, graph vertices/edges/bytes,
findings, peak RSS of each rebuild.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

READERS = [
    ["contradictions", "--entity", "AMZN", "--format", "jsonl"],
    ["consistency", "--format", "jsonl"],
    ["graph", "neighbors", "AMZN", "--format", "jsonl", "--limit", "100"],
]


def run_json(argv):
    out = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if out.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(argv), out.stderr.decode()))
    return json.loads(out.stdout)


def percentile(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1)))))
    return ordered[k]


def rebuild(binary, db, threads, full):
    argv = [binary, "rebuild", "--db", db, "--format", "json", "--no-progress",
            "--threads", str(threads)] + (["--full"] if full else [])
    start = time.perf_counter()
    r = run_json(argv)
    r["wall_seconds"] = round(time.perf_counter() - start, 1)
    keep = ["wall_seconds", "reextracted", "documents", "claims", "findings", "contradictions",
            "sources", "graph_vertices", "graph_edges", "graph_bytes", "reextract_seconds",
            "analysis_seconds", "graph_seconds", "snapshot_seconds", "peak_rss_bytes"]
    return {k: (round(r[k], 2) if isinstance(r[k], float) else r[k]) for k in keep}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100000)
    parser.add_argument("--bytes", type=int, default=2000)
    parser.add_argument("--build", default="build")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--workdir", default="/tmp/claimgraph-bench")
    parser.add_argument("--reuse-store", action="store_true")
    args = parser.parse_args()

    binary = os.path.join(args.build, "cli", "claimgraph")
    generator = os.path.join(args.build, "bench", "claimgraph_gen_corpus")
    os.makedirs(args.workdir, exist_ok=True)
    corpus = os.path.join(args.workdir, "corpus-%d-%d.jsonl" % (args.docs, args.bytes))
    db = os.path.join(args.workdir, "rebuild.db")
    if not os.path.exists(corpus):
        with open(corpus, "wb") as out:
            subprocess.run([generator, str(args.docs), str(args.bytes)], stdout=out, check=True)
    report = {"docs": args.docs, "cpus": os.cpu_count()}
    if not args.reuse_store:
        shutil.rmtree(db, ignore_errors=True)
        start = time.perf_counter()
        ingest = run_json([binary, "ingest", "--db", db, "--format", "json", "--no-progress",
                           "--threads", str(args.threads), corpus])
        report["ingest_seconds"] = round(time.perf_counter() - start, 1)
        report["ingest_peak_rss_mb"] = round(ingest["peak_rss_bytes"] / 1e6)
    report["rebuild"] = rebuild(binary, db, args.threads, full=False)
    report["rebuild_full"] = rebuild(binary, db, args.threads, full=True)
    for argv in READERS:
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([binary] + argv + ["--db", db], stdout=subprocess.DEVNULL, check=True)
            times.append((time.perf_counter() - start) * 1000.0)
        name = " ".join(argv[:2] if argv[0] == "graph" else argv[:1])
        report[name + " ms p50/p99"] = [round(percentile(times, 50)), round(percentile(times, 99))]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
