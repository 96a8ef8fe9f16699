"""`pocketrag ask --log` and `pocketrag report`, run as real processes on a real index."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli_index import cli

QUESTION = "How many days of paid leave do full-time staff get?"
OFF_TOPIC = "What is the airspeed velocity of an unladen swallow on Jupiter?"


def test_cli_asks_are_logged_only_when_asked_and_reported(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "leave.md").write_text(
        "# Annual leave\n\n## Entitlement\n\n"
        "Full-time staff receive twenty-five days of paid leave a year.\n"
    )
    data = tmp_path / "data"
    assert cli(data, "ingest", str(docs)).returncode == 0

    assert cli(data, "ask", QUESTION).returncode == 0  # not recorded: --log not given
    logged = cli(data, "ask", "--log", "--json", QUESTION)
    assert logged.returncode == 0, logged.stderr
    assert json.loads(logged.stdout)["log_id"]
    assert cli(data, "ask", "--log", QUESTION.upper()).returncode == 0
    assert cli(data, "ask", "--log", OFF_TOPIC).returncode == 0

    done = cli(data, "report", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["totals"]["asked"] == 3
    assert report["most_asked"][0]["asked"] == 2
    assert OFF_TOPIC in [g["question"] for g in report["unanswered"]]
    unanswered = report["totals"]["hedged"] + report["totals"]["not_found"]
    assert sum(g["asked"] for g in report["unanswered"]) == unanswered
    assert {e["channel"] for e in report["recent"]} == {"cli"}

    table = cli(data, "report")
    assert table.returncode == 0, table.stderr
    assert "3 asked" in table.stdout and "not found" in table.stdout
    assert "unladen swallow" in table.stdout
    assert "Most asked" in table.stdout


def test_report_without_an_index_is_a_clear_error(tmp_path: Path):
    done = cli(tmp_path / "nothing-here", "report")
    assert done.returncode == 1
    assert "No index at" in done.stderr
