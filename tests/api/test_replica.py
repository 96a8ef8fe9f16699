"""Nothing lost on a free host (issue 13), against a real S3 API server (moto on loopback),
the real litestream binary and real `pocketrag serve` processes.

Upload with replication on, kill -9, wipe the data dir, start again: the document is
listed, searchable and its original downloadable; a read-only replica started from the same
bucket gives the same answers. A bucket that is down or refuses the credentials never
blocks a question, and /ready and the log say what is wrong without the secret.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from live_server import SAMPLES, free_port, wait_job, wait_ready
from s3_server import SECRET

pytestmark = pytest.mark.slow
PDF = SAMPLES / "expenses.pdf"
QUESTION = "Within how many days must expense claims be submitted?"


class ServeProcess:
    """`pocketrag serve` in its own process, so it can be killed -9 like a host would."""

    def __init__(self, data_dir: Path, env: dict[str, str], *args: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = data_dir.parent / f"serve-{self.port}.log"
        command = [sys.executable, "-m", "pocketrag", "--data-dir", str(data_dir), "serve"]
        command += ["--host", "127.0.0.1", "--port", str(self.port), *args]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT
            )

    def ready(self) -> dict:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # until uvicorn listens
            assert self.process.poll() is None, self.log.read_text()[-2000:]
            try:
                httpx.get(f"{self.url}/health", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        return wait_ready(self.url, timeout=180)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()


@pytest.fixture
def serve_process():
    started: list[ServeProcess] = []

    def _start(data_dir: Path, env: dict[str, str], *args: str) -> ServeProcess:
        server = ServeProcess(data_dir, env, *args)
        started.append(server)
        return server

    yield _start
    for server in started:
        server.stop()


def _replica(url: str) -> dict:
    return httpx.get(f"{url}/ready", timeout=10).json()["components"]["replica"]


def _wait_synced_after(url: str, moment: datetime, timeout: float = 60) -> dict:
    """Until Litestream reports a sync to the bucket later than `moment`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        replica = _replica(url)
        synced = replica.get("last_sync_at")
        if replica.get("ok") and synced and datetime.fromisoformat(synced) > moment:
            return replica
        time.sleep(0.3)
    raise AssertionError(f"no sync after {moment}: {_replica(url)}")


def _ask(url: str) -> dict:
    response = httpx.post(
        f"{url}/v1/ask", json={"question": QUESTION, "use_llm": False}, timeout=60
    )
    assert response.status_code == 200, response.text
    answer = response.json()
    for varying in ("timings_ms", "log_id"):  # the same answer, not the same log entry
        answer.pop(varying, None)
    return answer


