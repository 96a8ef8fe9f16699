"""Copying one index into another store (`pocketrag migrate`, through Pipeline.copy_to).

Documents, chunks and vectors are copied as they are, so nothing is re-embedded (no model
is loaded); so is the questions log (pocketrag.questions), entry by entry. Each document is
one transaction on the target and keeps its id and timestamps, so citations and links stay
valid. Re-running is safe: a document whose content hash and chunk count the target
already holds is skipped without reading it from the source, a changed one is replaced.
Into an empty target that can defer its indexes (PostgreSQL's `bulk_load`), the HNSW and
GIN indexes are built once at the end instead of growing with every insert (several times
faster; docs/SCALING.md).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from pocketrag.documents import DocumentInfo
from pocketrag.store.base import ExportedDocument, Store

# (documents done, documents in all, the document just copied or skipped)
CopyProgress = Callable[[int, int, DocumentInfo], None]


def copy_index(
    source: Store,
    target: Store,
    *,
    collection: str | None = None,
    on_progress: CopyProgress | None = None,
) -> dict[str, Any]:
    """Copy every document of `source` (of one collection, or all), its meta facts and (for
    a whole copy) its questions log into `target`. Returns counts: added, updated,
    unchanged, chunks, questions, documents, seconds, index_build_seconds."""
    started = time.perf_counter()
    documents: list[DocumentInfo] = source.list_documents(collection)
    counts = {"added": 0, "updated": 0, "unchanged": 0, "chunks": 0}

    def copy_all() -> None:
        for done, info in enumerate(documents, 1):
            existing = target.find_document(info.source, info.collection)
            if existing and (existing.sha256, existing.chunk_count) == (
                info.sha256,
                info.chunk_count,
            ):
                counts["unchanged"] += 1
            else:
                chunks, vectors = source.document_chunks(info.id)
                exported = ExportedDocument(info, chunks, vectors)
                target.add_document(
                    exported.as_document(),
                    chunks,
                    vectors,
                    sha256=info.sha256,
                    collection=info.collection,
                    document_id=info.id,
                    timestamps=(info.created_at, info.updated_at),
                )
                counts["updated" if existing else "added"] += 1
                counts["chunks"] += len(chunks)
            if on_progress:
                on_progress(done, len(documents), info)

    bulk_load = getattr(target, "bulk_load", None)  # PostgreSQL's; SQLite has no HNSW
    bulk = bulk_load is not None and documents and target.counts()["documents"] == 0
    index_seconds = 0.0
    if bulk:
        with bulk_load():  # type: ignore[misc]  # builds the indexes on leaving
            copy_all()
            index_started = time.perf_counter()
        index_seconds = time.perf_counter() - index_started
    else:
        copy_all()
    for key, value in source.meta_items().items():
        target.set_meta(key, value)
    # The questions log goes along whole (a collection's copy leaves it: it spans them).
    questions = 0
    if collection is None:
        questions = sum(target.import_questions(rows) for rows in source.export_questions())
    return {
        **counts,
        "questions": questions,
        "documents": len(documents),
        "seconds": round(time.perf_counter() - started, 2),
        "index_build_seconds": round(index_seconds, 2),
    }
