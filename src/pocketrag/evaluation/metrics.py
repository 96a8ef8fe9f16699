"""Ranking metrics as BEIR reports them (pytrec_eval / trec_eval conventions).

Written out by hand (a dozen lines each) rather than pulling pytrec_eval, which needs a C
build. Conventions: nDCG uses linear gains (rel, not 2^rel - 1) and log2(rank + 1)
discounts, with the ideal ranking built from every judged-relevant document; only
judgements > 0 count as relevant; a query with nothing retrieved scores 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

Qrels = Mapping[str, Mapping[str, int]]  # query id -> {doc id: relevance}
Run = Mapping[str, Sequence[str]]  # query id -> ranked doc ids, best first


def ndcg_at_k(ranked: Sequence[str], relevance: Mapping[str, int], k: int = 10) -> float:
    gains = [max(relevance.get(doc, 0), 0) for doc in ranked[:k]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted((r for r in relevance.values() if r > 0), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def recall_at_k(ranked: Sequence[str], relevance: Mapping[str, int], k: int = 100) -> float:
    relevant = {doc for doc, r in relevance.items() if r > 0}
    if not relevant:
        return 0.0
    return len(relevant.intersection(ranked[:k])) / len(relevant)


def mrr_at_k(ranked: Sequence[str], relevance: Mapping[str, int], k: int = 10) -> float:
    for i, doc in enumerate(ranked[:k]):
        if relevance.get(doc, 0) > 0:
            return 1.0 / (i + 1)
    return 0.0


def evaluate_run(run: Run, qrels: Qrels) -> dict[str, float]:
    """Mean nDCG@10, Recall@100 and MRR@10 over every query that has judgements."""
    queries = [q for q, rel in qrels.items() if any(r > 0 for r in rel.values())]
    if not queries:
        return {"ndcg@10": 0.0, "recall@100": 0.0, "mrr@10": 0.0}
    totals = {"ndcg@10": 0.0, "recall@100": 0.0, "mrr@10": 0.0}
    for query in queries:
        ranked = list(dict.fromkeys(run.get(query, ())))  # a doc counts once, at its best
        relevance = qrels[query]
        totals["ndcg@10"] += ndcg_at_k(ranked, relevance, 10)
        totals["recall@100"] += recall_at_k(ranked, relevance, 100)
        totals["mrr@10"] += mrr_at_k(ranked, relevance, 10)
    return {name: value / len(queries) for name, value in totals.items()}
