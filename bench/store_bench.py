#!/usr/bin/env python3
"""Store benchmark: ingest a generated corpus into a fresh store, then time
`query --entity` and `ask` against it. A benchmark, never a test.

Usage: bench/store_bench.py [--docs 100000] [--bytes 2000] [--build build]
                            [--runs 40] [--threads 0] [--workdir /tmp/claimgraph-bench]

Reports documents/s, MB/s, claims, store size, peak RSS of the ingest, and
p50/p99 wall latency (ask with its default limit of 100 claims) of whole CLI invocations (process start, catalog load,
opening a reader, the query, printing JSONL to /dev/null).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

QUERIES = [
    ["query", "--entity", "AMZN", "--limit", "100"],
    ["query", "--entity", "Nvidia", "--limit", "100"],
    ["query", "--entity", "Microsoft", "--metric", "revenue"],
    ["query", "--entity", "Trainium", "--exact"],
    ["query", "--entity", "Google", "--since", "2025-01-01", "--limit", "50"],
]
QUESTIONS = [
    "what is claimed about AMZN chips",
    "what does Nvidia claim",
    "claims about Trainium3 since 2026-01-01",
    "what is claimed about Microsoft margins",
    "Apple cash flow in 2025",
]


def percentile(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1)))))
    return ordered[k]


def timed_runs(binary, db, argv_list, runs):
    """Wall milliseconds of `runs` invocations cycling through argv_list."""
    times = []
    for i in range(runs):
        argv = [binary] + argv_list[i % len(argv_list)] + ["--db", db, "--format", "jsonl"]
        start = time.perf_counter()
        result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append((time.perf_counter() - start) * 1000.0)
        if result.returncode != 0:
            sys.exit("failed: %s\n%s" % (" ".join(argv), result.stderr.decode()))
    return times


def ingest_figures(binary, db, corpus, threads):
    """Ingests `corpus` into the empty store `db`, then again (all skipped)."""
    def ingest():
        out = subprocess.run(
            [binary, "ingest", "--db", db, "--format", "json", "--no-progress",
             "--threads", str(threads), corpus],
            stdout=subprocess.PIPE, check=True).stdout
        return json.loads(out)
    first = ingest()
    again = ingest()
    secs = first["seconds"]
    return {
        "documents": first["ingested"],
        "claims": first["claims"],
        "input_mb": round(os.path.getsize(corpus) / 1e6, 1),
        "ingest_seconds": round(secs, 1),
        "docs_per_second": round(first["ingested"] / secs),
        "text_mb_per_second": round(first["bytes"] / 1e6 / secs, 2),
        "peak_rss_mb": round(first["peak_rss_bytes"] / 1e6),
        "reingest_seconds": round(again["seconds"], 1),
        "reingest_skipped": again["skipped"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100000)
    parser.add_argument("--bytes", type=int, default=2000)
    parser.add_argument("--build", default="build")
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--workdir", default="/tmp/claimgraph-bench")
    parser.add_argument("--reuse-store", action="store_true",
                        help="keep a store from an earlier run: time only the readers")
    args = parser.parse_args()

    binary = os.path.join(args.build, "cli", "claimgraph")
    generator = os.path.join(args.build, "bench", "claimgraph_gen_corpus")
    os.makedirs(args.workdir, exist_ok=True)
    corpus = os.path.join(args.workdir, "corpus-%d-%d.jsonl" % (args.docs, args.bytes))
    db = os.path.join(args.workdir, "store.db")
    if not os.path.exists(corpus):
        with open(corpus, "wb") as out:
            subprocess.run([generator, str(args.docs), str(args.bytes)], stdout=out, check=True)
    report = {}
    if not args.reuse_store:
        shutil.rmtree(db, ignore_errors=True)
        report = ingest_figures(binary, db, corpus, args.threads)
    stats = json.loads(subprocess.run([binary, "stats", "--db", db, "--format", "json"],
                                      stdout=subprocess.PIPE, check=True).stdout)
    query_ms = timed_runs(binary, db, QUERIES, args.runs)
    ask_ms = timed_runs(binary, db, [["ask", q] for q in QUESTIONS], args.runs)
    report.update({
        "store_documents": stats["documents"],
        "store_claims": stats["claims"],
        "store_mb": round(stats["size_bytes"] / 1e6, 1),
        "query_entity_ms_p50": round(percentile(query_ms, 50), 1),
        "query_entity_ms_p99": round(percentile(query_ms, 99), 1),
        "ask_ms_p50": round(percentile(ask_ms, 50), 1),
        "ask_ms_p99": round(percentile(ask_ms, 99), 1),
        "cpus": os.cpu_count(),
    })
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
