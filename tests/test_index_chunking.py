"""An index remembers the chunker settings its chunks were cut with and refuses to ingest with
others (like the embedding model, tests/test_index_model.py); an older index adopts them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pocketrag.config import load_settings
from pocketrag.documents import IndexChunkingMismatchError
from pocketrag.pipeline import CHUNKING_META_KEY, Pipeline

pytestmark = pytest.mark.slow


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text)
    return folder / name


def ingest(data: Path, path: Path, **chunking: int):
    with Pipeline(load_settings(data_dir=data, **chunking)) as pipeline:
        return pipeline.ingest_paths([path])


def recorded(data: Path) -> dict | None:
    with Pipeline(load_settings(data_dir=data, read_only=True)) as pipeline:
        raw = pipeline.store.get_meta(CHUNKING_META_KEY)
        sources = sorted(Path(d.source).name for d in pipeline.store.list_documents())
    return (json.loads(raw) if raw else None), sources


def test_other_chunker_settings_are_refused_and_an_old_index_adopts(tmp_path: Path) -> None:
    data, docs = tmp_path / "data", tmp_path / "docs"
    leave = write(docs, "leave.md", "# Leave\n\nStaff get twenty-five days of leave a year.\n")
    laptops = write(docs, "laptops.md", "# Laptops\n\nReport a lost laptop within an hour.\n")

    assert ingest(data, leave, chunk_tokens=120, chunk_overlap_sentences=2).ok
    assert recorded(data) == ({"chunk_tokens": 120, "chunk_overlap_sentences": 2}, ["leave.md"])
    assert ingest(data, laptops, chunk_tokens=120, chunk_overlap_sentences=2).ok  # same: fine

    for other in ({"chunk_tokens": 200, "chunk_overlap_sentences": 2}, {"chunk_tokens": 120}):
        with pytest.raises(IndexChunkingMismatchError, match="120 tokens, 2 overlap") as caught:
            ingest(data, write(docs, "new.md", "# New\n\nSomething new.\n"), **other)
        assert "POCKETRAG_CHUNK_TOKENS" in str(caught.value)
    # nothing was lost or added, and the record is unchanged
    assert recorded(data) == (
        {"chunk_tokens": 120, "chunk_overlap_sentences": 2},
        ["laptops.md", "leave.md"],
    )

    # An index from before the record: it adopts the configured settings at its next ingest.
    with Pipeline(load_settings(data_dir=data)) as pipeline:
        store = pipeline.store
        with store._conn:  # simulating an old index file
            store._conn.execute("DELETE FROM meta WHERE key = ?", (CHUNKING_META_KEY,))
    assert ingest(data, docs / "new.md").ok
    assert recorded(data) == (
        {"chunk_tokens": 200, "chunk_overlap_sentences": 1},  # the documented defaults
        ["laptops.md", "leave.md", "new.md"],
    )


def test_the_cli_says_why_it_refuses(tmp_path: Path) -> None:
    data, docs = tmp_path / "data", tmp_path / "docs"
    assert ingest(data, write(docs, "leave.md", "# Leave\n\nTwenty-five days.\n")).ok
    env = {**os.environ, "POCKETRAG_CHUNK_TOKENS": "300", "NO_COLOR": "1", "COLUMNS": "200"}
    out = subprocess.run(
        [sys.executable, "-m", "pocketrag", "--data-dir", str(data), "ingest", str(docs)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert out.returncode != 0
    message = " ".join((out.stdout + out.stderr).split())
    assert "built with chunks of 200 tokens, 1 overlap sentences" in message
    assert "configured chunker makes 300 tokens" in message
