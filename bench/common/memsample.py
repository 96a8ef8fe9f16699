"""Memory sampler: RSS of a process and all its descendants, ~20 Hz, to CSV.

Library: `with MemSampler(pid, csv_path) as s: ...; s.peak_mb`.
Command: `python -m bench.common.memsample --out rss.csv [--json] -- CMD ARGS...` runs CMD,
samples it, and reports the sampled peak of the whole process tree plus the kernel's exact peak of
the largest single process (getrusage ru_maxrss of waited-for children), which catches
spikes shorter than the sampling interval. Reads /proc directly: no dependencies, so it runs
under either environment.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def child_pids(pid: int) -> list[int]:
    """Children of every thread: a process started from a worker thread (the server's
    parse worker, started by its ingest thread) is listed under that thread only."""
    children: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return children
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                children.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
    return children


def tree_rss_kb(pid: int) -> int:
    """Sum of VmRSS (from statm, cheaper than status) over pid and its descendants."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * PAGE_KB
        except (OSError, IndexError, ValueError):
            continue
        stack.extend(child_pids(p))
    return total


class MemSampler:
    """Samples tree RSS of `pid` in a background thread until stopped."""

    def __init__(self, pid: int, csv_path: Path | None = None, hz: float = 20.0) -> None:
        self.pid, self.csv_path, self.interval = pid, csv_path, 1.0 / hz
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.t0 = time.monotonic()

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = tree_rss_kb(self.pid)
            if rss:
                self.samples.append((time.monotonic() - self.t0, rss))
            self._stop.wait(self.interval)

    def __enter__(self) -> MemSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self._stop.is_set():
            return
        self._stop.set()
        self._thread.join()
        if self.csv_path:
            self.csv_path.parent.mkdir(parents=True, exist_ok=True)
            with self.csv_path.open("w") as fh:
                fh.write("t_s,rss_mb\n")
                fh.writelines(f"{t:.3f},{kb / 1024:.1f}\n" for t, kb in self.samples)

    def mark(self) -> float:
        return time.monotonic() - self.t0

    @property
    def peak_mb(self) -> float:
        return max((kb for _, kb in self.samples), default=0) / 1024

    def mean_mb(self, since: float = 0.0) -> float:
        vals = [kb for t, kb in self.samples if t >= since]
        return sum(vals) / len(vals) / 1024 if vals else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="CSV of t_s,rss_mb")
    parser.add_argument("--hz", type=float, default=20.0)
    parser.add_argument("--report", type=Path, help="write the JSON summary here, not stderr")
    parser.add_argument("cmd", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd:
        parser.error("give a command after --")
    start = time.monotonic()
    proc = subprocess.Popen(cmd)
    with MemSampler(proc.pid, args.out, args.hz) as sampler:
        code = proc.wait()
    report = {
        "exit": code,
        "wall_s": round(time.monotonic() - start, 3),
        "peak_tree_mb": round(sampler.peak_mb, 1),
        "maxrss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "samples": len(sampler.samples),
    }
    if args.report:
        args.report.write_text(json.dumps(report))
    else:
        print(json.dumps(report), file=sys.stderr)
    sys.exit(code)


if __name__ == "__main__":
    main()
