"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# A real PostgreSQL + pgvector (pgserver), one per session: `pg_server`, `pg_url`.
from pg_server import pg_server, pg_url  # noqa: F401
from pocketrag.config import default_model_dir

# A real S3 API server (moto) on loopback: `s3_server`, `strict_s3_server`, `s3_bucket`.
from s3_server import s3_bucket, s3_server, strict_s3_server  # noqa: F401

# Real servers on loopback (`serve`) and the sample-handbook index (`sample_index`), shared by
# tests/api and tests/browser.
pytest_plugins = ["live_server"]

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Every test (and every subprocess it starts) shares one prepared model cache with
# `make demo`: the user's cache (pocketrag.config.default_model_dir), pinned in the
# environment so tests that point XDG_CACHE_HOME elsewhere still find it. The model is
# downloaded and built once per user, not once per checkout or per test.
MODEL_CACHE = default_model_dir()
os.environ.setdefault("POCKETRAG_MODEL_DIR", str(MODEL_CACHE))


def require(condition: bool, reason: str) -> None:
    """Skip with a reason on a developer machine; fail in CI, where everything must exist."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data (public reference data); never copied into the repo."""
    require(SHARED_DATA.is_dir(), f"reference data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def embedder():
    """The real default embedder (int8 all-MiniLM-L6-v2), prepared once per checkout."""
    from pocketrag.config import load_settings
    from pocketrag.embedding import get_embedder

    return get_embedder(load_settings())


@pytest.fixture(scope="session")
def _fake_llm_server():
    from fake_llm import FakeLLMServer  # tests/ is on sys.path (rootdir conftest)

    server = FakeLLMServer().start()
    yield server
    server.stop()


@pytest.fixture
def fake_llm(_fake_llm_server):
    """A real OpenAI-compatible server on loopback (tests/fake_llm.py), reset per test:
    script replies with `fake_llm.script(...)`, read what it received in `fake_llm.requests`,
    point settings at it with `llm_base_url=fake_llm.base_url`."""
    _fake_llm_server.reset()
    return _fake_llm_server


@pytest.fixture(scope="session")
def handbook_index(tmp_path_factory) -> Path:
    """A data dir whose SQLite index holds samples/handbook (built once per session, with
    the real loaders, chunker, embedder and store). Treat it as read-only."""
    from pocketrag.config import load_settings
    from pocketrag.pipeline import Pipeline

    samples = REPO_ROOT / "samples" / "handbook"
    require(samples.is_dir(), f"sample handbook not found at {samples}")
    data_dir = tmp_path_factory.mktemp("handbook-index")
    with Pipeline(load_settings(data_dir=data_dir)) as pipeline:
        report = pipeline.ingest_paths([samples])
    assert report.ok, report.to_json()
    return data_dir
