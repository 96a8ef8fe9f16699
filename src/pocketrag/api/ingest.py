"""Ingest one uploaded file, for the job worker.

The document is stored under its sanitised file name as the source ("handbook.pdf"), not
the staging path, so uploading the same name again finds it: same content is "unchanged",
changed content replaces the old version in one transaction (the store's duplicate
policy). The per-file steps are the pipeline's own (load, chunk, embed, store); only the
source name differs from `pocketrag ingest`, which names documents by their path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pocketrag.documents import PocketragError


def ingest_upload(
    pipeline: Any, job: Any, on_progress: Callable[..., None]
) -> tuple[str, str | None]:
    """Returns (result, document_id); raises PocketragError with the reason on failure,
    leaving the index unchanged."""
    from pocketrag.ingest import sha256_file

    source = job.filename
    sha = sha256_file(job.path)
    existing = pipeline.store.find_document(source, job.collection)
    if existing is not None and existing.sha256 == sha:
        return "unchanged", existing.id
    on_progress(stage="reading", done=0, total=2)
    try:
        document, chunks = pipeline.parse(job.path)  # in the bounded parse worker
    except PocketragError as exc:  # name the file as the user knows it, not the staging path
        message = str(exc).replace(str(job.path), source)
        raise type(exc)(message if source in message else f"{source}: {message}") from exc
    except OSError as exc:
        raise PocketragError(f"{source}: cannot read the file: {exc.strerror or exc}") from exc
    document.source = source
    on_progress(stage="indexing", done=1, total=2)
    status, document_id, _chunks = pipeline.ingestor.add_document(
        document, sha256=sha, collection=job.collection, chunks=chunks
    )
    return status, document_id
