"""Cache housekeeping: builds are reused, and builds nothing can reach any more are removed."""

from __future__ import annotations

import shutil

from embedding.fake_bert import make_fake_bert
from pocketrag.embedding.prepare import prepare_model


def quiet(_: str) -> None:
    pass


def test_second_prepare_reuses_the_build(fake_bert, models_dir):
    messages: list[str] = []
    first = prepare_model(models_dir, fake_bert, "int8", messages.append)
    assert any("building" in m for m in messages)
    mtime = first.onnx_path("int8").stat().st_mtime_ns
    messages.clear()
    again = prepare_model(models_dir, fake_bert, "int8", messages.append)
    assert again.key == first.key and messages == []  # nothing rebuilt, nothing said
    assert again.onnx_path("int8").stat().st_mtime_ns == mtime


def test_changed_weights_get_a_new_key(tmp_path, models_dir):
    a = prepare_model(models_dir, make_fake_bert(tmp_path / "a", seed=1), "int8", quiet)
    b = prepare_model(models_dir, make_fake_bert(tmp_path / "b", seed=2), "int8", quiet)
    assert a.key != b.key
    assert a.onnx_path("int8").is_file() and b.onnx_path("int8").is_file()  # both kept


def test_stale_build_of_the_same_source_is_pruned(fake_bert, models_dir):
    current = prepare_model(models_dir, fake_bert, "int8", quiet)
    stale = models_dir / "0123456789abcdef"  # as an older builder version would have left it
    shutil.copytree(current.folder, stale)
    prepare_model(models_dir, fake_bert, "int8", quiet, force=True)
    assert not stale.exists()
    assert current.onnx_path("int8").is_file()
