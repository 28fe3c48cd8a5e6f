#!/usr/bin/env python3
"""End-to-end benchmark of issue 6: one table, every step a real process.

Usage: bench/e2e_bench.py [--docs 20000] [--seed-copies 200] [--build build]
                          [--workdir /tmp/claimgraph-e2e] [--runs 50]

Steps on a generated corpus (`claimgraph_gen_corpus DOCS`, deterministic,
about 5 KB per document) plus the seed articles of corpus/articles repeated
SEED_COPIES times (real prose):
  1. `extract` with 1 and 2 threads (MB/s and docs/s of wall time, MB/s per
     core of user time), and the bare RE2::Set baseline of the same patterns
     from `claimgraph_micro_bench` in the same run (the headline ratio);
  2. `ingest` into a fresh store (docs/s, keys/s, bytes of store per claim);
  3. `ingest --bulk` into another fresh store;
  4. `rebuild` (graph, contradictions, consistency) with its graph figures;
  5. `query --entity` and `ask` latency in process (`claimgraph_bench_query`)
     and as whole CLI processes.
Peak RSS of every step. A benchmark, never a test: it asserts nothing. Run it
on a quiet machine; figures taken under load say so in docs/PERFORMANCE.md.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ENTITIES = ["AMZN", "NVDA", "Broadcom"]
QUESTIONS = ["what does Nvidia expect for revenue", "Apple free cash flow in 2024",
             "capex of Broadcom"]


def timed(argv, stdout=subprocess.DEVNULL, stdin=None):
    """Runs argv under /usr/bin/time -v; returns (wall s, user s, peak RSS MB, stdout)."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v"] + argv, stdin=stdin, stdout=stdout,
                          stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    err = proc.stderr.decode(errors="replace")
    if proc.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (proc.returncode, " ".join(argv), err[-2000:]))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", err).group(1))
    sys_ = float(re.search(r"System time \(seconds\): ([\d.]+)", err).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
    out = proc.stdout.decode() if stdout == subprocess.PIPE else ""
    return wall, user + sys_, rss, out


def percentile(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1)))))
    return ordered[k]


def make_corpus(build, workdir, docs, seed_copies):
    path = os.path.join(workdir, "corpus.jsonl")
    with open(path, "wb") as out:
        subprocess.run([os.path.join(build, "bench", "claimgraph_gen_corpus"), str(docs)],
                       stdout=out, check=True)
        articles = os.path.join(ROOT, "corpus", "articles")
        texts = []
        for name in sorted(os.listdir(articles)):
            with open(os.path.join(articles, name), encoding="utf-8") as f:
                texts.append((os.path.splitext(name)[0], f.read()))
        for copy in range(seed_copies):
            for name, text in texts:
                line = {"id": "%s-copy%d" % (name, copy), "text": text,
                        "source": "Seed %d" % (copy % 8), "published": "2025-10-%02d" %
                        (1 + copy % 28)}
                out.write((json.dumps(line) + "\n").encode())
    return path


