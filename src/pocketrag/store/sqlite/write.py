"""Writing one document to the SQLite index: the statements of its transaction.

Split from store.py (connections, reading) as postgres/write.py is for PostgreSQL. The
caller (SQLiteStore) supplies the writer connection inside one IMMEDIATE transaction, so
the duplicate check and the write it decides on see the same state: two processes writing
the same file queue on SQLite's write lock and end with one document.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime, timezone

import apsw
import numpy as np

from pocketrag.documents import Chunk, Document
from pocketrag.store.base import DOC_COLUMNS, IfUnchanged, WriteStatus, document_row
from pocketrag.store.sqlite.bitscan import sign_bits
from pocketrag.store.sqlite.search import VectorType, encode_vector

_INSERT_CHUNK = (
    "INSERT INTO chunks (document_id, ordinal, text, embed_text, page_start, page_end, "
    "heading, char_start, char_end) VALUES (?,?,?,?,?,?,?,?,?)"
)
_INSERT_FTS = "INSERT INTO chunks_fts(rowid, title, heading, text) VALUES (?, ?, ?, ?)"
_INSERT_VECTOR = "INSERT INTO chunk_vectors(chunk_id, collection, embedding) VALUES (?,?,?)"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def existing(conn: apsw.Connection, collection: str, source: str) -> tuple | None:
    """(id, created_at, sha256) of the document stored under (collection, source)."""
    return conn.execute(
        "SELECT id, created_at, sha256 FROM documents WHERE collection = ? AND source = ?",
        (collection, source),
    ).fetchone()


def write_document(
    conn: apsw.Connection,
    document: Document,
    chunks: Sequence[Chunk],
    vectors: np.ndarray,
    *,
    sha256: str,
    collection: str,
    vector_type: VectorType,
    if_unchanged: IfUnchanged,
    document_id: str | None,
    timestamps: tuple[str, str] | None,
) -> tuple[str, WriteStatus]:
    """Insert, replace or (same content, `if_unchanged="skip"`) leave the document stored
    under (collection, source); returns (its id, what was done)."""
    old = existing(conn, collection, document.source)
    if old is not None and if_unchanged == "skip" and old[2] == sha256:
        return str(old[0]), "unchanged"
    created, updated = timestamps or (now(), now())
    if old is not None:
        document_id, created = str(old[0]), str(old[1])
        delete_rows(conn, document_id)
        if timestamps is None:
            updated = now()
    document_id = document_id or secrets.token_hex(8)
    conn.execute(
        f"INSERT INTO documents ({DOC_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        document_row(document_id, document, sha256, collection, len(chunks), created, updated),
    )
    chunk_ids = []
    for chunk, vector in zip(chunks, vectors, strict=False):
        conn.execute(
            _INSERT_CHUNK,
            (
                document_id,
                chunk.ordinal,
                chunk.text,
                chunk.embed_text or chunk.text,
                chunk.page_start,
                chunk.page_end,
                chunk.heading,
                chunk.char_start,
                chunk.char_end,
            ),
        )
        chunk_id = conn.last_insert_rowid()
        conn.execute(_INSERT_FTS, (chunk_id, document.title, chunk.heading, chunk.text))
        conn.execute(_INSERT_VECTOR, (chunk_id, collection, encode_vector(vector, vector_type)))
        chunk_ids.append(chunk_id)
    if chunk_ids:
        conn.execute(
            "INSERT INTO document_bits VALUES (?, ?, ?, ?)",
            (
                document_id,
                collection,
                np.array(chunk_ids, dtype=np.int64).tobytes(),
                sign_bits(vectors).tobytes(),
            ),
        )
    return document_id, "updated" if old is not None else "added"


def delete_rows(conn: apsw.Connection, document_id: str) -> None:
    """One document's rows in every table (FTS5 and the vectors have no cascade)."""
    ids = [
        (r[0],) for r in conn.execute("SELECT id FROM chunks WHERE document_id = ?", (document_id,))
    ]
    if ids:
        conn.executemany("DELETE FROM chunks_fts WHERE rowid = ?", ids)
        conn.executemany("DELETE FROM chunk_vectors WHERE chunk_id = ?", ids)
    conn.execute("DELETE FROM document_bits WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM chunks WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))


def delete_documents(conn: apsw.Connection, id_or_source: str, collection: str | None) -> int:
    """Delete the documents with this id or source (in a collection, or any)."""
    sql = "SELECT id FROM documents WHERE (id = ? OR source = ?)"
    params: tuple[str, ...] = (id_or_source, id_or_source)
    if collection is not None:
        sql += " AND collection = ?"
        params += (collection,)
    ids = [r[0] for r in conn.execute(sql, params)]
    for document_id in ids:
        delete_rows(conn, document_id)
    return len(ids)
