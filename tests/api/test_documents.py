"""Uploads ingested in the background (jobs), listing, deleting: real server, real index."""

from __future__ import annotations

import threading

import httpx
import pytest

from live_server import wait_job, wait_ready

pytestmark = pytest.mark.slow

KEY = {"Authorization": "Bearer admin"}
NOTE = b"""# Bicycle allowance

## Eligibility

Employees who cycle to work at least three days a week receive a bicycle allowance of
40 euros per month. Claim it once a year through the expenses system.
"""


@pytest.fixture
def live(serve, index_copy):
    return serve(data_dir=index_copy, api_key="admin")


def upload(url: str, name: str, content: bytes, **form: str) -> httpx.Response:
    return httpx.post(
        f"{url}/v1/documents",
        files={"file": (name, content, "application/octet-stream")},
        data=form,
        headers=KEY,
        timeout=60,
    )


def test_upload_list_get_search_delete(live):
    with httpx.Client(base_url=live.url, timeout=60) as client:
        before = len(client.get("/v1/documents").json())
        response = upload(live.url, "bicycle-allowance.md", NOTE)
        assert response.status_code == 202
        assert response.headers["location"] == f"/v1/jobs/{response.json()['id']}"
        job = wait_job(client, response.json()["id"])
        assert job["state"] == "succeeded", job
        assert job["result"] == "added" and job["progress"]["fraction"] == 1

        docs = client.get("/v1/documents").json()
        assert len(docs) == before + 1
        doc = next(d for d in docs if d["id"] == job["document_id"])
        assert doc["source"] == "bicycle-allowance.md"
        assert doc["title"] and doc["chunk_count"] >= 1
        assert client.get(f"/v1/documents/{doc['id']}").json()["sha256"] == doc["sha256"]

        hits = client.post("/v1/search", json={"query": "bicycle allowance per month"}).json()
        assert hits[0]["source"] == "bicycle-allowance.md"

        deleted = client.delete(f"/v1/documents/{doc['id']}", headers=KEY)
        assert deleted.status_code == 200 and deleted.json()["deleted"] == 1
        assert client.get(f"/v1/documents/{doc['id']}").status_code == 404
        assert client.delete(f"/v1/documents/{doc['id']}", headers=KEY).status_code == 404
        hits = client.post("/v1/search", json={"query": "bicycle allowance per month"}).json()
        assert all(h["source"] != "bicycle-allowance.md" for h in hits)
        assert len(client.get("/v1/documents").json()) == before
        assert client.get("/v1/jobs/nope").status_code == 404


def test_same_file_uploaded_concurrently_twice_is_one_document(live):
    results: list[httpx.Response] = []
    threads = [
        threading.Thread(target=lambda: results.append(upload(live.url, "bikes.md", NOTE)))
        for _ in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status_code for r in results] == [202, 202]
    with httpx.Client(base_url=live.url, timeout=60) as client:
        jobs = [wait_job(client, r.json()["id"]) for r in results]
        assert {j["state"] for j in jobs} == {"succeeded"}
        assert sorted(j["result"] for j in jobs) == ["added", "unchanged"]
        assert jobs[0]["document_id"] == jobs[1]["document_id"]
        same = [d for d in client.get("/v1/documents").json() if d["source"] == "bikes.md"]
        assert len(same) == 1


def sources(client: httpx.Client, collection: str = "default") -> list[str]:
    listed = client.get("/v1/documents", params={"collection": collection}).json()
    return sorted(d["source"] for d in listed if d["source"].startswith("bikes"))


def test_different_file_with_the_same_name_is_kept_apart(live):
    """Two departments' bikes.md: both kept, the second as "bikes (2).md"; uploading either
    again is "unchanged"; another collection has its own names."""
    changed = NOTE.replace(b"40 euros", b"55 euros")
    with httpx.Client(base_url=live.url, timeout=60) as client:
        first = wait_job(client, upload(live.url, "bikes.md", NOTE).json()["id"])
        second = wait_job(client, upload(live.url, "bikes.md", changed).json()["id"])
        assert (first["result"], first["source"]) == ("added", "bikes.md")
        assert (second["result"], second["source"]) == ("added", "bikes (2).md")
        assert second["filename"] == "bikes.md" and second["replace"] is False
        assert first["document_id"] != second["document_id"]
        again = wait_job(client, upload(live.url, "bikes.md", changed).json()["id"])
        assert (again["result"], again["source"]) == ("unchanged", "bikes (2).md")
        assert sources(client) == ["bikes (2).md", "bikes.md"]
        hits = client.post("/v1/search", json={"query": "bicycle allowance euros", "k": 10})
        texts = " ".join(h["text"] for h in hits.json())
        assert "40 euros" in texts and "55 euros" in texts
        other = upload(live.url, "bikes.md", changed, collection="benefits").json()
        assert wait_job(client, other["id"])["source"] == "bikes.md"


