"""The questions log's table and statements, shared by the SQLite and PostgreSQL stores.

The SQL is written once in the subset both engines speak (TEXT timestamps in ISO form,
CASE sums, `?` placeholders that the PostgreSQL store turns into `%s`), so the two backends
cannot drift apart in what a report counts. Each store runs it through its own connection
and transaction: `SQLiteQuestions` and `PostgresQuestions` are mixed into the two stores,
which keeps the stores' own modules about documents and search.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from pocketrag.questions import (
    QuestionEntry,
    QuestionReport,
    group_from_row,
    question_key,
)

# One schema migration in each store (sqlite/schema.py, postgres/schema.py); IF NOT EXISTS, so a
# file wound back to an older version by hand (as tests do) still upgrades.
CREATE_QUESTIONS = [
    """CREATE TABLE IF NOT EXISTS questions (
        id TEXT PRIMARY KEY,
        asked_at TEXT NOT NULL,
        question TEXT NOT NULL,
        question_key TEXT NOT NULL,
        collection TEXT,
        outcome TEXT NOT NULL,
        mode TEXT NOT NULL,
        sources TEXT NOT NULL DEFAULT '[]',
        latency_ms REAL NOT NULL,
        channel TEXT NOT NULL,
        feedback INTEGER,
        feedback_at TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS questions_asked_at ON questions (asked_at)",
    "CREATE INDEX IF NOT EXISTS questions_key ON questions (question_key)",
]

