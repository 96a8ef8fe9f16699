"""The embedded SQLite index (the default): one WAL-mode file with documents, chunks, FTS5
and vectors. `store` opens and writes, `schema` migrates, `search` reads hits, `bitscan` is
the sign-bit prefilter; importers name the package, not the modules."""

from pocketrag.errors import StoreReadOnlyError
from pocketrag.store.sqlite.search import fts_match_expression
from pocketrag.store.sqlite.store import SQLiteStore

__all__ = ["SQLiteStore", "StoreReadOnlyError", "fts_match_expression"]
