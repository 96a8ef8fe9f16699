"""Index backends behind one protocol; `open_store` picks one from the settings."""

from __future__ import annotations

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


__all__ = ["Store", "open_store"]
