"""A real uvicorn server on a loopback port, for the API and browser tests.

`start_server(**settings)` runs `create_app(load_settings(...))` in a thread on 127.0.0.1
with an ephemeral port; `build_sample_index(dir)` ingests samples/handbook with the real CLI.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from pocketrag.api.app import create_app
from pocketrag.api.edge_errors import JsonErrorH11Protocol
from pocketrag.config import load_settings

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "handbook"


@dataclass
class Live:
    url: str
    app: object
    server: uvicorn.Server
    thread: threading.Thread

    @property
    def service(self):
        return self.app.state.service

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def start_server(**overrides: object) -> Live:
    overrides.setdefault("rate_limit_per_minute", 0)
    # The server runs in this pytest process, so its memory guard would measure the whole
    # test session (every earlier test's models and servers), not one server: past ~400 MB
    # it refused asks and uploads with 503 "low on memory" depending on test order. Tests
    # of the guard set their own limit.
    overrides.setdefault("memory_soft_limit_mb", 16_384)
    app = create_app(load_settings(**overrides))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app,
        log_level="warning",
        lifespan="on",
        timeout_graceful_shutdown=3,
        http=JsonErrorH11Protocol,  # as `pocketrag serve` runs it
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    return Live(f"http://127.0.0.1:{port}", app, server, thread)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 30) -> None:
    """Wait for /health of a `pocketrag serve` started as a subprocess; if it exits or
    stays silent, fail with the end of its stderr (when captured)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{url}/health").status_code == 200:
                return
        except httpx.TransportError:
            if time.monotonic() > deadline or proc.poll() is not None:
                stderr = proc.stderr.read().decode()[-2000:] if proc.stderr else ""
                raise AssertionError(f"server at {url} did not start: {stderr}") from None
            time.sleep(0.05)


def wait_job(client: httpx.Client, job_id: str, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}").json()
        if job["state"] in ("succeeded", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish in {timeout}s")


def wait_ready(url: str, timeout: float = 120, key: str | None = None) -> dict:
    """Poll /ready until the index is open and the model loaded; returns its JSON. `key`:
    the server's query key, if it has one (/ready needs it then)."""
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = httpx.get(f"{url}/ready", headers=headers)
        if response.status_code == 200:
            return response.json()
        time.sleep(0.1)
    raise AssertionError(f"not ready: {response.json()}")


def build_sample_index(data_dir: Path) -> None:
    env = {**os.environ, "POCKETRAG_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "pocketrag", "ingest", str(SAMPLES)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]


_built: dict[str, Path] = {}


def shared_sample_index(tmp_path_factory) -> Path:
    """The sample-handbook index, built once per test session and shared by the API and
    browser tests (tests that change documents work on a copy)."""
    if "sample" not in _built:
        data_dir = tmp_path_factory.mktemp("sample-index")
        build_sample_index(data_dir)
        _built["sample"] = data_dir
    return _built["sample"]


# --- fixtures shared by tests/api and tests/browser (imported by their conftests) ---------


@pytest.fixture
def serve() -> Iterator[Callable[..., Live]]:
    """Start real servers on loopback for one test; all are stopped afterwards."""
    started: list[Live] = []

    def _serve(**overrides: object) -> Live:
        live = start_server(**overrides)
        started.append(live)
        return live

    yield _serve
    for live in started:
        live.stop()


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory) -> Path:
    """A data dir whose index holds the sample handbook (built once with the real CLI)."""
    assert SAMPLES.is_dir(), f"sample handbook not found at {SAMPLES}"
    return shared_sample_index(tmp_path_factory)
