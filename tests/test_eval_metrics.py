"""Retrieval metrics against values worked out by hand (see the comments)."""

from __future__ import annotations

import math

import pytest

from pocketrag.evaluation.metrics import evaluate_run, mrr_at_k, ndcg_at_k, recall_at_k


def test_ndcg_binary():
    # relevant b (rank 2) and d (not retrieved): DCG = 1/log2(3); IDCG = 1 + 1/log2(3)
    dcg = 1 / math.log2(3)
    assert ndcg_at_k(["a", "b", "c"], {"b": 1, "d": 1}) == pytest.approx(dcg / (1 + dcg))
    assert ndcg_at_k(["a", "b", "c"], {"b": 1, "d": 1}) == pytest.approx(0.386853, abs=1e-6)


def test_ndcg_graded_and_cutoff():
    # DCG = 2/1 + 1/log2(3) = 2.63093; IDCG = 3 + 2/log2(3) + 1/2 = 4.76186
    assert ndcg_at_k(["a", "b"], {"a": 2, "b": 1, "c": 3}) == pytest.approx(0.552500, abs=1e-5)
    assert ndcg_at_k(["x", "y", "a"], {"a": 1}, k=2) == 0.0
    assert ndcg_at_k(["a"], {"a": 1}) == 1.0
    assert ndcg_at_k(["a"], {"a": 0}) == 0.0  # no relevant documents at all


def test_recall_and_mrr():
    relevance = {"b": 1, "d": 1, "e": 0}
    assert recall_at_k(["a", "b", "c"], relevance) == 0.5
    assert recall_at_k(["a", "b", "c"], relevance, k=1) == 0.0
    assert recall_at_k(["e"], {"e": 0}) == 0.0
    assert mrr_at_k(["a", "b", "c"], {"c": 1}) == pytest.approx(1 / 3)
    assert mrr_at_k(["a", "b", "c"], {"c": 1}, k=2) == 0.0
    assert mrr_at_k(["c", "b"], {"b": 1, "c": 1}) == 1.0


def test_evaluate_run_averages_over_judged_queries():
    qrels = {"q1": {"a": 1}, "q2": {"b": 1}, "q3": {"z": 0}}
    run = {"q1": ["a", "a", "x"], "q2": ["x", "b"]}  # duplicate "a" counts once
    result = evaluate_run(run, qrels)
    # q3 has no relevant doc and is left out; q1 perfect, q2: ndcg 1/log2(3), mrr 1/2
    assert result["ndcg@10"] == pytest.approx((1 + 1 / math.log2(3)) / 2)
    assert result["mrr@10"] == pytest.approx(0.75)
    assert result["recall@100"] == 1.0
    assert evaluate_run({}, qrels) == {"ndcg@10": 0.0, "recall@100": 0.0, "mrr@10": 0.0}
