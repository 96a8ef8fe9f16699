"""Hybrid retrieval on a real SQLite index with the real embedding model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pocketrag.documents import Chunk, Document, Hit, PocketragError
from pocketrag.retrieval import Retriever, reciprocal_rank_fusion
from pocketrag.store.sqlite import SQLiteStore


def hit(chunk_id: int, kind: str = "bm25", score: float = 1.0) -> Hit:
    return Hit(chunk_id, "d", "s", "t", f"text {chunk_id}", 1, 1, "", score, {kind: score})


def test_rrf_matches_hand_computed_scores():
    lexical = [hit(1), hit(2), hit(3)]
    dense = [hit(2, "dense", 0.9), hit(4, "dense", 0.8)]
    fused = reciprocal_rank_fusion([lexical, dense], k=60)
    # 2: 1/62 + 1/61; 1: 1/61; 4: 1/62; 3: 1/63
    assert [h.chunk_id for h in fused] == [2, 1, 4, 3]
    assert fused[0].score == pytest.approx(1 / 62 + 1 / 61)
    assert fused[1].score == pytest.approx(1 / 61)
    assert fused[3].score == pytest.approx(1 / 63)
    assert fused[0].scores == pytest.approx({"bm25": 1.0, "dense": 0.9, "rrf": 1 / 62 + 1 / 61})
    # The inputs are not modified.
    assert lexical[1].scores == {"bm25": 1.0}


def test_weighted_rrf():
    fused = reciprocal_rank_fusion([[hit(1)], [hit(2, "dense")]], k=10, weights=[1.0, 2.0])
    assert [h.chunk_id for h in fused] == [2, 1]
    assert fused[0].score == pytest.approx(2 / 11)
    with pytest.raises(ValueError):
        reciprocal_rank_fusion([[hit(1)]], weights=[1.0, 2.0])


CORPUS = {
    "leave.md": [
        "Full-time staff are entitled to twenty-five days of paid annual leave each year.",
        "Requests for time off must be approved by your line manager two weeks in advance.",
    ],
    "security.md": [
        "Report a lost laptop to the service desk within one hour, quoting form SEC-7731.",
        "Multi-factor authentication is mandatory for all remote access to company systems.",
    ],
    "expenses.md": [
        "Claims for travel costs are repaid with the next salary once receipts are uploaded.",
        "Alcohol is never reimbursed, even during client dinners.",
    ],
}


def build(store: SQLiteStore, embedder, collection: str = "default", names=None) -> dict:
    ids = {}
    for source, texts in CORPUS.items():
        if names and source not in names:
            continue
        title = source.removesuffix(".md").title()
        chunks = [
            Chunk(t, i, None, None, (title,), 0, len(t), f"{title} > {title}\n{t}")
            for i, t in enumerate(texts)
        ]
        vectors = embedder.embed([c.embed_text for c in chunks])
        doc = Document(source=source, title=title, doc_type="markdown", blocks=[])
        info = store.add_document(doc, chunks, vectors, sha256=source, collection=collection)
        ids[source] = info.id
    return ids


@pytest.fixture
def indexed(tmp_path: Path, embedder):
    store = SQLiteStore(tmp_path / "index.sqlite3")
    ids = build(store, embedder)
    yield store, ids
    store.close()


def embed_with(embedder):
    return lambda q: embedder.embed([q])[0]


@pytest.mark.parametrize("mode", ["bm25", "dense", "hybrid"])
def test_exact_code_found_in_every_mode(indexed, embedder, mode):
    store, _ = indexed
    retriever = Retriever(store, embed_with(embedder))
    hits = retriever.run("What is form SEC-7731 for?", 3, mode)
    assert hits[0].source == "security.md"
    assert hits[0].text.startswith("Report a lost laptop")


def test_paraphrase_needs_dense(indexed, embedder):
    store, _ = indexed
    retriever = Retriever(store, embed_with(embedder))
    query = "How much holiday do I get?"  # no word shared with the leave chunk
    assert all("twenty-five" not in h.text for h in retriever.run(query, 3, "bm25"))
    for mode in ("dense", "hybrid"):
        top = retriever.run(query, 1, mode)[0]
        assert top.source == "leave.md" and "twenty-five" in top.text, mode


def test_hybrid_hits_carry_both_scores(indexed, embedder):
    store, _ = indexed
    hits = Retriever(store, embed_with(embedder)).run("alcohol reimbursed client dinners", 5)
    assert hits[0].text.startswith("Alcohol")
    for h in hits:
        assert "rrf" in h.scores and "dense" in h.scores  # BM25-only hits get a cosine too
        assert h.score == h.scores["rrf"]
        assert -1.0 <= h.scores["dense"] <= 1.0
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_bm25_mode_never_embeds(indexed):
    store, _ = indexed

    def refuse(_: str) -> np.ndarray:
        raise AssertionError("bm25 mode must not load the model")

    assert Retriever(store, refuse).run("annual leave", 2, "bm25")[0].source == "leave.md"


def test_filters_by_collection_and_document(tmp_path: Path, embedder):
    with SQLiteStore(tmp_path / "i.sqlite3") as store:
        build(store, embedder, "hr", names={"leave.md"})
        ids = build(store, embedder, "it", names={"security.md", "expenses.md"})
        retriever = Retriever(store, embed_with(embedder))
        for mode in ("bm25", "dense", "hybrid"):
            hits = retriever.run("annual leave days and laptops", 5, mode, collection="it")
            assert hits and {h.collection for h in hits} == {"it"}, mode
            hits = retriever.run("laptop", 5, mode, document_ids=[ids["expenses.md"]])
            assert {h.source for h in hits} <= {"expenses.md"}, mode


def test_bad_mode_and_empty_query(indexed, embedder):
    store, _ = indexed
    retriever = Retriever(store, embed_with(embedder))
    with pytest.raises(PocketragError, match="mode"):
        retriever.run("leave", 3, "fuzzy")
    assert retriever.run("   ", 3) == []
    assert retriever.run("?!?", 3, "bm25") == []
    with pytest.raises(ValueError):
        Retriever(store, embed_with(embedder), bm25_top_n=0)


class ReverseReranker:
    """A user-supplied reranker: here, one that prefers what fusion ranked last."""

    def rerank(self, query: str, hits: list[Hit]) -> list[Hit]:
        return list(reversed(hits))


def test_reranker_slot_reorders_fused_candidates(indexed, embedder):
    store, _ = indexed
    plain = Retriever(store, embed_with(embedder), rerank_top_n=4).run("leave", 4)
    reranked = Retriever(
        store, embed_with(embedder), reranker=ReverseReranker(), rerank_top_n=4
    ).run("leave", 2)
    assert [h.chunk_id for h in reranked] == [h.chunk_id for h in plain[::-1][:2]]
