from __future__ import annotations

from pathlib import Path

import pytest

from embedding.fake_bert import make_fake_bert  # tests/ is on sys.path (rootdir conftest)


@pytest.fixture
def fake_bert(tmp_path: Path) -> Path:
    return make_fake_bert(tmp_path / "fake-bert")


@pytest.fixture
def models_dir(tmp_path: Path) -> Path:
    """A private model cache, so error tests never touch the shared one."""
    return tmp_path / "models"
