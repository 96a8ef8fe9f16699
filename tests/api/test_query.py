"""Search, ask (JSON and SSE), the OpenAI-compatible endpoint and the ask protections,
against a real uvicorn server over a real index of the sample handbook."""

from __future__ import annotations

import json
import threading
import time

import httpx
import pytest

from fake_llm import Reply
from live_server import wait_ready

QUESTION = "How many days of annual leave do I get?"
OFF_TOPIC = "What is the airspeed velocity of an unladen swallow on Jupiter?"

pytestmark = pytest.mark.slow


@pytest.fixture
def live(serve, sample_index):
    server = serve(data_dir=sample_index, read_only=True)
    wait_ready(server.url)
    return server


def sse_events(response: httpx.Response) -> list[tuple[str, dict]]:
    events = []
    for frame in response.text.split("\n\n"):
        if not frame.strip():
            continue
        name = next(line[6:].strip() for line in frame.splitlines() if line.startswith("event:"))
        data = "\n".join(
            line[5:].lstrip() for line in frame.splitlines() if line.startswith("data:")
        )
        events.append((name, json.loads(data)))
    return events


def test_search_returns_cli_hit_objects(live):
    response = httpx.post(
        f"{live.url}/v1/search", json={"query": "annual leave entitlement", "k": 3}
    )
    assert response.status_code == 200
    hits = response.json()
    assert 1 <= len(hits) <= 3
    assert set(hits[0]) == {
        "source",
        "title",
        "page_start",
        "page_end",
        "heading",
        "text",
        "score",
        "from_scan",
    }
    assert "annual-leave" in hits[0]["source"]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_search_modes_and_collection_filter(live):
    for mode in ("bm25", "dense", "hybrid"):
        response = httpx.post(f"{live.url}/v1/search", json={"query": "sick pay", "mode": mode})
        assert response.status_code == 200, mode
        assert response.json(), mode
    nothing = httpx.post(f"{live.url}/v1/search", json={"query": "sick pay", "collection": "nope"})
    assert nothing.status_code == 200 and nothing.json() == []


def test_ask_answers_with_citations(live):
    response = httpx.post(f"{live.url}/v1/ask", json={"question": QUESTION}, timeout=60)
    assert response.status_code == 200
    body = response.json()
    assert body["refused"] is False
    assert body["mode"] == "extractive"  # no LLM configured
    assert body["citations"], body
    cited = body["citations"][0]
    assert {"n", "title", "source", "heading", "snippet"} <= set(cited)
    assert any("annual-leave" in c["source"] for c in body["citations"])
    assert f"[{cited['n']}]" in body["answer"]
    assert body["timings_ms"]["total"] > 0


def test_ask_refuses_off_topic(live):
    body = httpx.post(f"{live.url}/v1/ask", json={"question": OFF_TOPIC}, timeout=60).json()
    assert body["refused"] is True
    assert body["citations"] == []


