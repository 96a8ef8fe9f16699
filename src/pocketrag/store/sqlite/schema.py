"""The SQLite index's schema and its forward migrations.

Each migration is a list of SQL statements applied in one transaction, and the version it
brings the file to is recorded in `schema_version`; opening an older file upgrades it, and
opening a newer one (written by a later pocketrag) is refused rather than misread.

Statements are SQL strings or Python callables (for data rewrites such as backfills).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import apsw
import numpy as np

from pocketrag.errors import PocketragError
from pocketrag.store.questions_sql import CREATE_QUESTIONS
from pocketrag.store.sqlite.bitscan import sign_bits


def _backfill_document_bits(conn: apsw.Connection) -> None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'vector_type'").fetchone()
    dtype = np.float32 if row and row[0] == "float32" else np.int8
    documents = conn.execute("SELECT id, collection FROM documents").fetchall()
    for document_id, collection in documents:
        rows = conn.execute(
            "SELECT v.chunk_id, v.embedding FROM chunk_vectors v JOIN chunks c "
            "ON c.id = v.chunk_id WHERE c.document_id = ? ORDER BY v.chunk_id",
            (document_id,),
        ).fetchall()
        if not rows:
            continue
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        vectors = np.stack([np.frombuffer(r[1], dtype=dtype) for r in rows])
        conn.execute(
            "INSERT INTO document_bits VALUES (?, ?, ?, ?)",
            (document_id, collection, ids.tobytes(), sign_bits(vectors).tobytes()),
        )


Migration = str | Callable[[apsw.Connection], None]

MIGRATIONS: list[list[Migration]] = [
    # version 1: documents, chunks, FTS5 (BM25) and the key/value meta table.
    [
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            collection TEXT NOT NULL,
            source TEXT NOT NULL,
            title TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            doc_type TEXT NOT NULL,
            pages INTEGER,
            chunk_count INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{}',
            UNIQUE (collection, source)
        )""",
        """CREATE TABLE chunks (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            text TEXT NOT NULL,
            embed_text TEXT NOT NULL,
            page_start INTEGER,
            page_end INTEGER,
            heading TEXT NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            UNIQUE (document_id, ordinal)
        )""",
        # Contentless: the text already lives in `chunks`; contentless_delete lets us remove
        # rows by rowid (= chunks.id) without re-supplying their old values.
        """CREATE VIRTUAL TABLE chunks_fts USING fts5(
            title, heading, text,
            content='', contentless_delete=1, tokenize='porter unicode61'
        )""",
        # One row per chunk: int8 (unit vector * 127) or float32 bytes. Exact scoring
        # (small scopes, rescoring) reads from here by chunk id.
        """CREATE TABLE chunk_vectors (
            chunk_id INTEGER PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
            collection TEXT NOT NULL,
            embedding BLOB NOT NULL
        )""",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ],
    # version 2: the dense prefilter scans one row of sign bits per document (NumPy
    # popcount) instead of sqlite-vec's vec0 bit k-NN, whose cost grew with k.
    [
        """CREATE TABLE document_bits (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            collection TEXT NOT NULL,
            chunk_ids BLOB NOT NULL,
            bits BLOB NOT NULL
        )""",
        "CREATE INDEX document_bits_collection ON document_bits(collection)",
        "DROP TABLE IF EXISTS chunk_bits",
        _backfill_document_bits,
    ],
    # version 3: the questions log (pocketrag.questions; statements in questions_sql).
    [*CREATE_QUESTIONS],
]

SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: apsw.Connection) -> int:
    has = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'"
    ).fetchall()
    if not has:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def check_version(conn: apsw.Connection, path: Path) -> None:
    """For a read-only index, which cannot be upgraded: refuse any other version."""
    version = schema_version(conn)
    if version != SCHEMA_VERSION:
        raise PocketragError(
            f"The index at {path} has schema version {version}, this pocketrag "
            f"reads version {SCHEMA_VERSION}; open it once without read-only to upgrade."
        )


def migrate(conn: apsw.Connection, path: Path) -> None:
    """Bring the file to SCHEMA_VERSION; the caller holds the write transaction."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise PocketragError(
            f"The index at {path} was written by a newer pocketrag (schema "
            f"{version} > {SCHEMA_VERSION}); upgrade pocketrag to open it."
        )
    for number in range(version + 1, SCHEMA_VERSION + 1):
        for statement in MIGRATIONS[number - 1]:
            if callable(statement):
                statement(conn)
            else:
                conn.execute(statement)
        applied = datetime.now(timezone.utc).isoformat(timespec="seconds")
        conn.execute("INSERT INTO schema_version VALUES (?, ?)", (number, applied))


def storage_sizes(conn: apsw.Connection) -> dict[str, int]:
    """Store.storage_sizes from SQLite's dbstat: one walk over the file's b-trees, summed
    per table (an index counts with its table), grouped by what the tables hold."""
    rows = conn.execute(
        "SELECT coalesce(s.tbl_name, d.name), sum(d.pgsize) FROM dbstat AS d "
        "LEFT JOIN sqlite_schema AS s ON s.name = d.name "
        "WHERE d.aggregate = TRUE GROUP BY 1"
    ).fetchall()
    sizes = dict.fromkeys(("chunks", "vector_index", "text_index"), 0)
    for table, size in rows:
        if table in ("chunks", "chunk_vectors"):
            sizes["chunks"] += int(size)
        elif table == "document_bits":
            sizes["vector_index"] += int(size)
        elif table.startswith("chunks_fts"):
            sizes["text_index"] += int(size)
    page_count = conn.execute("PRAGMA page_count").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    return sizes | {"database": int(page_count) * int(page_size)}
