"""How well the shipped answerability signals separate answerable from unanswerable questions,
per corpus, and what the thresholds would do on each (generation/answerability.py).

For each corpus it builds a fresh index (bench/answer_quality.corpus_spec), asks every
question with the shipped Pipeline (no LLM) and reads the signals the answer was decided on
(`Answer.signals`, `Answer.relevance`: the shipped code, never a copy). It prints:
- per signal and corpus: ROC AUC, the answerable questions' 5th percentile and the
  unanswerable ones' median and 75th percentile (comparable numbers across corpora are
  the point: a signal whose levels move with the corpus cannot share one threshold);
- for candidate thresholds: answerable refused and unanswerable refused / refused-or-hedged.

Fit thresholds on tuning corpora only and report the held-out ones (bench/answers/README.md).

    .venv/bin/python -m bench.calibrate.answerability_fit --corpus larkfield --corpus handbook \\
        [--refusal 0.55 0.5 0.6] [--confident 1.0 1.07 1.15]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import numpy as np

from bench.answer_quality import corpus_spec
from pocketrag.config import load_settings
from pocketrag.evaluation.qa import load_questions
from pocketrag.pipeline import Pipeline

SIGNALS = ("relevance", "confidence", "support", "coverage", "dense", "bm25")


def collect(corpus: str) -> list[dict]:
    paths, questions = corpus_spec(corpus)
    rows = []
    with (
        tempfile.TemporaryDirectory(prefix=f"fit-{corpus}-") as tmp,
        Pipeline(load_settings(data_dir=Path(tmp))) as pipeline,
    ):
        pipeline.ingest_paths(paths)
        for item in load_questions(questions):
            answer = pipeline.ask(item.question, list(item.history), use_llm=False)
            rows.append({
                "answerable": item.answerable,
                "relevance": answer.relevance,
                "confidence": answer.certainty,
                **answer.signals,
            })  # fmt: skip
    return rows


def auc(positive: np.ndarray, negative: np.ndarray) -> float:
    """Probability that an answerable question scores above an unanswerable one."""
    greater = (positive[:, None] > negative[None, :]).mean()
    ties = (positive[:, None] == negative[None, :]).mean()
    return float(greater + 0.5 * ties)


def report(corpus: str, rows: list[dict], refusal: list[float], confident: list[float]) -> None:
    yes = [r for r in rows if r["answerable"]]
    no = [r for r in rows if not r["answerable"]]
    print(f"\n{corpus}: {len(yes)} answerable, {len(no)} unanswerable")
    print("| signal | AUC | answerable p5 | unanswerable median | unanswerable p75 |")
    print("|---|---|---|---|---|")
    for name in SIGNALS:
        a = np.array([r[name] for r in yes])
        u = np.array([r[name] for r in no])
        print(
            f"| {name} | {auc(a, u):.3f} | {np.percentile(a, 5):.3f} | "
            f"{np.median(u):.3f} | {np.percentile(u, 75):.3f} |"
        )
    a = np.array([r["relevance"] for r in yes])
    u = np.array([r["relevance"] for r in no])
    for t in refusal:
        print(f"refusal {t}: answerable refused {np.mean(a < t):.3f}, "
              f"unanswerable refused {np.mean(u < t):.3f}")  # fmt: skip
    # hedged: above the refusal threshold, below the confident one on the confidence score
    refused = [np.array([r["relevance"] < refusal[0] for r in side]) for side in (yes, no)]
    a, u = (np.array([r["confidence"] for r in side]) for side in (yes, no))
    for t in confident:
        print(f"confident {t} (refusal {refusal[0]}): answerable refused or hedged "
              f"{np.mean(refused[0] | (a < t)):.3f}, unanswerable refused or hedged "
              f"{np.mean(refused[1] | (u < t)):.3f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", default=None)
    parser.add_argument("--refusal", type=float, nargs="*", default=[0.55, 0.5, 0.6])
    parser.add_argument("--confident", type=float, nargs="*", default=[1.0, 1.07, 1.15])
    args = parser.parse_args()
    for corpus in args.corpus or ["larkfield", "handbook"]:
        report(corpus, collect(corpus), args.refusal, args.confident)


if __name__ == "__main__":
    main()
