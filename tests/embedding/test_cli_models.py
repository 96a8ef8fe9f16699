"""`pocketrag models prepare` and `pocketrag embed`, run as a user would (a real subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from embedding.fake_bert import cached_files, make_fake_bert
from pocketrag.config import load_settings
from pocketrag.embedding import get_embedder


def pocketrag(*args: str, env: dict[str, str] | None = None, stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "pocketrag", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_embed_json_prints_the_engines_vectors():
    texts = ["How many vacation days do I get?", ""]
    result = pocketrag("embed", *texts, "--json")
    assert result.returncode == 0, result.stderr
    vectors = np.array(json.loads(result.stdout))
    assert vectors.shape == (2, 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    expected = get_embedder(load_settings()).embed(texts)
    assert (vectors * expected).sum(axis=1).min() >= 0.99999


def test_embed_reads_stdin_and_prints_readably():
    result = pocketrag("embed", "-", stdin="first line\nsecond line\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("'first line'") and "384 dims" in lines[1]


@pytest.mark.slow
@pytest.mark.parametrize("flag", [[], ["--fp32"]])
def test_prepare_and_verify_a_users_model(tmp_path, flag):
    folder = make_fake_bert(tmp_path / "my-bert", pooling="cls")
    env = {"POCKETRAG_MODEL_DIR": str(tmp_path / "models")}
    result = pocketrag("models", "prepare", "--model", str(folder), "--verify", *flag, env=env)
    assert result.returncode == 0, result.stderr
    assert "Verified: min" in result.stderr
    assert "cls pooling" in result.stderr
    precision = "fp32" if flag else "int8"
    assert any(p.name == f"model.{precision}.onnx" for p in cached_files(tmp_path / "models"))


def test_prepare_refuses_a_non_bert_model_clearly(tmp_path):
    folder = make_fake_bert(tmp_path / "roberta", model_type="roberta")
    env = {"POCKETRAG_MODEL_DIR": str(tmp_path / "models")}
    result = pocketrag("models", "prepare", "--model", str(folder), env=env)
    assert result.returncode == 1
    assert "only 'bert' is supported" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
    assert cached_files(tmp_path / "models") == []


def test_embed_with_a_missing_model_folder_fails_cleanly(tmp_path: Path):
    env = {"POCKETRAG_MODEL_PATH": str(tmp_path / "absent")}
    result = pocketrag("embed", "hello", env=env)
    assert result.returncode == 1
    assert "model folder not found" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
