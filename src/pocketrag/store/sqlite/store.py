"""The embedded index: one WAL-mode SQLite file holding documents, chunks, FTS5 and vectors.

Why apsw: it bundles an SQLite with FTS5 that can load the sqlite-vec extension (the stdlib
`sqlite3` on many hosts cannot).

Vectors (chosen by benchmark, docs/BENCHMARKS.md "Index"): each chunk's vector is stored
as int8 (unit vector * 127) in a plain table, and its sign bits in one row per document,
so dense search can scan exactly for small scopes and prefilter on the bits for large ones
without ever holding the corpus' vectors (search.py says how).

Every document is written in one `BEGIN IMMEDIATE` transaction (documents row, chunks,
FTS rows, vectors), so after a crash a document is wholly in or wholly absent, and two
processes ingesting the same file serialise on the write lock and end with one document
(UNIQUE(collection, source) plus replace-inside-the-transaction).

Safe to share across threads (connection.py: one writer, a pool of readers), so the server
needs no lock of its own around it.

This module holds the store's API: meta, documents, search and export calls; the rest lives
beside it by concern: connection.py (connections, transactions), schema.py (tables,
migrations), write.py (one document's transaction), search.py (hits, stored vectors),
bitscan.py (the sign-bit scan).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path

import apsw
import numpy as np

from pocketrag.documents import Chunk, Document, DocumentInfo, Hit
from pocketrag.errors import PocketragError
from pocketrag.store.base import (
    DOC_COLUMNS,
    DocumentQueries,
    ExportedDocument,
    IfUnchanged,
    StoredDocument,
    TermStats,
    checked_vectors,
    document_info,
)
from pocketrag.store.questions_sql import SQLiteQuestions
from pocketrag.store.sqlite import search, write
from pocketrag.store.sqlite.connection import DEFAULT_READERS, Connections
from pocketrag.store.sqlite.schema import check_version, migrate, storage_sizes
from pocketrag.store.sqlite.search import DEFAULT_EXACT_LIMIT, VectorType

# Meta keys that describe this file's storage, not the index's content (not copied).
STORAGE_META = frozenset({"dim", "vector_type"})


class SQLiteStore(SQLiteQuestions, DocumentQueries):
    """The default Store: see the module docstring for why it is built this way (the
    questions log's methods come from store/questions_sql.py)."""

    # Reads do run side by side (a pool of readers), but on the small hosts this store is
    # for, BM25 and dense search one after the other cost less than two threads.
    concurrent_reads = False

    def __init__(
        self,
        path: Path | str,
        *,
        read_only: bool = False,
        vector_type: VectorType = "int8",
        fts_weights: tuple[float, float, float] = (1.0, 1.0, 1.0),
        busy_timeout_ms: int = 30_000,
        exact_limit: int = DEFAULT_EXACT_LIMIT,
        readers: int = DEFAULT_READERS,
    ) -> None:
        self.path = Path(path)
        self.exact_limit = exact_limit
        self.read_only = read_only
        self.fts_weights = fts_weights
        self._connections = Connections(
            self.path, read_only=read_only, busy_timeout_ms=busy_timeout_ms, readers=readers
        )
        # The writer (read-only: the first connection); tests reach for it to damage files.
        self._conn = self._connections.primary
        if read_only:
            check_version(self._conn, self.path)
        else:
            with self._write() as conn:
                migrate(conn, self.path)
        stored = self._meta_on(self._conn, "vector_type")
        self.vector_type: VectorType = stored or vector_type  # type: ignore[assignment]
        dim = self._meta_on(self._conn, "dim")
        self.dim: int | None = int(dim) if dim else None

    # --- connections (connection.py) ------------------------------------------------------

    def _write(self) -> AbstractContextManager[apsw.Connection]:
        """The writer connection inside one IMMEDIATE transaction."""
        return self._connections.write()

    def _read(self) -> AbstractContextManager[apsw.Connection]:
        """A reader connection of this thread's own for the block."""
        return self._connections.read()

    # --- meta ---------------------------------------------------------------------------

    @staticmethod
    def _meta_on(conn: apsw.Connection, key: str) -> str | None:
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except apsw.SQLError:  # no meta table yet (empty read-only file)
            return None
        return row[0] if row else None

    @staticmethod
    def _set_meta_on(conn: apsw.Connection, key: str, value: str) -> None:
        conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def get_meta(self, key: str) -> str | None:
        """Free-form facts about the index (e.g. which embedding model built it)."""
        with self._read() as conn:
            return self._meta_on(conn, key)

    def set_meta(self, key: str, value: str) -> None:
        with self._write() as conn:
            self._set_meta_on(conn, key, value)

    def meta_items(self) -> dict[str, str]:
        with self._read() as conn:
            rows = conn.execute("SELECT key, value FROM meta").fetchall()
        return {k: v for k, v in rows if k not in STORAGE_META}

    def _ensure_vector_table(self, conn: apsw.Connection, dim: int) -> None:
        if self.dim is not None:
            if dim != self.dim:
                raise PocketragError(
                    f"This index holds {self.dim}-dimensional vectors but the embedding model "
                    f"gives {dim}; use the model that built it or start a new index."
                )
            return
        self._set_meta_on(conn, "dim", str(dim))
        self._set_meta_on(conn, "vector_type", self.vector_type)
        self.dim = dim

    # --- writing (write.py) -------------------------------------------------------------

    def add_document(
        self,
        document: Document,
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        *,
        sha256: str,
        collection: str = "default",
        if_unchanged: IfUnchanged = "replace",
        document_id: str | None = None,
        timestamps: tuple[str, str] | None = None,
    ) -> StoredDocument:
        vectors = checked_vectors(chunks, vectors)
        dim_before = self.dim
        try:
            with self._write() as conn:
                if len(chunks):
                    self._ensure_vector_table(conn, int(vectors.shape[1]))
                doc_id, status = write.write_document(
                    conn,
                    document,
                    chunks,
                    vectors,
                    sha256=sha256,
                    collection=collection,
                    vector_type=self.vector_type,
                    if_unchanged=if_unchanged,
                    document_id=document_id,
                    timestamps=timestamps,
                )
        except BaseException:
            self.dim = dim_before  # the first document's dimension rolled back with it
            raise
        info = self.get_document(doc_id)
        assert info is not None
        return StoredDocument(**vars(info), status=status)

    def delete_document(self, id_or_source: str, collection: str | None = None) -> int:
        with self._write() as conn:
            return write.delete_documents(conn, id_or_source, collection)

    # --- reading documents --------------------------------------------------------------

    def _documents(self, where: str, params: Sequence[object]) -> list[DocumentInfo]:
        with self._read() as conn:
            rows = conn.execute(f"SELECT {DOC_COLUMNS} FROM documents {where}", params)
            return [document_info(r) for r in rows]

    def counts(self) -> dict[str, int]:
        with self._read() as conn:
            documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            chunks = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        return {"documents": int(documents), "chunks": int(chunks)}

    def document_chunks(self, document_id: str) -> tuple[list[Chunk], np.ndarray]:
        with self._read() as conn:
            return search.document_chunks(conn, document_id, self.vector_type)

    def export_documents(self, collection: str | None = None) -> Iterator[ExportedDocument]:
        for info in self.list_documents(collection):
            chunks, vectors = self.document_chunks(info.id)
            yield ExportedDocument(info, chunks, vectors)

    # --- searching (the statements are in search.py) -------------------------------------

    def lexical_search(
        self,
        query: str,
        k: int,
        *,
        collection: str | None = None,
        document_ids: Sequence[str] | None = None,
        exhaustive: bool = False,  # FTS5 scores every match anyway
    ) -> list[Hit]:
        with self._read() as conn:
            return search.lexical(conn, query, k, self.fts_weights, collection, document_ids)

    def dense_search(
        self,
        vector: np.ndarray,
        k: int,
        *,
        collection: str | None = None,
        document_ids: Sequence[str] | None = None,
        exact: bool = False,
    ) -> list[Hit]:
        with self._read() as conn:
            return search.dense(
                conn,
                vector,
                k,
                dim=self.dim,
                vector_type=self.vector_type,
                exact_limit=sys.maxsize if exact else self.exact_limit,
                collection=collection,
                document_ids=document_ids,
            )

    def storage_sizes(self) -> dict[str, int]:
        with self._read() as conn:
            return storage_sizes(conn)

    def get_vectors(self, chunk_ids: Sequence[int]) -> dict[int, np.ndarray]:
        """Stored vectors of some chunks (as float32), e.g. to give BM25-only hits a cosine."""
        with self._read() as conn:
            return search.vectors(conn, chunk_ids, self.vector_type)

    def term_stats(self, query: str, chunk_ids: Sequence[int]) -> TermStats:
        with self._read() as conn:
            return search.term_stats(conn, query, chunk_ids)

    def vector_mean(self) -> np.ndarray | None:
        with self._read() as conn:
            return search.vector_mean(conn, self.vector_type)

    # --- maintenance --------------------------------------------------------------------

    def integrity_check(self) -> str:
        """SQLite's own check ("ok" when the file is sound)."""
        with self._read() as conn:
            return str(conn.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        self._connections.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
