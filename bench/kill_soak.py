#!/usr/bin/env python3
"""Kill soak (issue 7): SIGKILL `ingest` and `rebuild` at random moments, many
times, and count what survived. A benchmark-style run that reports figures;
the guarantees themselves are held by tests/cli/store_crash_test.cc and
tests/cli/rebuild_test.cc.

Usage: bench/kill_soak.py [--docs 3000] [--ingest-kills 50] [--rebuild-kills 20]
                          [--seed 7] [--build build] [--workdir /tmp/claimgraph-kill]

Ingest: each round starts `ingest --threads 2` on the whole corpus and kills
it after a random delay (up to the time a full ingest takes). After every
kill: `check` must pass (each document whole: claims, index entries and
counters agree), and the stored document count must not have gone down (a
re-ingest only adds the missing ones, so a lower count is a lost document).
When a round finds the corpus complete, the store is removed and filling
starts again, so that kills keep landing mid-ingest.

Rebuild: on a complete store, `rebuild --full` is killed after a random
delay. After every kill the store must open with all documents, `check` must
pass, and the generation must be the old one or the next (never in between).
A final rebuild must complete.

Prints one JSON object: kills sent, kills that landed before the process
ended, failed checks, lost documents, and the final totals against
`extract`'s.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time


def run(argv):
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def stats(binary, db):
    code, out, err = run([binary, "stats", "--db", db, "--format", "json"])
    if code != 0:
        return None, err
    return json.loads(out), ""


def kill_after(argv, delay):
    """Starts argv, sends SIGKILL after `delay` s; True when the kill landed."""
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        p.wait(timeout=delay)
        return False  # it finished first
    except subprocess.TimeoutExpired:
        p.send_signal(signal.SIGKILL)
        p.wait()
        return p.returncode == -signal.SIGKILL


def timed(argv):
    start = time.perf_counter()
    code, _, err = run(argv)
    if code != 0:
        sys.exit("failed (%d): %s\n%s" % (code, " ".join(argv), err))
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--bytes", type=int, default=3000)
    parser.add_argument("--ingest-kills", type=int, default=50)
    parser.add_argument("--rebuild-kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--build", default="build")
    parser.add_argument("--workdir", default="/tmp/claimgraph-kill")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    binary = os.path.join(args.build, "cli", "claimgraph")
    generator = os.path.join(args.build, "bench", "claimgraph_gen_corpus")
    shutil.rmtree(args.workdir, ignore_errors=True)
    os.makedirs(args.workdir)
    corpus = os.path.join(args.workdir, "corpus.jsonl")
    with open(corpus, "wb") as out:
        subprocess.run([generator, str(args.docs), str(args.bytes), "42", "7"], stdout=out,
                       check=True)
    code, out, err = run([binary, "extract", corpus])
    if code != 0:
        sys.exit("extract failed: " + err)
    expected_claims = sum(1 for line in out.splitlines() if line.strip())
    db = os.path.join(args.workdir, "db")
    ingest = [binary, "ingest", "--db", db, "--no-progress", "--threads", "2", corpus]
    full_seconds = timed(ingest)
    shutil.rmtree(db)

    report = {"docs": args.docs, "expected_claims": expected_claims,
              "full_ingest_seconds": round(full_seconds, 2),
              "ingest": {"kills": 0, "landed": 0, "check_failures": 0, "lost_documents": 0,
                         "stores_filled": 0, "killed_while_creating": 0},
              "rebuild": {"kills": 0, "landed": 0, "check_failures": 0,
                          "lost_documents": 0, "bad_generation": 0},
              "problems": []}

    def kill_and_check(name, argv, max_delay, creating=False):
        """One kill of `argv`, then `stats` and `check` on the store. Returns the
        stats, or None when the store did not open (a failure unless it was
        killed while `creating` it: readers refuse a store without its format
        marker, and the next writer finishes creating it)."""
        section = report[name]
        section["kills"] += 1
        section["landed"] += kill_after(argv, rng.uniform(0.05, max_delay))
        s, err = stats(binary, db)
        if s is None and creating:
            section["killed_while_creating"] += 1
            return None
        if s is None:
            section["check_failures"] += 1
            report["problems"].append("%s kill %d: stats failed: %s" %
                                      (name, section["kills"], err))
            return None
        if run([binary, "check", "--db", db])[0] != 0:
            section["check_failures"] += 1
            report["problems"].append("%s kill %d: check failed" % (name, section["kills"]))
        return s

    stored = 0
    while report["ingest"]["kills"] < args.ingest_kills:
        s = kill_and_check("ingest", ingest, full_seconds, creating=stored == 0)
        if s is None:
            if stored == 0:
                continue  # killed while creating the store
            break
        if s["documents"] < stored:
            report["ingest"]["lost_documents"] += stored - s["documents"]
            report["problems"].append("ingest kill %d: %d documents, %d before" %
                                      (report["ingest"]["kills"], s["documents"], stored))
        stored = s["documents"]
        if stored == args.docs:
            if s["claims"] != expected_claims:
                report["problems"].append("filled store has %d claims, extract %d" %
                                          (s["claims"], expected_claims))
            report["ingest"]["stores_filled"] += 1
            shutil.rmtree(db)
            stored = 0

    timed(ingest)  # a complete store for the rebuild kills
    rebuild = [binary, "rebuild", "--db", db, "--full", "--no-progress"]
    rebuild_seconds = timed(rebuild)
    report["full_rebuild_seconds"] = round(rebuild_seconds, 2)
    generation = stats(binary, db)[0]["generation"]
    while report["rebuild"]["kills"] < args.rebuild_kills:
        s = kill_and_check("rebuild", rebuild, rebuild_seconds)
        if s is None:
            break
        kill = report["rebuild"]["kills"]
        if s["documents"] != args.docs:
            report["rebuild"]["lost_documents"] += args.docs - s["documents"]
            report["problems"].append("rebuild kill %d: %d documents" % (kill, s["documents"]))
        if s["generation"] not in (generation, generation + 1):
            report["rebuild"]["bad_generation"] += 1
            report["problems"].append("rebuild kill %d: generation %d after %d" %
                                      (kill, s["generation"], generation))
        generation = s["generation"]
    timed(rebuild)
    s, _ = stats(binary, db)
    report["final"] = {"documents": s["documents"], "claims": s["claims"],
                       "generation": s["generation"],
                       "check": run([binary, "check", "--db", db])[0] == 0}
    print(json.dumps(report, indent=2))
    shutil.rmtree(args.workdir, ignore_errors=True)
    return 1 if report["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