def test_upload_survives_kill_and_restart_with_a_wiped_disk_and_a_read_only_replica_agrees(
    tmp_path, s3_bucket, serve_process
):
    data = tmp_path / "data"
    first = serve_process(data, s3_bucket.env)
    assert first.ready()["components"]["replica"]["restore"] == "no_replica"
    with httpx.Client(base_url=first.url, timeout=30) as client:
        response = client.post(
            "/v1/documents", files={"file": ("expenses.pdf", PDF.read_bytes(), "application/pdf")}
        )
        job = wait_job(client, response.json()["id"])
    assert job["state"] == "succeeded", job
    document_id = job["document_id"]
    finished = datetime.fromisoformat(job["finished_at"])
    replica = _wait_synced_after(first.url, finished)
    assert any(k.endswith(".pdf") for k in s3_bucket.keys("pocketrag/originals/"))
    before = _ask(first.url)
    assert before["citations"] and before["citations"][0]["source"] == "expenses.pdf", before

    litestream_pid = replica["pid"]
    first.process.send_signal(signal.SIGKILL)
    first.process.wait(10)
    shutil.rmtree(data)
    deadline = time.monotonic() + 10  # PR_SET_PDEATHSIG: Litestream follows its parent
    while Path(f"/proc/{litestream_pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Path(f"/proc/{litestream_pid}").exists(), "litestream outlived its server"

    second = serve_process(data, s3_bucket.env)
    ready = second.ready()
    assert ready["components"]["replica"]["restore"] == "restored"
    documents = httpx.get(f"{second.url}/v1/documents").json()
    assert [(d["id"], d["source"]) for d in documents] == [(document_id, "expenses.pdf")]
    hits = httpx.post(f"{second.url}/v1/search", json={"query": "expense claim approval"}).json()
    assert hits and hits[0]["source"] == "expenses.pdf"
    original = httpx.get(f"{second.url}/v1/documents/{document_id}/file")
    assert original.status_code == 200
    assert original.content == PDF.read_bytes()
    assert original.headers["content-type"] == "application/pdf"
    assert original.headers["content-disposition"].startswith("inline")
    assert _ask(second.url) == before

    reader = serve_process(tmp_path / "reader", s3_bucket.env, "--read-only")
    assert reader.ready()["components"]["replica"]["state"] == "restored_read_only"
    assert _ask(reader.url) == before
    copy = httpx.get(f"{reader.url}/v1/documents/{document_id}/file")
    assert copy.content == PDF.read_bytes()

    # A host's ordinary restart (SIGTERM) right after an upload, without waiting for a sync:
    # Litestream ships what it has before it exits.
    with httpx.Client(base_url=second.url, timeout=30) as client:
        note = ("travel.pdf", (SAMPLES / "travel.pdf").read_bytes())
        job = wait_job(client, client.post("/v1/documents", files={"file": note}).json()["id"])
    assert job["state"] == "succeeded", job
    second.stop()  # SIGTERM
    shutil.rmtree(data)
    third = serve_process(data, s3_bucket.env)
    assert third.ready()["documents"] == 2


def _closed_endpoint() -> str:
    return f"http://127.0.0.1:{free_port()}"  # nothing listens there


def _wait_replica_problem(url: str, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        replica = _replica(url)
        if replica.get("ok") is False and replica.get("error"):
            return replica
        time.sleep(0.5)
    raise AssertionError(f"replica problem never reported: {_replica(url)}")


def test_unreachable_bucket_never_blocks_asks(serve, index_copy, caplog):
    caplog.set_level(logging.WARNING, logger="pocketrag")
    live = serve(
        data_dir=index_copy,
        replica_url="s3://bucket/p",
        s3_endpoint=_closed_endpoint(),
        s3_access_key_id="AKIADOWN",
        s3_secret_access_key=SECRET,
    )
    wait_ready(live.url)
    answer = _ask(live.url)
    assert answer["citations"], answer
    replica = _wait_replica_problem(live.url)
    assert replica["state"] == "replicating" and replica["restore"] == "local"
    assert "no sync to the bucket" in replica["error"]
    assert "Connection refused" in replica["error"] or "connect" in replica["error"].lower()
    assert _ask(live.url) == answer
    assert any("no sync to the bucket" in r.getMessage() for r in caplog.records)
    assert SECRET not in caplog.text and SECRET not in str(replica)


def test_wrong_credentials_are_reported_without_the_secret(
    serve, index_copy, strict_s3_server, caplog
):
    caplog.set_level(logging.WARNING, logger="pocketrag")
    live = serve(
        data_dir=index_copy,
        replica_url="s3://bucket/p",
        s3_endpoint=strict_s3_server,
        s3_access_key_id="AKIAWRONG",
        s3_secret_access_key=SECRET,
    )
    wait_ready(live.url)
    assert _ask(live.url)["citations"]
    replica = _wait_replica_problem(live.url)
    assert "InvalidAccessKeyId" in replica["error"]
    ready = httpx.get(f"{live.url}/ready").text
    assert SECRET not in ready and SECRET not in caplog.text
    assert any("InvalidAccessKeyId" in r.getMessage() for r in caplog.records)


def test_missing_index_and_unreachable_bucket_serves_without_replicating(serve, tmp_path):
    live = serve(
        data_dir=tmp_path / "empty",
        replica_url="s3://bucket/p",
        s3_endpoint=_closed_endpoint(),
        s3_access_key_id="AKIADOWN",
        s3_secret_access_key=SECRET,
    )
    ready = wait_ready(live.url)
    replica = ready["components"]["replica"]
    assert replica["state"] == "restore_failed" and replica["ok"] is False
    assert "Restoring the index" in replica["error"] and SECRET not in replica["error"]
    response = httpx.post(f"{live.url}/v1/ask", json={"question": QUESTION, "use_llm": False})
    assert response.status_code == 200
