"""Choose the relevance score's weights and the unseen word's raise
(generation/answerability.relevance_score, UNSEEN_RAISE) and the refusal threshold on the
answers of benchmark runs, and estimate how the choice carries to a corpus it has not seen.

Reads the `*.details.json` files that bench/answer_quality.py writes (`--out DIR`) and keeps
the questions asked without history. For each weight of coverage and of specific and each
raise on a grid, the threshold is the highest that refuses no kind of answerable question
(colloquial, paraphrase, direct, list, number, table, disagreement) more often than the
runs' own outcomes did, and puts no corpus that met the answerable target (at most 5%
refused) past it; the choice refuses the most unanswerable questions. Refusing
plain-language questions was the first complaint (issue 11), so no kind and no corpus may
pay for the others. With --held-out, for each corpus the same choice made without it,
applied to it (slow: a choice per corpus).

    .venv/bin/python -m bench.calibrate.refusal_fit DIR [DIR ...] [--held-out]

A grid, not a regression: a logistic fit (session 38, docs/BENCHMARKS.md) refused 62% of
the unanswerable at the same share of answerable, but moved refusals onto colloquial
questions ("When's payday?") and past 5% on the sample handbook. Choose on development sets
only; report held-out sets with the shipped code (bench/answers/README.md).
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import numpy as np

from bench.calibrate.confidence_fit import load

KINDS = ("colloquial", "paraphrase", "direct", "list", "number", "table", "disagreement")
MOST_ANSWERABLE_REFUSED = 0.05
COVERAGE_WEIGHTS = SPECIFIC_WEIGHTS = tuple(np.round(np.arange(0.4, 1.01, 0.1), 2))
RAISES = (0.125, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
THRESHOLD_STEP = 0.005  # how far the threshold steps down while a set is past 5%


def scores(signals: np.ndarray, coverage: float, specific: float, raise_: float) -> np.ndarray:
    """Relevance with these weights, less the raise where a rare word is unseen (the same
    as raising that question's bar)."""
    support, covered, specific_, unseen = signals.T
    return support + coverage * covered + specific * specific_ - raise_ * unseen


def choose(
    signals: np.ndarray,
    answerable: np.ndarray,
    kinds: np.ndarray,
    corpora: np.ndarray,
    shipped: np.ndarray,
) -> tuple[tuple[float, float, float], float]:
    """(coverage, specific, raise), threshold: see the module docstring."""
    limits = {k: shipped[answerable & (kinds == k)].mean() for k in KINDS if (kinds == k).any()}
    sets = [answerable & (corpora == c) for c in sorted(set(corpora))]
    meeting = [m for m in sets if shipped[m].mean() <= MOST_ANSWERABLE_REFUSED]
    best, best_refused = None, -1.0
    for weights in itertools.product(COVERAGE_WEIGHTS, SPECIFIC_WEIGHTS, RAISES):
        score = scores(signals, *weights)
        threshold = min(np.quantile(score[answerable & (kinds == k)], s) for k, s in limits.items())
        while any((score[m] < threshold).mean() > MOST_ANSWERABLE_REFUSED for m in meeting):
            threshold -= THRESHOLD_STEP
        refused = (score[~answerable] < threshold).mean()
        if refused > best_refused:
            best, best_refused = (weights, float(threshold)), refused
    assert best is not None
    return best


def report(label: str, refused: np.ndarray, answerable: np.ndarray, kinds: np.ndarray) -> None:
    per_kind = ", ".join(f"{k} {refused[answerable & (kinds == k)].mean():.4f}" for k in KINDS)
    print(f"{label}: answerable refused {refused[answerable].mean():.4f} ({per_kind}); "
          f"unanswerable refused {refused[~answerable].mean():.4f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", type=Path, nargs="+")
    parser.add_argument("--held-out", action="store_true")
    args = parser.parse_args()
    rows = load(args.dirs, keep=lambda item: not item.get("history"))
    signals = np.array(
        [[r["signals"][n] for n in ("support", "coverage", "specific")]
         + [float(r["signals"]["unseen"] > 0)] for r in rows]
    )  # fmt: skip
    answerable = np.array([r["answerable"] for r in rows])
    kinds = np.array([r["kind"] for r in rows])
    corpora = np.array([r["corpus"] for r in rows])
    shipped = np.array([r["outcome"] == "not_found" for r in rows])
    print(f"{len(rows)} questions without history ({answerable.sum()} answerable), "
          f"{len(set(corpora))} corpora")  # fmt: skip
    weights, threshold = choose(signals, answerable, kinds, corpora, shipped)
    print(f"coverage, specific, raise {weights}; threshold {threshold:.3f}")
    report("shipped outcomes", shipped, answerable, kinds)
    report("chosen on all", scores(signals, *weights) < threshold, answerable, kinds)
    if args.held_out:
        held_out = np.zeros(len(rows), dtype=bool)
        for corpus in sorted(set(corpora)):
            rest = corpora != corpus
            chosen, bar = choose(
                signals[rest], answerable[rest], kinds[rest], corpora[rest], shipped[rest]
            )
            held_out[~rest] = scores(signals[~rest], *chosen) < bar
        report("chosen without the corpus", held_out, answerable, kinds)


if __name__ == "__main__":
    main()
