"""`pocketrag ingest DIR` as a sync: the index follows the folder.

After a folder is ingested, documents of the same collection whose files lay inside it but
are gone now are removed (and reported), so a deleted policy stops being answerable and
citable; `--keep-missing` keeps them. Only documents stored by path are considered: an
upload is stored under its bare file name and never belongs to a folder.

Indexes written before documents were keyed by resolved path hold paths relative to the
folder pocketrag ran in ("docs/leave.md"); those are read relative to the current folder,
and when the same file has just been stored under its full path, the old entry is removed
as a duplicate (with --keep-missing too: the file is still in the index).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pocketrag.ingest import FileResult, IngestReport
from pocketrag.store.base import Store


def stored_path(source: str) -> Path | None:
    """The absolute path of a stored document's file, or None when it has none (an upload's
    bare file name)."""
    if os.path.isabs(source):
        return Path(source)
    if "/" in source or os.sep in source:  # relative, from an older pocketrag
        return Path(source).resolve()
    return None


def sync_folders(
    store: Store,
    report: IngestReport,
    folders: Sequence[Path],
    collection: str,
    *,
    keep_missing: bool = False,
) -> None:
    """Remove the documents under `folders` that this run did not find, adding a "removed"
    entry per document to `report`. Files that exist but were not walked (hidden ones,
    named explicitly before) stay."""
    roots = [Path(folder).resolve() for folder in folders]
    if not roots:
        return
    seen = {result.path for result in report.files}
    for info in store.list_documents(collection):
        path = stored_path(info.source)
        if info.source in seen or path is None:
            continue
        if not any(path.is_relative_to(root) for root in roots):
            continue
        if str(path) in seen:
            reason = f"now stored as {path}"
        elif path.exists() or keep_missing:
            continue
        else:
            reason = "file no longer in the folder"
        store.delete_document(info.id)
        report.files.append(
            FileResult(
                path=info.source,
                status="removed",
                reason=reason,
                document_id=info.id,
                chunks=info.chunk_count,
            )
        )
