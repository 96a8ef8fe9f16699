"""Upload bounds and file names, checked before any ingest work starts."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from starlette.requests import Request

from live_server import free_port, wait_healthy, wait_job
from pocketrag.api.errors import ApiError
from pocketrag.api.uploads import receive_upload, safe_filename, staging_error

KEY = {"Authorization": "Bearer k"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd.md", "passwd.md"),
        ("..\\..\\windows\\system.ini.txt", "system.ini.txt"),
        ("/abs/path/handbook.pdf", "handbook.pdf"),
        (".hidden.md", "hidden.md"),
        ("re port;rm -rf $HOME.md", "re port_rm -rf _HOME.md"),
        ("--rf.md", "rf.md"),
        ("tab\tand\nnewline.txt", "tabandnewline.txt"),
        ("Überstunden-Regelung.docx", "Überstunden-Regelung.docx"),
    ],
)
def test_safe_filename(raw, expected):
    assert safe_filename(raw) == expected


@pytest.mark.parametrize("raw", ["..", "../", ".", "", "///", ".md", "noextension"])
def test_unusable_names_are_refused(raw):
    with pytest.raises(ApiError) as caught:
        safe_filename(raw)
    assert caught.value.status_code == 400


def test_long_names_keep_their_extension():
    name = safe_filename("a" * 500 + ".pdf")
    assert len(name) <= 120 and name.endswith(".pdf")


def test_unsupported_type_is_415(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False, api_key="k")
    response = httpx.post(
        f"{live.url}/v1/documents",
        files={"file": ("tool.exe", b"MZ\x90\x00", "application/octet-stream")},
        headers=KEY,
    )
    assert response.status_code == 415
    assert ".pdf" in response.json()["error"]["message"]
    assert not any((tmp_path / "uploads").rglob("tool.exe"))


def test_not_multipart_is_415(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False, api_key="k")
    response = httpx.post(f"{live.url}/v1/documents", content=b"hello", headers=KEY)
    assert response.status_code == 415


def test_oversize_upload_refused_from_content_length(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False, api_key="k", max_upload_mb=1)
    big = b"x" * (3 * 1024 * 1024)
    response = httpx.post(
        f"{live.url}/v1/documents", files={"file": ("big.txt", big, "text/plain")}, headers=KEY
    )
    assert response.status_code == 413
    assert "1 MB" in response.json()["error"]["message"]
    assert not any(p.is_file() for p in (tmp_path / "uploads").rglob("*"))


def _hwm_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


@pytest.mark.slow
def test_streamed_oversize_upload_cut_off_early_without_buffering(tmp_path):
    """A chunked upload (no Content-Length) of 200 MB against a 2 MB bound: the server
    answers 413 after about 2 MB, and its peak RSS does not grow by anything near the body."""
    port = free_port()
    env = {
        **os.environ,
        "POCKETRAG_DATA_DIR": str(tmp_path),
        "POCKETRAG_API_KEY": "k",
        "POCKETRAG_MAX_UPLOAD_MB": "2",
        "POCKETRAG_WARM_UP": "false",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "pocketrag", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_healthy(f"http://127.0.0.1:{port}", proc)
        before_kb = _hwm_kb(proc.pid)
        boundary = "XyZ"
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n'
        ).encode()
        chunk = b"y" * 65536
        sent = 0
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(
                b"POST /v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer k\r\n"
                b"Content-Type: multipart/form-data; boundary=" + boundary.encode() + b"\r\n"
                b"Transfer-Encoding: chunked\r\n\r\n"
            )
            sock.sendall(b"%x\r\n%s\r\n" % (len(head), head))
            try:
                while sent < 200 * 1024 * 1024:
                    sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    sent += len(chunk)
            except OSError:  # the server closed the connection after answering
                pass
            sock.settimeout(10)
            reply = b""
            try:
                while b"\r\n\r\n" not in reply:
                    data = sock.recv(4096)
                    if not data:
                        break
                    reply += data
            except OSError:
                pass
        assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
        assert sent < 50 * 1024 * 1024, f"server kept reading: {sent} bytes sent"
        grown_mb = (_hwm_kb(proc.pid) - before_kb) / 1024
        assert grown_mb < 20, f"peak RSS grew by {grown_mb:.0f} MB"
        assert not any(p.is_file() for p in (tmp_path / "uploads").rglob("*"))
        assert httpx.get(f"http://127.0.0.1:{port}/health").status_code == 200
    finally:
        proc.terminate()
        proc.wait(10)


def _multipart(name: str, content: bytes, boundary: str = "XyZ") -> tuple[bytes, bytes]:
    """(head of a one-file multipart body, its closing boundary)."""
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
        f'filename="{name}"\r\nContent-Type: text/plain\r\n\r\n'
    ).encode()
    return head + content, f"\r\n--{boundary}--\r\n".encode()


@pytest.mark.parametrize("cut", ["no closing boundary", "half the closing boundary"])
def test_truncated_multipart_is_refused_and_nothing_is_kept(serve, tmp_path, cut):
    live = serve(data_dir=tmp_path, warm_up=False)
    body, closing = _multipart("cut.txt", b"The first half of a policy. " * 200)
    if cut == "half the closing boundary":
        body += closing[:5]
    host, port = live.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            b"POST /v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            b"Content-Type: multipart/form-data; boundary=XyZ\r\n"
            b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
        )
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    head, _, payload = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400"), head
    error = json.loads(payload)["error"]
    assert error["code"] == "truncated_upload" and "closing boundary" in error["message"]
    assert httpx.get(f"{live.url}/v1/jobs").json() == []
    assert not any(p.is_file() for p in (tmp_path / "uploads").rglob("*"))
    # the same body, complete, is accepted
    complete = httpx.post(
        f"{live.url}/v1/documents",
        content=body.removesuffix(closing[:5]) + closing,
        headers={"Content-Type": "multipart/form-data; boundary=XyZ"},
    )
    assert complete.status_code == 202, complete.text


def _upload_request(body: bytes, boundary: str = "XyZ") -> Request:
    """A real Starlette request whose body is `body` (what uvicorn hands the route)."""
    events = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive() -> dict:
        return events.pop(0) if events else {"type": "http.disconnect"}

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/v1/documents",
        "headers": [(b"content-type", f"multipart/form-data; boundary={boundary}".encode())],
    }
    return Request(scope, receive)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def _run(coroutine):
    """asyncio.run in a thread of its own: Playwright's sync API keeps an event loop running
    in the main thread once a browser test has run, and asyncio.run refuses to nest."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_full_disk_while_staging_is_507_without_server_paths(tmp_path):
    """/dev/full fails every write with ENOSPC, as a full disk does."""
    dest = tmp_path / "staging" / "job"
    dest.mkdir(parents=True)
    (dest / "upload.txt").symlink_to("/dev/full")  # the staged file's generated name
    body, closing = _multipart("report.txt", b"x" * 200_000)
    with pytest.raises(ApiError) as caught:
        _run(receive_upload(_upload_request(body + closing), dest, 10**7))
    assert caught.value.status_code == 507
    assert caught.value.code == "insufficient_storage"
    assert str(tmp_path) not in caught.value.message and "/dev" not in caught.value.message


