"""Do the retrieved chunks answer the question? One number compared with a threshold.

The decision rule (refuse when `relevance_score(signals) < settings.refusal_threshold`):

    relevance = heading + 0.08 x bm25 + 0.5 x support

- heading: best cosine between the question and the hits' own section headings. Policies
  are organised by topic, so a question whose topic matches no section is likely not
  covered ("Can I bring my dog?" matches no heading; "My mum died, how much time off?"
  matches "Bereavement leave").
- bm25: best BM25 among the hits: IDF-weighted word evidence, so rare shared words count
  most, and exact names and numbers the small embedding model blurs still count.
- support: the best candidate sentence read in its context: max over the sentences the
  extractive step would quote of cos(question, sentence) + 0.5 x cos(question, its chunk).
  A chunk can be on topic without any sentence saying anything about the question; a
  sentence alone can match by accident. It is the same quantity the extractive answer uses
  to choose which document to quote, so the refusal and the answer agree on the evidence.

Three features with fixed weights, calibrated on the sample handbook's 74 questions with
bench/qa_refusal_calibration.py (ROC AUC, cross-validated accuracy; docs/BENCHMARKS.md
"Answers"). Signals tried and dropped there: chunk cosine (adds nothing beside heading and
support), share of question words present, IDF-weighted coverage of the rarest question
terms, per-word embedding similarity: colloquial answerable questions ("work from a
Starbucks", "my boss is fiddling the figures") miss as many words as unanswerable ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from pocketrag.config import Settings
from pocketrag.documents import Hit
from pocketrag.generation.extractive import (
    Ranked,
    content_words,
    lexical_overlap,
)


class EmbedderLike(Protocol):
    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


WEIGHTS = {"heading": 1.0, "bm25": 0.08, "support": 0.5}
SIGNALS = ("heading", "bm25", "support", "dense", "lexical")  # the last two: reported only


def relevance_signals(
    question: str,
    hits: Sequence[Hit],
    question_vector: np.ndarray,
    embed: EmbedderLike,
    ranked: Sequence[Ranked] = (),
) -> dict[str, float]:
    """The signals above for the top-k hits; `ranked` are the extractive step's ranked
    candidate sentences (extractive.rank_candidates), whose `support` values are reused."""
    if not hits:
        return dict.fromkeys(SIGNALS, 0.0)
    top = list(hits[:3])
    dense = [h.scores.get("dense") for h in top]
    if any(d is None for d in dense):
        vectors = embed.embed([h.text for h in top])
        dense = [float(v @ question_vector) for v in vectors]
    headings = list(dict.fromkeys(_leaf_heading(h) for h in hits[:5]))
    heading = float((embed.embed(headings) @ question_vector).max())
    words = content_words(question)
    lexical = [lexical_overlap(words, f"{h.title} {h.heading} {h.text}") for h in top]
    return {
        "heading": heading,
        "bm25": max(float(h.scores.get("bm25", 0.0)) for h in hits),
        "support": max((r.support for r in ranked), default=0.0),
        "dense": max(float(d) for d in dense),
        "lexical": max(lexical),
    }


def _leaf_heading(hit: Hit) -> str:
    """The section's own heading (qualifying it with the document title was tried and
    separated answerable from unanswerable questions less well)."""
    return hit.heading.split(" > ")[-1].strip() if hit.heading else (hit.title or hit.source)


def decide(relevance: float, settings: Settings) -> str:
    """ "answered" | "hedged" | "not_found" (see the module docstring)."""
    if relevance < settings.refusal_threshold:
        return "not_found"
    return "hedged" if relevance < settings.confident_threshold else "answered"


def relevance_score(signals: dict[str, float]) -> float:
    """One number compared with settings.refusal_threshold (refuse below it)."""
    return sum(w * max(0.0, signals[name]) for name, w in WEIGHTS.items())
