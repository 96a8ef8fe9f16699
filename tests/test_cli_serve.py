"""A busy port is one clear sentence, from `pocketrag serve` and from `make demo`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A port some other program listens on, for the length of the test."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield listener.getsockname()[1]


def test_serve_on_a_busy_port_says_so(tmp_path: Path, busy_port: int):
    env = {**os.environ, "POCKETRAG_WARM_UP": "false"}
    command = ["-m", "pocketrag", "--data-dir", str(tmp_path), "serve", "--host", "127.0.0.1"]
    done = subprocess.run(
        [sys.executable, *command, "--port", str(busy_port)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 1
    assert f"port {busy_port} is already in use" in done.stderr
    assert f"--port {busy_port + 1}" in done.stderr
    assert "Errno" not in done.stderr and "Traceback" not in done.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")
def test_make_demo_checks_the_port_before_setting_up(busy_port: int):
    done = subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO), "demo-port", f"PORT={busy_port}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert f"make demo PORT={busy_port + 1}" in done.stderr
    assert "Errno" not in done.stderr
