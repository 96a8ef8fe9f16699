"""Measuring primitives for compare.py: the shared benchmark lock, a measured subprocess,
a measured server (cold start, RSS at rest and under load) and an HTTP load generator.

Every measurement holds /tmp/pocketrag-bench.lock (flock(2), the same lock the `flock`
command takes), so benchmarks by different people on this shared machine never overlap.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from bench.common.memsample import MemSampler

LOCK_PATH = "/tmp/pocketrag-bench.lock"


_held = threading.local()


@contextlib.contextmanager
def bench_lock() -> Iterator[None]:
    """Reentrant in this process: compare.py holds it across one alternating series (both
    stacks back to back under the same conditions), and the runs inside do not re-take it."""
    if getattr(_held, "depth", 0):
        _held.depth += 1
        try:
            yield
        finally:
            _held.depth -= 1
        return
    with open(LOCK_PATH, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        _held.depth = 1
        try:
            yield
        finally:
            _held.depth = 0
            fcntl.flock(fh, fcntl.LOCK_UN)


def measured(
    cmd: list[str],
    csv_path: Path,
    env: dict | None = None,
    log: Path | None = None,
    ok_codes: tuple[int, ...] = (0,),
) -> dict:
    """Run cmd under the lock and the memory sampler; its stdout is returned, stderr logged."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        report_path = Path(tmp.name)
    wrapped = [sys.executable, "-m", "bench.common.memsample", "--out", str(csv_path), "--report"]
    wrapped += [str(report_path), "--", *cmd]
    log_fh = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115
    try:
        with bench_lock():
            load_before = os.getloadavg()[0]
            proc = subprocess.run(
                wrapped,
                env={**os.environ, **(env or {})},
                stdout=subprocess.PIPE,
                stderr=log_fh,
                text=True,
                check=False,
            )
    finally:
        if log:
            log_fh.close()
    report = json.loads(report_path.read_text())
    report_path.unlink()
    report["stdout"] = proc.stdout
    report["loadavg_1m_before"] = load_before  # others' work on the shared machine
    if report["exit"] not in ok_codes:
        tail = log.read_text()[-1500:] if log else ""
        raise RuntimeError(f"{' '.join(cmd[:4])}... exited {report['exit']}\n{tail}")
    return report


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def wait_for(url: str, deadline_s: float, proc: subprocess.Popen) -> float | None:
    """Seconds until GET url answers 200 (polled every 20 ms); None if the process died."""
    start = time.monotonic()
    while time.monotonic() - start < deadline_s:
        if proc.poll() is not None:
            return None
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=1.0).status_code == 200:
                return time.monotonic() - start
        time.sleep(0.02)
    return None


class Server:
    """A server process, sampled from its first instant until it is stopped."""

    def __init__(self, cmd: list[str], env: dict, port: int, csv_path: Path, log: Path) -> None:
        self.port, self.log = port, log
        self.base = f"http://127.0.0.1:{port}"
        self._log_fh = open(log, "w")  # noqa: SIM115
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            cmd,
            env={**os.environ, **env},
            stdout=self._log_fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.sampler = MemSampler(self.proc.pid, csv_path).__enter__()

    def rss_now_mb(self, window_s: float = 1.0) -> float:
        since = self.sampler.mark()
        time.sleep(window_s)
        return self.sampler.mean_mb(since)

    def stop(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.sampler.stop()
        self._log_fh.close()

    def failure(self) -> str:
        return self.log.read_text()[-1500:]


def run_clients(url: str, bodies: list[dict], clients: int, per_client: int) -> dict:
    """`clients` threads, each sending `per_client` POSTs back to back; latencies in ms."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    def client(n: int) -> None:
        with httpx.Client(timeout=120) as http:
            barrier.wait()
            for i in range(per_client):
                body = bodies[(n * per_client + i) % len(bodies)]
                t = time.perf_counter()
                try:
                    r = http.post(url, json=body)
                    code = str(r.status_code)
                except httpx.HTTPError as exc:
                    code = type(exc).__name__
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    if code == "200":
                        latencies.append(ms)
                    else:
                        errors[code] = errors.get(code, 0) + 1

    start = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    return {
        "latencies_ms": latencies,
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "ok": len(latencies),
        "errors": errors,
        "requests_per_s": len(latencies) / wall if wall else 0.0,
    }


def median(values: list[float]) -> float:
    values = [v for v in values if v == v]  # drop NaN
    return statistics.median(values) if values else float("nan")
