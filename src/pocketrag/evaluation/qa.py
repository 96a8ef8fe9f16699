"""Question-set runner: does pocketrag find, cite and refuse correctly, and how fast?

A question set is JSON lines: {"question", "expected_sources": [file names], "answerable",
"reference_answer"}. Metrics (definitions matter, so they are spelled out):

- source_recall@k: answerable questions; share of their expected sources found among the
  top-k retrieved chunks' documents, averaged over questions.
- citation_accuracy: answerable questions that were answered (not refused); an answer is
  correct when its cited sources include an expected one and nothing outside the expected.
- refusal_precision / refusal_recall: refusals that were right / unanswerable questions
  that were refused; refusal_accuracy: share of all questions where "refused" was right.
- answerable_accuracy: answerable questions answered with a correct citation;
  unanswerable_accuracy: unanswerable questions refused.
- reference_overlap: answered answerable questions; share of the reference answer's
  content words present in the answer (a rough, cheap proxy for answer quality).
- latency_p50_ms / latency_p95_ms: end-to-end ask time (retrieve + generate).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

import numpy as np

from pocketrag.documents import PocketragError
from pocketrag.generation.extractive import content_words


@dataclass(frozen=True)
class QAItem:
    question: str
    expected_sources: tuple[str, ...]
    answerable: bool
    reference_answer: str = ""


@dataclass
class QAResult:
    item: QAItem
    retrieved: list[str]  # document names of the top-k hits, in rank order
    cited: list[str]  # document names cited in the answer
    refused: bool
    mode: str
    latency_ms: float
    answer: str
    timings_ms: dict[str, float] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.item.question,
            "answerable": self.item.answerable,
            "expected_sources": list(self.item.expected_sources),
            "retrieved": self.retrieved,
            "cited": self.cited,
            "refused": self.refused,
            "mode": self.mode,
            "latency_ms": round(self.latency_ms, 1),
            "answer": self.answer,
        }


def load_questions(path: Path) -> list[QAItem]:
    """Read a question set; a bad line is an error that names the line."""
    items: list[QAItem] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PocketragError(f"Cannot read the question set {path}: {exc.strerror}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            items.append(
                QAItem(
                    question=str(row["question"]),
                    expected_sources=tuple(row.get("expected_sources") or ()),
                    answerable=bool(row.get("answerable", True)),
                    reference_answer=str(row.get("reference_answer") or ""),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise PocketragError(
                f"{path}, line {number}: not a question record ({exc}); expected "
                '{"question", "expected_sources", "answerable", "reference_answer"}'
            ) from None
    if not items:
        raise PocketragError(f"The question set {path} has no questions.")
    return items


def doc_name(source: str) -> str:
    return PurePath(source).name


def _matches(name: str, expected: Sequence[str]) -> bool:
    """Same document by file name (sources may be given with or without folders)."""
    return any(PurePath(name).name == PurePath(e).name for e in expected)


def citation_correct(cited: Sequence[str], expected: Sequence[str]) -> bool:
    return bool(cited) and all(_matches(c, expected) for c in cited)


def run_qa(
    ask: Callable[[str], Any],
    items: Sequence[QAItem],
    on_progress: Callable[[int, int], None] | None = None,
) -> list[QAResult]:
    """`ask(question) -> Answer` (Pipeline.ask with k/use_llm bound)."""
    results = []
    for i, item in enumerate(items, start=1):
        answer = ask(item.question)
        results.append(
            QAResult(
                item=item,
                retrieved=[doc_name(h.source) for h in answer.sources],
                cited=list(dict.fromkeys(doc_name(str(c["source"])) for c in answer.citations)),
                refused=answer.refused,
                mode=answer.mode,
                latency_ms=answer.timings_ms["total"],
                answer=answer.answer,
                timings_ms=dict(answer.timings_ms),
            )
        )
        if on_progress:
            on_progress(i, len(items))
    return results


def _ratio(numerator: int | float, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def summarise(results: Sequence[QAResult], k: int) -> dict[str, Any]:
    answerable = [r for r in results if r.item.answerable]
    unanswerable = [r for r in results if not r.item.answerable]
    answered = [r for r in answerable if not r.refused]
    recall = [
        sum(any(_matches(name, [e]) for name in r.retrieved[:k]) for e in r.item.expected_sources)
        / len(r.item.expected_sources)
        for r in answerable
        if r.item.expected_sources
    ]
    cited_ok = [citation_correct(r.cited, r.item.expected_sources) for r in answered]
    refused = [r for r in results if r.refused]
    right_refusals = [r for r in refused if not r.item.answerable]
    overlap = []
    for r in answered:
        ref = content_words(r.item.reference_answer)
        if ref:
            overlap.append(len(ref & content_words(r.answer)) / len(ref))
    latencies = np.array([r.latency_ms for r in results]) if results else np.zeros(1)
    return {
        "questions": len(results),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        f"source_recall@{k}": round(float(np.mean(recall)), 4) if recall else None,
        "citation_accuracy": _ratio(sum(cited_ok), len(answered)),
        "refusal_precision": _ratio(len(right_refusals), len(refused)),
        "refusal_recall": _ratio(len(right_refusals), len(unanswerable)),
        "refusal_accuracy": _ratio(
            sum(r.refused == (not r.item.answerable) for r in results), len(results)
        ),
        "answerable_accuracy": _ratio(sum(cited_ok), len(answerable)),
        "unanswerable_accuracy": _ratio(len(right_refusals), len(unanswerable)),
        "reference_overlap": round(float(np.mean(overlap)), 4) if overlap else None,
        "latency_p50_ms": round(float(np.percentile(latencies, 50)), 1),
        "latency_p95_ms": round(float(np.percentile(latencies, 95)), 1),
        **{
            f"{part}_p50_ms": round(float(np.median(values)), 1)
            for part in ("retrieve", "generate")
            if (values := [r.timings_ms[part] for r in results if r.timings_ms])
        },
        "modes": {m: sum(r.mode == m for r in results) for m in sorted({r.mode for r in results})},
    }
