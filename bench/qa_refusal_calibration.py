"""Calibrate the refusal threshold on a question set (answerable vs unanswerable).

For every question it runs the real retrieval and records the answerer's relevance signals
(generation.answerability: heading, bm25, support; dense and lexical reported only), then
reports for each single signal and for the shipped mix (answerability.WEIGHTS): ROC AUC,
the best threshold and its refusal precision, recall and accuracy, the margin around it,
and two cross-validated accuracies (5 folds, 5 shuffles): "pick the threshold on 4/5,
apply it to 1/5" with the shipped weights, and "pick the weights *and* the threshold on
4/5" (the weights were themselves chosen on this set, so the second is the honest estimate
for new questions). It also checks the extractive answers' citations at the threshold
(the same answers `pocketrag eval qa --no-llm` gives).

    .venv/bin/python bench/qa_refusal_calibration.py --data-dir DIR [--questions FILE] [-k 5]

DIR must hold an index of the documents the questions are about (pocketrag ingest).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from pocketrag.config import load_settings
from pocketrag.evaluation.qa import citation_correct, doc_name, load_questions
from pocketrag.generation.answerability import WEIGHTS, relevance_score, relevance_signals
from pocketrag.generation.citations import clean_markers
from pocketrag.generation.extractive import extractive_answer, rank_candidates
from pocketrag.pipeline import Pipeline

# weight grids searched by the nested cross-validation (heading's weight fixed at 1)
GRID = {"bm25": np.round(np.arange(0.0, 0.161, 0.02), 2), "support": np.arange(0.0, 1.01, 0.25)}


def auc(values: np.ndarray, answerable: np.ndarray) -> float:
    pos, neg = values[answerable], values[~answerable]
    return float(np.mean([(a > b) + 0.5 * (a == b) for a in pos for b in neg]))


def best_threshold(values: np.ndarray, answerable: np.ndarray) -> tuple[float, float]:
    """(accuracy, threshold): refuse below the threshold; thresholds at midpoints."""
    s = np.sort(np.unique(values))
    mids = np.concatenate([[s[0] - 1e-6], (s[1:] + s[:-1]) / 2, [s[-1] + 1e-6]])
    scored = [(float(np.mean((values >= t) == answerable)), float(t)) for t in mids]
    top = max(a for a, _ in scored)
    # among equally accurate thresholds take the one with the widest gap to any question
    return max(
        ((a, t) for a, t in scored if a == top),
        key=lambda pair: float(np.min(np.abs(values - pair[1]))),
    )


def report(values: np.ndarray, answerable: np.ndarray, threshold: float) -> dict[str, float]:
    refused = values < threshold
    right = refused & ~answerable
    return {
        "refusal_precision": round(float(right.sum() / max(1, refused.sum())), 3),
        "refusal_recall": round(float(right.sum() / max(1, (~answerable).sum())), 3),
        "refusal_accuracy": round(float(np.mean(refused == ~answerable)), 3),
        "margin": round(float(np.min(np.abs(values - threshold))), 4),
    }


def cross_validated(values: np.ndarray, answerable: np.ndarray, folds: int = 5) -> float:
    rng = np.random.default_rng(0)
    scores = []
    for _ in range(5):
        perm = rng.permutation(len(values))
        correct = 0
        for fold in np.array_split(perm, folds):
            train = np.setdiff1d(perm, fold)
            _, t = best_threshold(values[train], answerable[train])
            correct += int(np.sum((values[fold] >= t) == answerable[fold]))
        scores.append(correct / len(values))
    return round(float(np.mean(scores)), 3)


def fit_mix(rows: list[dict], answerable: np.ndarray, idx: np.ndarray) -> tuple[dict, float]:
    """(weights, threshold) with the best accuracy on rows[idx] over GRID."""
    best: tuple[float, dict, float] = (-1.0, {}, 0.0)
    for wb in GRID["bm25"]:
        for ws in GRID["support"]:
            weights = {"heading": 1.0, "bm25": float(wb), "support": float(ws)}
            values = np.array([sum(w * rows[i][n] for n, w in weights.items()) for i in idx])
            acc, t = best_threshold(values, answerable[idx])
            if acc > best[0]:
                best = (acc, weights, t)
    return best[1], best[2]


def nested_cross_validated(rows: list[dict], answerable: np.ndarray, folds: int = 5) -> float:
    rng = np.random.default_rng(0)
    scores = []
    for _ in range(5):
        perm = rng.permutation(len(rows))
        correct = 0
        for fold in np.array_split(perm, folds):
            weights, t = fit_mix(rows, answerable, np.setdiff1d(perm, fold))
            for i in fold:
                value = sum(w * rows[i][n] for n, w in weights.items())
                correct += int((value >= t) == answerable[i])
        scores.append(correct / len(rows))
    return round(float(np.mean(scores)), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--questions", type=Path, default=Path("samples/handbook/questions.jsonl"))
    parser.add_argument("-k", type=int, default=5)
    parser.add_argument("--json", type=Path, help="write per-question signals here")
    args = parser.parse_args()

    pipeline = Pipeline(load_settings(data_dir=args.data_dir), read_only=True)
    items = load_questions(args.questions)
    rows = []
    embed = pipeline.embedder.embed
    for item in items:
        hits = pipeline.search(item.question, k=args.k)
        vector = embed([item.question])[0]
        ranked = rank_candidates(item.question, hits, embed, vector)
        signals = relevance_signals(item.question, hits, vector, pipeline.embedder, ranked)
        signals["mix"] = relevance_score(signals)
        text = extractive_answer(item.question, hits, embed, question_vector=vector, ranked=ranked)
        cited = [doc_name(hits[n - 1].source) for n in clean_markers(text, len(hits)).used]
        rows.append(
            {
                "question": item.question,
                "answerable": item.answerable,
                **signals,
                "cites_right": citation_correct(cited, item.expected_sources),
            }
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))

    answerable = np.array([r["answerable"] for r in rows])
    print(f"{len(rows)} questions ({answerable.sum()} answerable), k={args.k}")
    print(f"mix = {' + '.join(f'{w} x {n}' for n, w in WEIGHTS.items())}")
    print(f"{'signal':10s} {'AUC':>6s} {'best thr':>9s}  in-sample metrics at it; 5-fold CV acc")
    for name in ("dense", "lexical", "heading", "bm25", "support", "mix"):
        values = np.array([r[name] for r in rows])
        _, threshold = best_threshold(values, answerable)
        print(
            f"{name:10s} {auc(values, answerable):6.3f} {threshold:9.4f}  "
            f"{report(values, answerable, threshold)}; cv {cross_validated(values, answerable)}"
        )
    print(f"weights and threshold chosen on 4/5: cv {nested_cross_validated(rows, answerable)}")
    current = load_settings().refusal_threshold
    values = np.array([r["mix"] for r in rows])
    print(f"configured threshold {current}: {report(values, answerable, current)}")
    answered = [r for r in rows if r["answerable"] and r["mix"] >= current]
    right = sum(r["cites_right"] for r in answered)
    print(f"  citation accuracy of the extractive answers: {right}/{len(answered)}")
    all_right = sum(r["cites_right"] for r in rows if r["answerable"])
    print(
        f"  answerable questions citing right if all were answered: {all_right}/{answerable.sum()}"
    )
    wrong = [r for r in rows if (r["mix"] >= current) != r["answerable"]]
    for r in wrong:
        print(f"  wrong: answerable={r['answerable']} mix={r['mix']:.3f} {r['question'][:70]}")


if __name__ == "__main__":
    main()
