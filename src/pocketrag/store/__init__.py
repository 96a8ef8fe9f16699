"""Index backends behind one protocol; `open_store` picks one from the settings."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

from pocketrag.store.base import Store

if TYPE_CHECKING:
    from pocketrag.config import Settings


def open_store(settings: Settings, read_only: bool = False) -> Store:
    """PostgreSQL when `database_url` is set (imported lazily: psycopg is an extra),
    otherwise the SQLite file at `settings.sqlite_path`."""
    read_only = read_only or settings.read_only
    if settings.database_url:
        from pocketrag.store.postgres import PostgresStore

        return PostgresStore.open(settings, read_only=read_only)
    from pocketrag.store.sqlite import SQLiteStore

    return SQLiteStore(settings.sqlite_path, read_only=read_only)


# The backends were flat modules here before they became subpackages; `from pocketrag.store
# import postgres_bm25` (bench/ uses it) still gives the module, loaded only when asked for
# (the PostgreSQL ones need psycopg).
_MOVED = {
    "bitscan": "pocketrag.store.sqlite.bitscan",
    "sqlite_schema": "pocketrag.store.sqlite.schema",
    "sqlite_search": "pocketrag.store.sqlite.search",
    "postgres_bm25": "pocketrag.store.postgres.bm25",
    "postgres_schema": "pocketrag.store.postgres.schema",
    "postgres_search": "pocketrag.store.postgres.search",
    "postgres_write": "pocketrag.store.postgres.write",
}


def __getattr__(name: str) -> ModuleType:
    if name in _MOVED:
        return importlib.import_module(_MOVED[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Store", "open_store"]
