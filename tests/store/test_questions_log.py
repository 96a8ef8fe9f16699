"""The questions log behind the Store protocol: the same behaviour on SQLite and PostgreSQL
(the `store_factory` fixture runs each test once per backend, on a real database)."""

from __future__ import annotations

import pytest

from pocketrag.documents import PocketragError
from pocketrag.questions import QuestionEntry, QuestionLog

SINCE_EVER = "2000-01-01T00:00:00.000+00:00"


def entry(n: int, question: str, outcome: str = "answered", asked_at: str = "") -> QuestionEntry:
    return QuestionEntry(
        id=f"entry-{n}",
        asked_at=asked_at or f"2026-05-01T10:00:{n:02d}.000+00:00",
        question=question,
        outcome=outcome,
        mode="extractive",
        latency_ms=120.5,
        channel="api",
        collection="hr",
        sources=[{"title": "Annual Leave", "source": "leave.md", "heading": "", "page": None}],
    )


def test_report_groups_questions_and_lists_the_unanswered(store):
    store.log_question(entry(1, "How many days of leave do I get?"))
    store.log_question(entry(2, "how many  days of leave do I get"))  # the same question
    store.log_question(entry(3, "How many DAYS of leave do I get?", "hedged"))
    store.log_question(entry(4, "Can I bring my dog to work?", "not_found"))
    store.log_question(entry(5, "What is the mileage rate?"))

    report = store.question_report(SINCE_EVER, limit=10)

    assert report.totals == {
        "asked": 5,
        "answered": 3,
        "hedged": 1,
        "not_found": 1,
        "thumbs_up": 0,
        "thumbs_down": 0,
    }
    top = report.most_asked[0]
    assert (top.asked, top.answered, top.hedged, top.not_found) == (3, 2, 1, 0)
    assert top.question.lower().startswith("how many")
    assert [g.asked for g in report.most_asked] == [3, 1, 1]
    unanswered = {g.question: (g.asked, g.hedged, g.not_found) for g in report.unanswered}
    assert unanswered["Can I bring my dog to work?"] == (1, 0, 1)
    assert len(unanswered) == 2  # the dog (not found) and the hedged leave question
    assert [e.id for e in report.recent] == ["entry-5", "entry-4", "entry-3", "entry-2", "entry-1"]
    assert report.recent[0].sources[0]["title"] == "Annual Leave"
    assert report.recent[0].collection == "hr"
    assert report.negative == []


def test_feedback_is_recorded_changed_and_listed(store):
    store.log_question(entry(1, "Can I bring my dog to work?", "not_found"))
    store.log_question(entry(2, "What is the mileage rate?"))

    assert store.set_question_feedback("entry-1", 1, "2026-05-01T11:00:00.000+00:00")
    assert store.set_question_feedback("entry-1", -1, "2026-05-01T11:01:00.000+00:00")
    assert store.set_question_feedback("entry-2", 1, "2026-05-01T11:02:00.000+00:00")
    assert not store.set_question_feedback("no-such-entry", -1, "2026-05-01T11:03:00.000+00:00")

    report = store.question_report(SINCE_EVER)
    assert report.totals["thumbs_down"] == 1 and report.totals["thumbs_up"] == 1
    assert [e.id for e in report.negative] == ["entry-1"]
    assert report.negative[0].feedback == -1
    assert report.unanswered[0].thumbs_down == 1


def test_report_period_and_pruning(store):
    store.log_question(entry(1, "Old question", asked_at="2020-01-01T00:00:00.000+00:00"))
    store.log_question(entry(2, "New question", asked_at="2026-05-01T00:00:00.000+00:00"))

    recent = store.question_report("2025-01-01T00:00:00.000+00:00")
    assert [g.question for g in recent.most_asked] == ["New question"]

    assert store.prune_questions("2025-01-01T00:00:00.000+00:00") == 1
    everything = store.question_report(SINCE_EVER)
    assert [e.question for e in everything.recent] == ["New question"]


def test_read_only_index_reports_but_does_not_record(store_factory):
    writer = store_factory()
    writer.log_question(entry(1, "How many days of leave do I get?"))
    reader = store_factory(read_only=True)
    assert reader.question_report(SINCE_EVER).totals["asked"] == 1
    with pytest.raises(PocketragError, match="read-only"):
        reader.log_question(entry(2, "Another"))
    log = QuestionLog(lambda: reader, enabled=True, retention_days=90)
    assert log.record("Another", {"outcome": "answered"}, collection=None, channel="api") is None
    assert reader.question_report(SINCE_EVER).totals["asked"] == 1


def test_question_log_records_answers_and_takes_feedback(store):
    log = QuestionLog(lambda: store, enabled=True, retention_days=90)
    refused = {
        "answer": "I couldn't find this in the documents.",
        "refused": True,
        "outcome": "not_found",
        "mode": "extractive",
        "citations": [],
        "closest_sources": [{"title": "Travel", "source": "travel.pdf", "page_start": 3}],
        "timings_ms": {"total": 87.25},
    }
    entry_id = log.record("Can I fly first class?", refused, collection=None, channel="stream")
    assert entry_id
    assert log.feedback(entry_id, -1)
    with pytest.raises(ValueError):
        log.feedback(entry_id, 5)
    report = log.report(days=1)
    (recorded,) = report.recent
    assert (recorded.outcome, recorded.channel) == ("not_found", "stream")
    assert recorded.latency_ms == 87.2
    assert recorded.sources == [
        {"title": "Travel", "source": "travel.pdf", "heading": "", "page": 3}
    ]
    assert [e.id for e in report.negative] == [entry_id]

    off = QuestionLog(lambda: store, enabled=False, retention_days=90)
    assert off.record("Not kept", refused, collection=None, channel="api") is None
    assert log.report(days=1).totals["asked"] == 1


def test_existing_sqlite_index_gains_the_questions_table(tmp_path):
    """An index written before the questions log (schema 2) is upgraded when opened."""
    from pocketrag.store.sqlite import SQLiteStore
    from pocketrag.store.sqlite.schema import SCHEMA_VERSION

    path = tmp_path / "index.sqlite3"
    with SQLiteStore(path) as store:  # then wind it back to schema 2
        store._conn.execute("DROP TABLE questions")
        store._conn.execute("DELETE FROM schema_version WHERE version >= 3")
    with pytest.raises(PocketragError, match="schema version 2"):
        SQLiteStore(path, read_only=True)
    with SQLiteStore(path) as store:
        store.log_question(entry(1, "How many days of leave do I get?"))
        assert store.question_report(SINCE_EVER).totals["asked"] == 1
        versions = store._conn.execute("SELECT max(version) FROM schema_version").fetchone()
        assert versions[0] == SCHEMA_VERSION >= 3


@pytest.mark.postgres
def test_existing_postgres_database_gains_the_questions_table(pg_url):
    import psycopg

    from pocketrag.store.postgres import PostgresStore

    PostgresStore(pg_url, pool_size=1).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:  # wind it back to schema 2
        conn.execute("DROP TABLE questions")
        conn.execute("DELETE FROM schema_version WHERE version >= 3")
    with pytest.raises(PocketragError, match="schema version 2"):
        PostgresStore(pg_url, read_only=True, pool_size=1)
    with PostgresStore(pg_url, pool_size=1) as store:
        store.log_question(entry(1, "How many days of leave do I get?"))
        assert store.question_report(SINCE_EVER).totals["asked"] == 1
