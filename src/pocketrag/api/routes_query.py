"""Search, ask (JSON or Server-Sent Events) and the OpenAI-compatible chat endpoint.

Every query passes the same gate: per-client rate limit, (for asks) the memory guard, then
a slot from the bounded ask queue. The pipeline is synchronous (ONNX, SQLite, httpx), so it
runs in worker threads; a streamed answer keeps its slot until the last event is sent.
"""

from __future__ import annotations

import contextlib
import functools
import json
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import anyio
from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

from pocketrag.api.errors import ApiError, error_body
from pocketrag.api.schemas import (
    AskRequest,
    AskResponse,
    ChatCompletionRequest,
    HitOut,
    SearchRequest,
)
from pocketrag.api.security import require_query_access
from pocketrag.api.streaming import (
    answer_json,
    format_sources,
    normalise_event,
)
from pocketrag.observability import ANSWERS
from pocketrag.schemas import hit_json

router = APIRouter(prefix="/v1", tags=["query"], dependencies=[Depends(require_query_access)])
_SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
MODEL_NAME = "pocketrag"


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def _admit(request: Request, text: str, *, ask: bool) -> Callable[[], None]:
    service = request.app.state.service
    limit = service.settings.max_question_chars
    if len(text) > limit:
        raise ApiError(
            413 if len(text) > 4 * limit else 400,
            f"The question is {len(text)} characters long; the limit is {limit}.",
            "question_too_long",
        )
    if not text.strip():
        raise ApiError(400, "The question is empty.", "empty_question")
    service.rate.check(_client(request))
    if ask:
        service.memory.check()
    release = await service.limiter.acquire()
    try:
        await run_in_threadpool(service.ready_pipeline)  # a broken index: 503, not 500
        if ask:
            service.instrument_llm()
    except BaseException:
        release()
        raise
    return release


