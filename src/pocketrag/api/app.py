"""The FastAPI app factory: `create_app(settings)`; one uvicorn process serves it.

Heavy parts (the embedding model, the index) are opened lazily through one Pipeline, and a
background thread warms them up right after start, so /health answers within a second of
launch while the first question still finds the model loaded.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from fastapi import Depends, FastAPI
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pocketrag import __version__
from pocketrag.api import routes_documents, routes_ops, routes_query, routes_questions
from pocketrag.api.docs_page import install_docs
from pocketrag.api.edge_errors import JsonCORSMiddleware
from pocketrag.api.errors import install_error_handlers
from pocketrag.api.jobs import JobManager
from pocketrag.api.limits import (
    AskLimiter,
    BodyLimitMiddleware,
    MemoryGuard,
    RateLimiter,
    too_large_message,
)
from pocketrag.api.routes_ops import STATIC_DIR
from pocketrag.api.security import require_query_access
from pocketrag.api.site_guard import HostCheckMiddleware, split_list
from pocketrag.config import Settings, load_settings
from pocketrag.heap import release_memory
from pocketrag.observability import (
    HTTP_LATENCY,
    HTTP_REQUESTS,
    LatencyWindow,
    instrument_llm_breaker,
)
from pocketrag.originals import Originals
from pocketrag.replication import Replicator, wait_for_index

if TYPE_CHECKING:
    from pocketrag.pipeline import Pipeline
    from pocketrag.questions import QuestionLog

log = logging.getLogger("pocketrag.api")
_UNTIMED = {
    "/health",
    "/ready",
    "/metrics",
    "/",
    "/static",
    "/docs",
    "/docs-assets",
    "/openapi.json",
}
# Methods that get their own label in /metrics; anything else a client invents is "other",
# so junk method names cannot add series (and memory) without bound.
_METRIC_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
_MULTIPART_SLACK = 64 * 1024  # boundaries and part headers around the file
WARM_UP_DELAY_S = 0.3
# Padded tokens per embedding batch when serving, unless POCKETRAG_EMBED_BATCH_TOKENS says
# otherwise. ONNX Runtime's arena keeps the largest batch it ever ran: ingest's default
# (8 x 160 tokens) grew the serving process by ~20 MB more than this for no gain in ask
# latency (docs/BENCHMARKS.md, "Serving").
SERVE_BATCH_TOKENS = 160


class Service:
    """Everything the routes share: settings, the lazily opened pipeline, protections."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.started = time.monotonic()
        self._pipeline: Pipeline | None = None
        self._pipeline_lock = threading.Lock()
        self._llm_instrumented = False
        self.warmup: dict[str, Any] = {"state": "idle", "seconds": None, "error": None}
        self.limiter = AskLimiter(
            settings.max_concurrent_asks, settings.ask_queue_size, settings.ask_queue_timeout_s
        )
        self.rate = RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst)
        self.memory = MemoryGuard(settings.memory_soft_limit_mb)
        self.latency = LatencyWindow()
        self.jobs = JobManager(settings.data_dir / "uploads" / ".incoming", self._ingest_job)
        # POCKETRAG_REPLICA_URL: restore + Litestream (replication/), originals in the bucket
        self.originals = Originals.from_settings(settings, in_process=False)  # pocketrag.bucket
        bucket = self.originals.bucket
        self.replicator = Replicator.from_settings(settings, bucket.probe if bucket else None)

    @property
    def pipeline_opened(self) -> bool:
        return self._pipeline is not None

    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            with self._pipeline_lock:
                if self._pipeline is None:
                    from pocketrag.pipeline import Pipeline  # heavy imports: after start

                    # opened on first use, after a missing index is restored from the
                    # replica; the store owns its concurrency (store/sqlite/connection.py)
                    self._pipeline = Pipeline(
                        self.settings, before_open=lambda: wait_for_index(self.replicator)
                    )
        return self._pipeline

    @property
    def questions(self) -> QuestionLog:
        return self.pipeline().questions

    def ready_pipeline(self) -> Pipeline:
        """The pipeline with its index open; an index that cannot be opened is a 503
        naming the file and the reason (not an anonymous 500 on every request)."""
        pipeline = self.pipeline()
        try:
            pipeline.open_index()
        except Exception as exc:
            from pocketrag.api.errors import ApiError, index_open_message

            where = (
                "the PostgreSQL database"
                if self.settings.database_url
                else (str(self.settings.sqlite_path))
            )
            raise ApiError(503, index_open_message(where, exc), "index_unavailable") from exc
        return pipeline

    def llm_status(self) -> dict[str, Any]:
        """The LLM's configuration and breaker, without opening the pipeline to look."""
        from pocketrag.pipeline import llm_status

        return llm_status(self.settings, self._pipeline)

    def instrument_llm(self) -> None:
        """Hook the answerer's LLM client into /metrics (calls, failures, breaker)."""
        if self._llm_instrumented:
            return
        self._llm_instrumented = True
        breaker = self.pipeline().llm_breaker()
        if breaker is not None:
            instrument_llm_breaker(breaker)

    def warm_up(self) -> None:
        """Open the index and load the model, then embed once so ORT allocates its arenas
        now rather than during the first user's question."""
        self.warmup["state"] = "loading"
        started = time.perf_counter()
        try:
            self.pipeline().warm_up()
            self.instrument_llm()
            self.warmup.update(state="ready", seconds=round(time.perf_counter() - started, 2))
            release_memory()  # loading reads and frees the model file: give that back
        except Exception as exc:  # reported by /ready; asks will retry the load
            log.exception("warm-up failed")
            self.warmup.update(state="failed", error=f"{type(exc).__name__}: {exc}")

    def _ingest_job(self, job: Any, on_progress: Any) -> tuple[str, str | None]:
        def named(source: str) -> None:
            job.source = source

        result = self.pipeline().ingest_upload(
            job.path,
            job.filename,
            collection=job.collection,
            replace=job.replace,
            on_progress=on_progress,
            on_named=named,
        )
        # kept for download and `pocketrag reindex` (originals.py)
        self.originals.keep(job.path, result.sha256, result.source)
        return result.status, result.document_id

    def start(self) -> None:
        if not self.settings.read_only:
            self.jobs.clean_staging()
        if self.replicator is not None:
            self.replicator.start()
            threading.Thread(
                target=self._sync_originals, name="pocketrag-originals", daemon=True
            ).start()
        if self.settings.warm_up:
            # Started a moment after the lifespan: uvicorn binds its socket right after
            # startup, and the warm-up's imports would otherwise hold the GIL meanwhile.
            timer = threading.Timer(WARM_UP_DELAY_S, self.warm_up)
            timer.name, timer.daemon = "pocketrag-warmup", True
            timer.start()

    def _sync_originals(self) -> None:
        assert self.replicator is not None
        if self.replicator.wait_restored():
            log.info("originals: %s", self.originals.sync(put=not self.settings.read_only))

    def stop(self) -> None:
        self.jobs.stop()
        if self.replicator is not None:
            self.replicator.stop()
        if self._pipeline is not None:
            close = getattr(self._pipeline, "close", None)
            if callable(close):
                close()