INSERT = (
    "INSERT INTO questions (id, asked_at, question, question_key, collection, outcome, mode, "
    "sources, latency_ms, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# Whole rows, for `pocketrag migrate` (SQLite -> PostgreSQL); re-running copies nothing twice.
_ALL_COLUMNS = (
    "id, asked_at, question, question_key, collection, outcome, mode, sources, latency_ms, "
    "channel, feedback, feedback_at"
)
EXPORT = (
    f"SELECT {_ALL_COLUMNS} FROM questions WHERE asked_at > ? OR (asked_at = ? AND id > ?) "
    "ORDER BY asked_at, id LIMIT ?"
)
IMPORT = (
    f"INSERT INTO questions ({_ALL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO NOTHING"
)
SET_FEEDBACK = "UPDATE questions SET feedback = ?, feedback_at = ? WHERE id = ?"
PRUNE = "DELETE FROM questions WHERE asked_at < ?"

_GROUPS = """SELECT max(question), count(*),
    sum(CASE WHEN outcome = 'answered' THEN 1 ELSE 0 END),
    sum(CASE WHEN outcome = 'hedged' THEN 1 ELSE 0 END),
    sum(CASE WHEN outcome = 'not_found' THEN 1 ELSE 0 END),
    sum(CASE WHEN feedback = 1 THEN 1 ELSE 0 END),
    sum(CASE WHEN feedback = -1 THEN 1 ELSE 0 END),
    max(asked_at)
  FROM questions WHERE asked_at >= ? {extra}
  GROUP BY question_key ORDER BY count(*) DESC, max(asked_at) DESC, question_key LIMIT ?"""
_ENTRIES = """SELECT id, asked_at, question, outcome, mode, latency_ms, channel, collection,
    sources, feedback FROM questions WHERE asked_at >= ? {extra}
  ORDER BY asked_at DESC, id DESC LIMIT ?"""
_TOTALS = """SELECT count(*),
    sum(CASE WHEN outcome = 'answered' THEN 1 ELSE 0 END),
    sum(CASE WHEN outcome = 'hedged' THEN 1 ELSE 0 END),
    sum(CASE WHEN outcome = 'not_found' THEN 1 ELSE 0 END),
    sum(CASE WHEN feedback = 1 THEN 1 ELSE 0 END),
    sum(CASE WHEN feedback = -1 THEN 1 ELSE 0 END)
  FROM questions WHERE asked_at >= ?"""

# Section headings for the page's example questions: a bounded sample, never the corpus.
HEADINGS = """SELECT d.title, c.heading FROM chunks c JOIN documents d ON d.id = c.document_id
  WHERE c.heading <> '' {extra} GROUP BY d.title, c.heading ORDER BY d.title, c.heading LIMIT ?"""

Fetch = Callable[[str, Sequence[Any]], list[Sequence[Any]]]


def insert_params(entry: QuestionEntry) -> tuple[Any, ...]:
    return (
        entry.id,
        entry.asked_at,
        entry.question,
        question_key(entry.question),
        entry.collection,
        entry.outcome,
        entry.mode,
        json.dumps(entry.sources, ensure_ascii=False),
        entry.latency_ms,
        entry.channel,
    )


def headings_query(collection: str | None, limit: int) -> tuple[str, tuple[Any, ...]]:
    if collection is None:
        return HEADINGS.format(extra=""), (limit,)
    return HEADINGS.format(extra="AND d.collection = ?"), (collection, limit)


def _entry(row: Sequence[Any]) -> QuestionEntry:
    entry_id, asked_at, question, outcome, mode, latency, channel, coll, sources, fb = row
    return QuestionEntry(
        id=str(entry_id),
        asked_at=str(asked_at),
        question=str(question),
        outcome=str(outcome),
        mode=str(mode),
        latency_ms=float(latency),
        channel=str(channel),
        collection=coll,
        sources=json.loads(sources or "[]"),
        feedback=None if fb is None else int(fb),
    )


def report(fetch: Fetch, since: str, limit: int) -> QuestionReport:
    """The report over entries asked at or after `since`; `fetch(sql, params)` runs one
    read-only statement on the store's connection and returns its rows."""
    limit = max(1, int(limit))
    total = fetch(_TOTALS, (since,))[0]
    names = ("asked", "answered", "hedged", "not_found", "thumbs_up", "thumbs_down")
    unanswered = "AND outcome IN ('hedged', 'not_found')"
    return QuestionReport(
        since=since,
        totals={name: int(value or 0) for name, value in zip(names, total, strict=True)},
        most_asked=[group_from_row(r) for r in fetch(_GROUPS.format(extra=""), (since, limit))],
        unanswered=[
            group_from_row(r) for r in fetch(_GROUPS.format(extra=unanswered), (since, limit))
        ],
        negative=[
            _entry(r) for r in fetch(_ENTRIES.format(extra="AND feedback = -1"), (since, limit))
        ],
        recent=[_entry(r) for r in fetch(_ENTRIES.format(extra=""), (since, limit))],
    )


class SQLiteQuestions:
    """The questions-log methods of SQLiteStore (its writer transaction, its readers)."""

    _write: Callable[[], AbstractContextManager[Any]]
    _read: Callable[[], AbstractContextManager[Any]]

    def log_question(self, entry: QuestionEntry) -> None:
        with self._write() as conn:
            conn.execute(INSERT, insert_params(entry))

    def set_question_feedback(self, entry_id: str, rating: int, at: str) -> bool:
        """Record (or change) the thumbs on an entry; False if there is no such entry."""
        with self._write() as conn:
            conn.execute(SET_FEEDBACK, (rating, at, entry_id))
            return int(conn.changes()) > 0

    def prune_questions(self, before: str) -> int:
        with self._write() as conn:
            conn.execute(PRUNE, (before,))
            return int(conn.changes())

    def import_questions(self, rows: Sequence[Sequence[Any]]) -> int:
        """Entries copied whole (see export_questions); ids already present are kept."""
        added = 0
        with self._write() as conn:
            for row in rows:
                conn.execute(IMPORT, tuple(row))
                added += int(conn.changes())
        return added

    def question_report(self, since: str, limit: int = 20) -> QuestionReport:
        with self._read() as conn:
            return report(lambda sql, p: conn.execute(sql, p).fetchall(), since, limit)

    def section_headings(self, collection: str | None = None, limit: int = 500) -> list[tuple]:
        """(document title, heading path) pairs, at most `limit`, for example questions."""
        sql, params = headings_query(collection, limit)
        with self._read() as conn:
            return [tuple(r) for r in conn.execute(sql, params).fetchall()]

    def export_questions(self, batch: int = 1000) -> Iterator[list[tuple]]:
        """Every entry, oldest first, in batches (memory stays bounded by `batch`)."""
        return export(lambda sql, p: self._fetch(sql, p), batch)

    def _fetch(self, sql: str, params: Sequence[Any]) -> list[tuple]:
        with self._read() as conn:
            return [tuple(r) for r in conn.execute(sql, params).fetchall()]


def export(fetch: Fetch, batch: int) -> Iterator[list[tuple]]:
    """Every entry, oldest first, in batches of `batch` rows (keyset pagination on
    (asked_at, id), so a batch never repeats or skips an entry)."""
    at, last_id = "", ""
    while True:
        rows = [tuple(r) for r in fetch(EXPORT, (at, at, last_id, batch))]
        if not rows:
            return
        yield rows
        last_id, at = rows[-1][0], rows[-1][1]


def _pg(sql: str) -> str:
    return sql.replace("?", "%s")


class PostgresQuestions:
    """The questions-log methods of PostgresStore (uses its pool and _write)."""

    _conn: Callable[[], Any]
    _write: Callable[..., Any]

    def log_question(self, entry: QuestionEntry) -> None:
        self._write(lambda cur: cur.execute(_pg(INSERT), insert_params(entry)))

    def set_question_feedback(self, entry_id: str, rating: int, at: str) -> bool:
        """Record (or change) the thumbs on an entry; False if there is no such entry."""
        params = (rating, at, entry_id)
        return bool(self._write(lambda cur: cur.execute(_pg(SET_FEEDBACK), params).rowcount))

    def prune_questions(self, before: str) -> int:
        return int(self._write(lambda cur: cur.execute(_pg(PRUNE), (before,)).rowcount))

    def import_questions(self, rows: Sequence[Sequence[Any]]) -> int:
        """Entries copied whole (see export_questions); ids already present are kept."""
        sql = _pg(IMPORT)
        return int(self._write(lambda cur: sum(cur.execute(sql, r).rowcount for r in rows)))

    def question_report(self, since: str, limit: int = 20) -> QuestionReport:
        with self._conn() as conn:
            return report(lambda sql, p: conn.execute(_pg(sql), p).fetchall(), since, limit)

    def export_questions(self, batch: int = 1000) -> Iterator[list[tuple]]:
        """Every entry, oldest first, in batches (memory stays bounded by `batch`)."""
        return export(lambda sql, p: self._fetch(_pg(sql), p), batch)

    def _fetch(self, sql: str, params: Sequence[Any]) -> list[tuple]:
        with self._conn() as conn:
            return [tuple(r) for r in conn.execute(sql, params).fetchall()]

    def section_headings(self, collection: str | None = None, limit: int = 500) -> list[tuple]:
        """(document title, heading path) pairs, at most `limit`, for example questions."""
        sql, params = headings_query(collection, limit)
        with self._conn() as conn:
            return [tuple(r) for r in conn.execute(_pg(sql), params).fetchall()]
