"""What a sentence-transformers model folder says about itself, checked before any work.

Only BERT-architecture encoders are supported (all-MiniLM, bge-small, e5-small, ...): the
builder writes their graph by hand, so anything else is refused up front with a message
that names what would work, rather than failing deep inside graph construction.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from pocketrag.documents import PocketragError

# The graph's interface, shared by the builder and the runtime (which must not import onnx).
INPUT_NAMES = ("input_ids", "attention_mask")
OUTPUT_NAME = "sentence_embedding"

REQUIRED_FILES = (
    "config.json",
    "model.safetensors",
    "tokenizer.json",
    "1_Pooling/config.json",
)
SUPPORTED = (
    "a sentence-transformers folder of BERT architecture (config.json with model_type 'bert', "
    "model.safetensors, tokenizer.json, 1_Pooling/config.json with mean or CLS pooling, "
    "sentence_bert_config.json), e.g. all-MiniLM-L6-v2, bge-small-en-v1.5, e5-small-v2"
)


class ModelError(PocketragError):
    """The embedding model cannot be obtained, verified, built or loaded."""


@dataclass(frozen=True)
class ModelSpec:
    """The architecture numbers the graph builder and the runtime need."""

    hidden_size: int
    num_layers: int
    num_heads: int
    intermediate_size: int
    vocab_size: int
    max_position_embeddings: int
    type_vocab_size: int
    layer_norm_eps: float
    pooling: Literal["mean", "cls"]
    max_seq_length: int

    @property
    def head_dim(self) -> int:
        return self.hidden_size // self.num_heads

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(
            f"model folder is missing {path.name} ({path}); expected {SUPPORTED}"
        ) from None
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ModelError(f"{path} is not a JSON object")
    return data


def check_files(folder: Path) -> None:
    """Refuse a folder that lacks any file the builder needs, naming all that are missing."""
    if not folder.is_dir():
        raise ModelError(f"model folder not found: {folder}; expected {SUPPORTED}")
    missing = [name for name in REQUIRED_FILES if not (folder / name).is_file()]
    if missing:
        raise ModelError(
            f"model folder {folder} is missing {', '.join(missing)}; expected {SUPPORTED}"
        )


def read_model_spec(folder: Path) -> ModelSpec:
    """Read config.json, 1_Pooling/config.json and sentence_bert_config.json into a ModelSpec."""
    check_files(folder)
    config = _read_json(folder / "config.json")
    model_type = config.get("model_type")
    if model_type != "bert":
        raise ModelError(
            f"{folder / 'config.json'} says model_type {model_type!r}; "
            f"only 'bert' is supported: {SUPPORTED}"
        )
    act = config.get("hidden_act", "gelu")
    if act != "gelu":
        raise ModelError(f"hidden_act {act!r} is not supported (only 'gelu'): {SUPPORTED}")
    if config.get("position_embedding_type", "absolute") != "absolute":
        raise ModelError("only absolute position embeddings are supported")

    pooling_cfg = _read_json(folder / "1_Pooling" / "config.json")
    if pooling_cfg.get("pooling_mode_mean_tokens"):
        pooling: Literal["mean", "cls"] = "mean"
    elif pooling_cfg.get("pooling_mode_cls_token"):
        pooling = "cls"
    else:
        raise ModelError(
            f"{folder / '1_Pooling/config.json'} asks for a pooling mode other than mean or "
            "CLS; only mean and CLS pooling are supported"
        )
    others = [
        k
        for k in ("pooling_mode_max_tokens", "pooling_mode_mean_sqrt_len_tokens")
        if pooling_cfg.get(k)
    ]
    if others or (
        pooling_cfg.get("pooling_mode_mean_tokens") and pooling_cfg.get("pooling_mode_cls_token")
    ):
        raise ModelError(f"combined pooling modes are not supported ({pooling_cfg})")

    max_pos = int(config.get("max_position_embeddings", 512))
    # sentence-transformers: max_seq_length from sentence_bert_config.json, else the
    # tokenizer's model_max_length, never beyond the position table.
    st_path = folder / "sentence_bert_config.json"
    max_seq = _read_json(st_path).get("max_seq_length") if st_path.is_file() else None
    if max_seq is None:
        tok_cfg_path = folder / "tokenizer_config.json"
        tok_max = (
            _read_json(tok_cfg_path).get("model_max_length") if tok_cfg_path.is_file() else None
        )
        max_seq = min(int(tok_max), max_pos) if isinstance(tok_max, int) else max_pos
    max_seq = min(int(max_seq), max_pos)

    try:
        spec = ModelSpec(
            hidden_size=int(config["hidden_size"]),
            num_layers=int(config["num_hidden_layers"]),
            num_heads=int(config["num_attention_heads"]),
            intermediate_size=int(config["intermediate_size"]),
            vocab_size=int(config["vocab_size"]),
            max_position_embeddings=max_pos,
            type_vocab_size=int(config.get("type_vocab_size", 2)),
            layer_norm_eps=float(config.get("layer_norm_eps", 1e-12)),
            pooling=pooling,
            max_seq_length=max_seq,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{folder / 'config.json'} lacks a usable {exc}") from exc
    if spec.hidden_size % spec.num_heads:
        raise ModelError("hidden_size is not a multiple of num_attention_heads")
    return spec
