"""A moto S3 server on loopback, for benchmarks that replicate to a bucket.

The replication tests have their own (tests/s3_server.py, pytest fixtures that skip or fail
when moto is missing); a benchmark only needs the server, and says plainly when moto_server
is not installed (`pip install -e '.[dev]'`).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

KEY_ID, SECRET = "AKIABENCHREPLICA", "bench-secret-value-2c9d"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_moto(timeout_s: float = 30.0) -> tuple[subprocess.Popen, str]:
    """Start moto_server (the one beside this interpreter); return it and its endpoint."""
    binary = shutil.which("moto_server", path=str(Path(sys.executable).parent))
    if binary is None:
        raise SystemExit("moto_server not found: pip install -e '.[dev]'")
    port = free_port()
    process = subprocess.Popen(
        [binary, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            httpx.get(endpoint + "/moto-api/", timeout=1)
            return process, endpoint
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("moto_server did not start")
