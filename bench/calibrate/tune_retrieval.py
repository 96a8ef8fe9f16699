"""Tune hybrid retrieval (BM25 top-N, dense top-N, RRF k, weights, FTS column weights) on
SciFact's TRAIN qrels; the test split is never looked at here.

    .venv/bin/python bench/tune_retrieval.py [--data-dir DIR] [--beir ../shared/data/scifact]

Builds (or reuses) the same cached index as `pocketrag eval beir`, retrieves deep BM25 and
dense lists once per query, then replays fusion for every setting. Prints the best settings
by nDCG@10 (train) as a Markdown table.
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from pocketrag.config import load_settings
from pocketrag.evaluation.beir import build_index, rank_documents, read_qrels, read_queries
from pocketrag.evaluation.metrics import evaluate_run
from pocketrag.pipeline import Pipeline
from pocketrag.store.sqlite import SQLiteStore

DEPTH = 300


def fuse(lists: list[list[str]], k: float, weights: tuple[float, float]) -> list[str]:
    """The same formula as retrieval.reciprocal_rank_fusion, on bare (chunk) keys: the grid
    replays it ~10^6 times, too many for Hit objects."""
    totals: dict[str, float] = {}
    for ranked, weight in zip(lists, weights, strict=True):
        for rank, key in enumerate(ranked, start=1):
            totals[key] = totals.get(key, 0.0) + weight / (k + rank)
    return sorted(totals, key=lambda key: -totals[key])


def doc_of(chunk_key: str) -> str:
    return chunk_key.split("#", 1)[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=Path("pocketrag-data"))
    parser.add_argument("--beir", type=Path, default=Path("../shared/data/scifact"))
    parser.add_argument("--split", default="train")
    args = parser.parse_args()
    settings = load_settings(data_dir=args.data_dir)
    path, _, _ = build_index(settings, args.beir)
    qrels = read_qrels(args.beir, args.split)
    queries = read_queries(args.beir)
    store = SQLiteStore(path, read_only=True)
    pipeline = Pipeline(settings, store=store)
    vectors = {q: pipeline.embed_query(queries[q]) for q in qrels}
    dense_hits = {q: store.dense_search(vectors[q], DEPTH) for q in qrels}
    dense = {q: [f"{h.source}#{h.chunk_id}" for h in hits] for q, hits in dense_hits.items()}
    rows = []
    for fts in [(1.0, 1.0, 1.0), (2.0, 1.0, 1.0), (0.5, 1.0, 1.0), (3.0, 1.0, 1.0)]:
        store.fts_weights = fts
        lexical_hits = {q: store.lexical_search(queries[q], DEPTH) for q in qrels}
        lexical = {q: [f"{h.source}#{h.chunk_id}" for h in hs] for q, hs in lexical_hits.items()}
        rows.append(
            (
                evaluate_run({q: rank_documents(h) for q, h in lexical_hits.items()}, qrels),
                {"mode": "bm25", "fts": fts},
            )
        )
        if fts == (1.0, 1.0, 1.0):
            rows.append(
                (
                    evaluate_run({q: rank_documents(h) for q, h in dense_hits.items()}, qrels),
                    {"mode": "dense"},
                )
            )
        grid = itertools.product(
            [50, 100, 200, 300],
            [50, 100, 200, 300],
            [10, 30, 60, 100],
            [(1.0, 1.0), (1.0, 1.5), (1.5, 1.0), (1.0, 2.0), (2.0, 1.0)],
        )
        for n_bm25, n_dense, k, weights in grid:
            run = {}
            for q in qrels:
                fused = fuse([lexical[q][:n_bm25], dense[q][:n_dense]], k, weights)
                run[q] = list(dict.fromkeys(doc_of(key) for key in fused))[:100]
            rows.append(
                (
                    evaluate_run(run, qrels),
                    {
                        "mode": "hybrid",
                        "fts": fts,
                        "bm25_top_n": n_bm25,
                        "dense_top_n": n_dense,
                        "rrf_k": k,
                        "weights": weights,
                    },
                )
            )
    store.close()
    rows.sort(key=lambda r: -r[0]["ndcg@10"])
    print(f"| nDCG@10 ({args.split}) | Recall@100 | MRR@10 | setting |")
    print("|---|---|---|---|")
    shown = [r for r in rows if r[1]["mode"] == "hybrid"][:15]
    shown += [r for r in rows if r[1]["mode"] != "hybrid"]
    for metrics, setting in shown:
        print(
            f"| {metrics['ndcg@10']:.4f} | {metrics['recall@100']:.4f} | "
            f"{metrics['mrr@10']:.4f} | {setting} |"
        )


if __name__ == "__main__":
    main()
