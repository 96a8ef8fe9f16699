"""`pocketrag backup` / `restore` / `reindex` and `ingest --keep-originals`, as real
processes on real SQLite files; reindex onto another embedding model in-process."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import apsw
import pytest

from embedding.fake_bert import make_fake_bert
from pocketrag.backup import reindex
from pocketrag.config import load_settings
from pocketrag.originals import keep_ingested
from pocketrag.pipeline import MODEL_META_KEY, Pipeline
from pocketrag.store.sqlite import SQLiteStore

LEAVE = (
    "# Annual leave\n\nFull-time staff receive twenty-five days of paid leave a year. "
    "Part-time staff receive the same entitlement in proportion to their contracted hours. "
    "Up to five unused days may be carried over into the first quarter of the next year. "
    "Leave must be requested through the HR portal at least two weeks before it starts. "
    "Managers answer requests within three working days and may refuse only for cover.\n"
)
LAPTOP = "Report a lost laptop to the service desk within one hour of noticing.\n"


def cli(data: Path, *args: str, env: dict[str, str] | None = None):
    environment = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **(env or {})}
    environment.pop("POCKETRAG_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "pocketrag", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=environment,
    )


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "leave.md").write_text(LEAVE)
    (root / "laptops.txt").write_text(LAPTOP)
    return root


def _sources(index: Path) -> list[str]:
    with SQLiteStore(index, read_only=True) as store:
        return [d.source for d in store.list_documents(None)]


@pytest.mark.slow
def test_backup_then_restore_into_a_wiped_data_dir(tmp_path, docs):
    data = tmp_path / "data"
    assert cli(data, "ingest", str(docs)).returncode == 0
    copy = tmp_path / "backup.sqlite3"
    made = cli(data, "backup", str(copy))
    assert made.returncode == 0, made.stderr
    assert not Path(f"{copy}-wal").exists()  # one self-contained file
    assert cli(data, "backup", str(copy)).returncode == 1  # never overwritten silently

    fresh = tmp_path / "fresh"
    restored = cli(fresh, "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert "2 documents" in restored.stderr
    assert sorted(_sources(fresh / "index.sqlite3")) == sorted(_sources(data / "index.sqlite3"))
    found = cli(fresh, "search", "how many days of paid leave", "-k", "1", "--json")
    assert found.returncode == 0 and "leave.md" in found.stdout
    again = cli(fresh, "restore", str(copy))
    assert again.returncode == 1 and "--force" in again.stderr


def test_restore_refuses_a_file_that_is_not_an_index(tmp_path):
    other = tmp_path / "other.sqlite3"
    conn = apsw.Connection(str(other))
    conn.execute("CREATE TABLE notes(x)")
    conn.close()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    for path, message in ((other, "not a pocketrag index"), (junk, "not a readable SQLite")):
        done = cli(tmp_path / "data", "restore", str(path))
        assert done.returncode == 1 and message in done.stderr, done.stderr
        assert not (tmp_path / "data" / "index.sqlite3").exists()


@pytest.mark.slow
def test_reindex_rebuilds_from_kept_originals_and_keeps_the_old_index_on_failure(tmp_path, docs):
    data = tmp_path / "data"
    ingested = cli(data, "ingest", "--keep-originals", str(docs))
    assert ingested.returncode == 0, ingested.stderr
    kept = data / "originals" / (hashlib.sha256(LEAVE.encode()).hexdigest() + ".md")
    assert kept.read_text() == LEAVE
    with SQLiteStore(data / "index.sqlite3", read_only=True) as store:
        assert store.find_document(str(docs / "leave.md")).chunk_count == 1

    # Smaller chunks: the rebuilt index must have been chunked again from the originals.
    rebuilt = cli(data, "reindex", env={"POCKETRAG_CHUNK_TOKENS": "32"})
    assert rebuilt.returncode == 0, rebuilt.stderr
    with SQLiteStore(data / "index.sqlite3", read_only=True) as store:
        leave = store.find_document(str(docs / "leave.md"))
        assert leave is not None and leave.chunk_count > 1
        assert store.counts()["documents"] == 2

    kept.unlink()
    refused = cli(data, "reindex")
    assert refused.returncode == 1 and "leave.md" in refused.stderr
    assert "--drop-missing" in refused.stderr
    assert len(_sources(data / "index.sqlite3")) == 2  # untouched
    dropped = cli(data, "reindex", "--drop-missing")
    assert dropped.returncode == 0, dropped.stderr
    assert _sources(data / "index.sqlite3") == [str(docs / "laptops.txt")]


def test_reindex_moves_the_index_to_another_embedding_model(tmp_path, docs):
    model_a = make_fake_bert(tmp_path / "model-a", seed=1)
    model_b = make_fake_bert(tmp_path / "model-b", seed=2)

    def settings(model: Path):
        return load_settings(
            data_dir=tmp_path / "data", model_dir=tmp_path / "models", model_path=model
        )

    with Pipeline(settings(model_a)) as pipeline:
        report = pipeline.ingest_paths([docs])
        assert report.ok
        assert keep_ingested(pipeline.store, report, settings(model_a)) == 2
        identity_a = pipeline.store.get_meta(MODEL_META_KEY)

    result = reindex(settings(model_b))
    assert sorted(result.rebuilt) == sorted(str(p) for p in docs.iterdir())
    with Pipeline(settings(model_b)) as pipeline:
        identity_b = pipeline.embedder.identity
        assert pipeline.store.get_meta(MODEL_META_KEY) == identity_b != identity_a
        hits = pipeline.search("lost laptop service desk", k=1)
        assert hits[0].source == str(docs / "laptops.txt")
