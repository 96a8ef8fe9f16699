"""GET /v1/documents/{id}/file: the kept original of an uploaded document (no bucket here;
tests/api/test_replica.py covers the bucket), served so a browser cannot be made to run an
uploaded page's script on this origin."""

from __future__ import annotations

import hashlib

import httpx
import pytest

from live_server import wait_job

pytestmark = pytest.mark.slow

KEY = {"Authorization": "Bearer admin"}
NOTE = b"# Bicycle allowance\n\nCyclists receive 40 euros per month for their bicycle.\n"
PAGE = (
    b"<html><head><title>Canteen</title><script>alert(1)</script></head>"
    b"<body><h1>Canteen</h1><p>The canteen opens at 8 am and closes at 3 pm.</p></body></html>"
)


@pytest.fixture
def live(serve, tmp_path):
    return serve(data_dir=tmp_path / "data", api_key="admin", query_key="reader")


def _upload(client: httpx.Client, name: str, content: bytes) -> dict:
    response = client.post("/v1/documents", files={"file": (name, content)}, headers=KEY)
    assert response.status_code == 202, response.text
    job = wait_job(client, response.json()["id"])
    assert job["state"] == "succeeded", job
    return job


def test_original_is_kept_downloadable_and_forgotten_with_the_document(live, tmp_path):
    reader = {"Authorization": "Bearer reader"}
    with httpx.Client(base_url=live.url, timeout=60, headers=reader) as client:
        job = _upload(client, "bicycle.md", NOTE)
        url = f"/v1/documents/{job['document_id']}/file"
        assert httpx.get(live.url + url).status_code == 401  # the query key guards it
        response = client.get(url)
        assert response.status_code == 200 and response.content == NOTE
        assert response.headers["content-type"] == "text/plain; charset=utf-8"
        assert response.headers["content-security-policy"] == "sandbox"
        assert 'filename="bicycle.md"' in response.headers["content-disposition"]
        kept = tmp_path / "data" / "originals" / (hashlib.sha256(NOTE).hexdigest() + ".md")
        assert kept.read_bytes() == NOTE

        assert client.delete(f"/v1/documents/{job['document_id']}", headers=KEY).json()["deleted"]
        assert not kept.exists()
        assert client.get(url).json()["error"]["code"] == "document_not_found"


def test_uploaded_html_is_a_sandboxed_download(live):
    with httpx.Client(base_url=live.url, timeout=60, headers=KEY) as client:
        job = _upload(client, "canteen.html", PAGE)
        response = client.get(f"/v1/documents/{job['document_id']}/file")
    assert response.status_code == 200 and response.content == PAGE
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.headers["content-security-policy"] == "sandbox"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_same_bytes_under_two_names_are_kept_once_and_survive_one_delete(live, tmp_path):
    with httpx.Client(base_url=live.url, timeout=60, headers=KEY) as client:
        first = _upload(client, "a.md", NOTE)
        second = _upload(client, "b.md", NOTE)
        assert len(list((tmp_path / "data" / "originals").iterdir())) == 1
        client.delete(f"/v1/documents/{first['document_id']}")
        response = client.get(f"/v1/documents/{second['document_id']}/file")
    assert response.status_code == 200 and response.content == NOTE


def test_documents_ingested_without_keeping_originals_say_so(serve, index_copy):
    live = serve(data_dir=index_copy)
    with httpx.Client(base_url=live.url, timeout=60) as client:
        document = client.get("/v1/documents").json()[0]
        response = client.get(f"/v1/documents/{document['id']}/file")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "original_not_kept"
    assert "--keep-originals" in response.json()["error"]["message"]
