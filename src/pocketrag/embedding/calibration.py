"""Per-channel smoothing factors for the int8 graph, measured on a few built-in texts.

Why: the int8 graph quantises each linear layer's input with one scale per batch (ORT's
fused DynamicQuantizeMatMul: ~1.3x faster than a scale per token, docs/BENCHMARKS.md,
"Embedding"). BERT-style encoders carry a few outlier channels — in all-MiniLM-L6-v2 the
[CLS] token reaches ~30 in channel 99 after every attention LayerNorm while typical values
stay under 3 — and one shared scale sized for them leaves ordinary tokens a handful of int8
steps. SmoothQuant (Xiao et al., 2023, arXiv 2211.10438) divides such channels down before
quantisation and multiplies the matching weight rows up, which leaves the product unchanged.

The factors come from each layer's input range on CALIBRATION_TEXTS, computed with the
NumPy reference forward pass (reference.py) over the same weights, so any BERT folder gets
its own. Only the two feed-forward projections are smoothed; measured on all-MiniLM-L6-v2
(docs/BENCHMARKS.md, "Embedding"): smoothing the attention projections too, or the output
projection with alpha 0.5 rather than outlier channels only, lowered the cosine to fp32.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from pocketrag.embedding.config import ModelSpec
from pocketrag.embedding.reference import reference_forward
from pocketrag.embedding.weights import Weights, expected_shapes

# Generic workplace prose, questions, other languages, codes and one ~250-token text. Kept
# apart from every test and benchmark text. Changing them changes the graph: bump
# BUILDER_VERSION in prepare.py.
_LONG = (
    "Employees who travel on company business book flights and hotels through the travel "
    "portal. Economy class is the default for flights under six hours; business class needs "
    "approval from a director. Meals are reimbursed up to the daily allowance for the "
    "destination, and alcohol is never reimbursed. Receipts are photographed in the expense "
    "app within a week of returning. Mileage for private cars is paid at the rate published "
    "by the tax authority. "
)
CALIBRATION_TEXTS = (
    "Where do I find the travel policy?",
    "How much notice do I need to give before resigning?",
    "Staff who work at night receive an allowance of 15% of their hourly rate.",
    "All laptops must be encrypted; lost devices are reported to the IT service desk within "
    "24 hours.",
    "Die Arbeitszeit beträgt 38 Stunden pro Woche.",
    "Section 4.2 - Overtime: hours beyond the contract are paid at 1.5x or taken as time off "
    "in lieu.",
    _LONG * 3,
    "OK",
    "ERROR 404: page not found (see https://intranet.example/help)",
)

# intermediate.dense: SmoothQuant's s_j = sqrt(max|x_j| / max|W_j|) (alpha 0.5).
# output.dense (after GELU, 4x wider): only channels above OUTLIER x the median channel range
# are scaled down to it (alpha 0.5 on all channels measured worse). Measured 2/4/8/16: 4 and
# below hurt (the weights lose precision); 8 had the best cosine to fp32 but moved one
# borderline sample-handbook question out of the top 5; 16 keeps it (docs/BENCHMARKS.md).
OUTLIER = 16.0


def _input_ranges(folder: Path, spec: ModelSpec) -> tuple[dict, dict[str, np.ndarray]]:
    """(weights, max |input| per channel of every linear layer over the calibration texts)."""
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=spec.max_seq_length)
    encoded = [tokenizer.encode(text).ids for text in CALIBRATION_TEXTS]
    # Only the word-embedding rows these texts use (the full table is half the weights).
    vocab = np.unique(np.concatenate(encoded))
    source = Weights(folder / "model.safetensors", spec)
    table = "embeddings.word_embeddings.weight"
    weights = {table: source.pop(table)[vocab]}
    weights.update({name: source.pop(name) for name in expected_shapes(spec) if name != table})
    ranges: dict[str, np.ndarray] = {}

    def observe(name: str, x: np.ndarray) -> None:
        channel_max = np.abs(x).reshape(-1, x.shape[-1]).max(axis=0)
        ranges[name] = np.maximum(ranges.get(name, 0.0), channel_max)

    for ids in encoded:  # one text at a time: no padding rows in the ranges
        rows = np.searchsorted(vocab, np.array([ids], dtype=np.int64))
        reference_forward(weights, spec, rows, np.ones_like(rows), observe)
    return weights, ranges


def smoothing_factors(folder: Path, spec: ModelSpec) -> dict[str, np.ndarray]:
    """{layer name: factor per input channel} for build_graph(smoothing=...) for this folder."""
    weights, ranges = _input_ranges(folder, spec)
    factors: dict[str, np.ndarray] = {}
    for name, x_max in ranges.items():
        layer = name.split(".", 3)[3]  # "encoder.layer.N.<layer>"
        x_max = np.maximum(x_max, 1e-5)
        if layer == "intermediate.dense":
            w_max = np.maximum(np.abs(weights[f"{name}.weight"]).max(axis=0), 1e-5)
            s = np.sqrt(x_max / w_max)
            s /= np.exp(np.log(s).mean())  # geometric mean 1: no overall rescaling
        elif layer == "output.dense":  # the feed-forward one, not attention.output.dense
            s = np.maximum(1.0, x_max / (OUTLIER * np.median(x_max)))
        else:
            continue
        factors[name] = s.astype(np.float32)
    return factors
