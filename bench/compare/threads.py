#!/usr/bin/env python3
"""Runs a command and prints the CPU seconds of each of its threads (polled from
/proc/PID/task/*/stat every 20 ms until it exits), their total, and total / busiest: on
idle cores, a run cannot finish faster than its busiest thread, so this is the speed-up
the threads allow whatever else the machine is doing. Linux only.

    threads.py COMMAND [ARG ...]
"""

import os
import subprocess
import sys
import time


def main():
    p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tick = os.sysconf("SC_CLK_TCK")
    last = {}
    while p.poll() is None:
        try:
            for t in os.listdir(f"/proc/{p.pid}/task"):
                with open(f"/proc/{p.pid}/task/{t}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                last[t] = (int(fields[11]) + int(fields[12])) / tick
        except (FileNotFoundError, ProcessLookupError):
            pass
        time.sleep(0.02)
    total = sum(last.values())
    busiest = max(last.values(), default=0) or 1
    threads = " ".join(f"{v:.2f}" for v in sorted(last.values(), reverse=True))
    print(f"CPU s per thread: {threads}; total {total:.2f}; total / busiest {total / busiest:.2f}")


if __name__ == "__main__":
    main()
