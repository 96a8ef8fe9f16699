"""`pocketrag report`: what colleagues asked, read from the questions log in the index.

The same report as the admin page (GET /v1/admin/questions): most asked questions, the
ones the documents did not answer (or answered only hesitantly), and thumbs down.
"""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from pocketrag.cli.app import app, settings_of
from pocketrag.documents import PocketragError
from pocketrag.questions import QuestionGroup, QuestionReport

err = Console(stderr=True)


def _groups_table(title: str, groups: list[QuestionGroup]) -> Table:
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("asked", justify="right", no_wrap=True)
    table.add_column("question", overflow="fold", ratio=1)
    table.add_column("answered / hedged / not found", justify="right", no_wrap=True)
    table.add_column("helpful / not", justify="right", no_wrap=True)
    for g in groups:
        table.add_row(
            str(g.asked),
            g.question,
            f"{g.answered} / {g.hedged} / {g.not_found}",
            f"{g.thumbs_up} / {g.thumbs_down}",
        )
    return table


def print_report(report: QuestionReport, days: float, console: Console) -> None:
    t = report.totals
    console.print(
        f"Questions in the last {days:g} days: {t['asked']} asked, {t['answered']} answered, "
        f"{t['hedged']} hedged, {t['not_found']} not found; "
        f"rated {t['thumbs_up']} helpful, {t['thumbs_down']} not helpful.",
        highlight=False,
    )
    if not t["asked"]:
        return
    console.print(_groups_table("Most asked", report.most_asked))
    console.print(_groups_table("Not answered by the documents (or hedged)", report.unanswered))
    if report.negative:
        table = Table(title="Rated not helpful", title_justify="left", expand=True)
        table.add_column("asked at", no_wrap=True)
        table.add_column("question", overflow="fold", ratio=1)
        table.add_column("outcome", no_wrap=True)
        for e in report.negative:
            table.add_row(e.asked_at[:16].replace("T", " "), e.question, e.outcome)
        console.print(table)


@app.command()
def report(
    ctx: typer.Context,
    days: float = typer.Option(30, "--days", min=0.01, help="The period to report on."),
    limit: int = typer.Option(10, "--limit", min=1, max=200, help="Rows per list."),
    json_output: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """What colleagues asked: most asked, unanswered and disliked questions."""
    from pocketrag.pipeline import Pipeline

    settings = settings_of(ctx)
    try:
        if not settings.database_url and not settings.sqlite_path.exists():
            raise PocketragError(f"No index at {settings.sqlite_path}: nothing was asked yet.")
        with Pipeline(settings, read_only=True) as pipeline:
            result = pipeline.question_report(days, limit)
    except PocketragError as exc:
        err.print(f"[red]Error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None
    if json_output:
        print(json.dumps({"days": days, **result.to_json()}, indent=2, ensure_ascii=False))
        return
    if not settings.question_log:
        err.print("[yellow]The questions log is off (POCKETRAG_QUESTION_LOG=off).[/yellow]")
    print_report(result, days, Console())
