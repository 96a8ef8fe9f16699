"""Ingest one uploaded file, for the job worker.

The document is stored under its sanitised file name as the source ("handbook.pdf"), not
the staging path, so uploading the same name again finds it: same content is "unchanged",
changed content replaces the old version in one transaction (the store's duplicate
policy). The per-file steps are the pipeline's own (load, chunk, embed, store); only the
source name differs from `pocketrag ingest`, which names documents by their path. The staged
file has a generated name (api/uploads.py), so where a loader falls back on the file's name
(the title of a document without one, error messages) the uploaded name is put back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pocketrag.documents import PocketragError


def ingest_upload(
    pipeline: Any, job: Any, on_progress: Callable[..., None]
) -> tuple[str, str | None]:
    """Returns (result, document_id); raises PocketragError with the reason on failure,
    leaving the index unchanged."""
    from pocketrag.ingest import sha256_file
    from pocketrag.loaders import load_document

    source = job.filename
    sha = sha256_file(job.path)
    existing = pipeline.store.find_document(source, job.collection)
    if existing is not None and existing.sha256 == sha:
        return "unchanged", existing.id
    on_progress(stage="reading", done=0, total=2)
    try:
        document = load_document(job.path, pipeline.settings)
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
        document, sha256=sha, collection=job.collection
    )
    return status, document_id