def test_other_staging_failures_are_500_without_server_paths(tmp_path):
    try:
        (tmp_path / ("年" * 100)).write_bytes(b"x")  # 300 bytes: over NAME_MAX
    except OSError as exc:
        error = staging_error(exc)
    else:
        pytest.skip("this file system takes 300-byte names")
    assert error.status_code == 500 and error.code == "upload_storage_failed"
    assert str(tmp_path) not in error.message and "年" not in error.message


@pytest.mark.slow
def test_long_chinese_file_name_is_uploaded_and_kept(serve, tmp_path):
    """100 CJK characters are 300 bytes in UTF-8, over the usual 255-byte name limit: the
    staged file has a generated name and the document keeps the uploaded one."""
    name = "员工手册" * 25 + ".md"
    live = serve(data_dir=tmp_path, warm_up=False)
    text = b"Employees may work from home two days a week after their probation.\n"
    with httpx.Client(base_url=live.url, timeout=60) as client:
        response = client.post("/v1/documents", files={"file": (name, text, "text/markdown")})
        assert response.status_code == 202, response.text
        job = wait_job(client, response.json()["id"])
        assert job["state"] == "succeeded", job
        assert job["filename"] == name
        document = client.get(f"/v1/documents/{job['document_id']}").json()
    assert document["source"] == name
    assert document["title"] == name.removesuffix(".md")  # not the staged name
