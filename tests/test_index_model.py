"""An index remembers which embedding model made its vectors and refuses another one."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from embedding.fake_bert import make_fake_bert
from pocketrag.config import load_settings
from pocketrag.documents import IndexModelMismatchError
from pocketrag.pipeline import MODEL_META_KEY, Pipeline

POLICY = "# Leave\n\nEmployees get twenty-five days of annual leave each year.\n"


@pytest.fixture
def two_models(tmp_path: Path) -> tuple[Path, Path]:
    """Two BERT folders with the same architecture and dimension but different weights."""
    return (
        make_fake_bert(tmp_path / "model-a", seed=1),
        make_fake_bert(tmp_path / "model-b", seed=2),
    )


def settings_for(tmp_path: Path, model: Path, **extra: object):
    return load_settings(
        data_dir=tmp_path / "data", model_dir=tmp_path / "models", model_path=model, **extra
    )


def ingest_with(tmp_path: Path, model: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "leave.md").write_text(POLICY)
    report = Pipeline(settings_for(tmp_path, model)).ingest_paths([docs])
    assert [f.status for f in report.files] == ["added"], report.failed


def test_another_model_is_refused_with_a_clear_error(tmp_path, two_models):
    model_a, model_b = two_models
    ingest_with(tmp_path, model_a)

    other = Pipeline(settings_for(tmp_path, model_b))
    with pytest.raises(IndexModelMismatchError, match="built with the embedding model model-a"):
        other.search("annual leave", mode="hybrid")
    assert other.search("annual leave", mode="bm25")  # lexical search needs no vectors

    same = Pipeline(settings_for(tmp_path, model_a))
    assert same.search("annual leave", mode="dense")[0].title == "Leave"


def test_an_empty_or_unrecorded_index_adopts_the_configured_model(tmp_path, two_models):
    model_a, model_b = two_models
    empty = Pipeline(settings_for(tmp_path, model_b))
    assert empty.search("anything", mode="dense") == []
    assert "model-b" in empty.store.get_meta(MODEL_META_KEY)
    empty.store.close()

    ingest_with(tmp_path, model_a)  # the empty index now belongs to model A
    store = Pipeline(settings_for(tmp_path, model_a)).store
    assert "model-a" in store.get_meta(MODEL_META_KEY)
    # An index written before the record existed: trusted, then recorded.
    with store._conn:  # simulating an old index file
        store._conn.execute("DELETE FROM meta WHERE key = ?", (MODEL_META_KEY,))
    store.close()
    adopted = Pipeline(settings_for(tmp_path, model_b))
    assert adopted.search("annual leave", mode="dense")
    assert "model-b" in adopted.store.get_meta(MODEL_META_KEY)


def test_the_server_answers_503_with_the_reason(tmp_path, two_models, serve):
    model_a, model_b = two_models
    ingest_with(tmp_path, model_a)
    live = serve(data_dir=tmp_path / "data", model_dir=tmp_path / "models", model_path=model_b)
    response = httpx.post(f"{live.url}/v1/search", json={"query": "annual leave"}, timeout=30)
    assert response.status_code == 503
    error = response.json()["error"]
    assert error["code"] == "index_model_mismatch"
    assert "POCKETRAG_MODEL_PATH" in error["message"]
