"""Ingest one uploaded file through the pipeline, for the job worker.

The staged file is moved to a stable place, <data_dir>/uploads/<collection>/<name>, before
ingest, so the document's source is the same every time that name is uploaded: a second
upload of the same file is "unchanged" and a changed one replaces the old version, exactly
like re-running `pocketrag ingest` on a folder. The copy is removed afterwards (the index
holds the text; keeping originals would double the disk use of a small host).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import Any

from pocketrag.documents import PocketragError


def ingest_upload(
    pipeline: Any, job: Any, on_progress: Callable[..., None]
) -> tuple[str, str | None]:
    """Returns (result, document_id); raises PocketragError with the reason on failure."""
    settings = pipeline.settings
    target_dir = settings.data_dir / "uploads" / job.collection
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / job.filename
    shutil.move(str(job.path), target)
    try:
        report = pipeline.ingest_paths([target], collection=job.collection, on_progress=on_progress)
    finally:
        target.unlink(missing_ok=True)
    return _outcome(report, job.filename)


def _outcome(report: Any, filename: str) -> tuple[str, str | None]:
    files = getattr(report, "files", None) or getattr(report, "results", None) or []
    if not files:
        raise PocketragError(f"{filename}: nothing was ingested.")
    result = files[0]
    status = getattr(result, "status", None) or getattr(result, "result", None)
    if status == "failed":
        reason = getattr(result, "reason", None) or getattr(result, "error", None) or "unknown"
        raise PocketragError(str(reason))
    document_id = getattr(result, "document_id", None)
    return str(status), document_id
