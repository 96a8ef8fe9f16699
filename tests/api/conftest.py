"""A real uvicorn server on a loopback port for each test module that asks for one.

`serve(**settings)` starts `create_app(load_settings(...))` in a thread on 127.0.0.1 with
an ephemeral port and returns the base URL; every server is stopped at the end of the test.
`sample_index` builds a real SQLite index of the sample handbook once per session.
"""

from __future__ import annotations

import os
import shutil
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
from pocketrag.config import load_settings

REPO = Path(__file__).resolve().parents[2]
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
    app = create_app(load_settings(**overrides))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on", timeout_graceful_shutdown=3)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    return Live(f"http://127.0.0.1:{port}", app, server, thread)


@pytest.fixture
def serve() -> Iterator[Callable[..., Live]]:
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
    if not SAMPLES.is_dir():
        pytest.skip(f"sample handbook not found at {SAMPLES}")
    data_dir = tmp_path_factory.mktemp("sample-index")
    env = {**os.environ, "POCKETRAG_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "pocketrag", "ingest", str(SAMPLES)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return data_dir


@pytest.fixture
def index_copy(sample_index: Path, tmp_path: Path) -> Path:
    """A private copy of the sample index, for tests that change documents."""
    target = tmp_path / "data"
    shutil.copytree(sample_index, target)
    return target


def wait_job(client: httpx.Client, job_id: str, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}").json()
        if job["state"] in ("succeeded", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish in {timeout}s")


def wait_ready(url: str, timeout: float = 120) -> dict:
    """Poll /ready until the index is open and the model loaded; returns its JSON."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = httpx.get(f"{url}/ready")
        if response.status_code == 200:
            return response.json()
        time.sleep(0.1)
    raise AssertionError(f"not ready: {response.json()}")
