"""Liveness, metrics, error shapes and request bounds: no model or index needed."""

from __future__ import annotations

import json
import socket
import uuid

import httpx
import pytest


def test_health_is_fast_and_loads_nothing(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False)
    response = httpx.get(f"{live.url}/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert not live.service.pipeline_opened  # liveness never opens the index or the model


def test_ready_says_starting_before_warm_up(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False, memory_soft_limit_mb=400)
    response = httpx.get(f"{live.url}/ready")
    assert response.status_code == 503
    body = response.json()
    assert body["ready"] is False
    assert body["components"]["embedder"]["loaded"] is False
    assert body["memory"]["rss_mb"] > 0
    assert body["memory"]["peak_mb"] >= body["memory"]["rss_mb"]
    assert body["memory"]["soft_limit_mb"] == 400
    assert body["components"]["llm"]["configured"] is False


def test_metrics_prometheus_text_counts_requests(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False)
    with httpx.Client(base_url=live.url) as client:
        for _ in range(3):
            client.get("/health")
        text = client.get("/metrics").text
    assert 'pocketrag_http_requests_total{method="GET",route="/health",status="200"}' in text
    assert "pocketrag_http_request_duration_seconds_bucket" in text
    assert "pocketrag_rss_bytes" in text
    assert "pocketrag_llm_breaker_state" in text


def test_errors_are_json_with_a_message(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False)
    with httpx.Client(base_url=live.url) as client:
        missing = client.get("/no/such/page")
        wrong_method = client.delete("/health")
        invalid = client.post("/v1/search", json={"query": "x", "k": 1000})
        not_json = client.post(
            "/v1/ask", content=b"{not json", headers={"content-type": "application/json"}
        )
    for response, status in ((missing, 404), (wrong_method, 405), (invalid, 422), (not_json, 422)):
        assert response.status_code == status
        assert response.headers["content-type"].startswith("application/json")
        error = response.json()["error"]
        assert error["status"] == status
        assert error["message"]
    assert "k" in invalid.json()["error"]["message"]


def test_oversize_json_body_refused_by_content_length(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False, max_request_kb=4)
    response = httpx.post(f"{live.url}/v1/search", json={"query": "x" * 10_000})
    assert response.status_code == 413
    assert "4 KB" in response.json()["error"]["message"]


def test_oversize_chunked_json_body_cut_off_while_streaming(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False, max_request_kb=4)

    def body():
        yield b'{"query": "'
        for _ in range(100):
            yield b"x" * 1024
        yield b'"}'

    response = httpx.post(
        f"{live.url}/v1/search", content=body(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_page_is_served_without_cdn(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False)
    page = httpx.get(f"{live.url}/")
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text
    for asset in ("/static/app.js", "/static/style.css"):
        response = httpx.get(f"{live.url}{asset}")
        assert response.status_code == 200, asset
        assert "https://" not in response.text
    docs = httpx.get(f"{live.url}/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    assert "https://" not in docs.text and "<script>" not in docs.text  # local, no inline JS
    assert "/v1/ask" in httpx.get(f"{live.url}/openapi.json").json()["paths"]


def test_cors_only_for_configured_origins(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False, cors_origins="https://intranet.example")
    allowed = httpx.get(f"{live.url}/health", headers={"Origin": "https://intranet.example"})
    other = httpx.get(f"{live.url}/health", headers={"Origin": "https://evil.example"})
    assert allowed.headers.get("access-control-allow-origin") == "https://intranet.example"
    assert "access-control-allow-origin" not in other.headers


def test_malformed_http_does_not_kill_the_server(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False)
    host, port = live.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(b"GARBAGE \x00\x01 NOT HTTP\r\n\r\n")
        sock.recv(1024)
    assert httpx.get(f"{live.url}/health").status_code == 200


def test_unreadable_index_is_a_clear_503_not_a_500(serve, tmp_path):
    (tmp_path / "index.sqlite3").write_bytes(b"this is not an sqlite file" * 400)
    live = serve(data_dir=tmp_path, warm_up=False)
    for response in (
        httpx.post(f"{live.url}/v1/search", json={"query": "leave", "mode": "bm25"}),
        httpx.get(f"{live.url}/v1/documents"),
    ):
        assert response.status_code == 503
        assert "index.sqlite3 cannot be opened" in response.json()["error"]["message"]
    ready = httpx.get(f"{live.url}/ready")
    assert ready.status_code == 503 and ready.json()["components"]["store"]["ok"] is False
    assert httpx.get(f"{live.url}/health").status_code == 200


def test_serving_embeds_in_small_batches_unless_configured(tmp_path):
    """The server's embedder keeps its batches (and ORT's arena) small by default."""
    from pocketrag.api.app import SERVE_BATCH_TOKENS, create_app
    from pocketrag.config import load_settings

    default = create_app(load_settings(data_dir=tmp_path)).state.service.settings
    assert default.embed_batch_tokens == SERVE_BATCH_TOKENS < 8 * 160
    chosen = create_app(load_settings(data_dir=tmp_path, embed_batch_tokens=1000))
    assert chosen.state.service.settings.embed_batch_tokens == 1000


def _http_series(text: str) -> set[str]:
    """The request metrics' series (name and labels, without the value)."""
    return {
        line.rpartition(" ")[0]
        for line in text.splitlines()
        if line.startswith("pocketrag_http_") and not line.startswith("#")
    }


def test_junk_methods_and_paths_do_not_grow_metrics(serve, tmp_path):
    """Invented method names and random paths share the "other" and "unmatched" labels: a
    flood of them adds no series to /metrics (it grew to 30 MB and +118 MB RSS before)."""

    live = serve(data_dir=tmp_path, warm_up=False)
    with httpx.Client(base_url=live.url) as client:

        def junk(n: int) -> None:
            for _ in range(n):
                token = uuid.uuid4().hex
                assert client.request(f"X{token}", "/health").status_code == 405
                assert client.get(f"/{token}/{token[:8]}").status_code == 404
                assert client.request(f"P{token[:6]}", f"/v1/{token}").status_code == 404

        junk(1)  # the "other" and "unmatched" series now exist
        client.get("/metrics")
        before = client.get("/metrics").text
        junk(60)
        after = client.get("/metrics").text
    assert _http_series(after) == _http_series(before)
    assert 'method="other"' in after and 'route="unmatched"' in after
    assert len(after) - len(before) < 2000  # only counter values changed


def _raw_response(live, request: bytes) -> tuple[bytes, bytes]:
    """Send bytes as they are (httpx would fix them) and return (status line, body)."""
    host, port = live.url.removeprefix("http://").split(":")
    reply = b""
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(request)
        while chunk := sock.recv(65536):
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    return head.split(b"\r\n")[0], body


@pytest.mark.parametrize(
    "request_head",
    [
        b"POST /v1/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n",
        b"POST /v1/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n",
        b"POST /v1/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
        b"Content-Length: 3\r\n\r\n{}",
        b"GET /health HTTP/1.1\r\nConnection: close\r\n\r\n",  # no Host
    ],
)
def test_unparseable_requests_get_a_json_400(serve, tmp_path, request_head):
    live = serve(data_dir=tmp_path, warm_up=False)
    status, body = _raw_response(live, request_head)
    assert status.startswith(b"HTTP/1.1 400"), status
    error = json.loads(body)["error"]
    assert error["status"] == 400 and error["code"] == "bad_http_request"
    assert httpx.get(f"{live.url}/health").status_code == 200


def test_refused_cors_preflight_is_json(serve, tmp_path):
    live = serve(data_dir=tmp_path, warm_up=False, cors_origins="https://intranet.example")
    preflight = {"Access-Control-Request-Method": "POST"}
    refused = httpx.options(
        f"{live.url}/v1/ask", headers={"Origin": "https://evil.example", **preflight}
    )
    assert refused.status_code == 400
    assert refused.headers["content-type"].startswith("application/json")
    error = refused.json()["error"]
    assert error["code"] == "cors_refused" and "POCKETRAG_CORS_ORIGINS" in error["message"]
    allowed = httpx.options(
        f"{live.url}/v1/ask", headers={"Origin": "https://intranet.example", **preflight}
    )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://intranet.example"


def test_unopenable_index_says_what_to_do(serve, tmp_path):
    (tmp_path / "index.sqlite3").mkdir()  # a directory where the index file should be
    live = serve(data_dir=tmp_path, warm_up=False)
    response = httpx.get(f"{live.url}/v1/documents")
    assert response.status_code == 503
    message = response.json()["error"]["message"]
    assert str(tmp_path / "index.sqlite3") in message
    assert "not a directory" in message and "POCKETRAG_READ_ONLY" in message
