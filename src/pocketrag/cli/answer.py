"""`pocketrag ask` and `pocketrag eval qa`: answers in the terminal, and their evaluation.

The answer streams to stdout as it is generated; notices and progress go to stderr so
`--json` output and pipes stay clean.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
from rich.table import Table

from pocketrag.cli.app import app, eval_app, settings_of
from pocketrag.config import Settings
from pocketrag.documents import PocketragError
from pocketrag.formatting import page_reference

err = Console(stderr=True)


def _pipeline(settings: Settings, read_only: bool = True):  # -> Pipeline (lazy import)
    from pocketrag.pipeline import Pipeline

    if not settings.database_url and not Path(settings.sqlite_path).exists():
        raise PocketragError(
            f"No index at {settings.sqlite_path}. Ingest documents first: "
            f"pocketrag --data-dir {settings.data_dir} ingest PATH"
        )
    pipeline = Pipeline(settings, read_only=read_only)
    if pipeline.counts().get("chunks", 0) == 0:
        raise PocketragError(
            f"The index at {settings.sqlite_path} is empty. Ingest documents first: "
            f"pocketrag --data-dir {settings.data_dir} ingest PATH"
        )
    return pipeline


def _fail(exc: Exception, code: int = 1) -> typer.Exit:
    err.print(f"[red]Error:[/red] {exc}", highlight=False)
    return typer.Exit(code)


def _print_citations(answer) -> None:
    if answer.refused:
        return
    if not answer.citations:
        err.print("[yellow](no citations)[/yellow]")
        return
    print("\nSources:")
    for c in answer.citations:
        where = c["title"] or c["source"]
        if c["heading"]:
            where += f" > {c['heading']}"
        if c["page_start"] is not None:
            where += f", {page_reference(c)}"
        if c.get("from_scan"):
            where += ", from a scan"
        print(f"  [{c['n']}] {where}  ({c['source']})")
        if c.get("also_in"):
            print(f"      the same text is also in: {', '.join(map(str, c['also_in']))}")
    if answer.confidence == "low":
        err.print(
            "[yellow]Low confidence: the closest passage is quoted, but it may not answer "
            "the question. Check the source.[/yellow]",
            highlight=False,
        )


def _record(pipeline, question: str, payload, collection) -> str | None:
    entry_id = pipeline.questions.record(question, payload, collection=collection, channel="cli")
    if entry_id is None:
        err.print("[yellow]Not recorded: the questions log is off or read-only.[/yellow]")
    return entry_id


@app.command()
def ask(
    ctx: typer.Context,
    question: str = typer.Argument(..., help="Your question, in quotes."),
    json_output: bool = typer.Option(False, "--json", help="Print the answer as JSON."),
    no_llm: bool = typer.Option(
        False, "--no-llm", help="Answer extractively (quote the documents) even if an LLM is set."
    ),
    k: int | None = typer.Option(
        None,
        "-k",
        "--top-k",
        "--k",  # the old spelling, kept working
        min=1,
        max=50,
        help="How many chunks to retrieve [default: POCKETRAG_TOP_K, 5].",
        show_default=False,
    ),
    collection: str | None = typer.Option(None, "--collection", help="Only this collection."),
    log: bool = typer.Option(
        False, "--log", help="Record this ask in the questions log (`pocketrag report`)."
    ),
) -> None:
    """Answer a question from the indexed documents, with citations."""
    settings = settings_of(ctx)
    try:
        pipeline = _pipeline(settings, read_only=not log or settings.read_only)
        if json_output:
            answer = pipeline.ask(question, k=k, collection=collection, use_llm=not no_llm)
            payload = answer.to_json()
            if log:
                payload["log_id"] = _record(pipeline, question, payload, collection)
            print(json.dumps(payload, indent=2, ensure_ascii=False))
            return
        answer = None
        for event in pipeline.ask_stream(question, k=k, collection=collection, use_llm=not no_llm):
            if event["type"] == "token":
                sys.stdout.write(event["text"])
                sys.stdout.flush()
            elif event["type"] == "notice":
                sys.stdout.write("\n")
                err.print(f"[yellow]{event['message']}[/yellow]", highlight=False)
            elif event["type"] == "done":
                answer = event["answer"]
        print()
        if answer is not None:
            _print_citations(answer)
            if log:
                _record(pipeline, question, answer.to_json(), collection)
    except PocketragError as exc:
        from pocketrag.pipeline import QuestionError  # loaded by now: _pipeline imported it

        raise _fail(exc, 2 if isinstance(exc, QuestionError) else 1) from None


@eval_app.command("qa")
def eval_qa(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="Question set (JSON lines), e.g. the samples'."),
    json_output: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
    no_llm: bool = typer.Option(False, "--no-llm", help="Evaluate extractive answers."),
    k: int = typer.Option(5, "-k", "--k", min=1, max=50, help="Chunks retrieved per question."),
    details: Path | None = typer.Option(
        None, "--details", help="Also write each question's result (JSON lines) here."
    ),
) -> None:
    """Source recall, citations, refusals, key facts, answer length and latency over a
    question set; a question that fails is recorded with its error and the run goes on."""
    from pocketrag.evaluation.qa import load_questions, run_qa, summarise

    settings = settings_of(ctx)
    try:
        items = load_questions(file)
        pipeline = _pipeline(settings)
        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("Asking", total=len(items))
            results = run_qa(
                lambda q, history: pipeline.ask(q, history, k=k, use_llm=not no_llm),
                items,
                on_progress=lambda done, _total: progress.update(task, completed=done),
            )
    except PocketragError as exc:
        raise _fail(exc) from None
    metrics = summarise(results, k)
    if details:
        details.write_text(
            "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in results),
            encoding="utf-8",
        )
    if json_output:
        print(json.dumps(metrics, indent=2))
        return
    table = Table(title=f"QA evaluation: {file} ({'extractive' if no_llm else 'as configured'})")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in metrics.items():
        table.add_row(name, "n/a" if value is None else str(value))
    Console().print(table)
