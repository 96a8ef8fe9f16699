"""`pocketrag migrate --to postgresql://...`: copy an SQLite index into PostgreSQL.

The copy itself is Pipeline.copy_to (pocketrag/store/copy.py says how: nothing is
re-embedded, ids are kept, re-running skips unchanged documents, the HNSW index is built
once at the end); this command opens the two ends and reports.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console

from pocketrag.cli.app import app, progress_bar, settings_of
from pocketrag.config import Settings
from pocketrag.documents import DocumentInfo, PocketragError
from pocketrag.pipeline import Pipeline

err = Console(stderr=True)


def _open_source(settings: Settings, path: Path) -> Pipeline:
    """The SQLite index, opened writable when possible so that a file from an older
    pocketrag is upgraded first (as any other command would do); read-only otherwise."""
    if not path.is_file():
        raise PocketragError(f"No index at {path}. Give the SQLite index with --from PATH.")
    try:
        return Pipeline.for_index_file(settings, path)
    except Exception:  # e.g. a read-only disk: read it as it is
        return Pipeline.for_index_file(settings, path, read_only=True)


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
        source = _open_source(settings, Path(path))
        target = PostgresStore(url, pool_size=2, pool_timeout=settings.database_pool_timeout)
        with source, target, progress_bar() as progress:
            task = progress.add_task("Copying", total=None)

            def on_progress(done: int, total: int, info: DocumentInfo) -> None:
                progress.update(task, completed=done, total=total, description=info.source[-40:])

            summary = source.copy_to(target, collection=collection, on_progress=on_progress)
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
