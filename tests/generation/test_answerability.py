"""The refusal decision's signals (generation/answerability.py) with the real embedder."""

from __future__ import annotations

import pytest

from pocketrag.documents import Hit
from pocketrag.generation.answerability import WEIGHTS, relevance_score, relevance_signals
from pocketrag.generation.extractive import rank_candidates

LEAVE = (
    "Full-time employees receive 25 days of paid annual leave each leave year, in addition to "
    "public holidays. After every two complete years of service you receive one extra day."
)
TRAVEL = "Book rail travel in standard class. First class is allowed for journeys over 3 hours."


def hits() -> list[Hit]:
    return [
        Hit(1, "a", "annual-leave.md", "Annual leave", LEAVE, None, None, "Entitlement", 0.1,
            scores={"bm25": 6.5}),
        Hit(2, "b", "travel.pdf", "Travel", TRAVEL, 1, 1, "Rail travel", 0.1),
    ]  # fmt: skip


def signals_for(embedder, question: str) -> dict[str, float]:
    q = embedder.embed([question])[0]
    ranked = rank_candidates(question, hits(), embedder.embed, q)
    return relevance_signals(question, hits(), q, embedder, ranked)


def test_no_hits_means_no_relevance(embedder) -> None:
    q = embedder.embed(["anything"])[0]
    signals = relevance_signals("anything", [], q, embedder)
    assert set(signals) >= set(WEIGHTS) and all(v == 0.0 for v in signals.values())
    assert relevance_score(signals) == 0.0


def test_score_is_the_weighted_sum_with_negatives_clamped() -> None:
    signals = {"heading": 0.5, "bm25": 10.0, "support": -0.2, "dense": 0.9, "lexical": 1.0}
    assert relevance_score(signals) == pytest.approx(0.5 + WEIGHTS["bm25"] * 10.0)


@pytest.mark.slow
def test_signals_come_from_the_hits(embedder) -> None:
    question = "How many days of annual leave do I get?"
    q = embedder.embed([question])[0]
    ranked = rank_candidates(question, hits(), embedder.embed, q)
    signals = relevance_signals(question, hits(), q, embedder, ranked)
    assert signals["bm25"] == 6.5  # the best BM25 among the hits; none is 0
    assert signals["support"] == max(r.support for r in ranked)
    heading = float(embedder.embed(["Entitlement"])[0] @ q)
    # int8 quantises with one activation scale per batch (embedding builder v8), so a heading
    # embedded together with the other hits' headings moves slightly (0.007 here) from alone.
    assert signals["heading"] >= heading - 0.02


@pytest.mark.slow
def test_covered_question_scores_above_an_unrelated_one(embedder) -> None:
    covered = relevance_score(signals_for(embedder, "How much paid holiday do I get a year?"))
    unrelated = relevance_score(signals_for(embedder, "What is the boiling point of tungsten?"))
    assert covered > unrelated + 0.3, (covered, unrelated)
