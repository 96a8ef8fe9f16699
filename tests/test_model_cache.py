"""One model cache per user: a new data dir uses it instead of building its own model."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pocketrag.config import load_settings


def test_default_cache_is_per_user_not_per_data_dir(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("POCKETRAG_MODEL_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    one = load_settings(data_dir=tmp_path / "one").models_dir
    two = load_settings(data_dir=tmp_path / "two").models_dir
    assert one == two == tmp_path / "cache" / "pocketrag" / "models"
    monkeypatch.setenv("POCKETRAG_MODEL_DIR", str(tmp_path / "mine"))
    assert load_settings(data_dir=tmp_path / "one").models_dir == tmp_path / "mine"


@pytest.mark.slow
def test_new_data_dir_reuses_the_user_cache(tmp_path: Path, embedder):
    """Ingest into a brand-new data dir with no POCKETRAG_MODEL_DIR: the model comes from the
    user cache (here the suite's prepared cache, linked in) and the data dir gets none."""
    cache = tmp_path / "cache"
    (cache / "pocketrag").mkdir(parents=True)
    (cache / "pocketrag" / "models").symlink_to(load_settings().models_dir)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "leave.md").write_text("# Leave\n\nStaff get twenty-five days of leave.\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "NO_COLOR": "1"}
    env.pop("POCKETRAG_MODEL_DIR", None)
    env.pop("POCKETRAG_DATA_DIR", None)
    data = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "-m", "pocketrag", "--data-dir", str(data), "ingest", str(docs)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "1 added" in done.stdout
    assert (data / "index.sqlite3").is_file()
    assert not (data / "models").exists()
    assert sorted(p.name for p in (cache / "pocketrag").iterdir()) == ["models"]
