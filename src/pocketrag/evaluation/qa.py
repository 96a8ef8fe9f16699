"""Question-set runner: does pocketrag find, cite and refuse correctly, and how fast?

A question set is JSON lines: {"question", "expected_sources": [file names], "answerable",
"reference_answer"} plus optional "key_facts" (short strings a good answer must contain),
"kind" (direct, paraphrase, follow-up, disagreement, ...) and "history" (earlier turns,
[{"role", "content"}], passed to ask for follow-up questions). Metrics (definitions matter,
so they are spelled out):

- source_recall@k: answerable questions; share of their expected sources found among the
  top-k retrieved chunks' documents, averaged over questions.
- citation_accuracy: answerable questions that were answered (not refused, not failed); an
  answer is correct when its cited sources include an expected one and nothing outside.
- refusal_precision / refusal_recall: refusals that were right / unanswerable questions
  that were refused; refusal_accuracy: share of all questions where "refused" was right.
- answerable_accuracy: answerable questions answered with a correct citation;
  unanswerable_accuracy: unanswerable questions refused.
- answerable_refused: share of answerable questions refused (or failed with an error);
  unanswerable_refused: share of unanswerable questions refused ("not found");
  unanswerable_refused_or_hedged: ... refused or answered with confidence "low".
- key_fact_recall: answerable questions with key facts; per question the share of its key
  facts found in the answer (case-insensitive, whitespace-normalised, without the notice
  and [n] markers), a refused or failed question scoring 0; averaged over questions.
- reference_overlap: answered answerable questions; share of the reference answer's
  content words present in the answer (a rough, cheap proxy for answer quality).
  reference_word_recall: the same over ALL answerable questions with a reference answer,
  a refused or failed question scoring 0 (so refusing cannot raise it).
- answer_words_median: words in the answers given (not refused, not failed), counted
  without the trailing "(Extractive answer: ...)" notice and without [n] markers.
- latency_p50_ms / latency_p95_ms: end-to-end ask time (retrieve + generate).
- errors: questions whose ask raised (e.g. an empty question); the error is recorded on
  the question's result and the run goes on. An error counts as a failure everywhere.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

import numpy as np

from pocketrag.documents import PocketragError
from pocketrag.pipeline import content_words  # the answerer's own word test

# the notice extractive answers end with, e.g. "\n\n(Extractive answer: quoted from ...)"
_NOTICE = re.compile(r"\s*\(Extractive answer\b[^)]*\)\s*$")
_MARKER = re.compile(r"\s*\[\d+\]")  # with the space before it: "mile [1]." -> "mile."


@dataclass(frozen=True)
class QAItem:
    question: str
    expected_sources: tuple[str, ...]
    answerable: bool
    reference_answer: str = ""
    key_facts: tuple[str, ...] = ()
    kind: str = ""
    history: tuple[dict[str, str], ...] = ()


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
    confidence: str = ""  # the Answer's: "high" | "low" | "none" (refused)
    outcome: str = ""  # the Answer's: "answered" | "hedged" | "not_found"
    error: str | None = None  # set when ask raised; the other fields are then empty
    searched: str = ""  # the standalone question that was searched (follow-ups rewritten)
    # answerability's score and its evidence (generation/answerability.py), for calibration
    relevance: float | None = None
    signals: dict[str, float] | None = None

    @property
    def hedged(self) -> bool:
        return not self.refused and self.error is None and self.confidence == "low"

    @property
    def given(self) -> bool:
        """An answer was given (hedged or not): neither refused nor failed."""
        return not self.refused and self.error is None

    def to_json(self) -> dict[str, Any]:
        out = {
            "question": self.item.question,
            "kind": self.item.kind,
            "answerable": self.item.answerable,
            "expected_sources": list(self.item.expected_sources),
            "retrieved": self.retrieved,
            "cited": self.cited,
            "refused": self.refused,
            "confidence": self.confidence,
            "outcome": self.outcome,
            "mode": self.mode,
            "latency_ms": round(self.latency_ms, 1),
            "searched": self.searched,
            "answer": self.answer,
            "key_facts": list(self.item.key_facts),
            "key_facts_missing": missing_facts(self),
            "answer_words": answer_words(self.answer) if self.given else None,
        }
        if self.relevance is not None:
            out["relevance"] = round(self.relevance, 4)
            out["signals"] = {k: round(v, 4) for k, v in (self.signals or {}).items()}
        if self.item.history:
            out["history"] = list(self.item.history)
        if self.error is not None:
            out["error"] = self.error
        return out


def load_questions(path: Path) -> list[QAItem]:
    """Read a question set; a bad line is an error that names the line. An empty question
    is loaded as it is: asking it is that question's error, not the whole run's."""
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
                    key_facts=tuple(str(f) for f in row.get("key_facts") or ()),
                    kind=str(row.get("kind") or ""),
                    history=tuple(
                        {"role": str(t["role"]), "content": str(t["content"])}
                        for t in row.get("history") or ()
                    ),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise PocketragError(
                f"{path}, line {number}: not a question record ({exc}); expected "
                '{"question", "expected_sources", "answerable", "reference_answer"} and '
                'optionally "key_facts", "kind", "history": [{"role", "content"}]'
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


def answer_body(answer: str) -> str:
    """The answer as read: without the trailing extractive notice and the [n] markers."""
    return _MARKER.sub("", _NOTICE.sub("", answer))


def answer_words(answer: str) -> int:
    return len(answer_body(answer).split())


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def missing_facts(result: QAResult) -> list[str]:
    """Key facts not in the answer; all of them when nothing was answered."""
    if not result.given:
        return list(result.item.key_facts)
    body = _normalise(answer_body(result.answer))
    return [f for f in result.item.key_facts if _normalise(f) not in body]


def run_qa(
    ask: Callable[[str, Sequence[dict[str, str]]], Any],
    items: Sequence[QAItem],
    on_progress: Callable[[int, int], None] | None = None,
) -> list[QAResult]:
    """`ask(question, history) -> Answer` (Pipeline.ask with k/use_llm bound). A question
    whose ask raises is recorded with its error and the run goes on."""
    results = []
    for i, item in enumerate(items, start=1):
        try:
            answer = ask(item.question, item.history)
        except Exception as exc:  # any failure is this question's result, not the run's
            results.append(
                QAResult(item, [], [], False, "", 0.0, "", error=f"{type(exc).__name__}: {exc}")
            )
        else:
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
                    confidence="none" if answer.refused else answer.confidence,
                    outcome=answer.outcome,
                    searched=answer.question,
                    relevance=answer.relevance,
                    signals=dict(answer.signals),
                )
            )
        if on_progress:
            on_progress(i, len(items))
    return results


def _ratio(numerator: int | float, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _mean(values: Sequence[float]) -> float | None:
    return round(float(np.mean(values)), 4) if values else None


def _reference_recall(result: QAResult) -> float:
    ref = content_words(result.item.reference_answer)
    return len(ref & content_words(result.answer)) / len(ref)


def summarise(results: Sequence[QAResult], k: int) -> dict[str, Any]:
    answerable = [r for r in results if r.item.answerable]
    unanswerable = [r for r in results if not r.item.answerable]
    answered = [r for r in answerable if r.given]
    recall = [
        sum(any(_matches(name, [e]) for name in r.retrieved[:k]) for e in r.item.expected_sources)
        / len(r.item.expected_sources)
        for r in answerable
        if r.item.expected_sources
    ]
    cited_ok = [citation_correct(r.cited, r.item.expected_sources) for r in answered]
    refused = [r for r in results if r.refused]
    right_refusals = [r for r in refused if not r.item.answerable]
    with_reference = [r for r in answerable if content_words(r.item.reference_answer)]
    overlap = [_reference_recall(r) for r in with_reference if r.given]
    word_recall = [_reference_recall(r) if r.given else 0.0 for r in with_reference]
    facts = [
        1 - len(missing_facts(r)) / len(r.item.key_facts) for r in answerable if r.item.key_facts
    ]
    words = [answer_words(r.answer) for r in results if r.given]
    timed = [r for r in results if r.error is None]
    latencies = np.array([r.latency_ms for r in timed]) if timed else np.zeros(1)
    return {
        "questions": len(results),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "errors": sum(r.error is not None for r in results),
        f"source_recall@{k}": round(float(np.mean(recall)), 4) if recall else None,
        "citation_accuracy": _ratio(sum(cited_ok), len(answered)),
        "refusal_precision": _ratio(len(right_refusals), len(refused)),
        "refusal_recall": _ratio(len(right_refusals), len(unanswerable)),
        "refusal_accuracy": _ratio(
            sum(r.refused == (not r.item.answerable) for r in results), len(results)
        ),
        "answerable_accuracy": _ratio(sum(cited_ok), len(answerable)),
        "unanswerable_accuracy": _ratio(len(right_refusals), len(unanswerable)),
        "answerable_refused": _ratio(sum(not r.given for r in answerable), len(answerable)),
        "unanswerable_refused": _ratio(len(right_refusals), len(unanswerable)),
        "unanswerable_refused_or_hedged": _ratio(
            sum(r.refused or r.hedged for r in unanswerable), len(unanswerable)
        ),
        "key_fact_recall": _mean(facts),
        "reference_overlap": _mean(overlap),
        "reference_word_recall": _mean(word_recall),
        "answer_words_median": float(np.median(words)) if words else None,
        "latency_p50_ms": round(float(np.percentile(latencies, 50)), 1),
        "latency_p95_ms": round(float(np.percentile(latencies, 95)), 1),
        **{
            f"{part}_p50_ms": round(float(np.median(values)), 1)
            for part in ("retrieve", "generate")
            if (values := [r.timings_ms[part] for r in timed if r.timings_ms])
        },
        "modes": {m: sum(r.mode == m for r in timed) for m in sorted({r.mode for r in timed})},
        "outcomes": {
            o: sum(r.outcome == o for r in timed) for o in sorted({r.outcome for r in timed})
        },
    }
