"""The scale-out index: PostgreSQL + pgvector behind the same Store protocol as SQLite.

Several stateless API replicas share one database through a psycopg connection pool.
Dense search uses a pgvector HNSW index (cosine); lexical search is BM25 computed by the
store over a `tsvector` column with a GIN index, because PostgreSQL's own `ts_rank` has no
IDF and ranks noticeably worse. Document frequencies live in `lexemes` and are kept exact
inside each document's transaction; scores follow FTS5's bm25() (k1=1.2, b=0.75, the same
IDF floor), so the fusion in pocketrag.retrieval sees the same kind of numbers from both
backends.

Vectors travel in pgvector's text format ('[0.1,...]' cast to vector): no extra package,
and Python's float repr round-trips float32 exactly.

Writes are one transaction per document. The documents row is upserted first
(ON CONFLICT (collection, source)), which takes its row lock: two processes ingesting the
same file queue on that lock and the second replaces the first, ending as one document.
Shared statistics rows are then locked in sorted order, so concurrent writers never
deadlock; if PostgreSQL still reports one, the transaction is retried.

This module holds the connections, the store's API and maintenance; the statements live
beside it by concern: schema.py (tables, migrations), write.py (one document's
transaction), search.py (hits), bm25.py (statistics and ranking).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import numpy as np

from pocketrag.documents import Chunk, Document, DocumentInfo, Hit
from pocketrag.errors import PocketragError, StoreReadOnlyError

try:
    import psycopg
    from psycopg import errors
    from psycopg.conninfo import conninfo_to_dict
    from psycopg_pool import ConnectionPool, PoolTimeout
except ImportError as exc:  # the SQLite default does not need the driver
    raise PocketragError(
        "POCKETRAG_DATABASE_URL is set but the PostgreSQL driver is not installed: "
        "pip install 'pocketrag[postgres]' (psycopg 3 and psycopg_pool)."
    ) from exc
from pocketrag.store.base import (
    CHUNK_COLUMNS,
    DOC_COLUMNS,
    DocumentQueries,
    ExportedDocument,
    IfUnchanged,
    StoredDocument,
    TermStats,
    WriteStatus,
    checked_vectors,
    chunk_from_row,
    document_info,
)
from pocketrag.store.postgres import search
from pocketrag.store.postgres.schema import (
    ADVISORY_LOCK_KEY,
    check_version,
    migrate,
    storage_sizes,
)
from pocketrag.store.postgres.search import HNSW_MAX_EF, parse_vector
from pocketrag.store.postgres.write import delete_documents, write_document
from pocketrag.store.postgres.write import vector_literal as vector_literal  # re-exported
from pocketrag.store.questions_sql import PostgresQuestions

if TYPE_CHECKING:
    from pocketrag.config import Settings

# pgvector's defaults (m=16, ef_construction=64), written out so they are visible.
_CREATE_HNSW = (
    "CREATE INDEX IF NOT EXISTS chunks_embedding_hnsw ON chunks "
    "USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)"
)
_RETRIES = 3
# Meta keys that describe this database's storage, not the index's content (not copied).
STORAGE_META = frozenset({"dim"})


def describe_url(url: str) -> str:
    """user@host:port/db for messages and logs: never the password."""
    try:
        p = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "(unparseable POCKETRAG_DATABASE_URL)"
    host = p.get("host") or "localhost"
    port = f":{p['port']}" if p.get("port") else ""
    return f"{p.get('user') or '(default user)'}@{host}{port}/{p.get('dbname') or ''}"


class PostgresStore(PostgresQuestions, DocumentQueries):
    """See the module docstring for why it is built this way (the questions log's methods
    come from store/questions_sql.py)."""

    # Each call takes its own pooled connection, so a hybrid search may run BM25 and dense
    # search at the same time (pocketrag.retrieval.Retriever does).
    concurrent_reads = True

    def __init__(
        self,
        url: str,
        *,
        read_only: bool = False,
        pool_size: int = 4,
        pool_timeout: float = 10.0,
        ef_search: int = 100,
    ) -> None:
        self.url = url
        self.read_only = read_only
        self.ef_search = max(1, min(ef_search, HNSW_MAX_EF))
        self._bulk = False
        self.pool_timeout = pool_timeout
        self._where = describe_url(url)
        self._prepare_schema()
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=max(1, pool_size),
            timeout=pool_timeout,
            # No server-side prepared statements and no session settings: both would break
            # (or leak between clients) behind a transaction-mode pooler such as PgBouncer
            # or Supabase's port 6543. Read-only is enforced here, and by a SELECT-only role
            # where the database should enforce it too (docs/SCALING.md).
            kwargs={"autocommit": True, "prepare_threshold": None},
            check=ConnectionPool.check_connection,  # replace connections a restart broke
            open=False,
            name="pocketrag",
        )
        try:
            self._pool.open(wait=True, timeout=pool_timeout)
        except PoolTimeout as exc:
            self._pool.close()
            raise PocketragError(f"Could not open connections to {self._where}.") from exc
        self.dim: int | None = None
        self._load_dim()

    @classmethod
    def open(cls, settings: Settings, read_only: bool = False) -> PostgresStore:
        assert settings.database_url
        return cls(
            settings.database_url,
            read_only=read_only or settings.read_only,
            pool_size=settings.database_pool_size,
            pool_timeout=settings.database_pool_timeout,
            ef_search=settings.database_ef_search,
        )

    # --- connections --------------------------------------------------------------------

    def _prepare_schema(self) -> None:
        """Connect once directly (so a bad URL or password gives PostgreSQL's own message,
        not a pool timeout) and create or upgrade the schema."""
        try:
            with psycopg.connect(
                self.url, autocommit=True, connect_timeout=10, prepare_threshold=None
            ) as conn:
                if self.read_only:
                    check_version(conn)
                else:
                    migrate(conn)
        except psycopg.OperationalError as exc:
            raise PocketragError(
                f"Cannot connect to PostgreSQL at {self._where}: {str(exc).strip()}"
            ) from exc

    @contextmanager
    def _conn(self) -> Iterator[psycopg.Connection]:
        try:
            with self._pool.connection() as conn:
                yield conn
        except PoolTimeout as exc:
            raise PocketragError(
                f"All {self._pool.max_size} database connections to {self._where} stayed "
                f"busy for {self.pool_timeout:g} s; raise POCKETRAG_DATABASE_POOL_SIZE "
                "(within the server's max_connections) or add replicas' capacity."
            ) from exc

    def _writable(self) -> None:
        if self.read_only:
            raise StoreReadOnlyError(
                f"The index at {self._where} is open read-only; it cannot be changed. "
                "Unset POCKETRAG_READ_ONLY (or open it writable) to ingest or delete."
            )

    def _write(self, work: Any, *args: Any) -> Any:
        """Run `work(cursor, *args)` in one transaction, retrying on deadlock."""
        self._writable()
        for attempt in range(_RETRIES):
            try:
                with self._conn() as conn, conn.transaction(), conn.cursor() as cur:
                    return work(cur, *args)
            except (errors.DeadlockDetected, errors.SerializationFailure):
                if attempt == _RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    # --- vectors' dimension ---------------------------------------------------------------

    def _load_dim(self) -> None:
        with self._conn() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'dim'").fetchone()
        self.dim = int(row[0]) if row else None

    def _ensure_dim(self, cur: psycopg.Cursor, dim: int) -> None:
        """Fix the embedding column's dimension and build the HNSW index on first use."""
        if self.dim is None:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (ADVISORY_LOCK_KEY,))
            row = cur.execute("SELECT value FROM meta WHERE key = 'dim'").fetchone()
            if row is None:
                cur.execute(f"ALTER TABLE chunks ALTER COLUMN embedding TYPE vector({dim:d})")
                if not self._bulk:  # bulk_load builds it once at the end
                    cur.execute(_CREATE_HNSW)
                cur.execute("INSERT INTO meta (key, value) VALUES ('dim', %s)", (str(dim),))
                self.dim = dim  # (reset below if this transaction rolls back)
                return
            self.dim = int(row[0])
        if dim != self.dim:
            raise PocketragError(
                f"This index holds {self.dim}-dimensional vectors but the embedding model "
                f"gives {dim}; use the model that built it or start a new database."
            )

    # --- meta -------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        """Free-form facts about the index (e.g. which embedding model built it)."""
        with self._conn() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = %s", (key,)).fetchone()
        return row[0] if row else None

    def meta_items(self) -> dict[str, str]:
        with self._conn() as conn:
            rows = conn.execute("SELECT key, value FROM meta").fetchall()
        return {k: v for k, v in rows if k not in STORAGE_META}

    def set_meta(self, key: str, value: str) -> None:
        self._write(
            lambda cur: cur.execute(
                "INSERT INTO meta (key, value) VALUES (%s, %s) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                (key, value),
            )
        )

    # --- writing ----------------------------------------------------------------------------

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
        policy = (sha256, collection, if_unchanged, document_id, timestamps)
        try:
            doc_id, status = self._write(self._add, document, chunks, vectors, *policy)
        except BaseException:
            self.dim = dim_before if dim_before is not None else None
            if dim_before is None:
                self._load_dim()
            raise
        info = self.get_document(doc_id)
        assert info is not None
        return StoredDocument(**vars(info), status=status)

    def _add(
        self,
        cur: psycopg.Cursor,
        document: Document,
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        *rest: Any,
    ) -> tuple[str, WriteStatus]:
        """write_document, after fixing the vectors' dimension on the first document."""
        if len(chunks):
            self._ensure_dim(cur, int(vectors.shape[1]))
        return write_document(cur, document, chunks, vectors, *rest)

    def delete_document(self, id_or_source: str, collection: str | None = None) -> int:
        return int(self._write(delete_documents, id_or_source, collection))

    # --- reading documents ------------------------------------------------------------------

    def _documents(self, where: str, params: Sequence[object]) -> list[DocumentInfo]:
        with self._conn() as conn:
            where = where.replace("?", "%s")  # DocumentQueries writes SQLite's placeholders
            rows = conn.execute(f"SELECT {DOC_COLUMNS} FROM documents {where}", params)
            return [document_info(r) for r in rows]

    def counts(self) -> dict[str, int]:
        with self._conn() as conn:
            row = conn.execute(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM chunks)"
            ).fetchone()
        assert row is not None
        return {"documents": int(row[0]), "chunks": int(row[1])}

    def document_chunks(self, document_id: str) -> tuple[list[Chunk], np.ndarray]:
        with self._conn() as conn:
            rows = conn.execute(
                f"SELECT {CHUNK_COLUMNS}, embedding::text FROM chunks "
                "WHERE document_id = %s ORDER BY ordinal",
                (document_id,),
            ).fetchall()
        if any(r[-1] is None for r in rows):
            raise PocketragError(f"document {document_id} has chunks without vectors")
        chunks = [chunk_from_row(r[:-1]) for r in rows]
        if not rows:
            return chunks, np.zeros((0, 0), dtype=np.float32)
        return chunks, np.stack([parse_vector(r[-1]) for r in rows])

    def iter_chunks(self, document_id: str) -> list[tuple[Chunk, np.ndarray]]:
        """A stored document's chunks with their vectors, in order, as pairs (tests)."""
        chunks, vectors = self.document_chunks(document_id)
        return list(zip(chunks, vectors, strict=True))

    def export_documents(self, collection: str | None = None) -> Iterator[ExportedDocument]:
        for info in self.list_documents(collection):
            chunks, vectors = self.document_chunks(info.id)
            yield ExportedDocument(info, chunks, vectors)

    # --- searching (search.py) ---------------------------------------------

    def lexical_search(
        self,
        query: str,
        k: int,
        *,
        collection: str | None = None,
        document_ids: Sequence[str] | None = None,
        exhaustive: bool = False,
    ) -> list[Hit]:
        if k <= 0 or not query.strip() or (document_ids is not None and not document_ids):
            return []
        with self._conn() as conn:
            return search.lexical(conn, query, k, collection, document_ids, exhaustive)

    def dense_search(
        self,
        vector: np.ndarray,
        k: int,
        *,
        collection: str | None = None,
        document_ids: Sequence[str] | None = None,
        exact: bool = False,
    ) -> list[Hit]:
        if self.dim is None:
            self._load_dim()  # another replica may have written the first document
        if self.dim is None or k <= 0 or (document_ids is not None and not document_ids):
            return []
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        if query.shape[0] != self.dim:
            raise PocketragError(
                f"Query vector has {query.shape[0]} dimensions, the index {self.dim}."
            )
        with self._conn() as conn:
            return search.dense(conn, query, k, self.ef_search, collection, document_ids, exact)

    def storage_sizes(self) -> dict[str, int]:
        with self._conn() as conn:
            return storage_sizes(conn)

    def get_vectors(self, chunk_ids: Sequence[int]) -> dict[int, np.ndarray]:
        """Stored vectors of some chunks, e.g. to give BM25-only hits a cosine."""
        if not chunk_ids:
            return {}
        with self._conn() as conn:
            return search.vectors(conn, chunk_ids)

    def term_stats(self, query: str, chunk_ids: Sequence[int]) -> TermStats:
        with self._conn() as conn:
            return search.term_stats(conn, query, chunk_ids)

    def vector_mean(self) -> np.ndarray | None:
        with self._conn() as conn:
            return search.vector_mean(conn)

    # --- maintenance ------------------------------------------------------------------------

    @contextmanager
    def bulk_load(self, maintenance_work_mem: str = "256MB") -> Iterator[None]:
        """Drop the HNSW and GIN indexes while loading many documents and build them once
        at the end: much faster than growing them one insert at a time (docs/SCALING.md).
        Searches during the load still work, by sequential scan."""
        self._writable()
        with self._conn() as conn:
            conn.execute("DROP INDEX IF EXISTS chunks_embedding_hnsw")
            conn.execute("DROP INDEX IF EXISTS chunk_terms_tsv_gin")
        self._bulk = True
        try:
            yield
        finally:
            self._bulk = False
            self.build_vector_index(maintenance_work_mem)

    def build_vector_index(self, maintenance_work_mem: str = "256MB") -> float:
        """(Re)build the GIN and HNSW indexes if missing; returns the seconds it took."""
        if self.dim is None:
            self._load_dim()
        started = time.perf_counter()
        with self._conn() as conn, conn.transaction():
            conn.execute(
                "SELECT set_config('maintenance_work_mem', %s, true)", (maintenance_work_mem,)
            )
            conn.execute(
                "CREATE INDEX IF NOT EXISTS chunk_terms_tsv_gin ON chunk_terms "
                "USING gin (tsv) WITH (fastupdate = off)"  # see schema.py, version 2
            )
            if self.dim is not None:
                conn.execute(_CREATE_HNSW)
        return time.perf_counter() - started

    def close(self) -> None:
        self._pool.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
