"""Writing one document to the PostgreSQL index: the statements of its transaction.

Split from store.py (connections, reading, maintenance) so each module holds one
concern. The caller (PostgresStore._write) supplies the cursor of one transaction and
retries it on deadlock; BM25 statistics change in the same transaction (bm25.py).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime, timezone

import numpy as np
import psycopg

from pocketrag.documents import Chunk, Document
from pocketrag.store.base import DOC_COLUMNS, IfUnchanged, WriteStatus, document_row
from pocketrag.store.postgres import bm25


def vector_literal(vector: np.ndarray) -> str:
    """pgvector's text format; Python's float repr round-trips float32 exactly."""
    return "[" + ",".join(map(repr, np.asarray(vector, dtype=np.float32).tolist())) + "]"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def write_document(
    cur: psycopg.Cursor,
    document: Document,
    chunks: Sequence[Chunk],
    vectors: np.ndarray,
    sha256: str,
    collection: str,
    if_unchanged: IfUnchanged,
    document_id: str | None,
    timestamps: tuple[str, str] | None,
) -> tuple[str, WriteStatus]:
    """Insert, replace (same collection and source) or, with `if_unchanged="skip"` and the
    same content, leave a document; returns (its id, what was done). Upserting the
    documents row first takes its row lock, so two writers of the same file queue there
    and the second replaces the first; the skip check locks the row it reads."""
    if if_unchanged == "skip":
        old = cur.execute(
            "SELECT id, sha256 FROM documents WHERE collection = %s AND source = %s FOR UPDATE",
            (collection, document.source),
        ).fetchone()
        if old is not None and old[1] == sha256:
            return str(old[0]), "unchanged"
    created, updated = timestamps or (_now(), _now())
    row = cur.execute(
        f"INSERT INTO documents ({DOC_COLUMNS}) VALUES "
        "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
        "ON CONFLICT (collection, source) DO UPDATE SET title = EXCLUDED.title, "
        "doc_type = EXCLUDED.doc_type, sha256 = EXCLUDED.sha256, pages = EXCLUDED.pages, "
        "chunk_count = EXCLUDED.chunk_count, updated_at = EXCLUDED.updated_at, "
        "metadata = EXCLUDED.metadata RETURNING id, xmax = 0",
        document_row(
            document_id or secrets.token_hex(8),
            document,
            sha256,
            collection,
            len(chunks),
            created,
            updated,
        ),
    ).fetchone()
    assert row is not None
    doc_id, inserted = str(row[0]), bool(row[1])  # xmax is 0 on a row this statement inserted
    delta = bm25.delete_chunks(cur, [doc_id])
    if chunks:
        cur.execute(
            _INSERT_CHUNKS,
            {
                "doc": doc_id,
                "collection": collection,
                "title": document.title,
                "ordinal": [c.ordinal for c in chunks],
                "text": [c.text for c in chunks],
                "embed": [c.embed_text or c.text for c in chunks],
                "p0": [c.page_start for c in chunks],
                "p1": [c.page_end for c in chunks],
                "heading": [c.heading for c in chunks],
                "c0": [c.char_start for c in chunks],
                "c1": [c.char_end for c in chunks],
                "vec": [vector_literal(v) for v in vectors],
            },
        )
        delta += bm25.chunk_stats(cur, [doc_id])
    bm25.apply(cur, delta)
    return doc_id, "added" if inserted else "updated"


def delete_documents(cur: psycopg.Cursor, id_or_source: str, collection: str | None) -> int:
    """Delete the documents with this id or source (in a collection, or any); returns how
    many. Rows are locked in id order, so concurrent deletes cannot deadlock."""
    sql = "SELECT id FROM documents WHERE (id = %s OR source = %s)"
    params: list[object] = [id_or_source, id_or_source]
    if collection is not None:
        sql += " AND collection = %s"
        params.append(collection)
    ids = [r[0] for r in cur.execute(sql + " ORDER BY id FOR UPDATE", params)]
    if ids:
        bm25.apply(cur, bm25.delete_chunks(cur, ids))
        cur.execute("DELETE FROM documents WHERE id = ANY(%s)", (ids,))
    return len(ids)


# One statement per document: arrays unnested server-side (one round trip, not one per
# chunk); the lexical row of each chunk is written by the same statement.
_INSERT_CHUNKS = """
WITH inserted AS (
    INSERT INTO chunks (document_id, collection, ordinal, text, embed_text, page_start,
                        page_end, heading, char_start, char_end, embedding)
    SELECT %(doc)s, %(collection)s, u.ordinal, u.text, u.embed, u.p0, u.p1, u.heading, u.c0,
           u.c1, u.vec::vector
    FROM unnest(%(ordinal)s::int[], %(text)s::text[], %(embed)s::text[], %(p0)s::int[],
                %(p1)s::int[], %(heading)s::text[], %(c0)s::int[], %(c1)s::int[],
                %(vec)s::text[]) AS u(ordinal, text, embed, p0, p1, heading, c0, c1, vec)
    RETURNING id, heading, text
)
INSERT INTO chunk_terms (chunk_id, document_id, collection, dl, tsv)
SELECT i.id, %(doc)s, %(collection)s, pocketrag_tsv_length(t.tsv), t.tsv
FROM inserted i
CROSS JOIN LATERAL (SELECT to_tsvector('english', %(title)s) || to_tsvector('english', i.heading)
                           || to_tsvector('english', i.text) AS tsv) t
"""
