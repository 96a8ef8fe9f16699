"""Read BERT weights from model.safetensors into NumPy, with every tensor checked.

Both the ONNX builder and the NumPy reference start here, so a truncated or mismatched file
is reported once, clearly, before anything is built or cached.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from safetensors import SafetensorError
from safetensors.numpy import load_file

from pocketrag.embedding.config import ModelError, ModelSpec

# Checkpoints saved from BertForX or by older tools prefix every name with "bert.".
_PREFIXES = ("bert.", "model.")


def expected_shapes(spec: ModelSpec) -> dict[str, tuple[int, ...]]:
    h, i = spec.hidden_size, spec.intermediate_size
    shapes: dict[str, tuple[int, ...]] = {
        "embeddings.word_embeddings.weight": (spec.vocab_size, h),
        "embeddings.position_embeddings.weight": (spec.max_position_embeddings, h),
        "embeddings.token_type_embeddings.weight": (spec.type_vocab_size, h),
        "embeddings.LayerNorm.weight": (h,),
        "embeddings.LayerNorm.bias": (h,),
    }
    for n in range(spec.num_layers):
        p = f"encoder.layer.{n}."
        for name in ("query", "key", "value"):
            shapes[f"{p}attention.self.{name}.weight"] = (h, h)
            shapes[f"{p}attention.self.{name}.bias"] = (h,)
        shapes[f"{p}attention.output.dense.weight"] = (h, h)
        shapes[f"{p}attention.output.dense.bias"] = (h,)
        shapes[f"{p}attention.output.LayerNorm.weight"] = (h,)
        shapes[f"{p}attention.output.LayerNorm.bias"] = (h,)
        shapes[f"{p}intermediate.dense.weight"] = (i, h)
        shapes[f"{p}intermediate.dense.bias"] = (i,)
        shapes[f"{p}output.dense.weight"] = (h, i)
        shapes[f"{p}output.dense.bias"] = (h,)
        shapes[f"{p}output.LayerNorm.weight"] = (h,)
        shapes[f"{p}output.LayerNorm.bias"] = (h,)
    return shapes


def load_weights(path: Path, spec: ModelSpec) -> dict[str, np.ndarray]:
    """All tensors the encoder needs, as float32, keyed without any "bert." prefix."""
    try:
        raw = load_file(str(path))
    except FileNotFoundError:
        raise ModelError(f"weights file not found: {path}") from None
    except (SafetensorError, OSError, ValueError) as exc:
        raise ModelError(
            f"cannot read {path}: {exc} (is the file truncated or not a safetensors file?)"
        ) from exc
    tensors: dict[str, np.ndarray] = {}
    for name, value in raw.items():
        for prefix in _PREFIXES:
            if name.startswith(prefix):
                name = name[len(prefix) :]
                break
        tensors[name] = value
    weights: dict[str, np.ndarray] = {}
    for name, shape in expected_shapes(spec).items():
        if name not in tensors:
            raise ModelError(f"{path} has no tensor {name!r}; is this a BERT model?")
        value = tensors[name]
        if tuple(value.shape) != shape:
            raise ModelError(
                f"{path}: tensor {name} has shape {tuple(value.shape)}, config.json implies {shape}"
            )
        weights[name] = np.ascontiguousarray(value, dtype=np.float32)
    return weights
