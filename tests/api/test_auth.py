"""Bearer keys: 401 when missing (with WWW-Authenticate), 403 when wrong, read-only mode."""

from __future__ import annotations

import httpx
import pytest

UPLOAD = {"file": ("note.md", b"# Note\n\nHello.\n", "text/markdown")}


@pytest.fixture
def guarded(serve, tmp_path):
    return serve(data_dir=tmp_path, warm_up=False, api_key="admin-secret", query_key="q-secret")


def test_upload_without_key_is_401_with_challenge(guarded):
    response = httpx.post(f"{guarded.url}/v1/documents", files=UPLOAD)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["error"]["code"] == "missing_key"


def test_upload_with_wrong_key_is_403(guarded):
    for key in ("wrong", "q-secret", "admin-secre", "admin-secret-"):
        response = httpx.post(
            f"{guarded.url}/v1/documents",
            files=UPLOAD,
            headers={"Authorization": f"Bearer {key}"},
        )
        assert response.status_code == 403, key
        assert response.json()["error"]["code"] == "invalid_key"


def test_delete_needs_the_admin_key(guarded):
    url = f"{guarded.url}/v1/documents/abc"
    assert httpx.delete(url).status_code == 401
    assert httpx.delete(url, headers={"Authorization": "Bearer q-secret"}).status_code == 403


def test_queries_need_the_query_key_when_set(guarded):
    url = f"{guarded.url}/v1/search"
    body = {"query": "annual leave"}
    missing = httpx.post(url, json=body)
    assert missing.status_code == 401
    assert "Bearer" in missing.headers["www-authenticate"]
    wrong = httpx.post(url, json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    for path in ("/v1/documents", "/v1/jobs", "/v1/models"):
        assert httpx.get(f"{guarded.url}{path}").status_code == 401, path
    # health stays open for load balancers
    assert httpx.get(f"{guarded.url}/health").status_code == 200


def test_wrong_scheme_counts_as_missing(guarded):
    response = httpx.post(
        f"{guarded.url}/v1/search",
        json={"query": "x"},
        headers={"Authorization": "Basic cTpx"},
    )
    assert response.status_code == 401


def test_read_only_refuses_changes_even_with_the_key(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False, api_key="k", read_only=True)
    response = httpx.post(
        f"{live.url}/v1/documents", files=UPLOAD, headers={"Authorization": "Bearer k"}
    )
    assert response.status_code == 403
    assert "read-only" in response.json()["error"]["message"]


def test_ops_endpoints_need_the_query_key_when_set(guarded):
    """Readiness, metrics and the API description show counts, memory and the version."""
    for path in ("/ready", "/metrics", "/docs", "/openapi.json"):
        missing = httpx.get(f"{guarded.url}{path}")
        assert missing.status_code == 401, path
        assert missing.json()["error"]["code"] == "missing_key"
        wrong = httpx.get(f"{guarded.url}{path}", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 403, path
    key = {"Authorization": "Bearer q-secret"}
    assert httpx.get(f"{guarded.url}/ready", headers=key).json()["ready"] is False  # warming
    assert "pocketrag_rss_bytes" in httpx.get(f"{guarded.url}/metrics", headers=key).text
    assert "/v1/ask" in httpx.get(f"{guarded.url}/openapi.json", headers=key).json()["paths"]
    assert "swagger" in httpx.get(f"{guarded.url}/docs", headers=key).text.lower()
    assert httpx.get(f"{guarded.url}/health").status_code == 200
