"""The ONNX graph against the NumPy reference, on small random BERTs and on the real model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest

from embedding.fake_bert import make_fake_bert
from pocketrag.config import load_settings
from pocketrag.embedding import get_tokenizer, prepare
from pocketrag.embedding.builder import build_graph
from pocketrag.embedding.calibration import smoothing_factors
from pocketrag.embedding.config import read_model_spec
from pocketrag.embedding.reference import reference_forward
from pocketrag.embedding.weights import Weights, load_weights

TEXTS = [
    "Employees get annual leave days",
    "",
    "a",
    "remote work needs manager approval and a secure laptop password for travel",
    "Zzz unknown-words 123 !!",
]


def encode(folder: Path, texts: list[str], max_len: int) -> tuple[np.ndarray, np.ndarray]:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_len)
    encodings = tokenizer.encode_batch(texts)
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(texts), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, e in enumerate(encodings):
        ids[row, : len(e.ids)] = e.ids
        mask[row, : len(e.ids)] = 1
    return ids, mask


def run_graph(model: onnx.ModelProto, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return session.run(None, {"input_ids": ids, "attention_mask": mask})[0]


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)


@pytest.mark.parametrize(("pooling", "prefix"), [("mean", ""), ("cls", ""), ("mean", "bert.")])
def test_fp32_graph_equals_numpy_reference(tmp_path, pooling, prefix):
    folder = make_fake_bert(tmp_path / "m", pooling=pooling, prefix=prefix, seed=3)
    spec = read_model_spec(folder)
    assert spec.pooling == pooling
    ids, mask = encode(folder, TEXTS, spec.max_seq_length)
    expected = reference_forward(load_weights(folder / "model.safetensors", spec), spec, ids, mask)
    model = build_graph(Weights(folder / "model.safetensors", spec), spec, "fp32")
    onnx.checker.check_model(model)
    got = run_graph(model, ids, mask)
    assert got.shape == (len(TEXTS), spec.hidden_size)
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("activations", ["token", "tensor"])
def test_int8_graph_close_to_reference(tmp_path, activations):
    folder = make_fake_bert(tmp_path / "m", seed=5)
    spec = read_model_spec(folder)
    ids, mask = encode(folder, TEXTS, spec.max_seq_length)
    expected = reference_forward(load_weights(folder / "model.safetensors", spec), spec, ids, mask)
    model = build_graph(Weights(folder / "model.safetensors", spec), spec, "int8", activations)
    onnx.checker.check_model(model)
    got = run_graph(model, ids, mask)
    assert cosines(got, expected).min() >= 0.99


def quantize_with_onnxruntime(fp32_path: Path, int8_path: Path) -> None:
    """onnxruntime's own dynamic per-channel quantisation (per-tensor loses too much: 0.94).

    Not used to prepare models (it peaks near 500 MB): the yardstick the directly written
    int8 graph (pocketrag.embedding.builder) is tested against.
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(fp32_path),
        str(int8_path),
        per_channel=True,
        weight_type=QuantType.QInt8,
        op_types_to_quantize=["MatMul", "Gather"],
    )


def test_per_token_int8_does_not_depend_on_the_batch(tmp_path):
    folder = make_fake_bert(tmp_path / "m", seed=7)
    spec = read_model_spec(folder)
    session_model = build_graph(Weights(folder / "model.safetensors", spec), spec, "int8")
    together = run_graph(session_model, *encode(folder, TEXTS, spec.max_seq_length))
    alone = np.vstack(
        [run_graph(session_model, *encode(folder, [t], spec.max_seq_length)) for t in TEXTS]
    )
    np.testing.assert_allclose(together, alone, rtol=1e-5, atol=1e-6)


def test_builder_consumes_weights_it_reads(tmp_path):
    folder = make_fake_bert(tmp_path / "m")
    spec = read_model_spec(folder)
    weights = Weights(folder / "model.safetensors", spec)
    build_graph(weights, spec, "int8")
    with pytest.raises(KeyError):  # every tensor was read exactly once
        weights.pop("embeddings.LayerNorm.weight")


def test_get_tokenizer_has_no_truncation_or_padding():
    tokenizer = get_tokenizer(load_settings())
    ids = tokenizer.encode("word " * 600).ids
    assert len(ids) == 602  # the file itself says truncate at 128: overridden
    assert len(tokenizer.encode("hello").ids) == 3  # and pad to 128: overridden


@pytest.mark.slow
def test_direct_int8_is_as_good_as_onnxruntime_quantize_dynamic(tmp_path, shared_data):
    """Our int8 (every activation mode) vs onnxruntime's own quantiser, on the real model."""
    data = json.loads((shared_data / "minilm_reference_embeddings.json").read_text())
    texts = [item["text"] for item in data["items"]]
    expected = np.array([item["embedding"] for item in data["items"]])
    prepared = prepare(load_settings(), "fp32")
    ort_int8 = tmp_path / "ort-int8.onnx"
    quantize_with_onnxruntime(prepared.onnx_path("fp32"), ort_int8)
    folder, spec = prepared.source.folder, prepared.spec

    def quality(model: onnx.ModelProto) -> float:
        got = np.vstack(
            [run_graph(model, *encode(folder, [t], spec.max_seq_length)) for t in texts]
        )
        return float(cosines(got, expected).mean())

    yardstick = quality(onnx.load(str(ort_int8)))
    assert yardstick >= 0.99  # the quantiser the design measured
    smoothing = smoothing_factors(folder, spec)
    for activations, smooth in (("token", None), ("tensor", None), ("tensor", smoothing)):
        weights = Weights(folder / "model.safetensors", spec)
        ours = build_graph(weights, spec, "int8", activations, smooth)
        assert quality(ours) >= yardstick - 0.002, (activations, smooth is not None)
