"""Reading search hits from the SQLite index: FTS5 BM25, exact cosine, the sign-bit prefilter.

Split from store.py (opening, migrations, writing documents) so each module holds one
concern, as postgres/search.py does for PostgreSQL. The functions take the store's connection
and the few facts a search needs (vector type, dimension, limits) as arguments, not the
store, so nothing here depends on the store's private state.

Dense search (chosen by benchmark, docs/BENCHMARKS.md "Index"): up to `exact_limit` chunks
in scope it is an exact int8 cosine scan in C (sqlite-vec's vec_distance_cosine); above it,
a NumPy popcount scan over one row of sign bits per document (48 bytes per 384-d chunk,
read in blocks, see bitscan.py) picks candidates and they are rescored exactly from their
int8 vectors. sqlite-vec's own vec0 k-NN was measured slower at 100k chunks (int8: about
3x; bit: cost growing with k). Either way a search process holds one block, never the
corpus' vectors, so its memory stays flat as the corpus grows.

The vector codec lives here too because searching reads vectors more ways than writing
does (encode the query, decode for get_vectors, cast for sqlite-vec); writing encodes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import islice
from typing import Literal

import apsw
import numpy as np

from pocketrag.documents import Chunk, Hit, PocketragError
from pocketrag.store.base import (
    CHUNK_COLUMNS,
    HIT_COLUMNS,
    TermStats,
    chunk_from_row,
    hits_in_order,
    search_terms,
)
from pocketrag.store.sqlite.bitscan import hamming_candidates

VectorType = Literal["int8", "float32"]

_MAX_CANDIDATES = 4096
# Above this many chunks in scope, dense search goes through the bit prefilter.
DEFAULT_EXACT_LIMIT = 20_000
# Bit-prefilter candidates per wanted hit (and at least this many) before exact rescoring.
_OVERSAMPLE = 4
_MIN_CANDIDATES = 200
# Documents' sign-bit rows read per step: bounds the scan's memory.
_SCAN_ROWS = 256
_MEAN_BLOCK = 1024


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_match_expression(query: str) -> str | None:
    """Turn free user text into a safe FTS5 MATCH expression: quoted terms joined by OR.

    Quoting every term means no user text is parsed as FTS5 syntax (AND, NEAR, "-", ":",
    unbalanced quotes). Returns None when the text has no searchable word at all.
    """
    kept = search_terms(query)
    return " OR ".join(_quoted(t) for t in kept) if kept else None


def term_stats(conn: apsw.Connection, query: str, chunk_ids: Sequence[int]) -> TermStats:
    """Document frequency of each search term (FTS5 applies its own tokenizer and stemmer to
    the quoted term, as in searching) and which of `chunk_ids` hold it."""
    chunks = int(conn.execute("SELECT count(*) FROM chunks").fetchone()[0])
    ids = [int(i) for i in chunk_ids]
    marks = ",".join("?" * len(ids))
    terms = []
    for term in search_terms(query):
        match = _quoted(term)
        df = conn.execute(
            "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?", (match,)
        ).fetchone()[0]
        held = (
            conn.execute(
                f"SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? AND rowid IN ({marks})",
                (match, *ids),
            ).fetchall()
            if ids
            else []
        )
        terms.append((int(df), frozenset(int(r[0]) for r in held)))
    return TermStats(chunks, terms)


def vector_mean(conn: apsw.Connection, vector_type: VectorType) -> np.ndarray | None:
    """Mean of the stored unit vectors, read in small blocks decoded in one piece, so the
    serving process's peak does not move (a block of per-row arrays cost ~15 MB)."""
    total: np.ndarray | None = None
    count = 0
    dtype = np.int8 if vector_type == "int8" else np.float32
    cursor = conn.execute("SELECT embedding FROM chunk_vectors")
    while rows := [r[0] for r in islice(cursor, _MEAN_BLOCK)]:
        block = np.frombuffer(b"".join(rows), dtype=dtype).reshape(len(rows), -1)
        block = block.astype(np.float32)
        block /= np.sqrt(np.einsum("ij,ij->i", block, block))[:, None] + 1e-12
        total = block.sum(axis=0) if total is None else total + block.sum(axis=0)
        count += len(rows)
    return None if total is None else (total / count).astype(np.float32)


# --- the vector codec ----------------------------------------------------------------------


