"""The Store's measuring members, on both backends: exact dense search and exhaustive BM25
(a benchmark's ground truth must agree with what the store serves) and storage sizes."""

from __future__ import annotations

import numpy as np
from test_store_contract import EXPENSES, LEAVE, SECURITY, add, unit

from pocketrag.store.base import STORAGE_SIZE_KEYS


def fill(store) -> None:
    add(store, "docs/leave.md", LEAVE, seed=1)
    add(store, "docs/expenses.md", EXPENSES, seed=2, collection="finance")
    add(store, "docs/security.md", SECURITY, seed=3)


def brute_force(store, query: np.ndarray) -> list[tuple[int, float]]:
    """Every stored vector's cosine to the query, best first, computed here."""
    ids = [h.chunk_id for h in store.lexical_search("leave travel passwords meals", 100)]
    vectors = store.get_vectors(ids)
    return sorted(((i, float(v @ query)) for i, v in vectors.items()), key=lambda p: -p[1])


def test_exact_dense_search_is_the_brute_force_ranking(store):
    fill(store)
    query = unit(1001) + 0.3 * unit(77)  # near LEAVE's second chunk
    query /= np.linalg.norm(query)
    expected = brute_force(store, query)
    assert len(expected) == 5
    hits = store.dense_search(query, 5, exact=True)
    assert [h.chunk_id for h in hits] == [i for i, _ in expected]
    # SQLite scores int8 vectors: close to the float32 cosine, not equal
    assert np.allclose([h.score for h in hits], [s for _, s in expected], atol=0.02)
    assert [h.chunk_id for h in store.dense_search(query, 3)] == [i for i, _ in expected[:3]]
    finance = store.dense_search(query, 5, exact=True, collection="finance")
    assert {h.source for h in finance} == {"docs/expenses.md"}


def test_exhaustive_lexical_search_agrees_with_the_served_one(store):
    fill(store)
    for query in ("leave", "travel expenses receipts", "passwords characters"):
        served = store.lexical_search(query, 3)
        full = store.lexical_search(query, 3, exhaustive=True)
        assert [(h.chunk_id, round(h.score, 9)) for h in full] == [
            (h.chunk_id, round(h.score, 9)) for h in served
        ]
        assert full
    assert store.lexical_search("meals", 3, exhaustive=True, collection="default") == []


def test_storage_sizes_grow_with_the_content(store):
    empty = store.storage_sizes()
    assert set(empty) == set(STORAGE_SIZE_KEYS)
    assert all(isinstance(v, int) and v >= 0 for v in empty.values())
    for i in range(20):
        add(store, f"docs/many-{i}.md", [f"{w} policy number {i} " * 40 for w in LEAVE], seed=i)
    full = store.storage_sizes()
    assert full["chunks"] > empty["chunks"]
    assert full["text_index"] > empty["text_index"]
    assert full["vector_index"] > 0
    assert full["database"] >= full["chunks"] + full["vector_index"] + full["text_index"]
