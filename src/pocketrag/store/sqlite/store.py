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

This module holds opening, transactions, meta, writing and reading documents; the rest
lives beside it by concern: schema.py (tables, migrations), search.py (hits,
stored vectors), bitscan (the sign-bit scan).
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

import apsw
import numpy as np
import sqlite_vec

from pocketrag.documents import Chunk, Document, DocumentInfo, Hit, PocketragError
from pocketrag.store.base import DOC_COLUMNS, TermStats, document_row
from pocketrag.store.questions_sql import SQLiteQuestions
from pocketrag.store.sqlite import search
from pocketrag.store.sqlite.bitscan import sign_bits
from pocketrag.store.sqlite.schema import MIGRATIONS, SCHEMA_VERSION
from pocketrag.store.sqlite.search import DEFAULT_EXACT_LIMIT, VectorType, encode_vector

# Re-exported: existing importers (tests/store) take the FTS5 query builder from here.
from pocketrag.store.sqlite.search import fts_match_expression as fts_match_expression


class StoreReadOnlyError(PocketragError):
    """A write was attempted on an index opened read-only."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class SQLiteStore(SQLiteQuestions):
    """The default Store: see the module docstring for why it is built this way (the
    questions log's methods come from store/questions_sql.py)."""

    def __init__(
        self,
        path: Path | str,
        *,
        read_only: bool = False,
        vector_type: VectorType = "int8",
        fts_weights: tuple[float, float, float] = (1.0, 1.0, 1.0),
        busy_timeout_ms: int = 30_000,
        exact_limit: int = DEFAULT_EXACT_LIMIT,
    ) -> None:
        self.path = Path(path)
        self.exact_limit = exact_limit
        self.read_only = read_only
        self.fts_weights = fts_weights
        self._lock = threading.RLock()
        self._conn = self._connect(busy_timeout_ms)
        if read_only:
            self._check_version()
        else:
            self._migrate()
        stored = self._get_meta("vector_type")
        self.vector_type: VectorType = stored or vector_type  # type: ignore[assignment]
        dim = self._get_meta("dim")
        self.dim: int | None = int(dim) if dim else None

    # --- opening ------------------------------------------------------------------------

    def _connect(self, busy_timeout_ms: int) -> apsw.Connection:
        if self.read_only:
            if not self.path.is_file():
                raise PocketragError(
                    f"No index at {self.path}. Build one with `pocketrag ingest PATH` first."
                )
            conn = self._open_read_only()
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = apsw.Connection(str(self.path))
        conn.enable_load_extension(True)
        conn.load_extension(sqlite_vec.loadable_path())
        conn.enable_load_extension(False)
        conn.set_busy_timeout(busy_timeout_ms)
        if not self.read_only:
            conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode: a crash of the process never corrupts or half-writes;
            # a power cut may lose the last commits, never consistency.
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    def _open_read_only(self) -> apsw.Connection:
        """mode=ro first; a shipped file on a read-only disk (no -shm can be made) is
        opened immutable, which is safe because nobody can be writing it there."""
        uri = "file:" + quote(str(self.path.resolve()))
        flags = apsw.SQLITE_OPEN_READONLY | apsw.SQLITE_OPEN_URI
        try:
            conn = apsw.Connection(uri + "?mode=ro", flags=flags)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
            return conn
        except apsw.Error:
            conn = apsw.Connection(uri + "?mode=ro&immutable=1", flags=flags)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
            return conn

    def _schema_version(self) -> int:
        has = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'"
        ).fetchall()
        if not has:
            return 0
        row = self._conn.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _check_version(self) -> None:
        version = self._schema_version()
        if version != SCHEMA_VERSION:
            raise PocketragError(
                f"The index at {self.path} has schema version {version}, this pocketrag "
                f"reads version {SCHEMA_VERSION}; open it once without read-only to upgrade."
            )

    def _migrate(self) -> None:
        with self._write():
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            version = self._schema_version()
            if version > SCHEMA_VERSION:
                raise PocketragError(
                    f"The index at {self.path} was written by a newer pocketrag (schema "
                    f"{version} > {SCHEMA_VERSION}); upgrade pocketrag to open it."
                )
            for number in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[number - 1]:
                    if callable(statement):
                        statement(self._conn)
                    else:
                        self._conn.execute(statement)
                self._conn.execute("INSERT INTO schema_version VALUES (?, ?)", (number, _now()))

    # --- transactions -------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One IMMEDIATE transaction: takes the write lock up front, so two writers queue
        (busy_timeout) instead of failing half-way; any error rolls everything back."""
        if self.read_only:
            raise StoreReadOnlyError(
                f"The index at {self.path} is open read-only; it cannot be changed. "
                "Unset POCKETRAG_READ_ONLY (or open it writable) to ingest or delete."
            )
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except apsw.BusyError as exc:
                raise PocketragError(
                    f"The index at {self.path} is locked by another writer; try again."
                ) from exc
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _get_meta(self, key: str) -> str | None:
        try:
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except apsw.SQLError:  # no meta table yet (empty read-only file)
            return None
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def get_meta(self, key: str) -> str | None:
        """Free-form facts about the index (e.g. which embedding model built it)."""
        return self._get_meta(key)

    def set_meta(self, key: str, value: str) -> None:
        with self._write():
            self._set_meta(key, value)

    def _ensure_vector_table(self, dim: int) -> None:
        if self.dim is not None:
            if dim != self.dim:
                raise PocketragError(
                    f"This index holds {self.dim}-dimensional vectors but the embedding model "
                    f"gives {dim}; use the model that built it or start a new index."
                )
            return
        self._set_meta("dim", str(dim))
        self._set_meta("vector_type", self.vector_type)
        self.dim = dim

    # --- writing ------------------------------------------------------------------------

    def add_document(
        self,
        document: Document,
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        *,
        sha256: str,
        collection: str = "default",
    ) -> DocumentInfo:
        vectors = np.asarray(vectors, dtype=np.float32)
        if len(chunks) and (vectors.ndim != 2 or vectors.shape[0] != len(chunks)):
            raise ValueError(f"{len(chunks)} chunks but vectors of shape {vectors.shape}")
        with self._write():
            if len(chunks):
                self._ensure_vector_table(int(vectors.shape[1]))
            old = self._conn.execute(
                "SELECT id, created_at FROM documents WHERE collection = ? AND source = ?",
                (collection, document.source),
            ).fetchone()
            now = _now()
            if old:
                document_id, created_at = old
                self._delete_rows(document_id)
            else:
                document_id, created_at = secrets.token_hex(8), now
            self._conn.execute(
                f"INSERT INTO documents ({DOC_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                document_row(
                    document_id, document, sha256, collection, len(chunks), created_at, now
                ),
            )
            vec_sql = "INSERT INTO chunk_vectors(chunk_id, collection, embedding) VALUES (?,?,?)"
            chunk_ids = []
            for chunk, vector in zip(chunks, vectors, strict=False):
                self._conn.execute(
                    "INSERT INTO chunks (document_id, ordinal, text, embed_text, page_start, "
                    "page_end, heading, char_start, char_end) VALUES (?,?,?,?,?,?,?,?,?)",
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
                chunk_id = self._conn.last_insert_rowid()
                self._conn.execute(
                    "INSERT INTO chunks_fts(rowid, title, heading, text) VALUES (?, ?, ?, ?)",
                    (chunk_id, document.title, chunk.heading, chunk.text),
                )
                vector_blob = encode_vector(vector, self.vector_type)
                self._conn.execute(vec_sql, (chunk_id, collection, vector_blob))
                chunk_ids.append(chunk_id)
            if chunk_ids:
                self._conn.execute(
                    "INSERT INTO document_bits VALUES (?, ?, ?, ?)",
                    (
                        document_id,
                        collection,
                        np.array(chunk_ids, dtype=np.int64).tobytes(),
                        sign_bits(vectors).tobytes(),
                    ),
                )
        info = self.get_document(document_id)
        assert info is not None
        return info

    def _delete_rows(self, document_id: str) -> None:
        ids = [
            (r[0],)
            for r in self._conn.execute(
                "SELECT id FROM chunks WHERE document_id = ?", (document_id,)
            )
        ]
        if ids:
            self._conn.executemany("DELETE FROM chunks_fts WHERE rowid = ?", ids)
            self._conn.executemany("DELETE FROM chunk_vectors WHERE chunk_id = ?", ids)
        self._conn.execute("DELETE FROM document_bits WHERE document_id = ?", (document_id,))
        self._conn.execute("DELETE FROM chunks WHERE document_id = ?", (document_id,))
        self._conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    def delete_document(self, id_or_source: str, collection: str | None = None) -> int:
        with self._write():
            sql = "SELECT id FROM documents WHERE (id = ? OR source = ?)"
            params: tuple[str, ...] = (id_or_source, id_or_source)
            if collection is not None:
                sql += " AND collection = ?"
                params += (collection,)
            ids = [r[0] for r in self._conn.execute(sql, params)]
            for document_id in ids:
                self._delete_rows(document_id)
        return len(ids)

    # --- reading documents --------------------------------------------------------------

    @staticmethod
    def _info(row: Sequence[object]) -> DocumentInfo:
        (doc_id, source, title, doc_type, sha, coll, pages, count, created, updated, meta) = row
        return DocumentInfo(
            id=str(doc_id),
            source=str(source),
            title=str(title),
            doc_type=str(doc_type),
            sha256=str(sha),
            collection=str(coll),
            pages=pages if pages is None else int(pages),  # type: ignore[arg-type]
            chunk_count=int(count),  # type: ignore[arg-type]
            created_at=str(created),
            updated_at=str(updated),
            metadata=json.loads(str(meta or "{}")),
        )

    def find_document(self, source: str, collection: str = "default") -> DocumentInfo | None:
        row = self._conn.execute(
            f"SELECT {DOC_COLUMNS} FROM documents WHERE collection = ? AND source = ?",
            (collection, source),
        ).fetchone()
        return self._info(row) if row else None

    def get_document(self, document_id: str) -> DocumentInfo | None:
        row = self._conn.execute(
            f"SELECT {DOC_COLUMNS} FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return self._info(row) if row else None

    def list_documents(self, collection: str | None = None) -> list[DocumentInfo]:
        sql = f"SELECT {DOC_COLUMNS} FROM documents"
        params: tuple[str, ...] = ()
        if collection is not None:
            sql += " WHERE collection = ?"
            params = (collection,)
        sql += " ORDER BY collection, source"
        return [self._info(r) for r in self._conn.execute(sql, params)]

    def counts(self) -> dict[str, int]:
        documents = self._conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        chunks = self._conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        return {"documents": int(documents), "chunks": int(chunks)}

    # --- searching (the statements are in search.py) ---------------------------------

    def lexical_search(
        self,
        query: str,
        k: int,
        *,
        collection: str | None = None,
        document_ids: Sequence[str] | None = None,
    ) -> list[Hit]:
        return search.lexical(self._conn, query, k, self.fts_weights, collection, document_ids)

    def dense_search(
        self,
        vector: np.ndarray,
        k: int,
        *,
        collection: str | None = None,
        document_ids: Sequence[str] | None = None,
    ) -> list[Hit]:
        return search.dense(
            self._conn,
            vector,
            k,
            dim=self.dim,
            vector_type=self.vector_type,
            exact_limit=self.exact_limit,
            collection=collection,
            document_ids=document_ids,
        )

    def get_vectors(self, chunk_ids: Sequence[int]) -> dict[int, np.ndarray]:
        """Stored vectors of some chunks (as float32), e.g. to give BM25-only hits a cosine."""
        return search.vectors(self._conn, chunk_ids, self.vector_type)

    def term_stats(self, query: str, chunk_ids: Sequence[int]) -> TermStats:
        return search.term_stats(self._conn, query, chunk_ids)

    def vector_mean(self) -> np.ndarray | None:
        return search.vector_mean(self._conn, self.vector_type)

    # --- maintenance --------------------------------------------------------------------

    def integrity_check(self) -> str:
        """SQLite's own check ("ok" when the file is sound)."""
        return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
