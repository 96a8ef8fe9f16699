"""The Store contract: every backend (SQLite, PostgreSQL) must pass these unchanged.

Vectors are random unit vectors (the store does not care where they come from); texts are
written so the expected BM25 winner is clear from the words, not from the code under test.
"""

from __future__ import annotations

import numpy as np
import pytest

from pocketrag.documents import Chunk, Document, PocketragError

DIM = 384


def unit(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
    return v / np.linalg.norm(v)


def make_doc(source: str, texts: list[str], title: str = "", seed: int = 0):
    """A document, its chunks and one distinct vector per chunk (seeded by `seed`)."""
    title = title or source.rsplit("/", 1)[-1]
    document = Document(
        source=source,
        title=title,
        doc_type="text",
        blocks=[],
        pages=1,
        metadata={"origin": "test"},
    )
    chunks, pos = [], 0
    for i, text in enumerate(texts):
        chunks.append(
            Chunk(
                text=text,
                ordinal=i,
                page_start=1,
                page_end=1,
                heading_path=("Section", str(i)),
                char_start=pos,
                char_end=pos + len(text),
                embed_text=f"{title} > Section > {i}\n{text}",
            )
        )
        pos += len(text) + 1
    vectors = np.stack([unit(seed * 1000 + i) for i in range(len(texts))])
    return document, chunks, vectors


def add(store, source, texts, *, seed=0, collection="default", sha="sha-1", title=""):
    document, chunks, vectors = make_doc(source, texts, title=title, seed=seed)
    return store.add_document(document, chunks, vectors, sha256=sha, collection=collection)


LEAVE = [
    "Employees receive twenty-five days of annual leave per calendar year.",
    "Unused leave may be carried over until the end of March.",
]
EXPENSES = [
    "Travel expenses are reimbursed within thirty days when receipts are attached.",
    "Meals during business travel are capped at forty euros per day.",
]
SECURITY = ["Passwords must be at least fourteen characters and never reused."]


def test_add_get_find_list(store):
    info = add(store, "docs/leave.md", LEAVE, seed=1, title="Leave policy")
    assert info.chunk_count == 2
    assert info.source == "docs/leave.md"
    assert info.title == "Leave policy"
    assert info.collection == "default"
    assert info.sha256 == "sha-1"
    assert info.metadata == {"origin": "test"}
    assert store.get_document(info.id) == info
    assert store.find_document("docs/leave.md") == info
    assert store.find_document("docs/leave.md", collection="other") is None
    assert store.get_document("no-such-id") is None
    add(store, "docs/expenses.md", EXPENSES, seed=2)
    listed = store.list_documents()
    assert [d.source for d in listed] == ["docs/expenses.md", "docs/leave.md"]
    assert [d.chunk_count for d in listed] == [2, 2]
    assert store.counts() == {"documents": 2, "chunks": 4}


def test_lexical_search_ranks_matching_chunk_first(store):
    add(store, "leave.md", LEAVE, seed=1)
    add(store, "expenses.md", EXPENSES, seed=2)
    add(store, "security.md", SECURITY, seed=3)
    hits = store.lexical_search("how are travel receipts reimbursed?", 5)
    assert hits, "expected a BM25 hit"
    assert hits[0].source == "expenses.md"
    assert hits[0].text == EXPENSES[0]
    assert hits[0].page_start == 1 and hits[0].heading == "Section > 0"
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(h.scores["bm25"] == h.score for h in hits)
    assert store.lexical_search("carried over leave", 1)[0].text == LEAVE[1]


@pytest.mark.parametrize(
    "query",
    ["", "   ", "?!.,;", '"', "AND OR NOT", "NEAR(", "-leave", "leave:", "*", "a'b\"c", "(("],
)
def test_lexical_search_survives_odd_queries(store, query):
    add(store, "leave.md", LEAVE, seed=1)
    hits = store.lexical_search(query, 5)
    assert isinstance(hits, list)


def test_lexical_search_matches_words_with_syntax_characters(store):
    add(store, "leave.md", LEAVE, seed=1)
    assert store.lexical_search('"annual" -leave: (NEAR', 5)[0].source == "leave.md"


def test_dense_search_finds_nearest_vector(store):
    add(store, "leave.md", LEAVE, seed=1)
    add(store, "expenses.md", EXPENSES, seed=2)
    target = unit(2 * 1000 + 1)  # the vector of expenses.md chunk 1
    hits = store.dense_search(target, 3)
    assert len(hits) == 3
    assert hits[0].source == "expenses.md" and hits[0].text == EXPENSES[1]
    assert hits[0].scores["dense"] == pytest.approx(1.0, abs=0.02)
    scores = [h.scores["dense"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    # Random 384-d vectors are near-orthogonal.
    assert abs(hits[1].scores["dense"]) < 0.3


def test_collections_are_separate_namespaces(store):
    add(store, "handbook.md", LEAVE, seed=1, collection="hr")
    add(store, "handbook.md", EXPENSES, seed=2, collection="finance")
    assert len(store.list_documents()) == 2
    assert [d.collection for d in store.list_documents(collection="hr")] == ["hr"]
    assert store.find_document("handbook.md", "finance").chunk_count == 2

    hits = store.lexical_search("leave travel", 10, collection="finance")
    assert hits and all(h.collection == "finance" for h in hits)
    assert {h.text for h in hits} <= set(EXPENSES)

    dense = store.dense_search(unit(1000), 10, collection="finance")
    assert dense and {h.text for h in dense} == set(EXPENSES)
    assert store.dense_search(unit(1000), 10, collection="hr")[0].text == LEAVE[0]
    assert store.lexical_search("leave", 5, collection="nope") == []
    assert store.dense_search(unit(1000), 5, collection="nope") == []


def test_document_filter(store):
    leave = add(store, "leave.md", LEAVE, seed=1)
    expenses = add(store, "expenses.md", EXPENSES, seed=2)
    hits = store.lexical_search("leave travel days", 10, document_ids=[expenses.id])
    assert hits and {h.document_id for h in hits} == {expenses.id}
    dense = store.dense_search(unit(1000), 10, document_ids=[expenses.id])
    assert {h.document_id for h in dense} == {expenses.id}
    dense = store.dense_search(unit(1000), 1, document_ids=[leave.id, expenses.id])
    assert dense[0].text == LEAVE[0]
    assert dense[0].scores["dense"] == pytest.approx(1.0, abs=0.02)
    assert store.lexical_search("leave", 5, document_ids=[]) == []


def test_replace_keeps_id_and_swaps_content_atomically(store):
    first = add(store, "policy.md", LEAVE, seed=1, sha="old")
    second = add(store, "policy.md", SECURITY, seed=3, sha="new")
    assert second.id == first.id
    assert second.created_at == first.created_at
    assert second.sha256 == "new" and second.chunk_count == 1
    assert store.counts() == {"documents": 1, "chunks": 1}
    assert store.lexical_search("annual leave", 5) == []
    assert store.lexical_search("passwords", 5)[0].text == SECURITY[0]
    assert [h.text for h in store.dense_search(unit(1000), 5)] == [SECURITY[0]]


def test_failed_add_leaves_store_unchanged(store):
    add(store, "policy.md", LEAVE, seed=1, sha="old")
    document, chunks, vectors = make_doc("policy.md", [*SECURITY, "second"], seed=3)
    broken = [chunks[0], Chunk(None, 1, 1, 1, (), 0, 1, "x")]  # type: ignore[arg-type]
    with pytest.raises(Exception):  # noqa: B017 - any database error will do
        store.add_document(document, broken, vectors, sha256="new")
    info = store.find_document("policy.md")
    assert info.sha256 == "old" and info.chunk_count == 2
    assert store.counts() == {"documents": 1, "chunks": 2}
    assert store.lexical_search("passwords", 5) == []
    assert store.lexical_search("annual leave", 5)[0].source == "policy.md"
    # Mismatched vectors are refused before anything is written.
    with pytest.raises(ValueError):
        store.add_document(document, chunks, vectors[:1], sha256="new")
    assert store.counts() == {"documents": 1, "chunks": 2}


def test_delete_by_id_and_by_source(store):
    leave = add(store, "leave.md", LEAVE, seed=1)
    add(store, "expenses.md", EXPENSES, seed=2)
    add(store, "expenses.md", EXPENSES, seed=2, collection="other")
    assert store.delete_document(leave.id) == 1
    assert store.get_document(leave.id) is None
    assert store.lexical_search("annual leave", 5) == []
    assert all(h.document_id != leave.id for h in store.dense_search(unit(1000), 10))
    assert store.delete_document("expenses.md", collection="other") == 1
    assert store.delete_document("expenses.md") == 1
    assert store.delete_document("expenses.md") == 0
    assert store.counts() == {"documents": 0, "chunks": 0}
    assert store.dense_search(unit(2000), 5) == []


def test_persists_across_reopen_and_read_only(store_factory):
    writer = store_factory()
    info = add(writer, "leave.md", LEAVE, seed=1)
    writer.close()

    reader = store_factory(read_only=True)
    assert reader.read_only is True
    assert reader.get_document(info.id) == info
    assert reader.lexical_search("annual leave", 5)[0].source == "leave.md"
    assert reader.dense_search(unit(1000), 1)[0].text == LEAVE[0]
    document, chunks, vectors = make_doc("new.md", SECURITY, seed=3)
    with pytest.raises(PocketragError, match="read-only"):
        reader.add_document(document, chunks, vectors, sha256="x")
    with pytest.raises(PocketragError, match="read-only"):
        reader.delete_document(info.id)
    assert reader.counts() == {"documents": 1, "chunks": 2}


def test_document_without_chunks(store):
    document = Document(source="empty.md", title="Empty", doc_type="markdown", blocks=[])
    info = store.add_document(document, [], np.zeros((0, DIM), np.float32), sha256="e")
    assert info.chunk_count == 0
    assert store.find_document("empty.md").chunk_count == 0


def test_hybrid_retrieval_is_the_fusion_of_both_searches(store):
    """The Retriever's hybrid result (concurrent halves on PostgreSQL, sequential on SQLite)
    equals fusing the store's own BM25 and dense lists."""
    from pocketrag.retrieval import Retriever, reciprocal_rank_fusion

    add(store, "leave.md", LEAVE, seed=1)
    add(store, "expenses.md", EXPENSES, seed=2)
    add(store, "security.md", SECURITY, seed=3)
    query, vector = "travel expenses receipts", unit(1000)  # dense favours leave.md chunk 0
    retriever = Retriever(store, lambda _: vector, bm25_top_n=10, dense_top_n=10, rrf_k=10)
    expected = reciprocal_rank_fusion(
        [store.lexical_search(query, 10), store.dense_search(vector, 10)], k=10
    )
    for _ in range(3):  # repeated: the concurrent path must not depend on timing
        got = retriever.run(query, k=5)
        assert [h.chunk_id for h in got] == [h.chunk_id for h in expected[:5]]
        # BM25 ranks both expenses chunks first; dense ranks leave.md chunk 0 first.
        assert [h.source for h in got[:3]] == ["expenses.md", "expenses.md", "leave.md"]


def test_term_stats_give_document_frequency_and_holders(store):
    add(store, "docs/leave.md", LEAVE, seed=1)
    add(store, "docs/expenses.md", EXPENSES, seed=2)
    lexical = store.lexical_search("leave travel", 10)
    ids = {h.text: int(h.chunk_id) for h in lexical}
    carried = ids[LEAVE[1]]
    chosen = [carried, ids[EXPENSES[0]]]
    stats = store.term_stats("leave travel zeppelin", chosen)
    assert stats.chunks == 4
    by_count = sorted(stats.terms, key=lambda t: t[0])
    # "zeppelin": in no chunk; "leave": the two leave chunks; "travel": both expense chunks
    assert [df for df, _ in by_count] == [0, 2, 2]
    assert by_count[0][1] == frozenset()
    assert {frozenset({carried}), frozenset({ids[EXPENSES[0]]})} == {t[1] for t in by_count[1:]}


def test_vector_mean_is_the_mean_of_the_stored_vectors(store):
    assert store.vector_mean() is None
    _, _, leave_vectors = make_doc("docs/leave.md", LEAVE, seed=1)
    _, _, expense_vectors = make_doc("docs/expenses.md", EXPENSES, seed=2)
    add(store, "docs/leave.md", LEAVE, seed=1)
    add(store, "docs/expenses.md", EXPENSES, seed=2)
    expected = np.concatenate([leave_vectors, expense_vectors]).mean(axis=0)
    mean = store.vector_mean()
    assert mean is not None and mean.shape == (DIM,)
    # int8 storage rounds each component to 1/127
    assert float(np.abs(mean - expected).max()) < 0.01
