"""Protections that keep one small process answering under load.

- AskLimiter: at most N asks/searches run at once, a short queue waits, the rest get 503
  with Retry-After (better a fast "busy" than a 60 s hang and an OOM kill).
- RateLimiter: a token bucket per client address.
- MemoryGuard: above the soft limit, new asks get 503 while the process frees what it can.
- BodyLimitMiddleware: request bodies are bounded by Content-Length up front and by
  counting bytes as they stream in, so an endless chunked body is cut off too.
"""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pocketrag.api.errors import ApiError, error_body
from pocketrag.heap import release_memory, trim_memory
from pocketrag.observability import (
    ASKS_IN_FLIGHT,
    ASKS_WAITING,
    REJECTED,
    memory_mb,
)


class AskLimiter:
    """Bounded concurrency with a bounded wait queue (asyncio; one event loop)."""

    def __init__(self, concurrent: int, queue: int, timeout_s: float) -> None:
        self.concurrent = concurrent
        self.queue = queue
        self.timeout_s = timeout_s
        self._semaphore = asyncio.Semaphore(concurrent)
        self.running = 0
        self.waiting = 0

    async def acquire(self) -> Callable[[], None]:
        """Wait for a slot; returns an idempotent release function."""
        # Count, rather than ask the semaphore: a waiter already woken but not yet resumed
        # still shows as waiting there, which would refuse a request with room left.
        if self.running + self.waiting >= self.concurrent + self.queue:
            REJECTED.labels("queue_full").inc()
            raise ApiError(
                503,
                f"The server is busy ({self.running} questions running, {self.waiting} "
                "waiting). Try again in a few seconds.",
                "busy",
                {"Retry-After": "5"},
            )
        self.waiting += 1
        ASKS_WAITING.inc()
        try:
            await asyncio.wait_for(self._semaphore.acquire(), self.timeout_s)
        except asyncio.TimeoutError:
            REJECTED.labels("queue_timeout").inc()
            raise ApiError(
                503,
                f"The server stayed busy for {self.timeout_s:g}s. Try again shortly.",
                "busy",
                {"Retry-After": "10"},
            ) from None
        finally:
            self.waiting -= 1
            ASKS_WAITING.dec()
        self.running += 1
        ASKS_IN_FLIGHT.inc()
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                self.running -= 1
                ASKS_IN_FLIGHT.dec()
                self._semaphore.release()

        return release


class RateLimiter:
    """Token bucket per client: `per_minute` sustained, `burst` at once. 0 disables it."""

    def __init__(self, per_minute: int, burst: int, max_clients: int = 10_000) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, client: str) -> None:
        if self.rate <= 0:
            return
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.pop(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens < 1:
                self._buckets[client] = (tokens, now)
                wait = math.ceil((1 - tokens) / self.rate)
                REJECTED.labels("rate_limit").inc()
                raise ApiError(
                    429,
                    f"Too many requests from {client}: the limit is "
                    f"{round(self.rate * 60)} per minute. Retry in {wait}s.",
                    "rate_limited",
                    {"Retry-After": str(wait)},
                )
            self._buckets[client] = (tokens - 1, now)
            while len(self._buckets) > self.max_clients:  # forget the longest-idle client
                self._buckets.popitem(last=False)


class MemoryGuard:
    """Refuses new asks while RSS is above the soft limit, after trying to free memory."""

    def __init__(
        self, soft_limit_mb: float, relief_interval_s: float = 1.0, trim_interval_s: float = 0.2
    ) -> None:
        self.soft_limit_mb = soft_limit_mb
        self.relief_interval_s = relief_interval_s
        self.trim_interval_s = trim_interval_s
        self._last_relief = 0.0
        self._last_trim = 0.0
        self._trim_lock = threading.Lock()
        self.pressure = False

    def after_work(self) -> None:
        """Called in the worker thread after each ask or search: return freed heap to the
        OS (at most every trim_interval_s; a trim takes about a millisecond)."""
        now = time.monotonic()
        if now - self._last_trim < self.trim_interval_s:
            return
        if self._trim_lock.acquire(blocking=False):
            try:
                self._last_trim = now
                trim_memory()
            finally:
                self._trim_lock.release()

    def check(self) -> None:
        rss = memory_mb()["rss_mb"]
        if rss <= self.soft_limit_mb:
            self.pressure = False
            return
        now = time.monotonic()
        if now - self._last_relief >= self.relief_interval_s:
            self._last_relief = now
            release_memory()
            rss = memory_mb()["rss_mb"]
        self.pressure = rss > self.soft_limit_mb
        if self.pressure:
            REJECTED.labels("memory").inc()
            raise ApiError(
                503,
                f"The server is low on memory ({rss:.0f} MB used, soft limit "
                f"{self.soft_limit_mb:g} MB). Try again in a few seconds.",
                "low_memory",
                {"Retry-After": "5"},
            )


class BodyTooLarge(ApiError):
    def __init__(self, message: str) -> None:
        # Connection: close makes uvicorn drop the connection instead of draining the rest.
        super().__init__(413, message, "payload_too_large", {"Connection": "close"})


def too_large_message(what: str, limit: int) -> str:
    return f"The {what} is larger than the limit of {_human(limit)}."


def _human(n: int) -> str:
    return f"{n / 1024 / 1024:g} MB" if n >= 1024 * 1024 else f"{n / 1024:g} KB"


class BodyLimitMiddleware:
    """Pure ASGI, so it sees the body as it streams (no buffering middleware in between).

    `limit_for(scope)` returns (max bytes, the message naming the bound) for a request.
    Over the Content-Length, a 413 goes out before any of the body is read; a body growing
    past the bound while streaming makes `receive` raise BodyTooLarge (a 413 from the route).
    """

    def __init__(self, app: ASGIApp, limit_for: Callable[[Scope], tuple[int, str]]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, message = self.limit_for(scope)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            REJECTED.labels("too_large").inc()
            await _send_json(send, 413, error_body(413, message))
            return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            event = await receive()
            if event["type"] == "http.request":
                seen += len(event.get("body", b""))
                if seen > limit:
                    REJECTED.labels("too_large").inc()
                    raise BodyTooLarge(message)
            return event

        await self.app(scope, counting_receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _send_json(send: Send, status: int, body: dict) -> None:
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
