#!/usr/bin/env python3
"""Times two commands as whole processes, in turn (A B A B ...), and prints the median wall
and CPU seconds of each and the median of the pair-by-pair ratios A/B, so that a ratio holds
while a shared machine's speed drifts. Output of the commands is thrown away.

    paired.py [-n RUNS] 'COMMAND A' ['COMMAND B']

Each command is one string run by `sh -c` (redirections allowed). One warm-up run each.
"""

import argparse
import os
import resource
import statistics
import subprocess
import time


def once(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    status = subprocess.run(["sh", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, status


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=5)
    ap.add_argument("a")
    ap.add_argument("b", nargs="?")
    args = ap.parse_args()
    commands = [args.a] + ([args.b] if args.b else [])
    for c in commands:
        once(c)
    runs = {c: [] for c in commands}
    for _ in range(args.n):
        for c in commands:
            runs[c].append(once(c))
    print(f"load average {os.getloadavg()[0]:.2f}; {args.n} runs each, medians")
    for name, c in zip("AB", commands):
        walls = [r[0] for r in runs[c]]
        cpus = [r[1] for r in runs[c]]
        codes = sorted({r[2] for r in runs[c]})
        print(f"{name}: wall {statistics.median(walls):.3f} s (min {min(walls):.3f}), "
              f"cpu {statistics.median(cpus):.3f} s, exit {codes}: {c}")
    if args.b:
        ratios = [a[0] / b[0] for a, b in zip(runs[args.a], runs[args.b])]
        print(f"A/B wall: median {statistics.median(ratios):.3f} (min {min(ratios):.3f}, max {max(ratios):.3f})")


if __name__ == "__main__":
    main()
