"""Hybrid retrieval: BM25 and dense search from the store, fused by reciprocal rank.

Why both (DESIGN decision 5): BM25 finds exact names, numbers and rare terms a small
embedding model blurs; dense search finds paraphrases with no shared words. Reciprocal-rank
fusion needs no score calibration between the two, which is what makes it robust across
corpora. A user-supplied cross-encoder can re-order the fused list (no reranker weights are
obtainable offline, so none ships).

Defaults were tuned on SciFact's *train* qrels (never test); see docs/BENCHMARKS.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Protocol

import numpy as np

from pocketrag.documents import Hit, PocketragError
from pocketrag.store.base import Store

MODES: tuple[str, ...] = ("bm25", "dense", "hybrid")

# Tuned on SciFact train (bench/calibrate/tune_retrieval.py); see docs/BENCHMARKS.md
# "Retrieval". The train landscape is flat (many settings within 0.001 nDCG@10); its best
# settings all use a small k, which keeps one retriever's confident top hit from being
# buried under documents both retrievers rank in the middle.
DEFAULT_BM25_TOP_N = 100
DEFAULT_DENSE_TOP_N = 200
DEFAULT_RRF_K = 10
DEFAULT_WEIGHTS = (1.0, 1.0)  # (bm25, dense) in the fused sum


class Reranker(Protocol):
    """A cross-encoder (or anything) that re-scores fused hits; must keep the Hit objects."""

    def rerank(self, query: str, hits: list[Hit]) -> list[Hit]: ...


def reciprocal_rank_fusion(
    ranked_lists: Sequence[Sequence[Hit]],
    *,
    k: float = DEFAULT_RRF_K,
    weights: Sequence[float] | None = None,
) -> list[Hit]:
    """score(chunk) = sum over lists of weight / (k + rank), rank from 1.

    The returned hits carry every retriever's own score in `scores` plus the fused one
    under "rrf", and `score` = the fused score; ties keep first-seen order.
    """
    weights = weights or [1.0] * len(ranked_lists)
    if len(weights) != len(ranked_lists):
        raise ValueError("one weight per ranked list")
    fused: dict[object, Hit] = {}
    totals: dict[object, float] = {}
    for hits, weight in zip(ranked_lists, weights, strict=True):
        for rank, hit in enumerate(hits, start=1):
            key = hit.chunk_id
            if key not in fused:
                fused[key] = replace(hit, scores=dict(hit.scores))
                totals[key] = 0.0
            else:
                fused[key].scores.update(hit.scores)
            totals[key] += weight / (k + rank)
    order = sorted(fused, key=lambda key: -totals[key])
    out = []
    for key in order:
        hit = fused[key]
        hit.score = totals[key]
        hit.scores["rrf"] = totals[key]
        out.append(hit)
    return out


_WORDS = re.compile(r"[^\W_]+", re.UNICODE)
_DIGIT = re.compile(r"\d")
# A passage whose words are nearly all in another document's passage is the same text
# (another format of the same manual, a consolidated copy): formats differ in bullets,
# numbering and line breaks, and chunk boundaries differ where one format has lost its
# headings, so the smaller passage is compared with the larger one, not the two as equals.
DUPLICATE_CONTAINMENT = 0.9
MIN_DUPLICATE_WORDS = 8


def _word_set(text: str) -> set[str]:
    return set(_WORDS.findall(text.lower()))


def _same_text(a: set[str], b: set[str]) -> bool:
    """Nearly all words of the smaller in the larger, and every figure: "up to 5 days" and
    "up to 3 days" in two policies are a disagreement, not a copy."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) < MIN_DUPLICATE_WORDS or not {w for w in small if _DIGIT.search(w)} <= large:
        return False
    return len(small & large) / len(small) >= DUPLICATE_CONTAINMENT


def collapse_duplicates(hits: Sequence[Hit]) -> list[Hit]:
    """One hit per passage: a later hit from another document whose text is nearly the same
    as an earlier one's is dropped, and its source noted in the kept hit's `also_in`."""
    kept: list[tuple[Hit, set[str]]] = []
    for hit in hits:
        words = _word_set(hit.text)
        for other, other_words in kept:
            if _same_text(words, other_words):
                if hit.document_id != other.document_id and hit.source not in other.also_in:
                    other.also_in.append(hit.source)
                break
        else:
            kept.append((replace(hit, also_in=list(hit.also_in)), words))
    return [hit for hit, _ in kept]


