"""`pocketrag migrate`: a real SQLite index copied into a real PostgreSQL by the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from pocketrag.documents import Chunk, Document
from pocketrag.store.postgres import PostgresStore
from pocketrag.store.sqlite import SQLiteStore

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

DIM = 32
POLICIES = {
    "leave.md": ["Employees receive twenty-five days of annual leave.", "Carry over until March."],
    "travel.md": ["Travel expenses are reimbursed within thirty days.", "Meals capped at forty."],
    "security.md": ["Passwords must be at least fourteen characters long."],
    "empty.md": [],
}


def build_sqlite(path: Path, seed: int = 0, only: str | None = None, texts=None) -> None:
    rng = np.random.default_rng(seed)
    with SQLiteStore(path) as store:
        for source, chunk_texts in POLICIES.items():
            if only and source != only:
                continue
            chunk_texts = texts if texts is not None else chunk_texts
            chunks = [
                Chunk(t, i, 1, 2, ("Policy", source), 0, len(t), f"{source}\n{t}")
                for i, t in enumerate(chunk_texts)
            ]
            v = rng.standard_normal((len(chunks), DIM)).astype(np.float32)
            v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
            document = Document(source, source.title(), "markdown", [], 2, {"dept": "hr"})
            store.add_document(document, chunks, v, sha256=f"{source}-{seed}", collection="hr")
        store.set_meta("embedding_model", "test-model")


def run_migrate(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POCKETRAG_DATABASE")}
    return subprocess.run(
        [sys.executable, "-m", "pocketrag", "migrate", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_migrate_copies_everything_and_reruns_idempotently(tmp_path, pg_url):
    path = tmp_path / "index.sqlite3"
    build_sqlite(path)
    first = run_migrate("--to", pg_url, "--from", str(path), "--json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert (summary["added"], summary["unchanged"], summary["chunks"]) == (4, 0, 5)

    with SQLiteStore(path, read_only=True) as src, PostgresStore(pg_url) as dst:
        assert dst.list_documents() == src.list_documents()  # ids, hashes, timestamps, meta
        assert dst.counts() == src.counts()
        assert dst.get_meta("embedding_model") == "test-model"
        for info in src.list_documents():
            vectors = src.get_vectors(
                [h.chunk_id for h in src.dense_search(np.ones(DIM, np.float32), 10)]
            )
            assert vectors  # the source really has vectors
            for chunk, vector in dst.iter_chunks(info.id):
                assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5
                assert chunk.embed_text.startswith(info.source)
        # The same questions find the same chunks in both.
        for query in ["annual leave", "travel reimbursed", "passwords"]:
            assert [h.text for h in dst.lexical_search(query, 1)] == [
                h.text for h in src.lexical_search(query, 1)
            ]
        probe = src.get_vectors([src.lexical_search("passwords", 1)[0].chunk_id])
        (vector,) = probe.values()
        assert dst.dense_search(vector, 1)[0].text == POLICIES["security.md"][0]

    again = run_migrate("--to", pg_url, "--from", str(path), "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["unchanged"] == 4

    build_sqlite(path, seed=1, only="travel.md", texts=["Travel is now booked by the office."])
    third = run_migrate("--to", pg_url, "--from", str(path))
    assert third.returncode == 0, third.stderr
    assert "1 updated" in third.stdout and "3 unchanged" in third.stdout
    with PostgresStore(pg_url) as dst:
        assert dst.lexical_search("booked office", 1)[0].source == "travel.md"
        assert dst.lexical_search("reimbursed", 5) == []


def test_migrate_errors_are_clear(tmp_path, pg_server):
    missing = run_migrate("--from", str(tmp_path / "index.sqlite3"))
    assert missing.returncode == 2 and "--to postgresql://" in missing.stderr

    path = tmp_path / "index.sqlite3"
    build_sqlite(path)
    bad = pg_server.get_uri(database="no_such_db").replace("postgres:@", "postgres:pw123@", 1)
    failed = run_migrate("--to", bad, "--from", str(path))
    assert failed.returncode == 1
    assert "Cannot connect to PostgreSQL" in failed.stderr and "pw123" not in failed.stderr

    no_index = run_migrate("--to", bad, "--from", str(tmp_path / "nothing.sqlite3"))
    assert no_index.returncode == 1 and "No index at" in no_index.stderr