def encode_vector(vector: np.ndarray, vector_type: VectorType) -> bytes:
    """A unit vector as chunk_vectors stores it: int8 (x * 127, rounded) or float32 bytes."""
    if vector_type == "int8":
        return np.clip(np.rint(vector * 127.0), -127, 127).astype(np.int8).tobytes()
    return np.ascontiguousarray(vector, dtype=np.float32).tobytes()


def decode_vector(blob: bytes, vector_type: VectorType) -> np.ndarray:
    if vector_type == "int8":
        return np.frombuffer(blob, dtype=np.int8).astype(np.float32) / 127.0
    return np.frombuffer(blob, dtype=np.float32)


def _as_vector(sql: str, vector_type: VectorType) -> str:
    """Wrap a stored-embedding expression so sqlite-vec reads it with the right type."""
    return f"vec_int8({sql})" if vector_type == "int8" else sql


def _cosine_sql(column: str, vector_type: VectorType) -> str:
    """sqlite-vec's cosine distance between a stored column and the query parameter."""
    return f"vec_distance_cosine({_as_vector(column, vector_type)}, {_as_vector('?', vector_type)})"


# --- searching -----------------------------------------------------------------------------


def _filter_sql(collection: str | None, document_ids: Sequence[str] | None) -> tuple:
    sql, params = "", []
    if collection is not None:
        sql += " AND d.collection = ?"
        params.append(collection)
    if document_ids is not None:
        sql += f" AND d.id IN ({','.join('?' * len(document_ids))})"
        params.extend(document_ids)
    return sql, params


def lexical(
    conn: apsw.Connection,
    query: str,
    k: int,
    fts_weights: tuple[float, float, float],
    collection: str | None,
    document_ids: Sequence[str] | None,
) -> list[Hit]:
    """FTS5 bm25() over (title, heading, text) with `fts_weights`, negated: higher is better."""
    expression = fts_match_expression(query)
    if expression is None or k <= 0 or (document_ids is not None and not document_ids):
        return []
    bm25 = "bm25(chunks_fts, ?, ?, ?)"
    if collection is None and document_ids is None:
        # No filter: FTS5 alone, no join per matching row.
        sql = (
            f"SELECT rowid, -{bm25} AS score FROM chunks_fts WHERE chunks_fts MATCH ? "
            "ORDER BY score DESC LIMIT ?"
        )
        params: list[object] = [*fts_weights, expression, k]
    else:
        where, extra = _filter_sql(collection, document_ids)
        sql = (
            f"SELECT c.id, -{bm25} AS score FROM chunks_fts "
            "JOIN chunks c ON c.id = chunks_fts.rowid "
            "JOIN documents d ON d.id = c.document_id "
            f"WHERE chunks_fts MATCH ?{where} ORDER BY score DESC LIMIT ?"
        )
        params = [*fts_weights, expression, *extra, k]
    scored = [(int(r[0]), float(r[1])) for r in conn.execute(sql, tuple(params))]
    return _hits(conn, scored, "bm25")


def dense(
    conn: apsw.Connection,
    vector: np.ndarray,
    k: int,
    *,
    dim: int | None,
    vector_type: VectorType,
    exact_limit: int,
    collection: str | None,
    document_ids: Sequence[str] | None,
) -> list[Hit]:
    """Nearest chunks by cosine; `dim` None means no vectors were stored yet."""
    if dim is None or k <= 0 or (document_ids is not None and not document_ids):
        return []
    query = np.asarray(vector, dtype=np.float32).reshape(-1)
    if query.shape[0] != dim:
        raise PocketragError(f"Query vector has {query.shape[0]} dimensions, the index {dim}.")
    where, params = "", [encode_vector(query, vector_type)]
    if document_ids is not None:
        where = " AND c.document_id IN (" + ",".join("?" * len(document_ids)) + ")"
        params.extend(document_ids)
    elif _chunks_in_scope(conn, collection) > exact_limit:
        return _prefiltered_dense(conn, query, k, vector_type, collection)
    if collection is not None:
        where += " AND v.collection = ?"
        params.append(collection)
    join = " JOIN chunks c ON c.id = v.chunk_id" if document_ids is not None else ""
    sql = (
        f"SELECT v.chunk_id, {_cosine_sql('v.embedding', vector_type)} AS d "
        f"FROM chunk_vectors v{join} WHERE 1{where} ORDER BY d LIMIT ?"
    )
    rows = conn.execute(sql, (*params, k))
    return _hits(conn, [(int(r[0]), 1.0 - float(r[1])) for r in rows], "dense")