_BACKGROUND: ThreadPoolExecutor | None = None


def _background() -> ThreadPoolExecutor:
    """One small shared pool for the BM25 half of hybrid searches on concurrent stores."""
    global _BACKGROUND
    if _BACKGROUND is None:
        _BACKGROUND = ThreadPoolExecutor(max_workers=4, thread_name_prefix="pocketrag-bm25")
    return _BACKGROUND


class Retriever:
    """Searches one store in `bm25`, `dense` or `hybrid` mode.

    `embed_query` is a callable rather than an embedder so BM25-only use never loads the
    model (the pipeline passes a function that loads it lazily).
    """

    def __init__(
        self,
        store: Store,
        embed_query: Callable[[str], np.ndarray],
        *,
        bm25_top_n: int = DEFAULT_BM25_TOP_N,
        dense_top_n: int = DEFAULT_DENSE_TOP_N,
        rrf_k: float = DEFAULT_RRF_K,
        weights: tuple[float, float] = DEFAULT_WEIGHTS,
        reranker: Reranker | None = None,
        rerank_top_n: int = 20,
    ) -> None:
        if bm25_top_n < 1 or dense_top_n < 1 or rerank_top_n < 1:
            raise ValueError("top-N values must be at least 1")
        if rrf_k < 0:
            raise ValueError("rrf_k must be >= 0")
        self.store = store
        self.embed_query = embed_query
        self.bm25_top_n = bm25_top_n
        self.dense_top_n = dense_top_n
        self.rrf_k = rrf_k
        self.weights = weights
        self.reranker = reranker
        self.rerank_top_n = rerank_top_n

    def run(
        self,
        query: str,
        k: int = 5,
        mode: str = "hybrid",
        *,
        collection: str | None = None,
        document_ids: Sequence[str] | None = None,
    ) -> list[Hit]:
        if mode not in MODES:
            raise PocketragError(f"Unknown search mode {mode!r}; use one of {', '.join(MODES)}.")
        if k < 1:
            raise PocketragError("k must be at least 1.")
        query = query.strip()
        if not query:
            return []
        depth = max(k, self.rerank_top_n if self.reranker else k)
        filters = {"collection": collection, "document_ids": document_ids}
        if mode == "bm25":
            hits = self.store.lexical_search(query, max(depth, 1), **filters)
        elif mode == "dense":
            vector = self.embed_query(query)
            hits = self.store.dense_search(vector, max(depth, 1), **filters)
        else:
            lexical_depth = max(self.bm25_top_n, depth)
            if getattr(self.store, "concurrent_reads", False):
                # BM25 runs on its own connection while the query is embedded and the
                # dense search runs: latency is the slower of the two, not their sum.
                pending = _background().submit(
                    self.store.lexical_search, query, lexical_depth, **filters
                )
                vector = self.embed_query(query)
                dense = self.store.dense_search(vector, max(self.dense_top_n, depth), **filters)
                lexical = pending.result()
            else:
                vector = self.embed_query(query)
                lexical = self.store.lexical_search(query, lexical_depth, **filters)
                dense = self.store.dense_search(vector, max(self.dense_top_n, depth), **filters)
            hits = reciprocal_rank_fusion([lexical, dense], k=self.rrf_k, weights=self.weights)
            self._fill_dense_scores(hits[:depth], vector)
        hits = hits[:depth]
        if self.reranker is not None:
            hits = self.reranker.rerank(query, hits)
        return hits[:k]

    def _fill_dense_scores(self, hits: list[Hit], vector: np.ndarray) -> None:
        """Give BM25-only hits their cosine too, so a relevance threshold downstream can
        look at one comparable number for every hit (when the store can fetch vectors)."""
        missing = [h for h in hits if "dense" not in h.scores]
        get_vectors = getattr(self.store, "get_vectors", None)
        if not missing or get_vectors is None:
            return
        stored = get_vectors([h.chunk_id for h in missing])
        q = np.asarray(vector, dtype=np.float32).reshape(-1)
        for hit in missing:
            v = stored.get(hit.chunk_id)  # type: ignore[call-overload]
            if v is not None:
                hit.scores["dense"] = float(v @ q) / (float(np.linalg.norm(v)) or 1.0)
