"""Documents and upload jobs: upload (background ingest), list, get, delete, job status."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse

from pocketrag.api.errors import ApiError
from pocketrag.api.jobs import Job
from pocketrag.api.schemas import DocumentOut, JobOut
from pocketrag.api.security import require_admin, require_query_access
from pocketrag.api.uploads import receive_upload
from pocketrag.schemas import document_json

router = APIRouter(prefix="/v1", tags=["documents"])
MAX_PENDING_JOBS = 20  # queued uploads sit on disk; bound them
_COLLECTION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


@router.post(
    "/documents",
    status_code=202,
    dependencies=[Depends(require_admin)],
    summary="Upload a document (multipart 'file', optional 'collection' and 'replace'); "
    "ingested in the background",
    response_model=JobOut,
)
async def upload_document(
    request: Request,
    replace: str | None = Query(
        default=None,
        description="true: replace the document of the same name in the collection. "
        "Otherwise a different file of the same name is kept beside it as 'name (2).ext'. "
        "Also accepted as a form field.",
    ),
) -> JSONResponse:
    """Returns 202 with the job; poll `GET /v1/jobs/{id}` (Location header) for progress."""
    service = request.app.state.service
    service.rate.check(request.client.host if request.client else "unknown")
    service.memory.check()
    if service.jobs.pending() >= MAX_PENDING_JOBS:
        raise ApiError(
            503,
            f"{MAX_PENDING_JOBS} uploads are already waiting to be ingested; "
            "try again when they are done.",
            "busy",
            {"Retry-After": "30"},
        )
    job_id, job_dir = service.jobs.new_job_dir()
    max_bytes = int(service.settings.max_upload_mb * 1024 * 1024)
    try:
        upload = await receive_upload(request, job_dir, max_bytes)
        collection = upload.fields.get("collection") or "default"
        if not _COLLECTION.match(collection):
            raise ApiError(
                400, "The collection name may use letters, digits, '.', '_' and '-' only."
            )
        replace_it = _flag("replace", replace or upload.fields.get("replace"))
    except BaseException:
        shutil.rmtree(job_dir, ignore_errors=True)
        raise
    job = service.jobs.submit(
        Job(
            id=job_id,
            filename=upload.filename,
            collection=collection,
            size_bytes=upload.size,
            path=upload.path,
            replace=replace_it,
        )
    )
    return JSONResponse(job.to_json(), status_code=202, headers={"Location": f"/v1/jobs/{job.id}"})


def _flag(name: str, value: str | None) -> bool:
    text = (value or "").strip().lower()
    if text in ("", "0", "false", "no", "off"):
        return False
    if text in ("1", "true", "yes", "on"):
        return True
    raise ApiError(400, f"{name} must be true or false, not {(value or '')[:20]!r}.")


@router.get(
    "/documents",
    response_model=list[DocumentOut],
    dependencies=[Depends(require_query_access)],
    summary="List stored documents",
)
async def list_documents(
    request: Request, collection: str | None = Query(default=None, max_length=100)
) -> list[dict[str, Any]]:
    pipeline = request.app.state.service.ready_pipeline()
    infos = await run_in_threadpool(pipeline.list_documents, collection)
    return [document_json(info) for info in infos]


@router.get(
    "/documents/{document_id}",
    response_model=DocumentOut,
    dependencies=[Depends(require_query_access)],
    summary="One stored document",
)
async def get_document(document_id: str, request: Request) -> dict[str, Any]:
    pipeline = request.app.state.service.ready_pipeline()
    info = await run_in_threadpool(pipeline.get_document, document_id)
    if info is None:
        raise ApiError(404, f"No document with id {document_id!r}.", "document_not_found")
    return document_json(info)


@router.delete(
    "/documents/{document_id}",
    dependencies=[Depends(require_admin)],
    summary="Delete a document and its chunks",
)
async def delete_document(document_id: str, request: Request) -> dict[str, Any]:
    pipeline = request.app.state.service.ready_pipeline()
    info = await run_in_threadpool(pipeline.get_document, document_id)
    if info is None:
        raise ApiError(404, f"No document with id {document_id!r}.", "document_not_found")
    deleted = await run_in_threadpool(pipeline.delete_document, info.id)
    await run_in_threadpool(_forget_original, request.app.state.service, pipeline, info)
    return {"deleted": deleted, "id": info.id, "source": info.source}


# Inline only where the browser's viewer is safe and useful (PDF: #page=N); other formats
# download. `sandbox` keeps an uploaded HTML file from running script on this origin.
_INLINE = {".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8"}
_INLINE[".md"] = _INLINE[".markdown"] = _INLINE[".txt"]


@router.get(
    "/documents/{document_id}/file",
    dependencies=[Depends(require_query_access)],
    summary="The original file of a document (PDFs open in the browser; add #page=N)",
    response_class=FileResponse,
    responses={404: {"description": "No such document, or its original was not kept"}},
)
async def get_document_file(document_id: str, request: Request) -> FileResponse:
    service = request.app.state.service
    pipeline = service.ready_pipeline()
    info = await run_in_threadpool(pipeline.get_document, document_id)
    if info is None:
        raise ApiError(404, f"No document with id {document_id!r}.", "document_not_found")
    path = await run_in_threadpool(service.originals.find, info.sha256, info.source)
    if path is None:
        raise ApiError(
            404,
            f"The original of {info.source} was not kept (it was ingested without "
            "--keep-originals, or before originals were kept).",
            "original_not_kept",
        )
    name = Path(info.source.replace("\\", "/")).name
    suffix = Path(name).suffix.lower()
    headers = {"Cache-Control": "private, max-age=300"}
    if suffix != ".pdf":  # Chrome's PDF viewer refuses to run in a sandboxed document
        headers["Content-Security-Policy"] = "sandbox"
    return FileResponse(
        path,
        media_type=_INLINE.get(suffix, "application/octet-stream"),
        filename=name,
        content_disposition_type="inline" if suffix in _INLINE else "attachment",
        headers=headers,
    )


def _forget_original(service: Any, pipeline: Any, info: Any) -> None:
    """Remove a deleted document's original unless another document has the same bytes."""
    if not any(other.sha256 == info.sha256 for other in pipeline.list_documents(None)):
        service.originals.forget(info.sha256, info.source)


@router.get(
    "/jobs/{job_id}",
    response_model=JobOut,
    dependencies=[Depends(require_query_access)],
    summary="An upload job's state and progress",
)
async def get_job(job_id: str, request: Request) -> dict[str, Any]:
    job = request.app.state.service.jobs.get(job_id)
    if job is None:
        raise ApiError(
            404,
            f"No job {job_id!r} (jobs are kept in memory until the server restarts).",
            "job_not_found",
        )
    return job.to_json()


@router.get(
    "/jobs",
    response_model=list[JobOut],
    dependencies=[Depends(require_query_access)],
    summary="Recent upload jobs, newest first",
)
async def list_jobs(request: Request) -> list[dict[str, Any]]:
    return [job.to_json() for job in request.app.state.service.jobs.recent()]
