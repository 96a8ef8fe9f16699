"""One lock around the SQLite store for the threaded server.

The SQLite store keeps one apsw connection per process, and apsw refuses to let two threads
use a connection at the same time (ThreadingViolationError): the CLI never notices, but the
server runs searches in worker threads, and under concurrent load on a large index two
searches overlap. Until the store itself hands out per-thread connections, every call into
it from the server goes through this lock. Searches are short (tens of ms) and the host has
few cores, so serialising them costs little; PostgreSQL (pooled connections) is not wrapped.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any


class LockedStore:
    """Opens the real store on first use and runs each of its methods under one lock."""

    def __init__(self, open_store: Callable[[], Any]) -> None:
        self._open = open_store
        self._store: Any = None
        self._lock = threading.RLock()

    def ensure_open(self) -> Any:
        if self._store is None:
            with self._lock:
                if self._store is None:
                    self._store = self._open()
        return self._store

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.ensure_open(), name)
        if not callable(value):
            return value

        @functools.wraps(value)
        def locked(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                return value(*args, **kwargs)

        return locked
