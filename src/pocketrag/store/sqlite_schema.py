"""The SQLite index's schema and its forward migrations.

Each migration is a list of SQL statements applied in one transaction, and the version it
brings the file to is recorded in `schema_version`; opening an older file upgrades it, and
opening a newer one (written by a later pocketrag) is refused rather than misread.

The sqlite-vec `chunk_bits` table is not here: its dimension depends on the embedding
model, so the store creates it on the first insert and records the dimension in `meta`.
"""

from __future__ import annotations

MIGRATIONS: list[list[str]] = [
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
]

SCHEMA_VERSION = len(MIGRATIONS)
