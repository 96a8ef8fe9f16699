"""The int8 weight range follows the CPU: full where onnxruntime's uint8 x int8 products
cannot overflow 16 bits, 7 bits elsewhere; the builder writes weights in that range."""

from __future__ import annotations

import numpy as np
from onnx import numpy_helper

from embedding.fake_bert import make_fake_bert
from pocketrag.embedding.builder import build_graph
from pocketrag.embedding.config import read_model_spec
from pocketrag.embedding.cpu import FULL_LEVELS, REDUCED_LEVELS, int8_weight_levels
from pocketrag.embedding.weights import load_weights

EPYC = "processor\t: 0\nflags\t\t: fpu sse2 avx avx2 fma bmi2\n"  # AVX2, no VNNI
SAPPHIRE = "flags\t\t: fpu avx2 avx512f avx512bw avx512_vnni amx_int8\n"
ALDER = "flags\t\t: fpu avx2 avx_vnni\n"


def test_weight_range_by_cpu() -> None:
    assert int8_weight_levels(EPYC, "x86_64") == REDUCED_LEVELS
    assert int8_weight_levels(SAPPHIRE, "x86_64") == FULL_LEVELS
    assert int8_weight_levels(ALDER, "AMD64") == FULL_LEVELS
    assert int8_weight_levels("", "x86_64") == REDUCED_LEVELS  # features unknown: safe
    assert int8_weight_levels(EPYC, "aarch64") == FULL_LEVELS  # ARM's dot products


def test_builder_writes_weights_in_the_range_asked(tmp_path) -> None:
    folder = make_fake_bert(tmp_path / "m", seed=5)
    spec = read_model_spec(folder)
    for levels in (REDUCED_LEVELS, FULL_LEVELS):
        weights = load_weights(folder / "model.safetensors", spec)
        model = build_graph(weights, spec, "int8", "tensor", weight_levels=levels)
        matmul = [
            numpy_helper.to_array(t)
            for t in model.graph.initializer
            if t.name.endswith(".weight_q")
        ]
        assert matmul and max(int(np.abs(q.astype(np.int16)).max()) for q in matmul) == levels
