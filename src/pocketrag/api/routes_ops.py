"""Operations endpoints: liveness, readiness, metrics, and the chat page itself."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from pocketrag import __version__
from pocketrag.api.security import require_query_access
from pocketrag.observability import BREAKER_STATES, LLM_BREAKER_OPEN, memory_mb

router = APIRouter(tags=["operations"])
STATIC_DIR = Path(__file__).parent / "static"

# The page loads only its own files; no CDN, no inline script.
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
    "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-cache",
}


@router.get("/", include_in_schema=False)
async def index(request: Request) -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", headers=_PAGE_HEADERS)


@router.get("/health", summary="Liveness: the process answers (loads nothing); always open")
async def health(request: Request) -> dict[str, Any]:
    service = request.app.state.service
    return {
        "status": "ok",
        "version": __version__,
        "uptime_s": round(time.monotonic() - service.started, 1),
    }


def _llm_status(service: Any) -> dict[str, Any]:
    """LLM configuration and breaker state (Pipeline's), and the breaker gauge updated."""
    status = service.llm_status()
    if status.get("configured"):
        LLM_BREAKER_OPEN.set(BREAKER_STATES.get(status["breaker"], 0))
    return status


def _readiness(service: Any) -> dict[str, Any]:
    settings = service.settings
    components: dict[str, Any] = {}
    counts: dict[str, int] | None = None
    replicator = service.replicator
    if replicator is not None and not replicator.restored.is_set():
        components["store"] = {"ok": False, "error": "restoring the index from the replica"}
    elif service.pipeline_opened:
        try:
            counts = service.pipeline().counts()
            components["store"] = {"ok": True, "read_only": settings.read_only}
        except Exception as exc:
            components["store"] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    else:
        components["store"] = {"ok": False, "error": "not opened yet"}
    warm = service.warmup
    components["embedder"] = {
        "loaded": warm["state"] == "ready",
        "state": warm["state"],
        "load_seconds": warm["seconds"],
        **({"error": warm["error"]} if warm["error"] else {}),
    }
    components["llm"] = _llm_status(service)
    if service.replicator is not None:  # never part of "ready": asks work without it
        components["replica"] = service.replicator.status()
        components["replica"]["originals_error"] = service.originals.error
    memory = memory_mb()
    ready = components["store"]["ok"] and components["embedder"]["loaded"]
    return {
        "status": "ready" if ready else "starting",
        "ready": ready,
        "version": __version__,
        "uptime_s": round(time.monotonic() - service.started, 1),
        "components": components,
        "memory": {
            "rss_mb": round(memory["rss_mb"], 1),
            "peak_mb": round(memory["peak_mb"], 1),
            "soft_limit_mb": settings.memory_soft_limit_mb,
            "under_pressure": service.memory.pressure,
        },
        "documents": counts["documents"] if counts else None,
        "chunks": counts["chunks"] if counts else None,
        "latency": service.latency.summary_ms(),
        "load": {
            "running": service.limiter.running,
            "waiting": service.limiter.waiting,
            "max_concurrent": service.limiter.concurrent,
            "ingest_jobs_pending": service.jobs.pending(),
        },
    }


# Readiness and metrics show counts, memory and the version: behind the query key when one
# is set. /health stays open for the platform's health check.
_GUARDED = [Depends(require_query_access)]


@router.get(
    "/ready", summary="Readiness: components, memory, counts, latency", dependencies=_GUARDED
)
async def ready(request: Request) -> JSONResponse:
    """200 once the index is open and the model loaded; 503 while still warming up."""
    body = await run_in_threadpool(_readiness, request.app.state.service)
    return JSONResponse(body, status_code=200 if body["ready"] else 503)


@router.get("/metrics", summary="Prometheus metrics", dependencies=_GUARDED)
async def metrics(request: Request) -> Response:
    _llm_status(request.app.state.service)  # refresh the breaker gauge
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
