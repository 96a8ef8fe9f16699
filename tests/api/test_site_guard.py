"""Without an API key, a page on another site cannot change documents through the user's
browser (Origin), and a DNS-rebinding page cannot read or change anything (Host)."""

from __future__ import annotations

import httpx
import pytest

from pocketrag.api.site_guard import host_name, is_loopback_address

# Accepted uploads fail fast in the loader (no PDF header): these tests are about the
# request being let in (202), not about ingest, so no model is loaded.
NOTE = {"file": ("note.pdf", b"not really a pdf", "application/pdf")}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("127.0.0.1:8000", "127.0.0.1"),
        ("[::1]:8000", "::1"),
        ("[::1]", "::1"),
        ("LocalHost.:80", "localhost"),
        ("rag.example.org", "rag.example.org"),
        ("evil.example:8000", "evil.example"),
    ],
)
def test_host_name(header, expected):
    assert host_name(header) == expected


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),  # IPv4 client on a dual-stack ("::") socket
        ("::ffff:10.0.0.1", False),
        ("10.0.0.1", False),
        ("localhost", False),  # a name, not an address
    ],
)
def test_is_loopback_address(address, expected):
    assert is_loopback_address(address) is expected


def _host(live) -> str:
    return live.url.removeprefix("http://")


def _staged_files(data_dir) -> list:
    return [p for p in (data_dir / "uploads").rglob("*") if p.is_file()]


def test_foreign_host_is_refused_for_reads_on_loopback(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False)
    port = _host(live).rpartition(":")[2]
    for path in ("/v1/documents", "/v1/jobs", "/"):
        response = httpx.get(f"{live.url}{path}", headers={"Host": f"attacker.example:{port}"})
        assert response.status_code == 400, path
        error = response.json()["error"]
        assert error["code"] == "host_not_allowed"
        assert "POCKETRAG_ALLOWED_HOSTS" in error["message"]
    for host in (_host(live), f"localhost:{port}", f"[::1]:{port}", "127.0.0.1"):
        assert httpx.get(f"{live.url}/v1/jobs", headers={"Host": host}).status_code == 200, host
    # the platform's health check may use any name
    health = httpx.get(f"{live.url}/health", headers={"Host": "attacker.example"})
    assert health.status_code == 200


def test_allowed_hosts_names_the_proxy(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False, allowed_hosts="rag.example.org, other.test")
    ok = httpx.get(f"{live.url}/v1/jobs", headers={"Host": "rag.example.org"})
    refused = httpx.get(f"{live.url}/v1/jobs", headers={"Host": "rag.example.org.evil.test"})
    assert ok.status_code == 200
    assert refused.status_code == 400


def test_cross_site_upload_and_delete_refused_without_key(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False)
    port = _host(live).rpartition(":")[2]
    # another site; a sandboxed page; another origin on this machine (host differs)
    for origin in ("http://evil.example", "null", f"http://localhost:{port}"):
        response = httpx.post(f"{live.url}/v1/documents", files=NOTE, headers={"Origin": origin})
        assert response.status_code == 403, origin
        assert response.json()["error"]["code"] == "cross_site_refused"
    deleted = httpx.delete(
        f"{live.url}/v1/documents/abc", headers={"Origin": "https://evil.example"}
    )
    assert deleted.status_code == 403
    assert "POCKETRAG_API_KEY" in deleted.json()["error"]["message"]
    assert httpx.get(f"{live.url}/v1/jobs").json() == []
    assert _staged_files(tmp_path) == []


def test_foreign_host_upload_refused(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False)
    response = httpx.post(
        f"{live.url}/v1/documents", files=NOTE, headers={"Host": "attacker.example"}
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "host_not_allowed"
    assert httpx.get(f"{live.url}/v1/jobs").json() == []


def test_own_page_scripts_and_listed_origins_may_upload(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False, cors_origins="http://localhost:3000")
    for headers in ({}, {"Origin": live.url}, {"Origin": "http://localhost:3000"}):
        response = httpx.post(f"{live.url}/v1/documents", files=NOTE, headers=headers)
        assert response.status_code == 202, (headers, response.text)
    assert len(httpx.get(f"{live.url}/v1/jobs").json()) == 3


def test_with_an_api_key_the_key_decides(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False, api_key="k")
    response = httpx.post(
        f"{live.url}/v1/documents",
        files=NOTE,
        headers={"Authorization": "Bearer k", "Origin": "https://intranet.example"},
    )
    assert response.status_code == 202
