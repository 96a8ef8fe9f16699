"""The `pocketrag` ingest / search / docs / eval beir contract, run as a real process."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

HIT_KEYS = {"source", "title", "page_start", "page_end", "heading", "text", "score", "from_scan"}


def cli(
    data: Path, *args: str, timeout: float = 300, columns: int = 200, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": str(columns)}
    env.pop("POCKETRAG_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "pocketrag", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=cwd,
    )


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "leave.md").write_text(
        "# Annual leave\n\nFull-time staff receive twenty-five days of paid leave a year.\n"
    )
    (root / "laptops.txt").write_text("Report a lost laptop to the service desk within an hour.\n")
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\n" + random.Random(7).randbytes(2000))
    return root


def test_ingest_search_docs_roundtrip(tmp_path: Path, docs: Path):
    data = tmp_path / "data"
    first = cli(data, "ingest", str(docs))
    assert first.returncode == 1, first.stderr  # one bad file among good ones
    assert "broken.pdf" in first.stdout and "failed" in first.stdout
    assert "2 added" in first.stdout and "1 failed" in first.stdout

    found = cli(data, "search", "how many days of leave", "--json", "-k", "1")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert len(hits) == 1 and set(hits[0]) == HIT_KEYS
    assert hits[0]["source"].endswith("leave.md")
    assert "twenty-five" in hits[0]["text"]

    bm25 = json.loads(cli(data, "search", "laptop", "--mode", "bm25", "--json").stdout)
    assert bm25[0]["source"].endswith("laptops.txt")
    human = cli(data, "search", "lost laptop")
    assert human.returncode == 0 and "laptops.txt" in human.stdout

    listed = json.loads(cli(data, "docs", "list", "--json").stdout)
    assert sorted(os.path.basename(d["source"]) for d in listed) == ["laptops.txt", "leave.md"]
    assert all(d["chunks"] >= 1 for d in listed)

    # Good files again: unchanged, exit 0.
    again = cli(data, "ingest", str(docs / "leave.md"), str(docs / "laptops.txt"))
    assert again.returncode == 0, again.stdout + again.stderr
    assert "2 unchanged" in again.stdout

    leave = next(d for d in listed if d["source"].endswith("leave.md"))
    assert cli(data, "docs", "delete", leave["source"]).returncode == 0
    assert cli(data, "docs", "delete", leave["id"]).returncode == 1  # already gone
    remaining = json.loads(cli(data, "docs", "list", "--json").stdout)
    assert [os.path.basename(d["source"]) for d in remaining] == ["laptops.txt"]
    gone = json.loads(cli(data, "search", "paid leave", "--mode", "bm25", "--json").stdout)
    assert gone == []


def listed(data: Path) -> list[dict]:
    return json.loads(cli(data, "docs", "list", "--json").stdout)


def test_ingest_folder_is_a_sync(tmp_path: Path, docs: Path):
    """A file deleted from the folder takes its document with it (reported as removed);
    --keep-missing keeps it; another collection and an explicit file are left alone."""
    data = tmp_path / "data"
    (docs / "broken.pdf").unlink()
    assert cli(data, "ingest", str(docs)).returncode == 0
    assert cli(data, "ingest", str(docs / "leave.md"), "-c", "hr").returncode == 0
    (docs / "leave.md").unlink()

    kept = cli(data, "ingest", str(docs), "--keep-missing")
    assert kept.returncode == 0, kept.stderr
    assert "0 removed" in kept.stdout
    assert len(listed(data)) == 3

    synced = cli(data, "ingest", str(docs), "--json")
    assert synced.returncode == 0, synced.stderr
    report = json.loads(synced.stdout)
    assert report["summary"]["removed"] == 1 and report["summary"]["unchanged"] == 1
    removed = next(f for f in report["files"] if f["status"] == "removed")
    assert removed["path"] == str((docs / "leave.md").resolve())
    remaining = sorted((d["collection"], os.path.basename(d["source"])) for d in listed(data))
    assert remaining == [("default", "laptops.txt"), ("hr", "leave.md")]
    gone = cli(data, "search", "paid leave", "--mode", "bm25", "-c", "default", "--json")
    assert json.loads(gone.stdout) == []


def test_relative_and_absolute_path_are_one_document(tmp_path: Path, docs: Path):
    data = tmp_path / "data"
    (docs / "broken.pdf").unlink()
    relative = cli(data, "ingest", "docs", cwd=tmp_path)
    assert relative.returncode == 0, relative.stderr
    absolute = cli(data, "ingest", str(docs.resolve()), "--json")
    assert json.loads(absolute.stdout)["summary"]["unchanged"] == 2
    again = cli(data, "ingest", "./docs/../docs/leave.md", "--json", cwd=tmp_path)
    assert json.loads(again.stdout)["summary"]["unchanged"] == 1
    sources = sorted(d["source"] for d in listed(data))
    assert sources == sorted(str((docs / n).resolve()) for n in ("laptops.txt", "leave.md"))

    deleted = cli(data, "docs", "delete", "leave.md", cwd=docs)  # relative to this folder
    assert deleted.returncode == 0, deleted.stderr
    assert [os.path.basename(d["source"]) for d in listed(data)] == ["laptops.txt"]


def test_sync_folds_an_older_relative_entry_and_leaves_uploads_alone(tmp_path: Path, docs: Path):
    """An index from before resolved-path keys holds "docs/leave.md" (relative to where
    pocketrag ran); an upload is stored as a bare name. Syncing the folder from there keeps
    one leave.md (by its full path) and never touches the upload."""
    from pocketrag.config import load_settings
    from pocketrag.ingest import sha256_file
    from pocketrag.pipeline import Pipeline

    (docs / "broken.pdf").unlink()
    data = tmp_path / "data"
    with Pipeline(load_settings(data_dir=data)) as pipeline:
        for name, source in (("leave.md", "docs/leave.md"), ("laptops.txt", "laptops.txt")):
            document, chunks = pipeline.parse(docs / name)  # in the parse worker
            document.source = source  # as an older `ingest docs` / an upload stored it
            sha = sha256_file(docs / name)
            pipeline.ingestor.add_document(
                document, sha256=sha, collection="default", chunks=chunks
            )

    synced = cli(data, "ingest", "docs", "--json", cwd=tmp_path)
    assert synced.returncode == 0, synced.stderr
    report = json.loads(synced.stdout)
    assert report["summary"]["added"] == 2 and report["summary"]["removed"] == 1
    removed = next(f for f in report["files"] if f["status"] == "removed")
    assert removed["path"] == "docs/leave.md" and "now stored as" in removed["reason"]
    full = sorted(str((docs / n).resolve()) for n in ("laptops.txt", "leave.md"))
    assert sorted(d["source"] for d in listed(data)) == sorted([*full, "laptops.txt"])


def test_docs_list_fits_80_columns_with_full_ids(tmp_path: Path):
    deep = tmp_path / "shared-drive" / "Human Resources" / "Policies and procedures 2026"
    deep.mkdir(parents=True)
    for n in range(3):
        (deep / f"employee-handbook-section-{n}-leave-and-absence.md").write_text(
            f"# Handbook section {n}: leave, absence and the long title of it\n\nText {n}.\n"
        )
    data = tmp_path / "data"
    assert cli(data, "ingest", str(tmp_path / "shared-drive")).returncode == 0
    assert cli(data, "ingest", str(deep), "-c", "human-resources").returncode == 0
    table = cli(data, "docs", "list", columns=80)
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert all(len(line.rstrip()) <= 80 for line in lines), table.stdout
    documents = listed(data)
    assert len(documents) == 6
    for document in documents:
        row = next(line for line in lines if line.startswith(document["id"] + " "))
        assert os.path.basename(document["source"])[-20:] in row  # the end of the path
    # an id copied from the table deletes that document
    first = documents[0]["id"]
    assert cli(data, "docs", "delete", first).returncode == 0
    assert first not in {d["id"] for d in listed(data)}


def test_usage_errors_exit_2(tmp_path: Path):
    data = tmp_path / "data"
    assert cli(data, "ingest", str(tmp_path / "missing.md")).returncode == 2
    assert cli(data, "search", "x", "--mode", "fuzzy").returncode == 2
    assert cli(data, "search", "x", "-k", "0").returncode == 2
    nothing = cli(data, "search", "anything")
    assert nothing.returncode == 1 and "pocketrag ingest" in nothing.stderr


def test_collection_option(tmp_path: Path, docs: Path):
    data = tmp_path / "data"
    assert cli(data, "ingest", str(docs / "leave.md"), "--collection", "hr").returncode == 0
    assert cli(data, "ingest", str(docs / "laptops.txt"), "-c", "it").returncode == 0
    hits = json.loads(cli(data, "search", "leave", "--json", "--collection", "it").stdout)
    assert [os.path.basename(h["source"]) for h in hits] == ["laptops.txt"]


def write_beir(folder: Path) -> None:
    """A five-document BEIR folder whose queries each name one document's unique words."""
    (folder / "qrels").mkdir(parents=True)
    docs = {
        "d1": ("Glacier retreat", "Alpine glaciers lost a third of their volume since 1980."),
        "d2": ("Coral bleaching", "Marine heatwaves bleach reef corals across the tropics."),
        "d3": ("Sleep and memory", "Deep sleep consolidates memories formed during the day."),
        "d4": ("Gut microbiome", "Intestinal bacteria influence immune development in infants."),
        "d5": ("Solar panels", "Perovskite cells raise photovoltaic efficiency in the lab."),
    }
    with (folder / "corpus.jsonl").open("w") as f:
        for doc_id, (title, text) in docs.items():
            f.write(json.dumps({"_id": doc_id, "title": title, "text": text}) + "\n")
    queries = {"q1": "glaciers volume", "q2": "perovskite photovoltaic", "q3": "sleep memories"}
    with (folder / "queries.jsonl").open("w") as f:
        for qid, text in queries.items():
            f.write(json.dumps({"_id": qid, "text": text}) + "\n")
    (folder / "qrels" / "test.tsv").write_text(
        "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td5\t1\nq3\td3\t1\n"
    )


def test_eval_beir_json_and_cached_index(tmp_path: Path):
    folder = tmp_path / "tiny"
    write_beir(folder)
    data = tmp_path / "data"
    first = cli(data, "eval", "beir", str(folder), "--mode", "bm25", "--json")
    assert first.returncode == 0, first.stderr
    result = json.loads(first.stdout)
    # Every query's words occur in exactly one document, the relevant one: perfect ranking.
    assert result["ndcg@10"] == 1.0 and result["mrr@10"] == 1.0 and result["recall@100"] == 1.0
    assert result["queries"] == 3 and result["documents"] == 5
    assert result["index_cached"] is False
    second = json.loads(cli(data, "eval", "beir", str(folder), "--json").stdout)
    assert second["index_cached"] is True and second["mode"] == "hybrid"
    assert 0.0 <= second["ndcg@10"] <= 1.0 and second["peak_rss_mb"] > 0
    human = cli(data, "eval", "beir", str(folder), "--mode", "dense")
    assert human.returncode == 0 and "ndcg@10" in human.stdout
    assert cli(data, "eval", "beir", str(folder), "--split", "dev").returncode == 1
