"""SQLite-only behaviour: file format, migrations, read-only shipping, two writers."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import apsw
import pytest
from test_store_contract import LEAVE, SECURITY, add, unit

from pocketrag.documents import PocketragError
from pocketrag.store.sqlite import SQLiteStore, fts_match_expression
from pocketrag.store.sqlite.schema import SCHEMA_VERSION


def test_file_is_wal_with_schema_version(tmp_path: Path):
    path = tmp_path / "index.sqlite3"
    with SQLiteStore(path) as store:
        add(store, "leave.md", LEAVE, seed=1)
        assert store.integrity_check() == "ok"
    conn = apsw.Connection(str(path))
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_newer_schema_is_refused(tmp_path: Path):
    path = tmp_path / "index.sqlite3"
    SQLiteStore(path).close()
    conn = apsw.Connection(str(path))
    conn.execute("INSERT INTO schema_version VALUES (?, 'later')", (SCHEMA_VERSION + 1,))
    conn.close()
    with pytest.raises(PocketragError, match="newer pocketrag"):
        SQLiteStore(path)


def test_read_only_missing_file_is_a_clear_error(tmp_path: Path):
    with pytest.raises(PocketragError, match="pocketrag ingest"):
        SQLiteStore(tmp_path / "nothing.sqlite3", read_only=True)
    assert not (tmp_path / "nothing.sqlite3").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_from_read_only_directory(tmp_path: Path):
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    path = shipped / "index.sqlite3"
    with SQLiteStore(path) as store:
        add(store, "leave.md", LEAVE, seed=1)
    shipped.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with SQLiteStore(path, read_only=True) as store:
            assert store.lexical_search("annual leave", 3)[0].source == "leave.md"
    finally:
        shipped.chmod(stat.S_IRWXU)


def test_read_only_file_on_disk_opens(tmp_path: Path):
    """A shipped index whose file (and WAL leftovers) cannot be written still serves."""
    path = tmp_path / "index.sqlite3"
    with SQLiteStore(path) as store:
        add(store, "leave.md", LEAVE, seed=1)
    path.chmod(stat.S_IRUSR)
    with SQLiteStore(path, read_only=True) as store:
        assert store.counts() == {"documents": 1, "chunks": 2}


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[3])
    from pocketrag.store.sqlite import SQLiteStore
    from test_store_contract import add, LEAVE, SECURITY
    store = SQLiteStore(sys.argv[1])
    texts = LEAVE if sys.argv[2] == "a" else SECURITY
    for i in range(20):
        add(store, "same.md", texts, seed=i, sha=sys.argv[2] + str(i))
    store.close()
    """
)


def test_two_processes_writing_the_same_source_end_with_one_document(tmp_path: Path):
    path = tmp_path / "index.sqlite3"
    SQLiteStore(path).close()
    here = str(Path(__file__).parent)
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, here])
        for name in ("a", "b")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    with SQLiteStore(path) as store:
        docs = store.list_documents()
        assert len(docs) == 1
        expected = 2 if docs[0].sha256.startswith("a") else 1
        assert docs[0].chunk_count == expected
        assert store.counts()["chunks"] == expected
        assert store.integrity_check() == "ok"
        assert len(store.dense_search(unit(0), 10)) == expected
    assert SECURITY  # both texts were used by the writers


def test_fts_expression_quotes_every_term():
    assert fts_match_expression("What is the leave policy?") == '"leave" OR "policy"'
    assert fts_match_expression('say "hi"') == '"say" OR "hi"'
    assert fts_match_expression("the of") == '"the" OR "of"'
    assert fts_match_expression("?!") is None


def test_bit_prefilter_path_agrees_with_exact_scan(tmp_path: Path):
    """Above exact_limit, dense search prefilters on sign bits then rescores exactly: the
    chunk whose vector is the query must still come first, with the same cosine."""
    path = tmp_path / "index.sqlite3"
    with SQLiteStore(path) as store:
        for d in range(30):
            add(store, f"doc{d}.md", [f"text {d} {i}" for i in range(10)], seed=d + 1)
    exact = SQLiteStore(path, read_only=True)
    approx = SQLiteStore(path, read_only=True, exact_limit=0)
    try:
        for seed in (1001, 5004, 30009):
            query = unit(seed)
            a, b = exact.dense_search(query, 5), approx.dense_search(query, 5)
            assert a[0].chunk_id == b[0].chunk_id
            assert a[0].scores["dense"] == pytest.approx(b[0].scores["dense"])
            assert a[0].scores["dense"] == pytest.approx(1.0, abs=0.02)
        # With 300 chunks and >= 200 candidates the rescored top 5 is nearly the exact one.
        query = unit(12345)
        overlap = {h.chunk_id for h in exact.dense_search(query, 5)} & {
            h.chunk_id for h in approx.dense_search(query, 5)
        }
        assert len(overlap) >= 4
        assert approx.dense_search(query, 5, collection="nope") == []
        # exact=True skips the prefilter whatever the limit: the scan's own ranking
        assert approx.dense_search(query, 5, exact=True) == exact.dense_search(query, 5)
    finally:
        exact.close()
        approx.close()


def test_migration_from_version_1_backfills_sign_bits(tmp_path: Path):
    path = tmp_path / "index.sqlite3"
    with SQLiteStore(path, exact_limit=0) as store:
        for d in range(5):
            add(store, f"doc{d}.md", [f"text {d} {i}" for i in range(4)], seed=d + 1)
        before = [h.chunk_id for h in store.dense_search(unit(3001), 5)]
    conn = apsw.Connection(str(path))
    conn.execute("DROP TABLE document_bits")
    conn.execute("DELETE FROM schema_version WHERE version >= 2")
    conn.close()
    with pytest.raises(PocketragError, match="schema version 1"):
        SQLiteStore(path, read_only=True)
    with SQLiteStore(path, exact_limit=0) as store:
        assert [h.chunk_id for h in store.dense_search(unit(3001), 5)] == before
        assert store.integrity_check() == "ok"
