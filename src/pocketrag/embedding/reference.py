"""A plain NumPy forward pass of a BERT sentence encoder: the reference the graph is tested against.

Written for readability, not speed: it follows the sentence-transformers computation step
by step (embeddings -> LayerNorm -> N x [self-attention, feed-forward] -> pooling), so a
disagreement with the ONNX graph points at the builder, not at this file.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from pocketrag.embedding.config import ModelSpec


def _erf(x: np.ndarray) -> np.ndarray:
    """erf to within 1.5e-7 (Abramowitz & Stegun 7.1.26); NumPy has no erf, and a Python
    loop over math.erf would take seconds per layer. The error is far below float32 noise."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return sign * (1.0 - poly * np.exp(-a * a))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """The exact (erf) GELU BERT was trained with, not the tanh approximation."""
    return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))


# Called with (layer name, its input) before every linear layer: calibration.py's hook.
Observer = Callable[[str, np.ndarray], None]


def _linear(
    x: np.ndarray, w: dict[str, np.ndarray], name: str, observe: Observer | None = None
) -> np.ndarray:
    if observe is not None:
        observe(name, x)
    return x @ w[f"{name}.weight"].astype(np.float64).T + w[f"{name}.bias"]


def reference_forward(
    weights: dict[str, np.ndarray],
    spec: ModelSpec,
    input_ids: np.ndarray,
    attention_mask: np.ndarray,
    observe: Observer | None = None,
) -> np.ndarray:
    """Pooled, un-normalised sentence embeddings (batch, hidden), computed in float64.

    `observe`, if given, sees each linear layer's input (the int8 build calibrates with it).
    """
    w = weights
    eps = spec.layer_norm_eps
    batch, seq = input_ids.shape
    x = (
        w["embeddings.word_embeddings.weight"][input_ids].astype(np.float64)
        + w["embeddings.position_embeddings.weight"][np.arange(seq)]
        + w["embeddings.token_type_embeddings.weight"][0]
    )
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
    mask = attention_mask.astype(np.float64)
    # Padding positions get a large negative score so softmax gives them no weight.
    bias = (1.0 - mask)[:, None, None, :] * -1e9
    heads, dim = spec.num_heads, spec.head_dim

    def split(t: np.ndarray) -> np.ndarray:
        return t.reshape(batch, seq, heads, dim).transpose(0, 2, 1, 3)

    for n in range(spec.num_layers):
        p = f"encoder.layer.{n}."
        q = split(_linear(x, w, p + "attention.self.query", observe))
        k = split(_linear(x, w, p + "attention.self.key", observe))
        v = split(_linear(x, w, p + "attention.self.value", observe))
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(dim) + bias
        scores -= scores.max(axis=-1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=-1, keepdims=True)
        context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, seq, heads * dim)
        attn = _linear(context, w, p + "attention.output.dense", observe)
        x = _layer_norm(
            attn + x,
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
            eps,
        )
        hidden = _gelu(_linear(x, w, p + "intermediate.dense", observe))
        out = _linear(hidden, w, p + "output.dense", observe)
        x = _layer_norm(
            out + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps
        )

    if spec.pooling == "cls":
        return x[:, 0, :].astype(np.float32)
    summed = (x * mask[:, :, None]).sum(axis=1)
    counts = np.clip(mask.sum(axis=1, keepdims=True), 1e-9, None)
    return (summed / counts).astype(np.float32)
