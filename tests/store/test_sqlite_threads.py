"""SQLiteStore shared by threads with no lock around it (the threaded server's use): reads
never collide on one connection, never see another thread's half-written document, and
the readers stay a bounded pool however many threads ask."""

from __future__ import annotations

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from test_store_contract import LEAVE, SECURITY, add, make_doc, unit

from pocketrag.store.sqlite import SQLiteStore

THREADS = 12


def test_reads_from_many_threads_while_one_writes(tmp_path: Path):
    """The writer swaps one document between a 2-chunk and a 6-chunk version; every read in
    between must see one whole version (2 + 1 or 6 + 1 chunks), never a mixture, and no
    thread may trip apsw's one-thread-per-connection check."""
    store = SQLiteStore(tmp_path / "index.sqlite3", readers=3)
    add(store, "security.md", SECURITY, seed=2)  # one chunk
    add(store, "leave.md", LEAVE, seed=1)
    long_version = make_doc("leave.md", [f"Leave rule number {i}." for i in range(6)], seed=5)
    short_version = make_doc("leave.md", LEAVE, seed=1)
    stop = threading.Event()
    seen: set[int] = set()

    def write() -> int:
        writes = 0
        while not stop.is_set() and writes < 60:
            document, chunks, vectors = long_version if writes % 2 == 0 else short_version
            store.add_document(document, chunks, vectors, sha256=f"v{writes}")
            writes += 1
        return writes

    def read(n: int) -> int:
        reads = 0
        query = unit(1000 + n)
        while not stop.is_set() and reads < 80:
            counts = store.counts()
            seen.add(counts["chunks"])
            assert counts["documents"] == 2
            leave = store.find_document("leave.md")
            assert leave is not None and leave.chunk_count in (2, 6)
            assert store.lexical_search("leave", 10)
            assert len(store.dense_search(query, 3)) == 3
            reads += 1
        return reads

    with ThreadPoolExecutor(THREADS + 1) as pool:
        writer = pool.submit(write)
        readers = [pool.submit(read, n) for n in range(THREADS)]
        try:
            total_reads = sum(f.result(timeout=300) for f in readers)
        finally:
            stop.set()
        assert writer.result(timeout=300) > 0
    assert total_reads == THREADS * 80
    assert seen <= {3, 7}  # whole versions only
    assert store._connections.open_readers() <= 3
    store.close()


def test_a_reader_never_sees_an_open_write_transaction(tmp_path: Path):
    """A read on another thread while a write transaction is open (and not committed) sees
    the last commit: with one shared connection it would see the uncommitted rows."""
    store = SQLiteStore(tmp_path / "index.sqlite3")
    add(store, "leave.md", LEAVE, seed=1)
    inside, release = threading.Event(), threading.Event()

    def hold_a_write() -> None:
        with store._write() as conn:
            conn.execute("DELETE FROM chunks_fts")
            conn.execute("UPDATE documents SET title = 'half-written'")
            inside.set()
            release.wait(30)
            raise RuntimeError("roll back")

    writer = threading.Thread(target=lambda: _swallow(hold_a_write))
    writer.start()
    assert inside.wait(30)
    try:
        with ThreadPoolExecutor(1) as pool:
            title = pool.submit(lambda: store.find_document("leave.md").title).result(30)
            hits = pool.submit(store.lexical_search, "annual leave", 5).result(30)
    finally:
        release.set()
        writer.join(30)
    assert title == "leave.md"
    assert hits and hits[0].source == "leave.md"
    store.close()


def _swallow(work) -> None:
    with contextlib.suppress(RuntimeError):
        work()


def test_reader_connections_bound_their_page_cache(tmp_path: Path):
    store = SQLiteStore(tmp_path / "index.sqlite3")
    add(store, "leave.md", LEAVE, seed=1)
    with store._read() as conn:
        cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        assert cache == -store._connections.reader_cache_kib
        assert conn.execute("PRAGMA query_only").fetchone()[0] == 1
    store.close()


def test_read_only_store_is_shared_by_threads_too(tmp_path: Path):
    path = tmp_path / "index.sqlite3"
    with SQLiteStore(path) as store:
        add(store, "leave.md", LEAVE, seed=1)
        add(store, "security.md", SECURITY, seed=2)
    view = SQLiteStore(path, read_only=True, readers=2)
    vector = np.asarray(unit(1000), dtype=np.float32)
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: len(view.dense_search(vector, 2)), range(64)))
    assert results == [2] * 64
    assert view._connections.open_readers() <= 2
    view.close()
