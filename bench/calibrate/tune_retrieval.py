"""Tune hybrid retrieval (BM25 top-N, dense top-N, RRF k, weights, FTS column weights) on
SciFact's TRAIN qrels; the test split is never looked at here.

    .venv/bin/python -m bench.calibrate.tune_retrieval [--data-dir DIR] \
        [--beir ../shared/data/scifact]

Builds (or reuses) the same cached index as `pocketrag eval beir`, retrieves deep BM25 and
dense lists once per query, then replays fusion for every setting with the shipped
`retrieval.reciprocal_rank_fusion` (not a copy: what is tuned is what ships). Prints the
best settings by nDCG@10 (train) as a Markdown table. The full grid replays fusion ~10^6
times, about 1 ms each on SciFact's depths: expect ~20 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from pocketrag.config import load_settings
from pocketrag.evaluation.beir import build_index, rank_documents, read_qrels, read_queries
from pocketrag.evaluation.metrics import evaluate_run
from pocketrag.pipeline import Pipeline
from pocketrag.retrieval import reciprocal_rank_fusion

DEPTH = 300


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
    pipeline = Pipeline(load_settings(data_dir=args.data_dir, index_path=path), read_only=True)
    store = pipeline.store  # the raw BM25 and dense lists, before fusion
    vectors = {q: pipeline.embed_query(queries[q]) for q in qrels}
    dense_hits = {q: store.dense_search(vectors[q], DEPTH) for q in qrels}
    rows = []
    for fts in [(1.0, 1.0, 1.0), (2.0, 1.0, 1.0), (0.5, 1.0, 1.0), (3.0, 1.0, 1.0)]:
        # TODO(issue 15): needs a public, backend-neutral way to set the FTS column weights
        # (title, heading, text): a Settings field (config.py) that open_store hands the
        # SQLite store; PostgreSQL's BM25 has no per-column weights yet. Until then the
        # SQLite store's own public attribute (also its constructor's keyword).
        store.fts_weights = fts  # type: ignore[attr-defined]
        lexical_hits = {q: store.lexical_search(queries[q], DEPTH) for q in qrels}
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
                fused = reciprocal_rank_fusion(
                    [lexical_hits[q][:n_bm25], dense_hits[q][:n_dense]], k=k, weights=weights
                )
                run[q] = rank_documents(fused)
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
    pipeline.close()
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