def re2set_baseline(build, workdir):
    """MB/s of ClaimExtractor and of the bare RE2::Set from the micro benchmark."""
    binary = os.path.join(build, "bench", "claimgraph_micro_bench")
    if not os.path.exists(binary):
        return {}
    out = os.path.join(workdir, "micro.json")
    proc = subprocess.run([binary, "--benchmark_out=" + out, "--benchmark_out_format=json",
                           "--benchmark_filter=ClaimExtractor|RE2Set"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if proc.returncode != 0 or not os.path.exists(out):
        return {}
    with open(out) as f:
        report = json.load(f)
    found = {}
    for b in report.get("benchmarks", []):
        if "bytes_per_second" in b:
            found[b["name"]] = b["bytes_per_second"] / 1e6
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--seed-copies", type=int, default=200)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--workdir", default="/tmp/claimgraph-e2e")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    cg = os.path.join(args.build, "cli", "claimgraph")
    shutil.rmtree(args.workdir, ignore_errors=True)
    os.makedirs(args.workdir)
    corpus = make_corpus(args.build, args.workdir, args.docs, args.seed_copies)
    size = os.path.getsize(corpus)
    with open(corpus, "rb") as f:
        ndocs = sum(1 for _ in f)
    rows = []  # (step, figure, peak RSS MB)

    def row(step, figure, rss):
        rows.append((step, figure, "%.0f MB" % rss if rss is not None else "-"))

    mb = size / 1e6
    for threads in (1, 2):
        wall, cpu, rss, _ = timed([cg, "extract", "--threads", str(threads), corpus])
        row("extract, %d thread%s" % (threads, "s" if threads > 1 else ""),
            "%.1f MB/s, %.0f docs/s wall; %.1f MB/s per core (CPU %.1f s)" %
            (mb / wall, ndocs / wall, mb / cpu, cpu), rss)
    micro = re2set_baseline(args.build, args.workdir)
    for name, ours in sorted(micro.items()):
        if not name.startswith("BM_ClaimExtractor"):
            continue
        corpus_arg = name[len("BM_ClaimExtractor"):]  # "/seeds:0": generated, "/seeds:1": seeds
        bare = micro.get("BM_RE2SetBaseline" + corpus_arg)
        text = "seed articles" if corpus_arg.endswith("1") else "generated text"
        if bare:
            row("ClaimExtractor vs bare RE2::Set, in process, %s" % text,
                "%.1f vs %.1f MB/s: ratio %.3f" % (ours, bare, ours / bare), None)

    for bulk in (False, True):
        db = os.path.join(args.workdir, "db-bulk" if bulk else "db")
        argv = [cg, "ingest", "--db", db, "--no-progress", "--format", "json"]
        wall, cpu, rss, out = timed(argv + (["--bulk"] if bulk else []) + [corpus],
                                    stdout=subprocess.PIPE)
        summary = json.loads(out)
        _, _, _, check = timed([cg, "check", "--db", db, "--format", "json"],
                               stdout=subprocess.PIPE)
        report = json.loads(check)
        keys = report["documents"] + report["claims"] + report["index_entries"]
        store_bytes = sum(os.path.getsize(os.path.join(d, f))
                          for d, _, fs in os.walk(db) for f in fs)
        claims = max(1, summary["claims"])
        row("ingest" + (" --bulk" if bulk else ""),
            "%.0f docs/s, %.0f keys/s, %.0f bytes of store per claim (%d claims, %.1f s)" %
            (ndocs / wall, keys / wall, store_bytes / claims, claims, wall), rss)

    db = os.path.join(args.workdir, "db")
    wall, cpu, rss, out = timed([cg, "rebuild", "--db", db, "--format", "json", "--no-progress"],
                                stdout=subprocess.PIPE)
    r = json.loads(out)
    row("rebuild (nothing re-extracted)",
        "%.1f s: analysis %.1f s, graph %.1f s (%d vertices, %d edges, %.0f MB)" %
        (wall, r.get("analysis_seconds", 0), r.get("graph_seconds", 0),
         r.get("graph_vertices", 0), r.get("graph_edges", 0), r.get("graph_bytes", 0) / 1e6),
        rss)

    bench_query = os.path.join(args.build, "bench", "claimgraph_bench_query")
    argv = [bench_query, "--db", db, "--runs", str(args.runs)]
    for e in ENTITIES:
        argv += ["--entity", e]
    for q in QUESTIONS:
        argv += ["--ask", q]
    wall, cpu, rss, out = timed(argv, stdout=subprocess.PIPE)
    for line in out.splitlines():
        j = json.loads(line)
        if j.get("form") == "all":
            row("query/ask in process (%d runs, limit 100)" % j["runs"],
                "p50 %.1f ms, p99 %.1f ms" % (j["p50_ms"], j["p99_ms"]), rss)
    cli = []
    peak = 0.0
    for i in range(max(5, args.runs // 5)):
        if i % 2 == 0:
            argv = [cg, "query", "--db", db, "--entity", ENTITIES[i % len(ENTITIES)],
                    "--limit", "100", "--format", "jsonl"]
        else:
            argv = [cg, "ask", "--db", db, QUESTIONS[i % len(QUESTIONS)], "--format", "jsonl"]
        wall, _, rss, _ = timed(argv)
        cli.append(wall * 1000)
        peak = max(peak, rss)
    row("query/ask as CLI processes (%d runs)" % len(cli),
        "p50 %.0f ms, p99 %.0f ms (start-up and store open included)" %
        (percentile(cli, 50), percentile(cli, 99)), peak)

    print("corpus: %d documents, %.1f MB (%s)" % (ndocs, mb, corpus))
    print("| step | figure | peak RSS |")
    print("|---|---|---|")
    for step, figure, rss in rows:
        print("| %s | %s | %s |" % (step, figure, rss))


if __name__ == "__main__":
    main()