class MetricsMiddleware:
    """Counts and times every request by route template and known method (bounded labels:
    raw paths and invented methods fall into "unmatched" and "other"), including streamed
    responses up to their last byte; adds nosniff to every response."""

    def __init__(self, app: ASGIApp, service: Service) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            elapsed = time.perf_counter() - started
            route = scope.get("route")
            label = getattr(route, "path", None) or "unmatched"
            method = scope.get("method", "GET")
            method = method if method in _METRIC_METHODS else "other"
            HTTP_REQUESTS.labels(method, label, str(status)).inc()
            HTTP_LATENCY.labels(method, label).observe(elapsed)
            if label not in _UNTIMED and status < 500:
                self.service.latency.add(elapsed)


def _body_limit(settings: Settings):
    file_limit = int(settings.max_upload_mb * 1024 * 1024)
    upload = (file_limit + _MULTIPART_SLACK, too_large_message("upload", file_limit))
    json_limit = settings.max_request_kb * 1024
    body = (json_limit, too_large_message("request body", json_limit))

    def limit_for(scope: Scope) -> tuple[int, str]:
        if scope.get("method") == "POST" and scope.get("path", "").rstrip("/") == "/v1/documents":
            return upload
        return body

    return limit_for


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or load_settings()
    if settings.embed_batch_tokens is None:
        settings = settings.model_copy(update={"embed_batch_tokens": SERVE_BATCH_TOKENS})
    service = Service(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service.start()
        try:
            yield
        finally:
            service.stop()

    app = FastAPI(
        title="pocketrag",
        version=__version__,
        description="Questions answered from your own documents, with citations. "
        "The chat page is at /.",
        lifespan=lifespan,
        docs_url=None,  # api/docs_page.py serves /docs without a CDN
        openapi_url=None,  # served below, behind the query key when one is set
        redoc_url=None,
    )
    _add_openapi(app)
    app.state.settings = settings
    app.state.service = service
    install_error_handlers(app)
    app.include_router(routes_ops.router)
    app.include_router(routes_query.router)
    app.include_router(routes_documents.router)
    app.include_router(routes_questions.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_docs(app)

    app.add_middleware(BodyLimitMiddleware, limit_for=_body_limit(settings))
    app.add_middleware(HostCheckMiddleware, settings=settings)
    app.add_middleware(MetricsMiddleware, service=service)
    origins = split_list(settings.cors_origins)
    if origins:
        app.add_middleware(
            JsonCORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type"],
            max_age=600,
        )
    return app


def _add_openapi(app: FastAPI) -> None:
    """/openapi.json, like FastAPI's own, but behind POCKETRAG_QUERY_KEY when set (it lists
    every endpoint and the version); /docs is guarded the same way in api/docs_page.py."""

    @app.get("/openapi.json", include_in_schema=False, dependencies=[Depends(require_query_access)])
    async def openapi() -> JSONResponse:
        return JSONResponse(app.openapi())
