"""Reading search hits from the PostgreSQL index: BM25 (bm25.py), HNSW, vectors.

Split from store.py (connections, writing, maintenance) so each module holds one
concern. Every function takes one pooled connection in autocommit mode; settings that a
search needs (hnsw.ef_search, enable_seqscan) are SET LOCAL inside its own transaction, so
a connection behind a transaction-mode pooler is left as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import psycopg

from pocketrag.documents import Hit
from pocketrag.store.base import HIT_COLUMNS, TermStats, hits_in_order
from pocketrag.store.postgres import bm25
from pocketrag.store.postgres.write import vector_literal

HNSW_MAX_EF = 1000  # pgvector's upper bound for hnsw.ef_search


def parse_vector(text: str) -> np.ndarray:
    return np.array(text[1:-1].split(","), dtype=np.float32)


def filters(collection: str | None, document_ids: Sequence[str] | None) -> tuple[str, dict]:
    """SQL conditions on the alias `c` (chunks or chunk_terms) and their parameters."""
    sql, params = "", {}
    if collection is not None:
        sql += " AND c.collection = %(collection)s"
        params["collection"] = collection
    if document_ids is not None:
        sql += " AND c.document_id = ANY(%(doc_ids)s)"
        params["doc_ids"] = list(document_ids)
    return sql, params


def lexical(
    conn: psycopg.Connection,
    query: str,
    k: int,
    collection: str | None,
    document_ids: Sequence[str] | None,
    exhaustive: bool = False,
) -> list[Hit]:
    where, params = filters(collection, document_ids)
    # A document filter bounds the rows already: score them all, exactly.
    exhaustive = exhaustive or document_ids is not None
    scored = bm25.search(conn, query, k, where, params, exhaustive=exhaustive)
    if not scored:
        return []
    rows = {
        int(r[0]): r
        for r in conn.execute(
            f"SELECT {HIT_COLUMNS} WHERE c.id = ANY(%s)",
            ([chunk_id for chunk_id, _ in scored],),
        )
    }
    return hits_in_order(scored, rows, "bm25")


def dense(
    conn: psycopg.Connection,
    query: np.ndarray,
    k: int,
    ef_search: int,
    collection: str | None,
    document_ids: Sequence[str] | None,
    exact: bool = False,
) -> list[Hit]:
    """Nearest chunks by cosine: HNSW, or an exact scan (asked for, or of a document
    filter's chunks)."""
    where, params = filters(collection, document_ids)
    params |= {"q": vector_literal(query), "k": k}
    # The hit's columns come with the distance: one statement, no second lookup by id.
    exact = (
        f"SELECT c.embedding <=> %(q)s::vector AS d, {HIT_COLUMNS} "
        f"WHERE c.embedding IS NOT NULL{where} "
        "ORDER BY (c.embedding <=> %(q)s::vector) + 0, c.id LIMIT %(k)s"
    )  # "+ 0" keeps the planner off the HNSW index: exact scan of a filtered subset
    if exact or document_ids is not None or k > HNSW_MAX_EF:
        rows = conn.execute(exact, params).fetchall()
    else:
        with conn.transaction():
            conn.execute(f"SET LOCAL hnsw.ef_search = {max(ef_search, k):d}")
            rows = conn.execute(
                f"SELECT c.embedding <=> %(q)s::vector AS d, {HIT_COLUMNS} "
                f"WHERE true{where} ORDER BY c.embedding <=> %(q)s::vector LIMIT %(k)s",
                params,
            ).fetchall()
        # HNSW filters after the graph walk: a small collection can come back
        # short, and then an exact scan of that (small) collection is cheap.
        if collection is not None and len(rows) < k:
            rows = conn.execute(exact, params).fetchall()
    rows = [r for r in rows if r[0] is not None]
    scored = [(int(r[1]), 1.0 - float(r[0])) for r in rows]
    return hits_in_order(scored, {int(r[1]): r[1:] for r in rows}, "dense")


def vectors(conn: psycopg.Connection, chunk_ids: Sequence[int]) -> dict[int, np.ndarray]:
    rows = conn.execute(
        "SELECT id, embedding::text FROM chunks WHERE id = ANY(%s) AND embedding IS NOT NULL",
        ([int(i) for i in chunk_ids],),
    ).fetchall()
    return {int(r[0]): parse_vector(r[1]) for r in rows}


def term_stats(conn: psycopg.Connection, query: str, chunk_ids: Sequence[int]) -> TermStats:
    """Document frequency of each of the query's lexemes (the store's own `lexemes` table,
    0 for a word the index has never seen) and which of `chunk_ids` hold it."""
    rows = conn.execute(
        "SELECT coalesce(l.df, 0), coalesce((SELECT array_agg(t.chunk_id) FROM chunk_terms t "
        "  WHERE t.chunk_id = ANY(%(ids)s) AND t.tsv @@ quote_literal(q.lexeme)::tsquery), "
        "  '{}'::bigint[]) "
        "FROM (SELECT DISTINCT lexeme FROM unnest(to_tsvector('english', %(q)s))) q "
        "LEFT JOIN lexemes l USING (lexeme)",
        {"q": query, "ids": [int(i) for i in chunk_ids]},
    ).fetchall()
    stats = conn.execute("SELECT chunks FROM corpus_stats").fetchone()
    chunks = int(stats[0]) if stats else 0
    return TermStats(chunks, [(int(df), frozenset(int(i) for i in ids)) for df, ids in rows])


def vector_mean(conn: psycopg.Connection) -> np.ndarray | None:
    row = conn.execute("SELECT avg(embedding)::text FROM chunks WHERE embedding IS NOT NULL")
    value = row.fetchone()
    return None if not value or value[0] is None else parse_vector(value[0])
