"""The Pipeline methods api/ and cli/ use instead of the store and the answerer: documents,
one uploaded file, search with its query vector, status. Real SQLite, model and parse
worker throughout."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pocketrag.config import load_settings
from pocketrag.formatting import page_reference, pages_label
from pocketrag.models import embed_texts
from pocketrag.pipeline import Pipeline, llm_status
from pocketrag.schemas import document_json, hit_json
from test_ask import LEAVE_Q

POLICY_A = "# Expenses\n\nTaxis are refunded up to 40 euros per trip with a receipt.\n"
POLICY_B = "# Expenses\n\nMeals on business trips are refunded up to 25 euros a day.\n"


@pytest.fixture
def pipeline(tmp_path: Path):
    with Pipeline(load_settings(data_dir=tmp_path / "data")) as p:
        yield p


def staged(tmp_path: Path, name: str, text: str) -> Path:
    """An upload as api/uploads.py stages it: under a generated name."""
    folder = tmp_path / "staging" / name
    folder.mkdir(parents=True)
    path = folder / "upload-7f3a.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_upload_naming_unchanged_and_replace(pipeline: Pipeline, tmp_path: Path) -> None:
    named: list[str] = []
    first = pipeline.ingest_upload(
        staged(tmp_path, "a", POLICY_A), "policy.md", on_named=named.append
    )
    assert (first.status, first.source, named) == ("added", "policy.md", ["policy.md"])
    again = pipeline.ingest_upload(staged(tmp_path, "b", POLICY_A), "policy.md")
    assert (again.status, again.document_id) == ("unchanged", first.document_id)
    other = pipeline.ingest_upload(staged(tmp_path, "c", POLICY_B), "policy.md")
    assert (other.status, other.source) == ("added", "policy (2).md")
    assert pipeline.get_document(other.document_id).title == "Expenses"
    replaced = pipeline.ingest_upload(staged(tmp_path, "d", POLICY_B), "policy.md", replace=True)
    assert (replaced.status, replaced.source) == ("updated", "policy.md")
    assert sorted(d.source for d in pipeline.list_documents()) == ["policy (2).md", "policy.md"]


def test_documents_list_get_delete_by_id_and_source(pipeline: Pipeline, tmp_path: Path) -> None:
    a = pipeline.ingest_upload(staged(tmp_path, "a", POLICY_A), "a.md", collection="hr")
    b = pipeline.ingest_upload(staged(tmp_path, "b", POLICY_B), "b.md")
    assert [d.source for d in pipeline.list_documents("hr")] == ["a.md"]
    info = pipeline.get_document(a.document_id)
    assert info is not None and info.collection == "hr"
    assert pipeline.counts() == {"documents": 2, "chunks": 2}
    assert pipeline.delete_document("b.md", "hr") == 0  # not in that collection
    assert pipeline.delete_document("b.md") == 1
    assert pipeline.delete_document(a.document_id) == 1
    assert pipeline.get_document(b.document_id) is None and pipeline.list_documents() == []


def test_search_returns_the_query_vector_and_the_ask_reuses_it(handbook_index: Path) -> None:
    settings = load_settings(data_dir=handbook_index, read_only=True)
    with Pipeline(settings) as pipeline:
        found = pipeline.search_with_vector(LEAVE_Q)
        assert [h.chunk_id for h in found.hits] == [h.chunk_id for h in pipeline.search(LEAVE_Q)]
        expected = embed_texts(settings, [LEAVE_Q])[0]
        assert found.query_vector is not None
        assert np.allclose(found.query_vector, expected, atol=1e-6)
        assert pipeline.search_with_vector(LEAVE_Q, mode="bm25").query_vector is None

    with Pipeline(settings) as pipeline:
        embedder = pipeline.embedder
        single: list[str] = []
        real = embedder.embed

        def counting(texts, **options):  # the real model; counts the one-text calls (questions)
            if len(texts) == 1:
                single.append(texts[0])
            return real(texts, **options)

        embedder.embed = counting  # the shared embedder: put back below
        try:
            answer = pipeline.ask(LEAVE_Q, use_llm=False)
        finally:
            del embedder.embed
        assert not answer.refused
        assert single.count(answer.question) == 1  # search and answerability share it


def test_retrieve_is_the_ranking_uncollapsed(handbook_index: Path) -> None:
    settings = load_settings(data_dir=handbook_index, read_only=True)
    with Pipeline(settings, retriever_options={"rrf_k": 60}) as pipeline:
        assert pipeline.retriever.rrf_k == 60
        hits = pipeline.retrieve(LEAVE_Q, 8, "bm25")
        assert len(hits) == 8 and all(h.also_in == [] for h in hits)


def test_status_without_building_the_answerer(handbook_index: Path) -> None:
    settings = load_settings(data_dir=handbook_index, read_only=True)
    assert llm_status(settings) == {"configured": False, "mode": "extractive"}
    with Pipeline(settings) as pipeline:
        pipeline.open_index()
        pipeline.warm_up()
        assert pipeline.llm_status() == {"configured": False, "mode": "extractive"}
        assert "answerer" not in vars(pipeline)
        assert pipeline.llm_breaker() is None  # no LLM configured, no breaker


def test_one_json_shape_and_one_page_label(handbook_index: Path) -> None:
    with Pipeline(load_settings(data_dir=handbook_index, read_only=True)) as pipeline:
        (info, *_) = pipeline.list_documents()
        hit = pipeline.search(LEAVE_Q, k=1)[0]
    assert document_json(info)["chunk_count"] == info.chunk_count
    assert hit_json(hit) == hit.to_json()
    assert [pages_label({"page_start": 3, "page_end": e}) for e in (None, 3, 5)] == ["3"] * 2 + [
        "3-5"
    ]
    assert page_reference({"page_start": 3, "page_end": 3}) == "p. 3"
    assert page_reference({"page_start": 3, "page_end": 5}) == "pp. 3-5"
    assert page_reference({"page_start": None, "page_end": None}) == ""
