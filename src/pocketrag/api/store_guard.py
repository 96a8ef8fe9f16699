"""The server's index, opened on first use, and the message for an index that will not open.

The store is opened lazily (after a replica restore: api/app.py passes an opener that waits
for it) so that the server is healthy before the index is. It is not locked here: the
SQLite store owns its concurrency (store/sqlite/connection.py: one writer, a pool of
readers), PostgreSQL pools its connections.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


class LazyStore:
    """Opens the real store on first use; every attribute after that is the store's own."""

    def __init__(self, open_store: Callable[[], Any]) -> None:
        self._open = open_store
        self._store: Any = None
        self._lock = threading.Lock()  # guards the opening only

    def ensure_open(self) -> Any:
        if self._store is None:
            with self._lock:
                if self._store is None:
                    self._store = self._open()
        return self._store

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ensure_open(), name)


# What the operator can do about an index that will not open, by the error SQLite gave.
# "unable to open database file" alone names neither the cause nor the fix.
_INDEX_HINTS = {
    "ReadOnlyError": "the file or its directory is read-only for the server's user: make both "
    "writable (SQLite creates the -wal and -shm files beside the index), or serve a shipped "
    "index with POCKETRAG_READ_ONLY=true",
    "CantOpenError": "SQLite cannot open or create the file there: check that the path is a "
    "file (not a directory) in an existing directory the server's user can write (SQLite "
    "creates the -wal and -shm files beside it), or serve with POCKETRAG_READ_ONLY=true",
    "NotADBError": "the file is not a pocketrag index (not an SQLite database): move it away "
    "and rebuild with `pocketrag ingest PATH`, or point POCKETRAG_INDEX_PATH at the right file",
    "CorruptError": "the file is damaged: restore it from a backup or rebuild it with "
    "`pocketrag ingest PATH`",
    "PermissionError": "the server's user may not read or create it: fix the permissions of "
    "the file and its directory, or serve with POCKETRAG_READ_ONLY=true",
}


def index_open_message(where: str, exc: BaseException) -> str:
    """The 503 message for an index that cannot be opened: which file, why, what to do."""
    hint = _INDEX_HINTS.get(type(exc).__name__)
    if hint is None and isinstance(exc, OSError):
        hint = "check that the path and its directory exist and are writable by the server"
    message = f"The index at {where} cannot be opened: {exc}"
    return f"{message}. Likely cause: {hint}." if hint else f"{message}."
