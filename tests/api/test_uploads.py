"""Upload bounds and file names, checked before any ingest work starts."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from pocketrag.api.errors import ApiError
from pocketrag.api.uploads import safe_filename

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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _hwm_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


@pytest.mark.slow
def test_streamed_oversize_upload_cut_off_early_without_buffering(tmp_path):
    """A chunked upload (no Content-Length) of 200 MB against a 2 MB bound: the server
    answers 413 after about 2 MB, and its peak RSS does not grow by anything near the body."""
    port = _free_port()
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
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health").status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
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
