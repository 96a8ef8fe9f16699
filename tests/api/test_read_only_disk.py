"""A data directory and index the server's user cannot write: clear errors, no paths leaked.

Root writes through any permission bits, so when the tests run as root the server runs
without the capabilities that allow it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, dropped with
util-linux's setpriv): the permission bits then hold for it as for any other user.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from live_server import free_port, wait_healthy
from pocketrag.store.sqlite import SQLiteStore

AS_ORDINARY_USER = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


@pytest.fixture
def read_only_data(tmp_path: Path) -> Iterator[Path]:
    """A data dir holding an (empty) index, neither writable by the server's user."""
    data = tmp_path / "data"
    SQLiteStore(data / "index.sqlite3").close()
    os.chmod(data / "index.sqlite3", 0o444)
    os.chmod(data, 0o555)
    yield data
    os.chmod(data, 0o755)  # so pytest can clean up


@pytest.fixture
def unprivileged_server(read_only_data: Path) -> Iterator[str]:
    port = free_port()
    env = {
        **os.environ,
        "POCKETRAG_DATA_DIR": str(read_only_data),
        "POCKETRAG_WARM_UP": "false",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    prefix = AS_ORDINARY_USER if os.geteuid() == 0 else []
    command = [sys.executable, "-m", "pocketrag", "serve", "--host", "127.0.0.1"]
    proc = subprocess.Popen(
        [*prefix, *command, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


def test_upload_into_a_read_only_data_dir_is_a_clear_500(unprivileged_server, read_only_data):
    response = httpx.post(
        f"{unprivileged_server}/v1/documents",
        files={"file": ("policy.md", b"# Policy\n\nText.\n", "text/markdown")},
    )
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["code"] == "upload_storage_failed"
    assert "not writable" in error["message"] and "POCKETRAG_DATA_DIR" in error["message"]
    assert str(read_only_data.parent) not in error["message"]


def test_read_only_index_names_the_file_and_the_fix(unprivileged_server, read_only_data):
    response = httpx.get(f"{unprivileged_server}/v1/documents")
    assert response.status_code == 503
    message = response.json()["error"]["message"]
    assert str(read_only_data / "index.sqlite3") in message
    assert "read-only" in message and "POCKETRAG_READ_ONLY=true" in message
