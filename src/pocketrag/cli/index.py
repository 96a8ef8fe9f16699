"""`pocketrag ingest`, `search`, `docs list|delete` and `eval beir`.

A stable contract (scripts and docs rely on it): progress and diagnostics go to stderr,
results to stdout; exit 0 on success, 1 when the work failed (e.g. a file could not be
ingested; the others are committed), 2 on usage errors.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from pocketrag.cli.app import app, eval_app, progress_bar, settings_of
from pocketrag.documents import PocketragError
from pocketrag.formatting import page_reference

if TYPE_CHECKING:
    from pocketrag.pipeline import FileResult, IngestReport

docs_app = typer.Typer(help="List and delete indexed documents.", no_args_is_help=True)
app.add_typer(docs_app, name="docs")

out = Console(soft_wrap=False)
err = Console(stderr=True)

_STATUS_STYLE = {
    "added": "green",
    "updated": "cyan",
    "unchanged": "dim",
    "skipped": "yellow",
    "failed": "bold red",
    "removed": "magenta",
}
ID_WIDTH = 16  # document ids are 16 hex digits; always printed whole, to be copied


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]Error:[/] {message}", highlight=False)
    return typer.Exit(code)


def _reading_pipeline(ctx: typer.Context):  # -> Pipeline
    """A pipeline for commands that only read. It opens the index writable when it can, so
    an index from an older pocketrag is upgraded in place, but never creates an empty one."""
    from pocketrag.pipeline import Pipeline

    settings = settings_of(ctx)
    if not settings.database_url and not settings.sqlite_path.is_file():
        raise PocketragError(
            f"No index at {settings.sqlite_path}. Build one with `pocketrag ingest PATH` first."
        )
    return Pipeline(settings)


def _check_mode(mode: str) -> str:
    from pocketrag.pipeline import MODES

    if mode not in MODES:
        raise typer.BadParameter(f"use one of {', '.join(MODES)}", param_hint="--mode")
    return mode


@app.command()
def ingest(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(
        ..., exists=True, help="Files and folders (folders are walked recursively)."
    ),
    collection: str = typer.Option("default", "--collection", "-c", help="Namespace."),
    password: str | None = typer.Option(
        None, "--password", help="Password for encrypted PDFs.", envvar="POCKETRAG_PDF_PASSWORD"
    ),
    keep_missing: bool = typer.Option(
        False,
        "--keep-missing",
        help="Keep documents whose files are gone from the given folders (default: remove).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    keep_originals: bool = typer.Option(
        False,
        "--keep-originals",
        help="Keep a copy of each file under the data dir (and in the replica bucket), for "
        "download from the chat page and `pocketrag reindex`.",
    ),
) -> None:
    """Add or update documents in the index; unchanged files are skipped cheaply. A folder
    is synced: documents whose files are no longer in it are removed (see --keep-missing)."""
    from pocketrag.pipeline import Pipeline

    settings = settings_of(ctx)
    try:
        from pocketrag.replication import restore_before_writing

        restore_before_writing(settings)  # POCKETRAG_REPLICA_URL: the bucket's index first
        with Pipeline(settings) as pipeline, progress_bar() as progress:
            task = progress.add_task("Ingesting", total=None)

            def on_progress(done: int, total: int, result: FileResult) -> None:
                progress.update(task, completed=done, total=total, description=_short(result))

            report = pipeline.ingest_paths(
                paths,
                collection=collection,
                password=password,
                on_progress=on_progress,
                sync=True,
                keep_missing=keep_missing,
            )
            if keep_originals:
                pipeline.keep_originals(report)
    except PocketragError as exc:
        raise _fail(str(exc)) from exc
    if as_json:
        typer.echo(json.dumps(report.to_json(), indent=2))
    else:
        _print_report(report, settings.sqlite_path if not settings.database_url else None)
    raise typer.Exit(0 if report.ok else 1)


def _short(result: FileResult) -> str:
    name = os.path.basename(result.path)
    return (name[:37] + "...") if len(name) > 40 else name


def shorten_left(text: str, width: int) -> str:
    """Keep the end of a path, where the file name is: "…/policies/leave.md"."""
    return text if len(text) <= width else "…" + text[len(text) - width + 1 :]


def _from_here(path: str) -> str:
    """A stored (absolute) path as the user is likely to have typed it: relative to the
    current folder when it lies inside it."""
    here = os.getcwd()
    inside = os.path.isabs(path) and os.path.commonpath([here, path]) == here
    return os.path.relpath(path, here) if inside else path


def _print_report(report: IngestReport, index: Path | None) -> None:
    shown = [f for f in report.files if f.status != "unchanged"] or report.files
    if shown:
        with_reason = any(f.reason for f in shown)
        names = [_from_here(f.path) for f in shown]
        table = Table(title="Ingest", title_justify="left", show_lines=False)
        table.add_column("file", overflow="fold", min_width=min(40, max(map(len, names))))
        table.add_column("status", no_wrap=True)
        table.add_column("chunks", justify="right", no_wrap=True)
        if with_reason:
            table.add_column("reason", overflow="fold")
        for f, name in zip(shown, names, strict=True):
            style = _STATUS_STYLE[f.status]
            row = [name, f"[{style}]{f.status}[/]", str(f.chunks or "")]
            table.add_row(*row, *([f.reason] if with_reason else []))
        out.print(table)
    parts = [f"{n} {status}" for status, n in report.summary().items()]
    out.print(", ".join(parts) + (f" -> {index}" if index else ""), highlight=False)


@app.command()
def search(
    ctx: typer.Context,
    query: str = typer.Argument(..., help="What to look for, in plain words."),
    k: int | None = typer.Option(
        None,
        "-k",
        "--top-k",
        min=1,
        max=100,
        help="How many hits [default: POCKETRAG_TOP_K, 5].",
        show_default=False,
    ),
    mode: str = typer.Option("hybrid", "--mode", callback=_check_mode, help="bm25|dense|hybrid"),
    collection: str | None = typer.Option(None, "--collection", "-c", help="Only this one."),
    as_json: bool = typer.Option(False, "--json", help="Print hits as JSON."),
) -> None:
    """Show the passages that best match QUERY (no LLM involved)."""
    try:
        with _reading_pipeline(ctx) as pipeline:
            hits = pipeline.search(query, k=k, mode=mode, collection=collection)
    except PocketragError as exc:
        raise _fail(str(exc)) from exc
    if as_json:
        from pocketrag.schemas import hit_json

        typer.echo(json.dumps([hit_json(h) for h in hits], indent=2, ensure_ascii=False))
        return
    if not hits:
        err.print("No matching passages.")
        return
    for rank, hit in enumerate(hits, start=1):
        pages = f" {page_reference(hit)}" if hit.page_start is not None else ""
        out.print(
            f"[bold]{rank}.[/] [cyan]{hit.source}[/]{pages}  [dim]{hit.heading}[/]  "
            f"[dim]score {hit.score:.4f}[/]",
            highlight=False,
        )
        text = hit.text if len(hit.text) <= 400 else hit.text[:400].rstrip() + "..."
        out.print(f"   {text}", highlight=False, markup=False)


@docs_app.command("list")
def docs_list(
    ctx: typer.Context,
    collection: str | None = typer.Option(None, "--collection", "-c", help="Only this one."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """List indexed documents with their chunk counts."""
    try:
        with _reading_pipeline(ctx) as pipeline:
            docs = pipeline.list_documents(collection)
    except PocketragError as exc:
        raise _fail(str(exc)) from exc
    if as_json:
        from pocketrag.schemas import document_json

        # the API's document object; "chunks" (= chunk_count) is the CLI's older name
        rows = [{**document_json(d), "chunks": d.chunk_count} for d in docs]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    out.print(_docs_table(docs, out.size.width))


def _docs_table(docs: list, width: int) -> Table:
    """Fits `width` columns (COLUMNS=80 included): ids in full, paths shortened from the
    left (the file name stays), titles cut last; the collection only when there are several.
    `--json` has every field in full."""
    several = len({d.collection for d in docs}) > 1
    coll_width = min(12, max([len(d.collection) for d in docs] + [10])) if several else 0
    fixed = ID_WIDTH + 6 + (coll_width + 2 if several else 0) + 3 * 2  # + gaps
    flexible = max(20, width - fixed)
    title_width = max(5, min(max([len(d.title or "") for d in docs] + [5]), flexible * 2 // 5))
    source_width = max(14, min(max([len(d.source) for d in docs] + [6]), flexible - title_width))
    title_width = max(5, flexible - source_width)
    noun = "document" if len(docs) == 1 else "documents"
    table = Table(title=f"{len(docs)} {noun}", title_justify="left", box=None, pad_edge=False)
    table.add_column("id", no_wrap=True, min_width=ID_WIDTH)
    table.add_column("source", no_wrap=True, max_width=source_width)
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=title_width)
    if several:
        table.add_column("collection", no_wrap=True, overflow="ellipsis", max_width=coll_width)
    table.add_column("chunks", justify="right", no_wrap=True)
    for d in docs:
        row = [d.id, shorten_left(d.source, source_width), d.title or ""]
        table.add_row(*row, *([d.collection] if several else []), str(d.chunk_count))
    return table


@docs_app.command("delete")
def docs_delete(
    ctx: typer.Context,
    id_or_source: str = typer.Argument(
        ..., help="Document id, source path as listed, or a path relative to this folder."
    ),
    collection: str | None = typer.Option(None, "--collection", "-c", help="Only this one."),
) -> None:
    """Remove a document (its chunks, text index and vectors) from the index."""
    from pocketrag.pipeline import Pipeline

    try:
        with Pipeline(settings_of(ctx)) as pipeline:
            deleted = 0
            # as given (an id, a stored path), then as older indexes stored paths, then as
            # a path from here resolved the way `pocketrag ingest` stores them now
            for key in dict.fromkeys(
                [id_or_source, os.path.normpath(id_or_source), str(Path(id_or_source).resolve())]
            ):
                deleted = pipeline.delete_document(key, collection)
                if deleted:
                    break
    except PocketragError as exc:
        raise _fail(str(exc)) from exc
    if not deleted:
        raise _fail(f"no document with id or source {id_or_source!r} (see `pocketrag docs list`)")
    out.print(f"deleted {deleted} document{'s' if deleted != 1 else ''}", highlight=False)


@eval_app.command("beir")
def eval_beir(
    ctx: typer.Context,
    folder: Path = typer.Argument(
        ..., exists=True, file_okay=False, help="BEIR folder: corpus.jsonl, queries.jsonl, qrels/"
    ),
    split: str = typer.Option("test", "--split", help="qrels/SPLIT.tsv"),
    mode: str = typer.Option("hybrid", "--mode", callback=_check_mode, help="bm25|dense|hybrid"),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
) -> None:
    """Retrieval quality on a BEIR dataset: nDCG@10, Recall@100, MRR@10, time and memory."""
    from pocketrag.evaluation.beir import run_beir

    try:
        result = run_beir(settings_of(ctx), folder, split=split, mode=mode, progress=progress_bar)
    except PocketragError as exc:
        raise _fail(str(exc)) from exc
    if as_json:
        typer.echo(json.dumps(result, indent=2))
        return
    table = Table(title=f"BEIR {folder.name} ({split}, {mode})", title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in result.items():
        table.add_row(key, f"{value:.4f}" if isinstance(value, float) else str(value))
    out.print(table)
