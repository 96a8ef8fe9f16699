"""`pocketrag backup FILE`, `restore FILE` and `reindex`: keeping the index safe without a
bucket, and rebuilding it from the kept originals (the work is in pocketrag.backup)."""

from __future__ import annotations

from pathlib import Path

import typer

from pocketrag.cli.app import app, progress_bar, settings_of
from pocketrag.documents import PocketragError


def _fail(message: str) -> typer.Exit:
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(1)


def _sqlite_only(ctx: typer.Context):  # -> Settings
    settings = settings_of(ctx)
    if settings.database_url:
        raise _fail(
            "backup, restore and reindex work on the SQLite index; for PostgreSQL use "
            "pg_dump / pg_restore."
        )
    return settings


@app.command()
def backup(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="Where to write the copy (one SQLite file)."),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE if it exists."),
) -> None:
    """Write a consistent copy of the index to FILE (safe while the server runs)."""
    from pocketrag.backup import backup_index

    settings = _sqlite_only(ctx)
    try:
        size = backup_index(settings.sqlite_path, file, force=force)
    except PocketragError as exc:
        raise _fail(str(exc)) from exc
    typer.echo(f"{settings.sqlite_path} -> {file} ({size / 1e6:.1f} MB)", err=True)


@app.command()
def restore(
    ctx: typer.Context,
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A `backup` file."),
    force: bool = typer.Option(False, "--force", help="Replace an existing index."),
) -> None:
    """Replace the index with a backup FILE (stop the server first)."""
    from pocketrag.backup import restore_index

    settings = _sqlite_only(ctx)
    try:
        documents = restore_index(file, settings.sqlite_path, force=force)
    except PocketragError as exc:
        raise _fail(str(exc)) from exc
    typer.echo(f"{file} -> {settings.sqlite_path} ({documents} documents)", err=True)


@app.command()
def reindex(
    ctx: typer.Context,
    drop_missing: bool = typer.Option(
        False, "--drop-missing", help="Leave out documents whose original was not kept."
    ),
) -> None:
    """Rebuild the index from the kept originals with the configured embedding model
    (stop the server first). The old index stays if any document fails."""
    from pocketrag.backup import reindex as rebuild

    settings = _sqlite_only(ctx)
    try:
        with progress_bar() as progress:
            task = progress.add_task("Reindexing", total=None)

            def on_progress(done: int, total: int, source: str) -> None:
                progress.update(task, completed=done, total=total, description=source[-40:])

            report = rebuild(settings, drop_missing=drop_missing, on_progress=on_progress)
    except PocketragError as exc:
        raise _fail(str(exc)) from exc
    for source in report.missing:
        typer.echo(f"left out (no original kept): {source}", err=True)
    for source, reason in report.failed.items():
        typer.echo(f"failed: {source}: {reason}", err=True)
    if report.failed:
        raise _fail(f"{len(report.failed)} document(s) failed; the old index is unchanged.")
    typer.echo(f"{len(report.rebuilt)} documents reindexed -> {settings.sqlite_path}", err=True)