async def _work(request: Request, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a pipeline call in a worker thread, then let the memory guard trim the heap."""
    memory = request.app.state.service.memory

    def work() -> Any:
        try:
            return fn(*args, **kwargs)
        finally:
            memory.after_work()

    return await run_in_threadpool(work)


@router.post(
    "/search",
    response_model=list[HitOut],
    response_model_exclude_unset=True,  # `also_in` only when there are others, as the CLI
    summary="Hybrid search over the index",
)
async def search(body: SearchRequest, request: Request) -> list[dict[str, Any]]:
    release = await _admit(request, body.query, ask=False)
    try:
        pipeline = request.app.state.service.pipeline()
        hits = await _work(
            request,
            pipeline.search,
            body.query,
            k=body.k,
            mode=body.mode,
            collection=body.collection,
        )
    finally:
        release()
    return [hit_json(hit) for hit in hits]


async def _logged(
    service: Any, question: str, payload: dict[str, Any], *, collection: str | None, channel: str
) -> dict[str, Any]:
    """Record the ask in the questions log (pocketrag.questions); the entry's id goes back
    as `log_id`, for the page's thumbs up/down (null when the log is off or read-only)."""
    payload["log_id"] = await run_in_threadpool(
        functools.partial(
            service.questions.record, question, payload, collection=collection, channel=channel
        )
    )
    return payload


Recorder = Callable[[dict[str, Any]], Any]


def _history(turns: list[Any]) -> tuple[dict[str, str], ...]:
    return tuple({"role": t.role, "content": t.content} for t in turns)


@router.post(
    "/ask",
    response_model=AskResponse,
    summary="Answer a question with citations",
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def ask(body: AskRequest, request: Request) -> Any:
    """With `stream: true` the answer comes as Server-Sent Events: `token` events
    ({"text"}), then one `citations` event ({"citations"}), then `done` (the full ask JSON);
    an `error` event ({"error": {"message"}}) if it fails midway. The ask is recorded in
    the questions log; `log_id` names its entry for `POST /v1/feedback`."""
    release = await _admit(request, body.question, ask=True)
    service = request.app.state.service
    record = functools.partial(_logged, service, body.question, collection=body.collection)
    kwargs = {
        "history": _history(body.history),
        "k": body.k or service.settings.top_k,
        "collection": body.collection,
        "use_llm": body.use_llm,
    }
    if not body.stream:
        try:
            answer = await _work(request, service.pipeline().ask, body.question, **kwargs)
        finally:
            release()
        payload = await record(answer_json(answer), channel="api")
        ANSWERS.labels(_mode_label(payload)).inc()
        return payload
    events = await _start_stream(service, body.question, kwargs, release)
    return StreamingResponse(
        _sse(events, release, functools.partial(record, channel="stream")),
        media_type="text/event-stream",
        headers=_SSE_HEADERS,
        background=BackgroundTask(release),
    )


async def _start_stream(
    service: Any, question: str, kwargs: dict[str, Any], release: Callable[[], None]
) -> Iterator[dict[str, Any]]:
    """Run the stream up to its first event before answering 200, so a question the
    guardrails refuse (or any early failure) is a plain JSON error, not a broken stream."""
    try:
        events = service.pipeline().ask_stream(question, **kwargs)
        first = await anyio.to_thread.run_sync(next, events, None)
    except BaseException:
        release()
        raise
    if first is None:
        release()
        raise ApiError(500, "The answer stream ended before it started.")
    return _prepend(first, events, service.memory.after_work)


def _prepend(
    first: dict[str, Any], events: Iterator[dict[str, Any]], after: Callable[[], None]
) -> Iterator[dict[str, Any]]:
    try:
        yield first
        yield from events
    finally:
        events.close()  # type: ignore[attr-defined]
        after()


def _mode_label(payload: dict[str, Any]) -> str:
    return "refused" if payload.get("refused") else str(payload.get("mode", "unknown"))


async def _events_in_thread(events: Iterator[Any]) -> AsyncIterator[tuple[str, Any]]:
    """Pull a synchronous event generator from a worker thread, one event at a time."""
    done = object()
    try:
        while True:
            event = await anyio.to_thread.run_sync(next, events, done)
            if event is done:
                return
            yield normalise_event(event)
    finally:
        # Not a generator, or still running in a worker thread (client went away).
        with contextlib.suppress(AttributeError, ValueError):
            events.close()  # type: ignore[attr-defined]


def _sse_frame(event: str, data: Any) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode()


async def _sse(
    events: Iterator[Any], release: Callable[[], None], record: Recorder
) -> AsyncIterator[bytes]:
    try:
        async for kind, data in _events_in_thread(events):
            if kind == "done":
                data = await record(data)
                ANSWERS.labels(_mode_label(data)).inc()
            yield _sse_frame(kind, data)
    except Exception as exc:
        message = str(exc) if isinstance(exc, ApiError | ValueError) else _safe_message(exc)
        yield _sse_frame("error", error_body(500, message))
    finally:
        release()


def _safe_message(exc: Exception) -> str:
    from pocketrag.documents import PocketragError

    if isinstance(exc, PocketragError):
        return str(exc)
    return f"The answer failed midway ({type(exc).__name__}); the server log has details."


# --- OpenAI-compatible ------------------------------------------------------------------


def _split_messages(body: ChatCompletionRequest) -> tuple[str, tuple[dict[str, str], ...]]:
    """The last user message is the question; earlier user/assistant turns the history."""
    turns = [(m.role, m.text()) for m in body.messages if m.role in ("user", "assistant")]
    if not turns or turns[-1][0] != "user":
        raise ApiError(400, "The last message must be the user's question.", "no_question")
    history = tuple({"role": r, "content": c} for r, c in turns[:-1] if c.strip())
    return turns[-1][1], history[-40:]


@router.get("/models", summary="OpenAI-compatible model list (one model: pocketrag)")
async def models() -> dict[str, Any]:
    return {
        "object": "list",
        "data": [{"id": MODEL_NAME, "object": "model", "created": 0, "owned_by": "pocketrag"}],
    }


@router.post("/chat/completions", summary="OpenAI-compatible chat completions")
async def chat_completions(body: ChatCompletionRequest, request: Request) -> Any:
    """Any OpenAI client can use pocketrag as a model. The answer's text ends with its
    numbered sources; the structured citations are in the extra `citations` field (on the
    response, or on the last streamed chunk)."""
    question, history = _split_messages(body)
    release = await _admit(request, question, ask=True)
    service = request.app.state.service
    kwargs = {
        "history": history,
        "k": service.settings.top_k,
        "collection": body.collection,
    }
    completion_id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
    created = int(time.time())
    record = functools.partial(
        _logged, service, question, collection=body.collection, channel="openai"
    )
    if not body.stream:
        try:
            answer = await _work(request, service.pipeline().ask, question, **kwargs)
        finally:
            release()
        payload = await record(answer_json(answer))
        ANSWERS.labels(_mode_label(payload)).inc()
        text = payload["answer"] + format_sources(payload["citations"])
        return {
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": MODEL_NAME,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                }
            ],
            "citations": payload["citations"],
            "pocketrag": {k: v for k, v in payload.items() if k != "citations"},
        }
    events = await _start_stream(service, question, kwargs, release)
    return StreamingResponse(
        _chat_chunks(events, release, completion_id, created, record),
        media_type="text/event-stream",
        headers=_SSE_HEADERS,
        background=BackgroundTask(release),
    )


async def _chat_chunks(
    events: Iterator[Any],
    release: Callable[[], None],
    completion_id: str,
    created: int,
    record: Recorder,
) -> AsyncIterator[bytes]:
    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> bytes:
        body = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": MODEL_NAME,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **extra,
        }
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n".encode()

    try:
        yield chunk({"role": "assistant", "content": ""})
        citations: list[dict[str, Any]] = []
        async for kind, data in _events_in_thread(events):
            if kind == "token" and data.get("text"):
                yield chunk({"content": data["text"]})
            elif kind == "citations":
                citations = data.get("citations", [])
            elif kind == "done":
                data = await record(data)
                ANSWERS.labels(_mode_label(data)).inc()
                citations = data.get("citations", citations)
                sources = format_sources(citations)
                if sources:
                    yield chunk({"content": sources})
                extra = {"log_id": data["log_id"]}
                yield chunk({}, "stop", citations=citations, pocketrag=extra)
        yield b"data: [DONE]\n\n"
    except Exception as exc:
        yield f"data: {json.dumps(error_body(500, _safe_message(exc)))}\n\n".encode()
    finally:
        release()
