"""Junk requests against `pocketrag serve`: /metrics size and server memory before and after.

    .venv/bin/python -m bench.micro.junk_requests [--requests 20000] [--src /other/checkout/src]

Issue 12, item 1: every invented HTTP method name used to become a Prometheus label value,
so requests like `X<uuid> /health HTTP/1.1` grew /metrics and the process without bound.
This starts `python -m pocketrag serve` (no model load, empty index), sends the requests
pipelined on keep-alive connections, half with an invented method on /health and half GETs
of random paths, and prints /metrics' size, the server's RSS and its kernel peak (VmHWM)
before and after. `--src` runs another checkout's code (e.g. main's) for a before/after.
Wrap it in `flock /tmp/pocketrag-bench.lock` on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid

import httpx

from bench.micro.serve_load import free_port, status_kb

BATCH = 500  # requests pipelined per connection


def _junk_batch(port: int, pairs: int) -> None:
    lines = []
    for _ in range(pairs):
        lines.append(f"X{uuid.uuid4().hex} /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        lines.append(f"GET /{uuid.uuid4().hex} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    lines.append("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall("".join(lines).encode())
        while sock.recv(1 << 20):  # read every answer until the server closes
            pass


def _wait_healthy(url: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def _snapshot(url: str, pid: int) -> dict[str, float]:
    return {
        "metrics_bytes": len(httpx.get(f"{url}/metrics").content),
        "rss_mb": round(status_kb(pid, "VmRSS") / 1024, 1),
        "peak_mb": round(status_kb(pid, "VmHWM") / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--src", help="put this source tree first on PYTHONPATH")
    args = parser.parse_args()
    port = free_port()
    env = {
        **os.environ,
        "POCKETRAG_DATA_DIR": tempfile.mkdtemp(prefix="pocketrag-junk-"),
        "POCKETRAG_WARM_UP": "false",
        "POCKETRAG_RATE_LIMIT_PER_MINUTE": "0",
    }
    if args.src:
        env["PYTHONPATH"] = args.src
    command = [sys.executable, "-m", "pocketrag", "serve", "--host", "127.0.0.1"]
    proc = subprocess.Popen(
        [*command, "--port", str(port), "--log-level", "error"],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        before = _snapshot(url, proc.pid)
        started = time.perf_counter()
        for _ in range(max(1, args.requests // (2 * BATCH))):
            _junk_batch(port, BATCH)
        seconds = time.perf_counter() - started
        after = _snapshot(url, proc.pid)
    finally:
        proc.terminate()
        proc.wait(10)
    load = os.getloadavg()
    print(
        json.dumps(
            {
                "code": args.src or "this checkout",
                "requests": args.requests,
                "seconds": round(seconds, 1),
                "before": before,
                "after": after,
                "load_average": [round(x, 2) for x in load],
            }
        )
    )


if __name__ == "__main__":
    main()
