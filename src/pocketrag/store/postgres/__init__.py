"""The scale-out index: PostgreSQL + pgvector. `store` holds connections and the Store API,
`schema` migrates, `write` is one document's transaction, `search` reads hits, `bm25` keeps
the lexical statistics. Importing it needs the `postgres` extra (psycopg), which the SQLite
default never loads; `store` says so when it is missing, so it is imported first."""

from pocketrag.store.postgres.store import (
    PostgresStore,
    StoreReadOnlyError,
    describe_url,
    parse_vector,
    vector_literal,
)

__all__ = [
    "PostgresStore",
    "StoreReadOnlyError",
    "describe_url",
    "parse_vector",
    "vector_literal",
]
