"""The Store contract, continued: the policies a store owns (duplicates, bad vectors,
read-only) and the members a copy needs (meta, export, questions). Run against both
backends through `store_factory`, like test_store_contract.py."""

from __future__ import annotations

import numpy as np
import pytest
from test_store_contract import LEAVE, add, make_doc

from pocketrag.errors import InvalidVectorsError, PocketragError, StoreReadOnlyError
from pocketrag.questions import QuestionEntry
from pocketrag.store.base import Store


def test_skip_unchanged_is_a_no_op_returning_the_existing_document(store):
    first = add(store, "docs/leave.md", LEAVE, seed=1, sha="sha-a")
    assert first.status == "added"
    document, chunks, vectors = make_doc("docs/leave.md", ["Other text entirely."], seed=9)
    again = store.add_document(document, chunks, vectors, sha256="sha-a", if_unchanged="skip")
    assert again.status == "unchanged"
    assert again.id == first.id
    assert again.chunk_count == 2  # the stored version, not the one offered
    assert store.lexical_search("entirely", 5) == []
    assert store.counts() == {"documents": 1, "chunks": 2}


def test_skip_unchanged_still_replaces_changed_content(store):
    first = add(store, "docs/leave.md", LEAVE, seed=1, sha="sha-a")
    document, chunks, vectors = make_doc("docs/leave.md", ["Leave is now thirty days."], seed=2)
    changed = store.add_document(document, chunks, vectors, sha256="sha-b", if_unchanged="skip")
    assert (changed.status, changed.id, changed.sha256) == ("updated", first.id, "sha-b")
    assert store.counts() == {"documents": 1, "chunks": 1}


def test_replace_is_the_default_even_for_unchanged_content(store):
    add(store, "docs/leave.md", LEAVE, seed=1, sha="sha-a")
    document, chunks, vectors = make_doc("docs/leave.md", ["Rewritten."], seed=3)
    again = store.add_document(document, chunks, vectors, sha256="sha-a")
    assert again.status == "updated"
    assert store.get_document(again.id).chunk_count == 1


def test_skip_unchanged_is_per_collection(store):
    add(store, "docs/leave.md", LEAVE, seed=1, sha="sha-a", collection="hr")
    document, chunks, vectors = make_doc("docs/leave.md", LEAVE, seed=1)
    other = store.add_document(
        document, chunks, vectors, sha256="sha-a", collection="it", if_unchanged="skip"
    )
    assert other.status == "added"
    assert store.counts()["documents"] == 2


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_vectors_are_refused_and_nothing_is_written(store, bad):
    document, chunks, vectors = make_doc("docs/leave.md", LEAVE, seed=1)
    vectors[1, 7] = bad
    with pytest.raises(InvalidVectorsError, match="NaN or infinity"):
        store.add_document(document, chunks, vectors, sha256="sha-a")
    assert store.counts() == {"documents": 0, "chunks": 0}
    assert store.dim is None  # the first document's dimension was not fixed either
    # still a ValueError, as it always was; and now a PocketragError with a clear message
    assert issubclass(InvalidVectorsError, ValueError)
    assert issubclass(InvalidVectorsError, PocketragError)


def test_a_non_finite_replacement_leaves_the_old_version(store):
    first = add(store, "docs/leave.md", LEAVE, seed=1, sha="sha-a")
    document, chunks, vectors = make_doc("docs/leave.md", ["New text."], seed=2)
    vectors[0, 0] = np.nan
    with pytest.raises(InvalidVectorsError):
        store.add_document(document, chunks, vectors, sha256="sha-b")
    assert store.get_document(first.id).sha256 == "sha-a"


def test_writes_to_a_read_only_store_raise_the_one_read_only_error(store_factory):
    add(store_factory(), "docs/leave.md", LEAVE, seed=1)
    view = store_factory(read_only=True)
    document, chunks, vectors = make_doc("docs/other.md", LEAVE, seed=2)
    for write in (
        lambda: view.add_document(document, chunks, vectors, sha256="x"),
        lambda: view.delete_document("docs/leave.md"),
        lambda: view.set_meta("k", "v"),
    ):
        with pytest.raises(StoreReadOnlyError, match="read-only"):
            write()
    assert view.counts()["documents"] == 1


