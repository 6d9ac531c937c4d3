#!/usr/bin/python3
# tests/bench/bench-desk.py — run-bench-desk's measuring half: runs the desk
# and its peers, prints the figures, and exits 1 when a goal is missed.
#
# Usage (run-bench-desk prepares all of it):
#   bench-desk.py DESK DATA_DIR EMPTY_DATA_DIR CACHE_DB SEARCHES RUNS
#
# Copyright 2026 The Countersign authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import statistics
import subprocess
import sys
import threading
import time

TODAY = "2026-11-18"
COLUMNS = ("id, number, version, department, lead, matter_code, matter_name, instant, status,"
           " assignee_username, assignee_name, outcome, decided_on, organisation, applicant_name,"
           " applicant_id, received_at, accepted_on, green_channel, urgent, updated_at,"
           " clock_accepted_on, statutory_limit, promised_limit, extension_days,"
           " supplement_requested_on, suspensions, parallel")


def now_us():
    return time.monotonic_ns() // 1000


def run(argv, env=None, timeout=180):
    """Runs argv; returns (start in µs, its standard output lines, peak RSS in KiB)."""
    start = now_us()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    lines = process.stdout.read().splitlines()
    _, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit("bench-desk: %s exited with %d" % (argv[0], process.returncode))
    return start, lines, usage.ru_maxrss


def desk(binary, data_dir, spec):
    env = dict(os.environ, COUNTERSIGN_BENCH=spec)
    start, lines, rss = run([binary, "--data-dir", data_dir, "--today", TODAY], env)
    figures = {"keys": [], "counts": []}
    for line in lines:
        word, _, rest = line.partition(" ")
        if word == "startup":
            frame, rows, _ = rest.split(" ", 2)
            figures["startup"] = (int(frame) - start) / 1e6
            figures["rows"] = int(rows)
        elif word == "key":
            latency, rows, text = (rest.split(" ", 2) + [""])[:3]
            figures["keys"].append((int(latency) / 1000, int(rows), text))
        elif word == "counts":
            figures["counts"].append(int(rest) / 1000)
    if "startup" not in figures:
        sys.exit("bench-desk: %s printed no start-up figure" % binary)
    figures["rss"] = rss
    return figures


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    binary, data_dir, empty_dir, cache_db, searches, runs = sys.argv[1:]
    runs = int(runs)
    type_runs = int(os.environ.get("BENCH_TYPE_RUNS", "3"))

    print("Measuring start-up (%d runs each, after one to warm up)…" % runs, file=sys.stderr)
    full, empty, sqlite = [], [], []
    desk(binary, data_dir, "startup")
    desk(binary, empty_dir, "startup")
    query = "SELECT %s FROM cases ORDER BY received_at, id" % COLUMNS
    run(["sqlite3", cache_db, query])
    for _ in range(runs):
        full.append(desk(binary, data_dir, "startup"))
        empty.append(desk(binary, empty_dir, "startup"))
        start, _, rss = run(["sqlite3", cache_db, query])
        sqlite.append(((now_us() - start) / 1e6, rss))
    rows = min(f["rows"] for f in full)

    print("Measuring keystrokes (%d runs of %s)…" % (type_runs, os.path.basename(searches)),
          file=sys.stderr)
    keys, counts, peer_keys = [], [], []
    for _ in range(type_runs):
        typed = desk(binary, data_dir, "type:" + searches)
        keys += typed["keys"]
        counts += typed["counts"]
        peer_keys += desk(binary, empty_dir, "type:" + searches)["keys"]

    startup = statistics.median(f["startup"] for f in full)
    startup_rss = statistics.median(f["rss"] for f in full) / 1024
    empty_s = statistics.median(f["startup"] for f in empty)
    empty_rss = statistics.median(f["rss"] for f in empty) / 1024
    sqlite_s = statistics.median(s for s, _ in sqlite)
    sqlite_rss = statistics.median(r for _, r in sqlite) / 1024
    latencies = [k[0] for k in keys]
    p50, p95 = percentile(latencies, 50), percentile(latencies, 95)

    print()
    print("%-58s %10s %10s" % ("start-up (median of %d)" % runs, "seconds", "peak RSS"))
    print("%-58s %10.3f %7.1f MB" % ("desk, %d cached cases, to the first frame of rows" % rows,
                                     startup, startup_rss))
    print("%-58s %10.3f %7.1f MB" % ("desk, empty cache, to the first frame", empty_s, empty_rss))
    print("%-58s %10.3f %7.1f MB" % ("sqlite3, the same rows (whole process)", sqlite_s,
                                     sqlite_rss))
    print()
    print("%-58s %8s %8s %8s" % ("keystroke to filtered frame (%d keys)" % len(latencies),
                                 "p50 ms", "p95 ms", "max ms"))
    print("%-58s %8.1f %8.1f %8.1f" % ("desk, %d cases" % rows, p50, p95, max(latencies)))
    if peer_keys:
        peer_lat = [k[0] for k in peer_keys]
        print("%-58s %8.1f %8.1f %8.1f" % ("desk, empty cache: the entry and the frame alone",
                                           percentile(peer_lat, 50), percentile(peer_lat, 95),
                                           max(peer_lat)))
    if counts:
        print("%-58s %8.1f %8.1f %8.1f" % ("counts per filter, one pass (%d passes)" % len(counts),
                                           percentile(counts, 50), percentile(counts, 95),
                                           max(counts)))
    if os.environ.get("BENCH_VERBOSE"):
        for latency, shown, text in keys:
            print("  %7.1f ms %7d  %s" % (latency, shown, text))

    print()
    print("start-up: %.3f s, %.2fx the empty desk, %.1fx sqlite3 (goal: <= 1 s)"
          % (startup, startup / empty_s, startup / sqlite_s))
    floor = percentile([k[0] for k in peer_keys], 95)
    print("keystroke: p50 %.1f ms, p95 %.1f ms, %.1fx the empty desk's p95 (goal: p95 <= 16 ms)"
          % (p50, p95, p95 / floor))
    print("renderer: GSK_RENDERER=%s" % os.environ.get("GSK_RENDERER", "(GTK's choice)"))
    ok = rows == int(os.environ.get("BENCH_LOAD_CASES", "100000")) and startup <= 1.0 and p95 <= 16
    print("goals met" if ok else "GOALS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
