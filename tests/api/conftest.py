"""Fixtures for the API tests: servers started per test, one sample index per session."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from live_server import SAMPLES, Live, shared_sample_index, start_server


@pytest.fixture
def serve() -> Iterator[Callable[..., Live]]:
    started: list[Live] = []

    def _serve(**overrides: object) -> Live:
        live = start_server(**overrides)
        started.append(live)
        return live

    yield _serve
    for live in started:
        live.stop()


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory) -> Path:
    """A data dir whose index holds the sample handbook (built once with the real CLI)."""
    if not SAMPLES.is_dir():
        pytest.skip(f"sample handbook not found at {SAMPLES}")
    return shared_sample_index(tmp_path_factory)


@pytest.fixture
def index_copy(sample_index: Path, tmp_path: Path) -> Path:
    """A private copy of the sample index, for tests that change documents."""
    target = tmp_path / "data"
    shutil.copytree(sample_index, target)
    return target
