"""Copies and rebuilds of the SQLite index: `pocketrag backup`, `restore` and `reindex`.

For people without a bucket, a backup is one consistent file made with SQLite's online
backup API (apsw), page by page, so a server may keep answering (and even writing) while
it runs: copying the file with `cp` can catch a half-checkpointed WAL. Restore runs the same
API the other way, into the index path, and checks the file is a pocketrag index first.

Reindex rebuilds the index from the kept originals (originals.py), e.g. after changing the
embedding model, into a new file that replaces the old one only when every document made
it: a failure leaves the old index untouched.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import apsw

from pocketrag.config import Settings
from pocketrag.documents import DocumentInfo, PocketragError

_PAGES_PER_STEP = 1024  # 4 MB at a time: writers get the lock back between steps


def _open_read_only(path: Path) -> apsw.Connection:
    if not path.is_file():
        raise PocketragError(f"No index at {path}.")
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro"
    return apsw.Connection(uri, flags=apsw.SQLITE_OPEN_READONLY | apsw.SQLITE_OPEN_URI)


def _copy(source: apsw.Connection, dest: apsw.Connection) -> None:
    with dest.backup("main", source, "main") as backup:
        while not backup.done:
            backup.step(_PAGES_PER_STEP)


def _forget_litestream_state(index: Path) -> None:
    """Litestream's local bookkeeping describes the replaced file, not the new one."""
    shutil.rmtree(index.parent / f".{index.name}-litestream", ignore_errors=True)


def _remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def backup_index(index: Path, dest: Path, *, force: bool = False) -> int:
    """Copy `index` to the single file `dest` (no -wal beside it); returns its size."""
    if dest.exists() and not force:
        raise PocketragError(f"{dest} exists; choose another file or pass --force.")
    partial = dest.with_name(dest.name + ".part")
    _remove_with_sidecars(partial)
    source = _open_read_only(index)
    try:
        target = apsw.Connection(str(partial))
        _copy(source, target)
        # One self-contained file: rollback journal instead of WAL in the copy.
        target.execute("PRAGMA journal_mode=DELETE")
        target.close()
    except BaseException:
        _remove_with_sidecars(partial)
        raise
    finally:
        source.close()
    partial.replace(dest)
    return dest.stat().st_size


def check_backup(path: Path) -> int:
    """Refuse files that are not a sound pocketrag index; returns its document count."""
    try:
        conn = _open_read_only(path)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            documents = (
                conn.execute("SELECT count(*) FROM documents").fetchone()[0]
                if "documents" in tables
                else 0
            )
        finally:
            conn.close()
    except apsw.Error as exc:
        raise PocketragError(f"{path} is not a readable SQLite file: {exc}") from exc
    if check != "ok":
        raise PocketragError(f"{path} is damaged (SQLite quick_check: {check}).")
    if not {"schema_version", "documents", "chunks"} <= tables:
        raise PocketragError(f"{path} is an SQLite file but not a pocketrag index.")
    return int(documents)


def restore_index(backup: Path, index: Path, *, force: bool = False) -> int:
    """Replace the index with a backup; returns the restored document count. Stop the
    server first: an open server keeps answering from its old connection."""
    documents = check_backup(backup)
    if index.exists() and not force:
        raise PocketragError(
            f"An index already exists at {index}; pass --force to replace it with {backup}."
        )
    index.parent.mkdir(parents=True, exist_ok=True)
    source = _open_read_only(backup)
    try:
        target = apsw.Connection(str(index))
        target.set_busy_timeout(30_000)
        _copy(source, target)
        target.execute("PRAGMA journal_mode=WAL")  # what the store runs in
        target.close()
    finally:
        source.close()
    _forget_litestream_state(index)
    return documents


@dataclass
class ReindexReport:
    rebuilt: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # no original kept: left out
    failed: dict[str, str] = field(default_factory=dict)


def reindex(
    settings: Settings,
    *,
    drop_missing: bool = False,
    on_progress: Callable[[int, int, str], None] | None = None,
) -> ReindexReport:
    """Rebuild the index from the kept originals with the configured embedding model."""
    from pocketrag.loaders import load_document
    from pocketrag.originals import Originals
    from pocketrag.pipeline import Pipeline
    from pocketrag.settings_views import LoaderLimits
    from pocketrag.store.sqlite import SQLiteStore

    if settings.database_url:
        raise PocketragError("reindex rebuilds the SQLite index; unset POCKETRAG_DATABASE_URL.")
    index = settings.sqlite_path
    with SQLiteStore(index, read_only=True) as old:
        documents: list[DocumentInfo] = old.list_documents(None)
    originals = Originals.from_settings(settings)
    found = {d.id: originals.find(d.sha256, d.source) for d in documents}
    report = ReindexReport(missing=[d.source for d in documents if found[d.id] is None])
    if report.missing and not drop_missing:
        shown = ", ".join(report.missing[:10]) + (" ..." if len(report.missing) > 10 else "")
        raise PocketragError(
            f"{len(report.missing)} document(s) have no kept original: {shown}. Ingest them "
            "again with --keep-originals, or pass --drop-missing to leave them out."
        )
    fresh = index.with_name(index.name + ".reindex")
    _remove_with_sidecars(fresh)
    new_settings = Settings(**{**settings.model_dump(), "index_path": fresh})
    limits = LoaderLimits.from_settings(settings)
    with Pipeline(new_settings) as pipeline:
        for done, info in enumerate(documents, start=1):
            path = found[info.id]
            if path is not None:
                try:
                    document = load_document(path, limits)
                    document.source = info.source
                    pipeline.ingestor.add_document(
                        document, sha256=info.sha256, collection=info.collection
                    )
                    report.rebuilt.append(info.source)
                except PocketragError as exc:
                    report.failed[info.source] = str(exc).replace(str(path), info.source)
            if on_progress is not None:
                on_progress(done, len(documents), info.source)
    if report.failed:
        _remove_with_sidecars(fresh)
        return report
    for suffix in ("-wal", "-shm"):  # the old index's; the new one is closed and whole
        Path(f"{index}{suffix}").unlink(missing_ok=True)
    fresh.replace(index)
    _forget_litestream_state(index)
    return report
