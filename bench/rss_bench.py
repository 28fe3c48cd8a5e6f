#!/usr/bin/env python3
"""Peak memory of `extract` and `ingest` as the input grows (issue 7): both
stream, so 10x and 100x the input should cost about the same peak RSS. A
benchmark, never a test.

Usage: bench/rss_bench.py [--docs 1000] [--bytes 5000] [--share 7]
                          [--scales 1,10,100] [--threads 2] [--build build]
                          [--workdir /tmp/claimgraph-rss]

For each scale S: generate S x DOCS documents of BYTES (claimgraph_gen_corpus,
one JSONL file), then run `extract` (output to /dev/null) and `ingest` into a
fresh store, each a real process whose peak RSS is the kernel's ru_maxrss of
that child (os.wait4). Prints one JSON object: input MB, seconds and peak RSS
MB of each run, and the ratio of the largest scale's peak to the smallest's.

Each child's RSS is also sampled from /proc every 0.2 s, and the highest
sample in each quarter of its run is reported (`..._rss_by_quarter_mb`). A
bounded process shows about the same figure in the last quarter as in the
second, however large the input; one whose memory grows with what it has
read shows a rising row.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


def rss_mb(pid):
    """Current RSS of a live process in MB, or None once it has exited."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def by_quarter(samples, seconds):
    """Highest RSS sample in each quarter of a run of `seconds` (None: no sample)."""
    quarters = [None] * 4
    for t, mb in samples:
        q = min(3, int(4 * t / seconds)) if seconds > 0 else 0
        quarters[q] = mb if quarters[q] is None else max(quarters[q], mb)
    return [None if mb is None else round(mb, 1) for mb in quarters]


def measure(argv):
    """(seconds, peak RSS in MB, highest RSS sample per quarter) of one child."""
    start = time.perf_counter()
    samples = []
    with open(os.devnull, "wb") as null, tempfile.TemporaryFile() as err:
        p = subprocess.Popen(argv, stdout=null, stderr=err)
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid != 0:
                break
            mb = rss_mb(p.pid)
            if mb is not None:
                samples.append((time.perf_counter() - start, mb))
            time.sleep(0.2)
        p.returncode = os.waitstatus_to_exitcode(status)  # reaped: keep Popen from waiting
        seconds = time.perf_counter() - start
        if p.returncode != 0:
            err.seek(0)
            sys.exit("failed (%d): %s\n%s" % (p.returncode, " ".join(argv),
                                               err.read().decode(errors="replace")))
    return round(seconds, 1), round(usage.ru_maxrss / 1024.0, 1), by_quarter(samples, seconds)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents at scale 1")
    parser.add_argument("--bytes", type=int, default=5000)
    parser.add_argument("--share", type=int, default=7, help="claim share of the generator")
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--build", default="build")
    parser.add_argument("--workdir", default="/tmp/claimgraph-rss")
    parser.add_argument("--keep", action="store_true", help="keep inputs and stores")
    args = parser.parse_args()

    binary = os.path.join(args.build, "cli", "claimgraph")
    generator = os.path.join(args.build, "bench", "claimgraph_gen_corpus")
    os.makedirs(args.workdir, exist_ok=True)
    scales = [int(s) for s in args.scales.split(",")]
    report = {"docs_at_scale_1": args.docs, "bytes_per_doc": args.bytes,
              "threads": args.threads, "cpus": os.cpu_count(), "runs": []}
    for scale in scales:
        docs = scale * args.docs
        corpus = os.path.join(args.workdir, "corpus-%d.jsonl" % docs)
        if not os.path.exists(corpus):
            with open(corpus + ".tmp", "wb") as out:
                subprocess.run([generator, str(docs), str(args.bytes), "42", str(args.share)],
                               stdout=out, check=True)
            os.rename(corpus + ".tmp", corpus)
        db = os.path.join(args.workdir, "db-%d" % docs)
        shutil.rmtree(db, ignore_errors=True)
        ex_s, ex_mb, ex_q = measure([binary, "extract", "--threads", str(args.threads), corpus])
        in_s, in_mb, in_q = measure([binary, "ingest", "--db", db, "--no-progress", "--threads",
                                     str(args.threads), corpus])
        report["runs"].append({"scale": scale, "docs": docs,
                               "input_mb": round(os.path.getsize(corpus) / 1e6, 1),
                               "extract_seconds": ex_s, "extract_peak_rss_mb": ex_mb,
                               "extract_rss_by_quarter_mb": ex_q,
                               "ingest_seconds": in_s, "ingest_peak_rss_mb": in_mb,
                               "ingest_rss_by_quarter_mb": in_q})
        if not args.keep:
            shutil.rmtree(db, ignore_errors=True)
            os.remove(corpus)
        print(json.dumps(report["runs"][-1]), file=sys.stderr)
    first, last = report["runs"][0], report["runs"][-1]
    report["peak_ratio_largest_to_smallest"] = {
        "extract": round(last["extract_peak_rss_mb"] / first["extract_peak_rss_mb"], 2),
        "ingest": round(last["ingest_peak_rss_mb"] / first["ingest_peak_rss_mb"], 2)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
