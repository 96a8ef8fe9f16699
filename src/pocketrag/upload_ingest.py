"""Ingest one uploaded file (the API's upload jobs call it through Pipeline.ingest_upload).

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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pocketrag.documents import DocumentInfo, PocketragError
from pocketrag.ingest import sha256_file

if TYPE_CHECKING:
    from pocketrag.pipeline import Pipeline

MAX_SAME_NAME = 999  # "policy (2).pdf" ... "policy (999).pdf"


@dataclass(frozen=True)
class UploadResult:
    status: str  # "added" | "updated" | "unchanged"
    document_id: str
    source: str  # the name it is stored under
    sha256: str


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
    pipeline: Pipeline,
    path: Path,
    filename: str,
    *,
    collection: str,
    replace: bool,
    on_progress: Callable[..., None],
    on_named: Callable[[str], None] | None = None,
) -> UploadResult:
    """Raises PocketragError with the reason on failure, leaving the index unchanged.
    `on_named(source)` is called as soon as the name to store it under is known."""
    sha = sha256_file(path)
    source, existing = stored_name(pipeline.store, filename, collection, sha, replace)
    if on_named is not None:
        on_named(source)
    if existing is not None and existing.sha256 == sha:
        return UploadResult("unchanged", existing.id, source, sha)
    on_progress(stage="reading", done=0, total=2)
    try:
        document, chunks = pipeline.parse(path)  # in the bounded parse worker
    except PocketragError as exc:  # name the file as the user knows it, not the staging path
        message = str(exc).replace(str(path), source).replace(path.name, source)
        raise type(exc)(message if source in message else f"{source}: {message}") from exc
    except OSError as exc:
        raise PocketragError(f"{source}: cannot read the file: {exc.strerror or exc}") from exc
    document.source = source
    if document.title == path.stem:
        document.title = Path(source).stem
    on_progress(stage="indexing", done=1, total=2)
    status, document_id, _chunks = pipeline.ingestor.add_document(
        document, sha256=sha, collection=collection, chunks=chunks
    )
    return UploadResult(status, document_id, source, sha)
