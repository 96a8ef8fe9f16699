"""Hostile uploads end as failed jobs with a reason, parsed in the bounded worker, while the
server keeps serving (issue 12). The files are generated here, small, with small limits."""

from __future__ import annotations

from pathlib import Path

import httpx

from hostile_files import pdf_flate_bomb, random_bytes, yaml_alias_bomb
from live_server import wait_job


def upload(client: httpx.Client, path: Path) -> dict:
    response = client.post("/v1/documents", files={"file": (path.name, path.read_bytes())})
    assert response.status_code == 202, response.text
    return wait_job(client, response.json()["id"])


def test_bombs_fail_with_reasons_and_good_files_still_ingest(serve, tmp_path: Path) -> None:
    live = serve(data_dir=tmp_path / "data", warm_up=False, parse_memory_mb=128)
    bomb = pdf_flate_bomb(tmp_path / "bomb.pdf", scale=0.15)  # 1 MB PDF, 150 MB stream
    junk = random_bytes(tmp_path / "notes.md")
    laughs = yaml_alias_bomb(tmp_path / "laughs.md")
    good = tmp_path / "bikes.md"
    good.write_text("# Bikes\n\nStaff may park bicycles in the basement rack.\n")
    with httpx.Client(base_url=live.url, timeout=60) as client:
        failed = upload(client, bomb)
        assert failed["state"] == "failed"
        assert "bomb.pdf" in failed["error"] and "POCKETRAG_PARSE_MEMORY_MB" in failed["error"]
        assert client.get("/health").status_code == 200
        refused = upload(client, junk)
        assert refused["state"] == "failed" and "binary file" in refused["error"]
        laughed = upload(client, laughs)
        assert laughed["state"] == "succeeded"
        document = client.get(f"/v1/documents/{laughed['document_id']}").json()
        assert "front_matter" not in document.get("metadata", {})
        assert upload(client, good)["state"] == "succeeded"
        hits = client.post("/v1/search", json={"query": "where to park bicycles", "k": 1}).json()
        assert hits[0]["source"] == "bikes.md"
        names = {d["source"] for d in client.get("/v1/documents").json()}
        assert names == {"laughs.md", "bikes.md"}
