"""Smoothing factors for the int8 graph: what they cover, and that they fix outlier channels."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from safetensors.numpy import load_file, save_file

from embedding.fake_bert import make_fake_bert
from embedding.test_builder import TEXTS, cosines, encode, run_graph
from pocketrag.embedding.builder import build_graph
from pocketrag.embedding.calibration import smoothing_factors
from pocketrag.embedding.config import read_model_spec
from pocketrag.embedding.reference import reference_forward
from pocketrag.embedding.weights import Weights, load_weights


def fake_with_outlier_channel(folder: Path) -> Path:
    """A fake BERT whose attention LayerNorms put one channel ~25x above the rest.

    That is what all-MiniLM-L6-v2 does ([CLS] reaches ~30 in channel 99 after every
    attention LayerNorm, typical values stay under 3): the case smoothing is for. The
    feed-forward weights are scaled up so that layer's error shows in the output (with the
    fake's tiny random weights the residual path would hide it).
    """
    make_fake_bert(folder, seed=11)
    path = folder / "model.safetensors"
    tensors = load_file(str(path))
    for name in tensors:
        if name.endswith("attention.output.LayerNorm.weight"):
            tensors[name][5] = 25.0
        if name.endswith("attention.output.LayerNorm.bias"):
            tensors[name][5] = 10.0
        feed_forward = name.endswith(("intermediate.dense.weight", ".output.dense.weight"))
        if feed_forward and "attention" not in name:
            tensors[name] *= 20.0
    save_file(tensors, str(path))
    return folder


def int8_vs_reference(folder: Path, smoothing: dict | None) -> np.ndarray:
    spec = read_model_spec(folder)
    ids, mask = encode(folder, TEXTS, spec.max_seq_length)
    expected = reference_forward(load_weights(folder / "model.safetensors", spec), spec, ids, mask)
    model = build_graph(
        Weights(folder / "model.safetensors", spec), spec, "int8", "tensor", smoothing
    )
    return cosines(run_graph(model, ids, mask), expected)


def test_factors_cover_the_feed_forward_projections_only(tmp_path):
    folder = make_fake_bert(tmp_path / "m", layers=3)
    spec = read_model_spec(folder)
    factors = smoothing_factors(folder, spec)
    expected = {
        f"encoder.layer.{n}.{layer}"
        for n in range(3)
        for layer in ("intermediate.dense", "output.dense")
    }
    assert set(factors) == expected
    for name, s in factors.items():
        width = spec.intermediate_size if name.endswith(".output.dense") else spec.hidden_size
        assert s.shape == (width,) and s.dtype == np.float32 and (s > 0).all()


def test_smoothing_restores_int8_accuracy_on_an_outlier_channel(tmp_path):
    folder = fake_with_outlier_channel(tmp_path / "m")
    plain = int8_vs_reference(folder, None)
    smoothed = int8_vs_reference(folder, smoothing_factors(folder, read_model_spec(folder)))
    assert plain.min() < 0.995  # the outlier really costs per-batch int8 accuracy here
    assert smoothed.min() >= 0.997, smoothed


def test_any_factors_leave_the_product_unchanged(tmp_path):
    """x / s times s-scaled weights is x @ W: arbitrary factors still match the reference."""
    folder = make_fake_bert(tmp_path / "m", seed=5)
    spec = read_model_spec(folder)
    rng = np.random.default_rng(0)
    factors = {
        f"encoder.layer.{n}.{layer}": rng.uniform(0.5, 3.0, width).astype(np.float32)
        for n in range(spec.num_layers)
        for layer, width in (
            ("attention.self.query", spec.hidden_size),
            ("intermediate.dense", spec.hidden_size),
            ("output.dense", spec.intermediate_size),
        )
    }
    assert int8_vs_reference(folder, factors).min() >= 0.99
