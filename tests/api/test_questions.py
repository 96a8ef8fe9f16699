"""The questions log over HTTP on a real server and a real index: every ask recorded
(JSON, streamed, OpenAI-compatible), feedback, the admin report behind the API key, the
setting that turns it off, and the page's helpers (collections, example questions)."""

from __future__ import annotations

import logging
import subprocess
import sys

import apsw
import httpx
import pytest
from test_query import sse_events

from live_server import wait_ready

QUESTION = "How many days of annual leave do I get?"
OFF_TOPIC = "What is the airspeed velocity of an unladen swallow on Jupiter?"
ADMIN = {"Authorization": "Bearer adm1n"}

pytestmark = pytest.mark.slow


def ask(url: str, question: str, **extra) -> dict:
    response = httpx.post(f"{url}/v1/ask", json={"question": question, **extra}, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def test_every_ask_is_logged_with_feedback_and_reported_to_the_admin(serve, index_copy):
    live = serve(data_dir=index_copy, api_key="adm1n")
    wait_ready(live.url)

    answered = ask(live.url, QUESTION)
    assert answered["outcome"] == "answered" and answered["log_id"]
    refused = ask(live.url, OFF_TOPIC)
    assert refused["outcome"] == "not_found" and refused["log_id"]
    with httpx.stream(
        "POST", f"{live.url}/v1/ask", json={"question": QUESTION.lower(), "stream": True}
    ) as response:
        response.read()
    done = next(data for name, data in sse_events(response) if name == "done")
    assert done["log_id"] and done["log_id"] != answered["log_id"]
    chat = httpx.post(
        f"{live.url}/v1/chat/completions",
        json={"messages": [{"role": "user", "content": "What is the mileage rate?"}]},
        timeout=60,
    ).json()
    assert chat["pocketrag"]["log_id"]

    down = {"log_id": refused["log_id"], "rating": "down"}
    assert httpx.post(f"{live.url}/v1/feedback", json=down).status_code == 200
    up = {"log_id": answered["log_id"], "rating": "up"}
    assert httpx.post(f"{live.url}/v1/feedback", json=up).status_code == 200
    unknown = httpx.post(f"{live.url}/v1/feedback", json={"log_id": "nope", "rating": "up"})
    assert unknown.status_code == 404
    bad = httpx.post(f"{live.url}/v1/feedback", json={"log_id": "x", "rating": "meh"})
    assert bad.status_code == 422

    assert httpx.get(f"{live.url}/v1/admin/questions").status_code == 401
    wrong = httpx.get(f"{live.url}/v1/admin/questions", headers={"Authorization": "Bearer x"})
    assert wrong.status_code == 403
    response = httpx.get(f"{live.url}/v1/admin/questions", headers=ADMIN)
    assert response.status_code == 200
    report = response.json()
    assert report["recording"] is True
    assert report["totals"]["asked"] == 4
    assert report["totals"]["thumbs_up"] == 1 and report["totals"]["thumbs_down"] == 1
    top = report["most_asked"][0]
    assert top["question"].lower() == QUESTION.lower() and top["asked"] == 2
    assert [g["question"] for g in report["unanswered"]] == [OFF_TOPIC]
    assert [e["question"] for e in report["negative_feedback"]] == [OFF_TOPIC]
    channels = sorted(e["channel"] for e in report["recent"])
    assert channels == ["api", "api", "openai", "stream"]
    cited = next(e for e in report["recent"] if e["id"] == answered["log_id"])
    assert any("annual-leave" in s["source"] for s in cited["sources"])
    assert cited["latency_ms"] > 0


def test_log_off_records_nothing_and_read_only_servers_do_not_write(serve, index_copy):
    off = serve(data_dir=index_copy, question_log=False)
    wait_ready(off.url)
    assert ask(off.url, QUESTION)["log_id"] is None
    feedback = httpx.post(f"{off.url}/v1/feedback", json={"log_id": "x", "rating": "up"})
    assert feedback.status_code == 409
    report = httpx.get(f"{off.url}/v1/admin/questions").json()  # loopback, no key set
    assert report["recording"] is False and report["totals"]["asked"] == 0
    off.stop()

    read_only = serve(data_dir=index_copy, read_only=True)
    wait_ready(read_only.url)
    assert ask(read_only.url, QUESTION)["log_id"] is None
    report = httpx.get(f"{read_only.url}/v1/admin/questions").json()
    assert report["recording"] is False and report["totals"]["asked"] == 0


def test_question_text_stays_out_of_the_process_log(serve, index_copy, caplog):
    live = serve(data_dir=index_copy)
    wait_ready(live.url)
    with caplog.at_level(logging.DEBUG):
        ask(live.url, "Which colour is the quokka on the staff badge?")
    assert caplog.records  # the answerer did log the ask ...
    assert "quokka" not in caplog.text  # ... but not what was asked
    live.stop()

    told = serve(data_dir=index_copy, log_question_text=True)
    wait_ready(told.url)
    with caplog.at_level(logging.DEBUG):
        ask(told.url, "Which colour is the quokka on the staff badge?")
    assert "quokka" in caplog.text


def test_collections_and_example_questions_from_the_index(serve, index_copy, tmp_path):
    note = tmp_path / "vpn.md"
    note.write_text("# VPN guide\n\n## Connecting from home\n\nOpen the VPN app and sign in.\n")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pocketrag",
            "--data-dir",
            str(index_copy),
            "ingest",
            str(note),
            "--collection",
            "it",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    live = serve(data_dir=index_copy, read_only=True)
    wait_ready(live.url)

    collections = httpx.get(f"{live.url}/v1/collections").json()
    assert [c["name"] for c in collections] == ["default", "it"]
    assert collections[1]["documents"] == 1

    conn = apsw.Connection(str(index_copy / "index.sqlite3"), flags=apsw.SQLITE_OPEN_READONLY)
    headings = [r[0].split(" > ")[-1].lower() for r in conn.execute("SELECT heading FROM chunks")]
    questions = httpx.get(f"{live.url}/v1/suggestions").json()["questions"]
    assert 2 <= len(questions) <= 4
    for question in questions:
        assert question.startswith("What does the ") and question.endswith("?")
        assert " | " not in question  # titles without their site suffix
        topic = question.split(" say about ", 1)[1].rstrip("?").lower()
        assert any(h.endswith(topic) for h in headings), question
    assert len({q.split(" say about ")[0] for q in questions}) == len(questions)  # spread out

    it_only = httpx.get(f"{live.url}/v1/suggestions", params={"collection": "it"}).json()
    assert it_only["questions"] == ["What does the VPN guide say about connecting from home?"]
    answer = ask(live.url, questions[0])
    assert answer["outcome"] != "not_found", (questions[0], answer["answer"])
