"""Read BERT weights from model.safetensors into NumPy, with every tensor checked.

Both the ONNX builder and the NumPy reference start here, so a truncated or mismatched file
is reported once, clearly, before anything is built or cached.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from safetensors import SafetensorError, safe_open

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


_DTYPES = {"F32": np.float32, "F16": np.float16, "BF16": None, "F64": np.float64}


class Weights:
    """The encoder's tensors, checked up front and read one at a time on `pop`.

    Hand-written reader over the safetensors layout (8-byte header length, JSON header,
    raw little-endian data): `safetensors.numpy.load_file` holds the whole file in memory and
    `safe_open` maps it, so either adds ~90 MB to a build's peak; reading each tensor only
    when the builder pops it keeps the peak near one copy of the model. The header is still
    validated by the safetensors library first.
    """

    def __init__(self, path: Path, spec: ModelSpec) -> None:
        self.path = path
        try:
            with safe_open(str(path), framework="numpy"):
                pass  # validates the header against the file size (catches truncation)
            with path.open("rb") as f:
                header_len = int.from_bytes(f.read(8), "little")
                header = json.loads(f.read(header_len))
        except FileNotFoundError:
            raise ModelError(f"weights file not found: {path}") from None
        except (SafetensorError, OSError, ValueError) as exc:
            raise ModelError(
                f"cannot read {path}: {exc} (is the file truncated or not a safetensors file?)"
            ) from exc
        self._data_start = 8 + header_len
        stored: dict[str, dict] = {}
        for key, info in header.items():
            if key == "__metadata__":
                continue
            name = key
            for prefix in _PREFIXES:
                if name.startswith(prefix):
                    name = name[len(prefix) :]
                    break
            stored[name] = info
        self._entries: dict[str, dict] = {}
        for name, shape in expected_shapes(spec).items():
            if name not in stored:
                raise ModelError(f"{path} has no tensor {name!r}; is this a BERT model?")
            info = stored[name]
            got = tuple(info["shape"])
            if got != shape:
                raise ModelError(
                    f"{path}: tensor {name} has shape {got}, config.json implies {shape}"
                )
            if _DTYPES.get(info["dtype"]) is None:
                raise ModelError(f"{path}: tensor {name} has unsupported dtype {info['dtype']}")
            self._entries[name] = info

    def pop(self, name: str) -> np.ndarray:
        """Read one tensor as a fresh, writable float32 array; each is read once."""
        info = self._entries.pop(name)
        dtype = np.dtype(_DTYPES[info["dtype"]]).newbyteorder("<")
        start, end = info["data_offsets"]
        count = (end - start) // dtype.itemsize
        with self.path.open("rb") as f:
            f.seek(self._data_start + start)
            value = np.fromfile(f, dtype=dtype, count=count)
        if value.size != count:
            raise ModelError(f"{self.path}: tensor {name} is cut short (truncated file?)")
        return value.reshape(info["shape"]).astype(np.float32, copy=False)

    def __getitem__(self, name: str) -> np.ndarray:
        return self.pop(name)


def load_weights(path: Path, spec: ModelSpec) -> dict[str, np.ndarray]:
    """All tensors the encoder needs, as float32, keyed without any "bert." prefix."""
    weights = Weights(path, spec)
    return {name: weights.pop(name) for name in expected_shapes(spec)}