def _chunks_in_scope(conn: apsw.Connection, collection: str | None) -> int:
    sql = "SELECT coalesce(sum(chunk_count), 0) FROM documents"
    if collection is None:
        return int(conn.execute(sql).fetchone()[0])
    return int(conn.execute(sql + " WHERE collection = ?", (collection,)).fetchone()[0])


def _prefiltered_dense(
    conn: apsw.Connection,
    query: np.ndarray,
    k: int,
    vector_type: VectorType,
    collection: str | None,
) -> list[Hit]:
    """Hamming distance on sign bits picks candidates; int8 cosine ranks them.

    The bits are one row per document (48 bytes per 384-d chunk), scanned in blocks
    with NumPy popcount: cost is linear in the corpus and independent of k, and memory
    is one block, never the corpus."""
    candidates = min(_MAX_CANDIDATES, max(k * _OVERSAMPLE, _MIN_CANDIDATES))
    where, params = "", ()
    if collection is not None:
        where, params = " AND collection = ?", (collection,)
    sql = (
        "SELECT rowid, chunk_ids, bits FROM document_bits "
        f"WHERE rowid > ?{where} ORDER BY rowid LIMIT ?"
    )

    def pages() -> Iterator[list[tuple[bytes, bytes]]]:
        # A page of documents at a time (fetchall builds the rows in C).
        last_rowid = -1
        while True:
            rows = conn.execute(sql, (last_rowid, *params, _SCAN_ROWS)).fetchall()
            if rows:
                last_rowid = rows[-1][0]
                yield [(r[1], r[2]) for r in rows]
            if len(rows) < _SCAN_ROWS:
                return

    best_ids = hamming_candidates(pages(), query, candidates)
    if not len(best_ids):
        return []
    ids = [int(i) for i in best_ids]
    rows = conn.execute(
        f"SELECT chunk_id, {_cosine_sql('embedding', vector_type)} AS d FROM chunk_vectors "
        f"WHERE chunk_id IN ({','.join('?' * len(ids))}) ORDER BY d LIMIT ?",
        (encode_vector(query, vector_type), *ids, k),
    )
    return _hits(conn, [(int(r[0]), 1.0 - float(r[1])) for r in rows], "dense")


def vectors(
    conn: apsw.Connection, chunk_ids: Sequence[int], vector_type: VectorType
) -> dict[int, np.ndarray]:
    """Stored vectors of some chunks (as float32), e.g. to give BM25-only hits a cosine."""
    ids = [int(c) for c in chunk_ids]
    if not ids:
        return {}
    rows = conn.execute(
        "SELECT chunk_id, embedding FROM chunk_vectors "
        f"WHERE chunk_id IN ({','.join('?' * len(ids))})",
        tuple(ids),
    )
    return {int(r[0]): decode_vector(r[1], vector_type) for r in rows}


_CHUNK_FIELDS = ", ".join(f"c.{name}" for name in CHUNK_COLUMNS.split(", "))


def document_chunks(
    conn: apsw.Connection, document_id: str, vector_type: VectorType
) -> tuple[list[Chunk], np.ndarray]:
    """A document's chunks in order and their vectors as float32 unit rows: int8 vectors
    are decoded and re-normalised, since rounding to int8 moves them slightly off the
    sphere (a copy into a float store should not inherit that)."""
    rows = conn.execute(
        f"SELECT c.id, {_CHUNK_FIELDS}, v.embedding FROM chunks c "
        "LEFT JOIN chunk_vectors v ON v.chunk_id = c.id WHERE c.document_id = ? ORDER BY c.ordinal",
        (document_id,),
    ).fetchall()
    if any(r[-1] is None for r in rows):
        raise PocketragError(f"document {document_id} has chunks without vectors")
    chunks = [chunk_from_row(r[1:-1]) for r in rows]
    if not rows:
        return chunks, np.zeros((0, 0), dtype=np.float32)
    vectors = np.stack([decode_vector(r[-1], vector_type) for r in rows]).astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return chunks, (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


def _hits(conn: apsw.Connection, scored: list[tuple[int, float]], kind: str) -> list[Hit]:
    if not scored:
        return []
    ids = [chunk_id for chunk_id, _ in scored]
    rows = {
        int(r[0]): r
        for r in conn.execute(
            f"SELECT {HIT_COLUMNS} WHERE c.id IN ({','.join('?' * len(ids))})",
            tuple(ids),
        )
    }
    return hits_in_order(scored, rows, kind)