def test_meta_get_set_and_items(store):
    assert store.get_meta("embedding_model") is None
    store.set_meta("embedding_model", "model-a")
    store.set_meta("embedding_model", "model-b")
    assert store.get_meta("embedding_model") == "model-b"
    add(store, "docs/leave.md", LEAVE, seed=1)  # fixes the backend's own "dim" meta
    items = store.meta_items()
    assert items == {"embedding_model": "model-b"}  # the storage's bookkeeping stays out


def test_export_gives_every_document_whole_with_its_vectors(store):
    leave = add(store, "docs/leave.md", LEAVE, seed=1, collection="hr")
    add(store, "docs/it.md", ["Passwords rotate every ninety days."], seed=2, collection="it")
    empty = make_doc("docs/empty.md", ["x"], seed=3)[0]
    store.add_document(empty, [], np.zeros((0, 384), np.float32), sha256="e", collection="hr")
    exported = {e.info.source: e for e in store.export_documents("hr")}
    assert set(exported) == {"docs/leave.md", "docs/empty.md"}
    whole = exported["docs/leave.md"]
    assert whole.info == leave
    _, chunks, vectors = make_doc("docs/leave.md", LEAVE, seed=1)
    assert [c.text for c in whole.chunks] == [c.text for c in chunks]
    assert whole.chunks[1].heading_path == chunks[1].heading_path
    assert whole.chunks[1].embed_text == chunks[1].embed_text
    assert whole.vectors.dtype == np.float32 and whole.vectors.shape == (2, vectors.shape[1])
    np.testing.assert_allclose(np.linalg.norm(whole.vectors, axis=1), 1.0, atol=1e-5)
    cosines = np.einsum("ij,ij->i", whole.vectors, vectors)
    assert cosines.min() > 0.995  # int8 storage rounds; the direction is kept
    assert exported["docs/empty.md"].chunks == []
    assert len(list(store.export_documents())) == 3


def test_an_export_copies_into_another_store_keeping_ids_and_times(store_factory, tmp_path):
    from pocketrag.store.sqlite import SQLiteStore

    source = store_factory()
    original = add(source, "docs/leave.md", LEAVE, seed=1, collection="hr")
    with SQLiteStore(tmp_path / "copy.sqlite3") as target:
        for doc in source.export_documents():
            copied = target.add_document(
                doc.as_document(),
                doc.chunks,
                doc.vectors,
                sha256=doc.info.sha256,
                collection=doc.info.collection,
                document_id=doc.info.id,
                timestamps=(doc.info.created_at, doc.info.updated_at),
            )
            assert copied.status == "added"
        assert target.get_document(original.id) == original
        assert target.lexical_search("carried over", 1)[0].document_id == original.id


def test_questions_export_and_import_round_trip(store_factory, tmp_path):
    from pocketrag.store.sqlite import SQLiteStore

    source = store_factory()
    for n in range(3):
        source.log_question(
            QuestionEntry(
                id=f"q{n}",
                asked_at=f"2025-01-0{n + 1}T00:00:00+00:00",
                question=f"question {n}?",
                outcome="answered",
                mode="extractive",
                latency_ms=12.5,
                channel="api",
            )
        )
    with SQLiteStore(tmp_path / "copy.sqlite3") as target:
        batches = list(source.export_questions(batch=2))
        assert [len(b) for b in batches] == [2, 1]
        assert sum(target.import_questions(rows) for rows in batches) == 3
        assert sum(target.import_questions(rows) for rows in batches) == 0  # ids kept
        assert [row[0] for b in target.export_questions() for row in b] == ["q0", "q1", "q2"]


def test_both_backends_satisfy_the_protocol(store):
    assert isinstance(store, Store)
    assert isinstance(store.concurrent_reads, bool)
