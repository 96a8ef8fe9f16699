"""`pocketrag migrate --to postgresql://...`: copy an SQLite index into PostgreSQL.

Documents, chunks and vectors are copied as they are, so nothing is re-embedded (no model
is loaded); so is the questions log (pocketrag.questions), entry by entry. Each document is
one transaction on the target and keeps its id, so citations
and links stay valid. Re-running is safe: documents whose content hash and chunk count
already match are skipped, changed ones are replaced. Into an empty database the HNSW
index is built once at the end instead of growing with every insert (several times
faster; docs/SCALING.md).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console

from pocketrag.cli.app import app, progress_bar, settings_of
from pocketrag.documents import DocumentInfo, PocketragError
from pocketrag.store.base import ExportedDocument, Store

if TYPE_CHECKING:  # psycopg is an extra: imported when the command runs
    from pocketrag.store.postgres import PostgresStore

err = Console(stderr=True)


def copy_index(
    source: Store,
    target: PostgresStore,
    *,
    collection: str | None = None,
    on_progress: Callable[[int, int, DocumentInfo], None] | None = None,
) -> dict[str, Any]:
    """Copy every document of `source` (the SQLite index) into `target`; a document whose
    content and chunk count the target already holds is not read from the source."""
    started = time.perf_counter()
    documents: list[DocumentInfo] = source.list_documents(collection)
    counts = {"added": 0, "updated": 0, "unchanged": 0, "chunks": 0}
    bulk = target.counts()["documents"] == 0 and documents
    index_seconds = 0.0

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

    if bulk:
        with target.bulk_load():
            copy_all()
            index_started = time.perf_counter()
        index_seconds = time.perf_counter() - index_started
    else:
        copy_all()
    for key, value in source.meta_items().items():
        target.set_meta(key, value)
    # The questions log goes along whole (a --collection copy leaves it: it spans them).
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


def _open_source(path: Path) -> Store:
    """The SQLite index, opened writable when possible so that a file from an older
    pocketrag is upgraded first (as any other command would do); read-only otherwise."""
    from pocketrag.store.sqlite import SQLiteStore

    if not path.is_file():
        raise PocketragError(f"No index at {path}. Give the SQLite index with --from PATH.")
    try:
        return SQLiteStore(path)
    except Exception:  # e.g. a read-only disk: read it as it is
        return SQLiteStore(path, read_only=True)


@app.command()
def migrate(
    ctx: typer.Context,
    to: str | None = typer.Option(
        None,
        "--to",
        help="Target postgresql://user:password@host:port/db (default: POCKETRAG_DATABASE_URL).",
    ),
    source_path: Path | None = typer.Option(
        None, "--from", help="SQLite index to copy (default: the configured index file)."
    ),
    collection: str | None = typer.Option(None, "--collection", "-c", help="Only this one."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Copy an SQLite index (documents, chunks, vectors, questions log) into PostgreSQL,
    without re-embedding. Safe to re-run: unchanged documents are skipped."""
    from pocketrag.store.postgres import PostgresStore, describe_url

    settings = settings_of(ctx)
    url = to or settings.database_url
    if not url or not url.startswith(("postgresql://", "postgres://")):
        err.print("[bold red]Error:[/] give the target as --to postgresql://user:pw@host/db")
        raise typer.Exit(2)
    path = source_path or settings.sqlite_path
    try:
        source = _open_source(Path(path))
        target = PostgresStore(url, pool_size=2, pool_timeout=settings.database_pool_timeout)
        with source, target, progress_bar() as progress:
            task = progress.add_task("Copying", total=None)

            def on_progress(done: int, total: int, info: DocumentInfo) -> None:
                progress.update(task, completed=done, total=total, description=info.source[-40:])

            summary = copy_index(source, target, collection=collection, on_progress=on_progress)
    except PocketragError as exc:
        err.print(f"[bold red]Error:[/] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    summary |= {"from": str(path), "to": describe_url(url)}
    if as_json:
        typer.echo(json.dumps(summary, indent=2))
        return
    typer.echo(
        f"{summary['documents']} documents from {path} to {summary['to']}: "
        f"{summary['added']} added, {summary['updated']} updated, "
        f"{summary['unchanged']} unchanged; {summary['chunks']} chunks and "
        f"{summary['questions']} questions-log entries copied in {summary['seconds']} s."
    )
