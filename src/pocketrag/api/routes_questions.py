"""The questions log over HTTP (feedback from the page, the admin's report) and what the
chat page needs around a question (collections to pick from, example questions)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool

from pocketrag.api.errors import ApiError
from pocketrag.api.schemas import FeedbackRequest
from pocketrag.api.security import require_admin_key, require_query_access
from pocketrag.suggestions import suggest

router = APIRouter(prefix="/v1", tags=["questions"])


@router.post(
    "/feedback",
    dependencies=[Depends(require_query_access)],
    summary="Thumbs up or down on an answer (by the `log_id` its ask returned)",
)
async def feedback(body: FeedbackRequest, request: Request) -> dict[str, Any]:
    """A second rating of the same answer replaces the first."""
    service = request.app.state.service
    service.rate.check(request.client.host if request.client else "unknown")
    log = service.questions
    if not log.enabled:
        raise ApiError(
            409, "The questions log is off (POCKETRAG_QUESTION_LOG=off).", "question_log_off"
        )
    service.ready_pipeline()  # a broken index: a clear 503
    if not await run_in_threadpool(log.writable):
        raise ApiError(409, "The index is read-only: feedback cannot be recorded.", "read_only")
    rating = 1 if body.rating == "up" else -1
    if not await run_in_threadpool(log.feedback, body.log_id, rating):
        raise ApiError(404, f"No questions-log entry {body.log_id!r}.", "log_entry_not_found")
    return {"log_id": body.log_id, "rating": body.rating}


@router.get(
    "/admin/questions",
    dependencies=[Depends(require_admin_key)],
    summary="The questions log's report: most asked, unanswered, negative feedback (admin)",
)
async def questions_report(
    request: Request,
    days: float = Query(default=30, gt=0, le=3650, description="The period, in days."),
    limit: int = Query(default=20, ge=1, le=200, description="Rows per list."),
) -> dict[str, Any]:
    service = request.app.state.service
    log = service.questions
    service.ready_pipeline()
    report = await run_in_threadpool(log.report, days, limit)
    return {
        "recording": log.enabled and await run_in_threadpool(log.writable),
        "enabled": log.enabled,
        "retention_days": log.retention_days,
        "days": days,
        **report.to_json(),
    }


@router.get(
    "/collections",
    dependencies=[Depends(require_query_access)],
    summary="The index's collections and how many documents each holds",
)
async def collections(request: Request) -> list[dict[str, Any]]:
    pipeline = request.app.state.service.ready_pipeline()
    infos = await run_in_threadpool(pipeline.list_documents)
    counts = Counter(info.collection for info in infos)
    return [{"name": name, "documents": n} for name, n in sorted(counts.items())]


@router.get(
    "/suggestions",
    dependencies=[Depends(require_query_access)],
    summary="A few example questions made from the index's own section headings",
)
async def suggestions(
    request: Request,
    collection: str | None = Query(default=None, max_length=100),
    n: int = Query(default=4, ge=1, le=12),
) -> dict[str, Any]:
    pipeline = request.app.state.service.ready_pipeline()
    headings = await run_in_threadpool(pipeline.section_headings, collection)
    return {"questions": suggest(headings, n)}
