"""Fixtures for the API tests: servers started per test, one sample index per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def index_copy(sample_index: Path, tmp_path: Path) -> Path:
    """A private copy of the sample index, for tests that change documents."""
    target = tmp_path / "data"
    shutil.copytree(sample_index, target)
    return target
