"""The root Typer app and its global options, shared by every command module."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from pocketrag.config import Settings, load_settings

app = typer.Typer(
    name="pocketrag",
    help="Question answering over your own documents, with citations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure retrieval and answers.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@app.callback()
def _root(
    ctx: typer.Context,
    data_dir: Path | None = typer.Option(
        None, "--data-dir", envvar="POCKETRAG_DATA_DIR", help="Index and models live here."
    ),
) -> None:
    ctx.obj = load_settings(data_dir=data_dir)


def settings_of(ctx: typer.Context) -> Settings:
    """The Settings built by the root callback (walks up to the root context)."""
    root = ctx.find_root()
    return root.obj if isinstance(root.obj, Settings) else load_settings()


def progress_bar() -> Any:
    """The one progress bar style of the CLI's long commands (ingest, migrate, eval), on
    stderr so stdout stays clean for --json."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}", style="bold"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    )
