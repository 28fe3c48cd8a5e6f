#!/usr/bin/env python3
"""Readers under load: a loop of queries from another process while `rebuild`
re-extracts a large store with changed rules (issue 7). A benchmark, never a
test: it reports latencies and exits 1 only when a reader failed or saw an
answer that belongs to neither generation.

Usage: bench/rebuild_load_bench.py [--docs 100000] [--bytes 2000] [--share 7]
                                   [--build build] [--workdir /tmp/claimgraph-load]
                                   [--reuse-store] [--idle-runs 10]

Steps, each a real `claimgraph` process:
  1. generate the corpus (claimgraph_gen_corpus), ingest it into a fresh store
     and `rebuild` once, so the store has a current snapshot (the old answers);
  2. run every reader twice while nothing else runs: its idle latency, and a
     check that its answer is deterministic (else the comparison is void);
  3. copy schemas/ with one more pattern rule (a modality rule that fires on
     "about"/"roughly"), start `--schemas NEW rebuild`, which re-extracts every
     document, and run the readers round-robin, one process at a time, until
     the rebuild ends;
  4. run every reader again: the new answers.
Every answer seen in step 3 must equal the reader's old or new answer byte
for byte. Prints one JSON object: rebuild seconds, reader counts (old, new,
other, errors) and latency p50/p90/p99/max in ms, idle and during the rebuild.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

READERS = [
    ["query", "--entity", "ASML", "--format", "jsonl", "--limit", "200"],
    ["query", "--entity", "NOKIA", "--metric", "revenue", "--format", "jsonl", "--limit", "100"],
    ["contradictions", "--entity", "ASML", "--format", "jsonl"],
    ["consistency", "--format", "jsonl"],
    ["graph", "neighbors", "ASML", "--format", "jsonl", "--limit", "100"],
]
NEW_RULE = "modality  estimate  (?i)\\b(?:about|roughly|approximately)\\b\n"


def name_of(argv):
    return " ".join(argv[:3] if argv[0] in ("graph", "query") else argv[:1])


def percentile(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1)))))
    return ordered[k]


def distribution(ms):
    if not ms:
        return {}
    return {"n": len(ms), "p50": round(percentile(ms, 50), 1), "p90": round(percentile(ms, 90), 1),
            "p99": round(percentile(ms, 99), 1), "max": round(max(ms), 1)}


def read(binary, db, argv):
    start = time.perf_counter()
    r = subprocess.run([binary] + argv + ["--db", db], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    return r, (time.perf_counter() - start) * 1000.0


def run_checked(argv, **kw):
    r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    if r.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(argv), r.stderr.decode()))
    return r


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100000)
    parser.add_argument("--bytes", type=int, default=2000)
    parser.add_argument("--share", type=int, default=7, help="claim share of the generator")
    parser.add_argument("--build", default="build")
    parser.add_argument("--workdir", default="/tmp/claimgraph-load")
    parser.add_argument("--reuse-store", action="store_true")
    parser.add_argument("--idle-runs", type=int, default=10)
    args = parser.parse_args()

    binary = os.path.abspath(os.path.join(args.build, "cli", "claimgraph"))
    generator = os.path.join(args.build, "bench", "claimgraph_gen_corpus")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.makedirs(args.workdir, exist_ok=True)
    corpus = os.path.join(args.workdir, "corpus-%d-%d-%d.jsonl" % (args.docs, args.bytes,
                                                                   args.share))
    db = os.path.join(args.workdir, "load.db")
    report = {"docs": args.docs, "bytes_per_doc": args.bytes, "cpus": os.cpu_count()}
    if not os.path.exists(corpus):
        with open(corpus + ".tmp", "wb") as out:
            subprocess.run([generator, str(args.docs), str(args.bytes), "42", str(args.share)],
                           stdout=out, check=True)
        os.rename(corpus + ".tmp", corpus)
    if not args.reuse_store:
        shutil.rmtree(db, ignore_errors=True)
        start = time.perf_counter()
        run_checked([binary, "ingest", "--db", db, "--no-progress", corpus])
        report["ingest_seconds"] = round(time.perf_counter() - start, 1)
    # Old rules and a current snapshot (re-extracts whatever the last run of
    # this bench left with the new rules).
    run_checked([binary, "rebuild", "--db", db, "--no-progress"])

    old, idle = {}, {}
    for argv in READERS:
        name = name_of(argv)
        times, answers = [], set()
        for _ in range(max(2, args.idle_runs)):
            r, ms = read(binary, db, argv)
            if r.returncode != 0:
                sys.exit("reader failed before the rebuild: %s\n%s" % (name, r.stderr.decode()))
            times.append(ms)
            answers.add(r.stdout)
        if len(answers) != 1:
            sys.exit("reader %s is not deterministic: %d different answers" % (name,
                                                                                len(answers)))
        old[name] = answers.pop()
        idle[name] = distribution(times)

    schemas = os.path.join(args.workdir, "schemas-new")
    shutil.rmtree(schemas, ignore_errors=True)
    shutil.copytree(os.path.join(root, "schemas"), schemas)
    with open(os.path.join(schemas, "patterns.txt"), "a") as f:
        f.write(NEW_RULE)

    seen = {name_of(a): [] for a in READERS}  # (answer, ms, rc, stderr)
    start = time.perf_counter()
    rebuild = subprocess.Popen([binary, "--schemas", schemas, "rebuild", "--db", db,
                                "--no-progress", "--format", "json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    i = 0
    while rebuild.poll() is None:
        argv = READERS[i % len(READERS)]
        i += 1
        r, ms = read(binary, db, argv)
        seen[name_of(argv)].append((r.stdout, ms, r.returncode, r.stderr))
    out, err = rebuild.communicate()
    report["rebuild_seconds"] = round(time.perf_counter() - start, 1)
    if rebuild.returncode != 0:
        sys.exit("rebuild failed:\n" + err.decode())
    rebuilt = json.loads(out)
    report["rebuild"] = {k: rebuilt.get(k) for k in ("reextracted", "documents", "claims",
                                                     "peak_rss_bytes")}

    failed = False
    readers = {}
    all_during = []
    for argv in READERS:
        name = name_of(argv)
        r, _ = read(binary, db, argv)
        if r.returncode != 0:
            sys.exit("reader failed after the rebuild: %s\n%s" % (name, r.stderr.decode()))
        new = r.stdout
        counts = {"old": 0, "new": 0, "other": 0, "errors": 0}
        for answer, ms, rc, stderr in seen[name]:
            if rc != 0:
                counts["errors"] += 1
                sys.stderr.write("%s failed during the rebuild: %s\n" % (name, stderr.decode()))
            elif answer == old[name]:
                counts["old"] += 1
            elif answer == new:
                counts["new"] += 1
            else:
                counts["other"] += 1
        failed = failed or counts["errors"] > 0 or counts["other"] > 0
        during = [ms for _, ms, _, _ in seen[name]]
        all_during += during
        readers[name] = {"answers": counts, "answer_changed": old[name] != new,
                         "idle_ms": idle[name], "during_rebuild_ms": distribution(during)}
    report["readers"] = readers
    report["all_readers_during_rebuild_ms"] = distribution(all_during)
    print(json.dumps(report, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
