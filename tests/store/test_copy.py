"""Pipeline.copy_to (what `pocketrag migrate` does) from a real SQLite index into each
backend: documents keep their ids, chunks and vectors; meta and the questions log go
along; a second copy skips what the target already holds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from test_questions_log import entry
from test_store_contract import EXPENSES, LEAVE, SECURITY, add

from pocketrag.config import load_settings
from pocketrag.pipeline import Pipeline
from pocketrag.store.sqlite import SQLiteStore


def test_copy_to_another_store_and_again(store, tmp_path: Path):
    path = tmp_path / "source.sqlite3"
    with SQLiteStore(path) as source:
        add(source, "docs/leave.md", LEAVE, seed=1)
        add(source, "docs/expenses.md", EXPENSES, seed=2, collection="finance")
        add(source, "docs/security.md", SECURITY, seed=3)
        source.set_meta("embedding_model", "test-model")
        source.log_question(entry(1, "How many days of leave?"))
    settings = load_settings(data_dir=tmp_path / "data")
    progress: list[tuple[int, int, str]] = []
    with Pipeline.for_index_file(settings, path, read_only=True) as pipeline:
        report = pipeline.copy_to(
            store, on_progress=lambda done, total, info: progress.append((done, total, info.source))
        )
        assert report["documents"] == report["added"] == 3
        assert (report["chunks"], report["questions"]) == (5, 1)
        assert [p[:2] for p in progress] == [(1, 3), (2, 3), (3, 3)]
        for info in pipeline.list_documents():
            assert store.get_document(info.id) == info  # id, sha256, timestamps kept
            chunks, vectors = store.document_chunks(info.id)
            want_chunks, want_vectors = pipeline.store.document_chunks(info.id)
            assert chunks == want_chunks
            assert np.allclose(vectors.reshape(want_vectors.shape), want_vectors, atol=0.02)
        assert store.get_meta("embedding_model") == "test-model"
        assert [e.id for e in store.question_report("2000-01-01T00:00:00.000+00:00").recent] == [
            "entry-1"
        ]

        add(store, "docs/own.md", SECURITY, seed=4)  # the target's own stays
        again = Pipeline(settings, store=store, read_only=False)
        assert pipeline.copy_to(again)["unchanged"] == 3
        assert pipeline.copy_to(store, collection="finance")["documents"] == 1
    assert store.counts() == {"documents": 4, "chunks": 6}
