"""`pocketrag migrate` takes the questions log along, once, however often it is re-run."""

from __future__ import annotations

import json

import pytest
from test_migrate import build_sqlite, run_migrate

from pocketrag.questions import QuestionEntry
from pocketrag.store.postgres import PostgresStore
from pocketrag.store.sqlite import SQLiteStore

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

SINCE_EVER = "2000-01-01T00:00:00.000+00:00"


def test_migrate_copies_the_questions_log_once(tmp_path, pg_url):
    path = tmp_path / "index.sqlite3"
    build_sqlite(path)
    with SQLiteStore(path) as store:
        for n in range(5):  # two share one timestamp: the export's batches must keep both
            store.log_question(
                QuestionEntry(
                    id=f"q{n}",
                    asked_at=f"2026-05-01T10:00:0{min(n, 3)}.000+00:00",
                    question="Can I bring my dog?" if n % 2 else "How many days of leave?",
                    outcome="not_found" if n % 2 else "answered",
                    mode="extractive",
                    latency_ms=50.0 + n,
                    channel="api",
                    collection="hr",
                )
            )
        store.set_question_feedback("q1", -1, "2026-05-01T11:00:00.000+00:00")
        expected = store.question_report(SINCE_EVER)
        batches = [len(rows) for rows in store.export_questions(batch=2)]
        assert batches == [2, 2, 1]

    first = run_migrate("--to", pg_url, "--from", str(path), "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["questions"] == 5
    again = run_migrate("--to", pg_url, "--from", str(path), "--json")
    assert json.loads(again.stdout)["questions"] == 0

    with PostgresStore(pg_url) as target:
        copied = target.question_report(SINCE_EVER)
    assert (
        copied.totals
        == expected.totals
        == {
            "asked": 5,
            "answered": 3,
            "hedged": 0,
            "not_found": 2,
            "thumbs_up": 0,
            "thumbs_down": 1,
        }
    )
    assert [e.to_json() for e in copied.recent] == [e.to_json() for e in expected.recent]
    assert [e.id for e in copied.negative] == ["q1"]
