"""Fit the confidence score's weights (generation/answerability.confidence_score) on the answers
of benchmark runs, and estimate how the fit carries to a corpus it has not seen.

Reads the `*.details.json` files that bench/answer_quality.py writes (`--out DIR`), keeps
the questions the refusal gate let through (the confidence score decides only between
"answered" and "hedged" for them) and fits a class-balanced logistic regression of
"unanswerable" on support, coverage, background and "a rare word is unseen". The weights
are printed in support units (support's weight 1), the form the code uses. Then, for
each corpus, the same fit without that corpus: its unanswerable questions answered
confidently at the threshold that hedges the share of answerable questions given by
--hedged (the runs' own share by default), against the runs' own outcomes.

    .venv/bin/python -m bench.calibrate.confidence_fit DIR [DIR ...] [--hedged 0.21]

Fit on development sets only; report held-out sets with the shipped code
(bench/answers/README.md).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

FEATURES = ("support", "coverage", "background", "unseen")


def load(
    dirs: list[Path], keep: Callable[[dict], bool] = lambda item: not item["refused"]
) -> list[dict]:
    """The runs' answers that carry signals and that `keep` keeps (by default those the
    refusal gate let through), each with its corpus."""
    rows = []
    for directory in dirs:
        for path in sorted(directory.glob("*.details.json")):
            for item in json.loads(path.read_text()):
                if item.get("signals") and keep(item):
                    rows.append({"corpus": path.name.split(".")[0], **item})
    return rows


def features(row: dict) -> list[float]:
    signals = row["signals"]
    return [*(signals[name] for name in FEATURES[:3]), float(signals["unseen"] > 0)]


def logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 30) -> np.ndarray:
    """Weights (last: intercept) of a class-balanced, lightly regularised logistic regression
    by Newton's method: a few lines of numpy for a benchmark script, no new dependency."""
    xb = np.c_[x, np.ones(len(x))]
    sample = np.where(y == 1, (y == 0).sum() / max((y == 1).sum(), 1), 1.0)
    w = np.zeros(xb.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-xb @ w))
        gradient = xb.T @ ((p - y) * sample) / len(y) + l2 * w
        hessian = (xb.T * (p * (1 - p) * sample)) @ xb / len(y) + l2 * np.eye(len(w))
        w -= np.linalg.solve(hessian, gradient)
    return w


def support_units(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The fitted weights divided by support's (a higher score: more likely answerable)."""
    mean, scale = x.mean(0), x.std(0)
    w = logistic((x - mean) / scale, y)[:-1] / scale
    return w / w[0]


def answered_share(score: np.ndarray, answerable: np.ndarray, hedged: float) -> np.ndarray:
    """Which questions are answered at the threshold hedging `hedged` of the answerable."""
    return score >= np.quantile(score[answerable], hedged)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", type=Path, nargs="+")
    parser.add_argument("--hedged", type=float, default=None)
    args = parser.parse_args()
    rows = load(args.dirs)
    x = np.array([features(r) for r in rows])
    y = np.array([0 if r["answerable"] else 1 for r in rows])
    corpora = np.array([r["corpus"] for r in rows])
    answerable = y == 0
    shipped = np.array([r["outcome"] == "answered" for r in rows])
    hedged = args.hedged if args.hedged is not None else 1 - shipped[answerable].mean()
    weights = support_units(x, y)
    print(f"{len(rows)} questions not refused ({answerable.sum()} answerable), "
          f"{len(set(corpora))} corpora")  # fmt: skip
    print("weights in support units:", dict(zip(FEATURES, np.round(weights, 3), strict=True)))
    held_out = np.zeros(len(rows))
    for corpus in sorted(set(corpora)):
        rest = corpora != corpus
        held_out[~rest] = x[~rest] @ support_units(x[rest], y[rest])
    fitted = answered_share(held_out, answerable, hedged)
    print(f"answerable hedged {hedged:.3f}; unanswerable answered confidently: "
          f"shipped outcomes {shipped[~answerable].mean():.3f}, "
          f"fitted without the corpus {fitted[~answerable].mean():.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