def test_ask_streams_sse_tokens_then_citations_then_done(live):
    with httpx.stream(
        "POST", f"{live.url}/v1/ask", json={"question": QUESTION, "stream": True}, timeout=60
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        response.read()
    events = sse_events(response)
    names = [name for name, _ in events]
    assert names[0] == "token"
    assert names[-2:] == ["citations", "done"]
    assert set(names) <= {"token", "notice", "citations", "done"}
    done = events[-1][1]
    streamed = "".join(data["text"] for name, data in events if name == "token")
    assert streamed.strip() == done["answer"].strip()
    assert events[-2][1]["citations"] == done["citations"]


def test_ask_validation_errors_are_json(live):
    empty = httpx.post(f"{live.url}/v1/ask", json={"question": "   "})
    assert empty.status_code == 400
    assert empty.json()["error"]["message"]
    long = httpx.post(f"{live.url}/v1/ask", json={"question": "why " * 1000, "stream": True})
    assert long.status_code in (400, 413)
    assert "2000" in long.json()["error"]["message"]
    bad_history = httpx.post(
        f"{live.url}/v1/ask", json={"question": "x", "history": [{"role": "robot", "content": "x"}]}
    )
    assert bad_history.status_code == 422


def test_ready_reports_counts_memory_and_latency(live):
    httpx.post(f"{live.url}/v1/search", json={"query": "expenses"})
    body = wait_ready(live.url)
    assert body["documents"] >= 10 and body["chunks"] >= body["documents"]
    assert body["components"]["store"]["ok"] and body["components"]["embedder"]["loaded"]
    assert 0 < body["memory"]["rss_mb"] <= body["memory"]["peak_mb"]
    assert body["latency"]["count"] >= 1 and body["latency"]["p95_ms"] > 0


def test_metrics_count_answers_and_routes(live):
    httpx.post(f"{live.url}/v1/ask", json={"question": QUESTION}, timeout=60)
    text = httpx.get(f"{live.url}/metrics").text
    assert 'route="/v1/ask"' in text
    assert 'pocketrag_answers_total{mode="extractive"}' in text


# --- with a (fake, loopback) LLM provider -----------------------------------------------


@pytest.fixture
def live_llm(serve, sample_index, fake_llm):
    server = serve(
        data_dir=sample_index, read_only=True, llm_base_url=fake_llm.base_url, llm_model="fake"
    )
    wait_ready(server.url)
    return server


def test_llm_answer_streams_token_by_token(live_llm, fake_llm):
    fake_llm.default = Reply("Full-time staff get 25 days of annual leave [1].", token_delay=0.02)
    with httpx.stream(
        "POST", f"{live_llm.url}/v1/ask", json={"question": QUESTION, "stream": True}, timeout=60
    ) as response:
        assert response.status_code == 200
        arrivals = []
        for line in response.iter_lines():
            if line.startswith("event: token"):
                arrivals.append(time.monotonic())
    assert len(arrivals) >= 5  # one event per streamed chunk, not one blob at the end
    assert arrivals[-1] - arrivals[0] > 0.05


def test_openai_client_non_streaming(live_llm, fake_llm):
    from openai import OpenAI

    fake_llm.default = Reply("Full-time staff get 25 days of annual leave [1].")
    client = OpenAI(base_url=f"{live_llm.url}/v1", api_key="unused")
    completion = client.chat.completions.create(
        model="pocketrag",
        messages=[{"role": "system", "content": "ignored"}, {"role": "user", "content": QUESTION}],
    )
    text = completion.choices[0].message.content
    assert "25 days" in text
    assert "Sources:" in text and "[1]" in text
    extra = completion.model_extra["citations"]
    assert extra and extra[0]["n"] == 1
    assert [m.id for m in client.models.list().data] == ["pocketrag"]


def test_openai_client_history_reaches_the_pipeline(live_llm, fake_llm):
    """Earlier turns are the history: a follow-up is condensed with them (the condense
    prompt the fake provider received shows the earlier question)."""
    from openai import OpenAI

    fake_llm.default = Reply("Part-time staff get a pro-rata share [1].")
    client = OpenAI(base_url=f"{live_llm.url}/v1", api_key="unused")
    client.chat.completions.create(
        model="pocketrag",
        messages=[
            {"role": "user", "content": QUESTION},
            {"role": "assistant", "content": "Full-time staff get 25 days [1]."},
            {"role": "user", "content": "And for part-time staff?"},
        ],
    )
    assert any(QUESTION in r.prompt_text for r in fake_llm.requests)


def test_openai_client_streaming(live_llm, fake_llm):
    from openai import OpenAI

    fake_llm.default = Reply("Full-time staff get 25 days of annual leave [1].")
    client = OpenAI(base_url=f"{live_llm.url}/v1", api_key="unused")
    stream = client.chat.completions.create(
        model="pocketrag", messages=[{"role": "user", "content": QUESTION}], stream=True
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert "25 days" in text and "Sources:" in text
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["citations"][0]["n"] == 1
    assert len(chunks) > 5


def test_openai_client_sees_clear_errors(live_llm):
    from openai import BadRequestError, OpenAI

    client = OpenAI(base_url=f"{live_llm.url}/v1", api_key="unused", max_retries=0)
    with pytest.raises(BadRequestError) as caught:
        client.chat.completions.create(
            model="pocketrag", messages=[{"role": "assistant", "content": "no question"}]
        )
    assert "last message" in str(caught.value)


# --- protections ----------------------------------------------------------------------------


def one_slot_server(serve, sample_index, fake_llm):
    """A ready server that runs one ask at a time with no queue, answering through fake_llm."""
    live = serve(
        data_dir=sample_index,
        read_only=True,
        llm_base_url=fake_llm.base_url,
        llm_model="fake",
        max_concurrent_asks=1,
        ask_queue_size=0,
    )
    wait_ready(live.url)
    return live


def test_busy_server_answers_503_with_retry_after(serve, sample_index, fake_llm):
    fake_llm.default = Reply("Slow answer [1].", first_token_delay=3)
    live = one_slot_server(serve, sample_index, fake_llm)
    slow = threading.Thread(
        target=httpx.post,
        args=(f"{live.url}/v1/ask",),
        kwargs={"json": {"question": QUESTION}, "timeout": 60},
    )
    slow.start()
    deadline = time.monotonic() + 10
    while live.service.limiter.running == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    response = httpx.post(f"{live.url}/v1/ask", json={"question": QUESTION})
    slow.join()
    assert response.status_code == 503
    assert int(response.headers["retry-after"]) > 0
    assert "busy" in response.json()["error"]["message"]
    assert httpx.get(f"{live.url}/health").status_code == 200


def test_rate_limit_per_client(serve, sample_index):
    live = serve(data_dir=sample_index, read_only=True, rate_limit_per_minute=6, rate_limit_burst=2)
    codes = [
        httpx.post(f"{live.url}/v1/search", json={"query": "leave", "mode": "bm25"}).status_code
        for _ in range(3)
    ]
    assert codes[:2] == [200, 200]
    assert codes[2] == 429
    limited = httpx.post(f"{live.url}/v1/search", json={"query": "leave", "mode": "bm25"})
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1


def test_memory_watchdog_refuses_asks_above_soft_limit(serve, sample_index):
    live = serve(data_dir=sample_index, read_only=True, memory_soft_limit_mb=1, warm_up=False)
    response = httpx.post(f"{live.url}/v1/ask", json={"question": QUESTION})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "low_memory"
    assert "retry-after" in response.headers
    assert httpx.get(f"{live.url}/health").status_code == 200
    assert 'pocketrag_rejected_total{reason="memory"}' in httpx.get(f"{live.url}/metrics").text


def test_client_leaving_mid_stream_frees_its_slot(serve, sample_index, fake_llm):
    fake_llm.default = Reply("word " * 200 + "[1].", token_delay=0.05)
    live = one_slot_server(serve, sample_index, fake_llm)
    with httpx.stream(
        "POST", f"{live.url}/v1/ask", json={"question": QUESTION, "stream": True}, timeout=60
    ) as response:
        for line in response.iter_lines():
            if line.startswith("event: token"):
                break  # leave after the first token
    deadline = time.monotonic() + 15
    while live.service.limiter.running and time.monotonic() < deadline:
        time.sleep(0.05)
    assert live.service.limiter.running == 0
    fake_llm.default = Reply("Full-time staff get 25 days [1].")
    assert (
        httpx.post(f"{live.url}/v1/ask", json={"question": QUESTION}, timeout=60).status_code == 200
    )


def test_llm_dropping_mid_stream_still_ends_the_stream_cleanly(live_llm, fake_llm):
    from fake_llm import DropMidStream

    fake_llm.script(DropMidStream("Full-time staff get"))
    response = httpx.post(
        f"{live_llm.url}/v1/ask", json={"question": QUESTION, "stream": True}, timeout=60
    )
    assert response.status_code == 200
    events = sse_events(response)
    names = [name for name, _ in events]
    assert names[-1] in ("done", "error")
    if names[-1] == "done":
        assert events[-1][1]["answer"]
    else:
        assert events[-1][1]["error"]["message"]


def _metric(text: str, name: str) -> float:
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith(name + " ") or line.startswith(name + "{")
    )


def test_llm_failures_open_the_breaker_visible_in_ready_and_metrics(serve, sample_index, fake_llm):
    from fake_llm import Status

    live = serve(
        data_dir=sample_index,
        read_only=True,
        llm_base_url=fake_llm.base_url,
        llm_model="fake",
        llm_retries=0,
        llm_breaker_threshold=1,
        llm_breaker_cooldown_s=600,
    )
    wait_ready(live.url)
    before = httpx.get(f"{live.url}/metrics").text
    fake_llm.script(Status(500), Status(500))
    body = httpx.post(f"{live.url}/v1/ask", json={"question": QUESTION}, timeout=60).json()
    assert body["mode"] == "extractive"  # fell back to quoting the documents
    after = httpx.get(f"{live.url}/metrics").text
    assert _metric(after, "pocketrag_llm_failures_total") > _metric(
        before, "pocketrag_llm_failures_total"
    )
    assert _metric(after, "pocketrag_llm_calls_total") > _metric(
        before, "pocketrag_llm_calls_total"
    )
    assert _metric(after, "pocketrag_llm_breaker_state") == 2
    assert httpx.get(f"{live.url}/ready").json()["components"]["llm"]["breaker"] == "open"


def test_concurrent_searches_and_asks_do_not_collide_in_the_index(serve, sample_index):
    """Worker threads share one SQLite connection; overlapping calls must not fail."""
    from concurrent.futures import ThreadPoolExecutor

    live = serve(data_dir=sample_index, read_only=True, max_concurrent_asks=8, ask_queue_size=64)
    wait_ready(live.url)
    queries = ["annual leave", "sick pay", "expenses", "remote work", "travel", "parental leave"]

    def call(i: int) -> int:
        with httpx.Client(base_url=live.url, timeout=60) as client:
            codes = []
            for j in range(12):
                q = queries[(i + j) % len(queries)]
                if j % 4 == 3:
                    r = client.post("/v1/ask", json={"question": f"What about {q}?"})
                else:
                    mode = ("hybrid", "bm25", "dense")[j % 3]
                    r = client.post("/v1/search", json={"query": q, "mode": mode, "k": 10})
                codes.append(r.status_code)
            return max(codes)

    with ThreadPoolExecutor(8) as pool:
        worst = list(pool.map(call, range(8)))
    assert worst == [200] * 8
