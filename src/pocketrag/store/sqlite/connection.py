"""The SQLite index's connections: one writer, a small pool of readers, safe across threads.

The model is datasette's database.py. apsw refuses two threads on one connection at the
same time (ThreadingViolationError), and a read on the writer's connection in the middle of
another thread's transaction would see that transaction's half-written rows. So writes go
through the one writer connection under a lock (they queue, in this process, before
SQLite's own write lock queues them across processes), and every read borrows a reader
connection of its own: in WAL mode a reader sees the last commit and neither blocks the
writer nor is blocked by it.

Readers are a bounded pool, not one per thread: the threaded server runs requests on up to
40 worker threads, and each connection has its own page cache; a pool of a few readers,
each with a bounded cache, keeps the serving process's peak within its budget
(DESIGN.md: 160 MB) however many threads ask. A thread that finds every reader busy waits
for one, as it waited for the single lock before.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import apsw
import sqlite_vec

from pocketrag.errors import PocketragError, StoreReadOnlyError

# Readers in the pool. Measured with bench/serve_load.py (100k chunks, 20 clients): 4
# readers with 2 MiB caches peaked at 168 MB, over the budget (searches' working memory
# adds up when more run at once); 2 with 1 MiB peaked at 159 MB, the single lock before at
# 161 MB, and halved /v1/search p95 under load.
DEFAULT_READERS = 2
# Each reader's page cache, in KiB (SQLite's default is 2000 KiB per connection).
DEFAULT_READER_CACHE_KIB = 1024


def _prepare(conn: apsw.Connection, busy_timeout_ms: int) -> apsw.Connection:
    """What every connection needs: sqlite-vec (dense search's cosine), a busy timeout, and
    foreign keys."""
    conn.enable_load_extension(True)
    conn.load_extension(sqlite_vec.loadable_path())
    conn.enable_load_extension(False)
    conn.set_busy_timeout(busy_timeout_ms)
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def open_read_only(path: Path) -> apsw.Connection:
    """mode=ro first; a shipped file on a read-only disk (no -shm can be made) is opened
    immutable, which is safe because nobody can be writing it there."""
    uri = "file:" + quote(str(path.resolve()))
    flags = apsw.SQLITE_OPEN_READONLY | apsw.SQLITE_OPEN_URI
    try:
        conn = apsw.Connection(uri + "?mode=ro", flags=flags)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        return conn
    except apsw.Error:
        conn = apsw.Connection(uri + "?mode=ro&immutable=1", flags=flags)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        return conn


class Connections:
    """The connections to one index file (see the module docstring). `primary` is the
    writer (or, read-only, the first connection, used to check the file's version)."""

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool,
        busy_timeout_ms: int = 30_000,
        readers: int = DEFAULT_READERS,
        reader_cache_kib: int = DEFAULT_READER_CACHE_KIB,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self.busy_timeout_ms = busy_timeout_ms
        self.reader_cache_kib = reader_cache_kib
        self._write_lock = threading.RLock()
        self._idle: queue.LifoQueue[apsw.Connection] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(max(1, readers))
        self._readers: list[apsw.Connection] = []
        self._readers_lock = threading.Lock()
        self._closed = False
        self.primary = self._open_primary()

    def _open_primary(self) -> apsw.Connection:
        if self.read_only:
            if not self.path.is_file():
                raise PocketragError(
                    f"No index at {self.path}. Build one with `pocketrag ingest PATH` first."
                )
            return _prepare(open_read_only(self.path), self.busy_timeout_ms)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = _prepare(apsw.Connection(str(self.path)), self.busy_timeout_ms)
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a crash of the process never corrupts or half-writes;
        # a power cut may lose the last commits, never consistency.
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def _open_reader(self) -> apsw.Connection:
        if self.read_only:
            conn = open_read_only(self.path)
        else:  # the writer made the file and its WAL; a reader never writes
            conn = apsw.Connection(str(self.path), flags=apsw.SQLITE_OPEN_READWRITE)
            conn.execute("PRAGMA query_only=ON")
        conn = _prepare(conn, self.busy_timeout_ms)
        conn.execute(f"PRAGMA cache_size=-{int(self.reader_cache_kib)}")
        with self._readers_lock:
            self._readers.append(conn)
        return conn

    @contextmanager
    def read(self) -> Iterator[apsw.Connection]:
        """A reader connection for this thread alone until the block ends, inside one read
        transaction: the block's statements all see the same commit (a search's scoring
        and its row lookup cannot straddle another thread's write). Every row the block
        needs must be fetched inside it."""
        self._slots.acquire()
        try:
            try:
                conn = self._idle.get_nowait()
            except queue.Empty:
                conn = self._open_reader()
            try:
                conn.execute("BEGIN")
                try:
                    yield conn
                finally:
                    conn.execute("COMMIT")
            finally:
                self._idle.put(conn)
        finally:
            self._slots.release()

    @contextmanager
    def write(self) -> Iterator[apsw.Connection]:
        """One IMMEDIATE transaction on the writer: takes SQLite's write lock up front, so
        two writers queue (busy_timeout) instead of failing half-way; any error rolls
        everything back."""
        if self.read_only:
            raise StoreReadOnlyError(
                f"The index at {self.path} is open read-only; it cannot be changed. "
                "Unset POCKETRAG_READ_ONLY (or open it writable) to ingest or delete."
            )
        with self._write_lock:
            conn = self.primary
            try:
                conn.execute("BEGIN IMMEDIATE")
            except apsw.BusyError as exc:
                raise PocketragError(
                    f"The index at {self.path} is locked by another writer; try again."
                ) from exc
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def open_readers(self) -> int:
        """How many reader connections are open (at most the pool's size)."""
        with self._readers_lock:
            return len(self._readers)

    def close(self) -> None:
        """Close every connection (a reader still borrowed is closed under its user)."""
        with self._write_lock, self._readers_lock:
            if self._closed:
                return
            self._closed = True
            for conn in self._readers:
                conn.close()
            self._readers.clear()
            self.primary.close()