@pytest.mark.parametrize("how", ["form", "query"])
def test_replace_true_replaces_the_document_of_that_name(live, how):
    changed = NOTE.replace(b"40 euros", b"55 euros")
    with httpx.Client(base_url=live.url, timeout=60) as client:
        first = wait_job(client, upload(live.url, "bikes.md", NOTE).json()["id"])
        if how == "form":
            response = upload(live.url, "bikes.md", changed, replace="true")
        else:
            response = httpx.post(
                f"{live.url}/v1/documents?replace=true",
                files={"file": ("bikes.md", changed)},
                headers=KEY,
                timeout=60,
            )
        second = wait_job(client, response.json()["id"])
        assert (first["result"], second["result"]) == ("added", "updated")
        assert second["source"] == "bikes.md" and second["replace"] is True
        assert second["document_id"] == first["document_id"]
        assert sources(client) == ["bikes.md"]
        hits = client.post("/v1/search", json={"query": "bicycle allowance euros"}).json()
        assert "55 euros" in hits[0]["text"] and "40 euros" not in hits[0]["text"]
    bad = upload(live.url, "bikes.md", changed, replace="perhaps")
    assert bad.status_code == 400 and "replace" in bad.json()["error"]["message"]


def test_traversal_file_names_stay_inside(live, index_copy, tmp_path):
    with httpx.Client(base_url=live.url, timeout=60) as client:
        response = upload(live.url, "../../../../../tmp/escape-test.md", NOTE)
        assert response.status_code == 202
        job = wait_job(client, response.json()["id"])
        assert job["filename"] == "escape-test.md"
        assert job["state"] == "succeeded"
        sources = [d["source"] for d in client.get("/v1/documents").json()]
        assert "escape-test.md" in sources
    assert not (tmp_path.parent / "escape-test.md").exists()
    # staging is cleaned up: nothing of the upload is left on disk
    assert not [p for p in (index_copy / "uploads").rglob("*") if p.is_file()]


def test_corrupt_pdf_job_fails_with_reason_and_index_unchanged(live):
    corrupt = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a real pdf\n%%EOF"
    with httpx.Client(base_url=live.url, timeout=60) as client:
        before = wait_ready(live.url)
        docs_before = client.get("/v1/documents").json()
        response = upload(live.url, "broken.pdf", corrupt)
        assert response.status_code == 202
        job = wait_job(client, response.json()["id"])
        assert job["state"] == "failed"
        assert job["error"] and "broken.pdf" in job["error"]
        assert ".incoming" not in job["error"]  # the user's file name, not a staging path
        after = client.get("/ready").json()
        assert (after["documents"], after["chunks"]) == (before["documents"], before["chunks"])
        assert client.get("/v1/documents").json() == docs_before
        metrics = client.get("/metrics").text
        assert 'pocketrag_ingest_files_total{result="failed"}' in metrics


def test_collection_field_and_bad_collection(live):
    with httpx.Client(base_url=live.url, timeout=60) as client:
        job = wait_job(
            client, upload(live.url, "bikes.md", NOTE, collection="benefits").json()["id"]
        )
        assert job["collection"] == "benefits" and job["state"] == "succeeded"
        listed = client.get("/v1/documents", params={"collection": "benefits"}).json()
        assert [d["source"] for d in listed] == ["bikes.md"]
        hits = client.post(
            "/v1/search", json={"query": "bicycle allowance", "collection": "benefits"}
        ).json()
        assert hits and all(h["source"] == "bikes.md" for h in hits)
    bad = upload(live.url, "bikes.md", NOTE, collection="../etc")
    assert bad.status_code == 400


def test_loopback_may_change_documents_when_no_key_is_configured(serve, index_copy):
    live = serve(data_dir=index_copy)  # no POCKETRAG_API_KEY
    response = httpx.post(
        f"{live.url}/v1/documents", files={"file": ("bikes.md", NOTE)}, timeout=60
    )
    assert response.status_code == 202
