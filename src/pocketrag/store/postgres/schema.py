"""The PostgreSQL index's schema and its forward migrations.

Each migration is a list of statements applied in one transaction, recorded in
`schema_version`. Migrations run under a transaction-scoped advisory lock, so several API
replicas starting at once against a fresh database queue up instead of racing to create the
same tables; the first one migrates, the others find the work done.

The embedding column is created without a dimension: the dimension comes from the model, so
the store fixes it (and builds the HNSW index) on the first insert and records it in `meta`,
as the SQLite store does.
"""

from __future__ import annotations

import psycopg
from psycopg import errors

from pocketrag.documents import PocketragError
from pocketrag.store.questions_sql import CREATE_QUESTIONS

# pg_advisory_xact_lock key: the bytes "pocketra" as a signed 64-bit integer.
ADVISORY_LOCK_KEY = int.from_bytes(b"pocketra", "big", signed=True)

MIGRATIONS: list[list[str]] = [
    # version 1: documents, chunks (tsvector + GIN, vector), BM25 statistics, meta.
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
            metadata JSONB NOT NULL DEFAULT '{}',
            UNIQUE (collection, source)
        )""",
        # `collection` is copied from the document so a filtered search needs no join.
        """CREATE TABLE chunks (
            id BIGSERIAL PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            collection TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            text TEXT NOT NULL,
            embed_text TEXT NOT NULL,
            page_start INTEGER,
            page_end INTEGER,
            heading TEXT NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            embedding VECTOR,
            UNIQUE (document_id, ordinal)
        )""",
        "CREATE INDEX chunks_collection ON chunks (collection)",
        # The lexical side lives in its own narrow table: BM25 scoring reads the tsvector of
        # every candidate row, and beside the text and the vector (several KB, partly
        # TOASTed) that read cost about a third more per row (measured). tsv covers the
        # document title, the heading path and the text, like the SQLite FTS5 columns;
        # `dl` is the chunk's length in indexed tokens (BM25's document length).
        """CREATE TABLE chunk_terms (
            chunk_id BIGINT PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
            document_id TEXT NOT NULL,
            collection TEXT NOT NULL,
            dl INTEGER NOT NULL,
            tsv TSVECTOR NOT NULL
        )""",
        "CREATE INDEX chunk_terms_tsv_gin ON chunk_terms USING gin (tsv)",
        "CREATE INDEX chunk_terms_document ON chunk_terms (document_id)",
        # BM25 needs document frequencies; PostgreSQL's own ranking (ts_rank) has no IDF,
        # which costs several nDCG points, so the store keeps them itself, per lexeme.
        "CREATE TABLE lexemes (lexeme TEXT PRIMARY KEY, df INTEGER NOT NULL)",
        """CREATE TABLE corpus_stats (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            chunks BIGINT NOT NULL,
            total_dl BIGINT NOT NULL
        )""",
        "INSERT INTO corpus_stats VALUES (1, 0, 0)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # Token count of a tsvector (sum of positions), i.e. BM25's document length.
        """CREATE FUNCTION pocketrag_tsv_length(tsvector) RETURNS integer
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
            $$ SELECT coalesce(sum(coalesce(cardinality(positions), 1)), 0)::integer
               FROM unnest($1) $$""",
    ],
    # version 2: the GIN index without its pending list. With fastupdate (the default) new
    # rows wait in an unsorted list that every search scans in full until a vacuum or 4 MB
    # of them; BM25 runs up to four GIN scans per search, so search time grew with recent
    # ingest (1 MB pending: BM25 p95 12.8 -> 15.9 ms at 100k chunks; off: 12.8 ms, for
    # ~10 ms more per 20-chunk document ingested; docs/BENCHMARKS.md "PostgreSQL").
    [
        "ALTER INDEX IF EXISTS chunk_terms_tsv_gin SET (fastupdate = off)",
        "SELECT gin_clean_pending_list(to_regclass('chunk_terms_tsv_gin')) "
        "WHERE to_regclass('chunk_terms_tsv_gin') IS NOT NULL",
    ],
    # version 3: the questions log (pocketrag.questions; statements in questions_sql).
    [*CREATE_QUESTIONS],
]

SCHEMA_VERSION = len(MIGRATIONS)

_VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_version "
    "(version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
)


def schema_version(conn: psycopg.Connection) -> int:
    row = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0) if row else 0


def _ensure_vector_extension(conn: psycopg.Connection) -> None:
    if conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'vector'").fetchone():
        return
    try:
        with conn.transaction():
            conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
    except (errors.InsufficientPrivilege, errors.FeatureNotSupported, errors.UndefinedFile) as e:
        raise PocketragError(
            "The PostgreSQL database lacks the pgvector extension and this user cannot "
            f"create it ({e.diag.message_primary}). Ask the database owner to run "
            "`CREATE EXTENSION vector;` (Supabase: Database > Extensions > vector; Neon and "
            "RDS: run it as the owner role), then start pocketrag again."
        ) from e


def migrate(conn: psycopg.Connection) -> int:
    """Bring the database to SCHEMA_VERSION; returns the version it was at before."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (ADVISORY_LOCK_KEY,))
        _ensure_vector_extension(conn)
        conn.execute(_VERSION_TABLE)
        before = schema_version(conn)
        if before > SCHEMA_VERSION:
            raise PocketragError(
                f"The database was written by a newer pocketrag (schema {before} > "
                f"{SCHEMA_VERSION}); upgrade pocketrag to use it."
            )
        for number in range(before + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[number - 1]:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (number,))
    return before


def check_version(conn: psycopg.Connection) -> None:
    """For read-only opens: the schema must already be exactly this pocketrag's."""
    version = schema_version(conn)
    if version != SCHEMA_VERSION:
        raise PocketragError(
            f"The database has pocketrag schema version {version}, this pocketrag reads "
            f"version {SCHEMA_VERSION}; open it once without read-only (or run "
            "`pocketrag ingest`) to create or upgrade it."
        )


def storage_sizes(conn: psycopg.Connection) -> dict[str, int]:
    """Store.storage_sizes from PostgreSQL's catalog (no scan): chunks with their
    B-tree indexes and TOAST but not the HNSW index; the BM25 side is chunk_terms (with
    its GIN index) and lexemes."""
    row = conn.execute(
        "SELECT pg_total_relation_size('chunks'), "
        "coalesce(pg_relation_size(to_regclass('chunks_embedding_hnsw')), 0), "
        "pg_total_relation_size('chunk_terms') + pg_total_relation_size('lexemes'), "
        "pg_database_size(current_database())"
    ).fetchone()
    assert row is not None
    chunks, hnsw, text, database = (int(v) for v in row)
    return {
        "chunks": chunks - hnsw,
        "vector_index": hnsw,
        "text_index": text,
        "database": database,
    }
