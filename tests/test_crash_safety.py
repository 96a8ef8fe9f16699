"""kill -9 during `pocketrag ingest`: the index stays sound and the next run finishes.

Checked after every kill: SQLite's integrity_check is "ok", and every document is complete
or absent: its recorded chunk count equals its chunk rows, and every chunk has its FTS row,
its vector, and its document has its row of sign bits (no orphans either way).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import apsw
import pytest
import sqlite_vec

N_DOCS = 60
WORDS = [
    "policy",
    "staff",
    "leave",
    "travel",
    "expense",
    "laptop",
    "security",
    "manager",
    "approval",
    "request",
    "payroll",
    "benefit",
    "pension",
    "office",
    "remote",
    "contract",
    "training",
    "review",
    "budget",
    "invoice",
    "receipt",
]


def write_corpus(root: Path) -> None:
    root.mkdir()
    for d in range(N_DOCS):
        sections = []
        for s in range(4):
            paragraph = " ".join(
                f"{WORDS[(d * 7 + s * 3 + i) % len(WORDS)]}" for i in range(60)
            ).capitalize()
            sections.append(f"## Section {s}\n\n{paragraph} unique{d}x{s}.\n")
        (root / f"doc{d:03d}.md").write_text(f"# Document {d}\n\n" + "\n".join(sections))


def open_db(path: Path) -> apsw.Connection:
    conn = apsw.Connection(str(path))
    conn.enable_load_extension(True)
    conn.load_extension(sqlite_vec.loadable_path())
    return conn


def check_consistent(path: Path) -> int:
    """Assert the invariants; return how many documents are in."""
    conn = open_db(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = conn.execute("SELECT id, chunk_count FROM documents").fetchall()
        for doc_id, chunk_count in docs:
            ids = [
                r[0] for r in conn.execute("SELECT id FROM chunks WHERE document_id=?", (doc_id,))
            ]
            assert len(ids) == chunk_count > 0
            marks = ",".join("?" * len(ids))
            for table, column in (("chunk_vectors", "chunk_id"), ("chunks_fts", "rowid")):
                n = conn.execute(
                    f"SELECT count(*) FROM {table} WHERE {column} IN ({marks})", ids
                ).fetchone()[0]
                assert n == len(ids), (table, doc_id)
            bits = conn.execute(
                "SELECT chunk_ids FROM document_bits WHERE document_id = ?", (doc_id,)
            ).fetchone()
            assert bits is not None and len(bits[0]) == 8 * len(ids)
        total = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        assert total == sum(c for _, c in docs)  # no chunk without its document
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        bits_rows = conn.execute("SELECT count(*) FROM document_bits").fetchone()[0]
        assert bits_rows == sum(1 for _, c in docs if c)
        for table in ("chunk_vectors", "chunks_fts"):
            if table in tables:
                assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == total
        return len(docs)
    finally:
        conn.close()


def documents_in(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        conn = apsw.Connection(
            f"file:{path}?mode=ro", flags=apsw.SQLITE_OPEN_READONLY | apsw.SQLITE_OPEN_URI
        )
        conn.set_busy_timeout(1000)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except apsw.Error:
        return 0


def start_ingest(data: Path, corpus: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "pocketrag", "--data-dir", str(data), "ingest", str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.slow
def test_kill_9_mid_ingest_then_resume(tmp_path: Path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    data = tmp_path / "data"
    index = data / "index.sqlite3"
    seen = 0
    kills = 0
    # Kill at a few different points: right after documents start landing, and later.
    for target in (1, 8, 20):
        proc = start_ingest(data, corpus)
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            if documents_in(index) >= target:
                break
            time.sleep(0.02)
        if proc.poll() is None:
            time.sleep(0.05 * target % 0.3)  # land somewhere inside the next document
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            kills += 1
        count = check_consistent(index)
        assert count >= seen  # committed documents are never lost
        seen = count
    assert kills >= 1, "ingest finished before it could be killed; make the corpus bigger"
    assert seen < N_DOCS

    final = subprocess.run(
        [sys.executable, "-m", "pocketrag", "--data-dir", str(data), "ingest", str(corpus)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert final.returncode == 0, final.stdout + final.stderr
    assert f"{seen} unchanged" in final.stdout
    assert check_consistent(index) == N_DOCS
