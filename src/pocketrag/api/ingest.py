"""Ingest one uploaded file, for the job worker.

The document is stored under its sanitised file name as the source ("handbook.pdf"), not
the staging path, so uploading the same file again finds it ("unchanged"). A different file
under a name the collection already holds (two departments' "policy.pdf") never silently
replaces it: it is kept beside as "policy (2).pdf", unless the upload asked to replace
(`replace=true`), which swaps the old version out in one transaction (the store's
duplicate policy). The per-file steps are the pipeline's own (load, chunk, embed, store);
only the source name differs from `pocketrag ingest`, which names documents by their path.
The staged file has a generated name (api/uploads.py), so where a loader falls back on the
file's name (the title of a document without one, error messages) the uploaded name is put
back.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pocketrag.documents import DocumentInfo, PocketragError

MAX_SAME_NAME = 999  # "policy (2).pdf" ... "policy (999).pdf"


def stored_name(
    store: Any, filename: str, collection: str, sha256: str, replace: bool
) -> tuple[str, DocumentInfo | None]:
    """(name to store the upload under, the document already stored under it, if any).

    The file's own name when it is free, holds this very content, or `replace` was asked;
    else the first "stem (n).ext" that is free or already holds this content, so uploading
    the second "policy.pdf" twice stays one document.
    """
    existing = store.find_document(filename, collection)
    if existing is None or existing.sha256 == sha256 or replace:
        return filename, existing
    stem, suffix = os.path.splitext(filename)
    for n in range(2, MAX_SAME_NAME + 1):
        candidate = f"{stem} ({n}){suffix}"
        other = store.find_document(candidate, collection)
        if other is None or other.sha256 == sha256:
            return candidate, other
    raise PocketragError(
        f"{filename}: {MAX_SAME_NAME} different files of this name are already in "
        f"{collection!r}; rename the file or upload it with replace=true."
    )


def ingest_upload(
    pipeline: Any, job: Any, on_progress: Callable[..., None]
) -> tuple[str, str | None]:
    """Returns (result, document_id); raises PocketragError with the reason on failure,
    leaving the index unchanged."""
    from pocketrag.ingest import sha256_file

    sha = sha256_file(job.path)
    source, existing = stored_name(pipeline.store, job.filename, job.collection, sha, job.replace)
    job.source = source
    if existing is not None and existing.sha256 == sha:
        return "unchanged", existing.id
    on_progress(stage="reading", done=0, total=2)
    try:
        document, chunks = pipeline.parse(job.path)  # in the bounded parse worker
    except PocketragError as exc:  # name the file as the user knows it, not the staging path
        message = str(exc).replace(str(job.path), source).replace(job.path.name, source)
        raise type(exc)(message if source in message else f"{source}: {message}") from exc
    except OSError as exc:
        raise PocketragError(f"{source}: cannot read the file: {exc.strerror or exc}") from exc
    document.source = source
    if document.title == job.path.stem:
        document.title = Path(source).stem
    on_progress(stage="indexing", done=1, total=2)
    status, document_id, _chunks = pipeline.ingestor.add_document(
        document, sha256=sha, collection=job.collection, chunks=chunks
    )
    return status, document_id
