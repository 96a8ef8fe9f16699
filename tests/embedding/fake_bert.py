"""Small random-weight BERT sentence-transformers folders, built in seconds for error-path tests.

They have the real layout (config.json, model.safetensors, tokenizer.json, 1_Pooling,
sentence_bert_config.json) and a real WordPiece tokenizer made with the `tokenizers`
library, so they go through exactly the code the genuine model does.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from safetensors.numpy import save_file
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors

WORDS = [
    "the",
    "a",
    "an",
    "of",
    "to",
    "and",
    "in",
    "is",
    "for",
    "on",
    "with",
    "as",
    "by",
    "at",
    "from",
    "employees",
    "leave",
    "days",
    "annual",
    "policy",
    "remote",
    "work",
    "manager",
    "expense",
    "report",
    "vacation",
    "holiday",
    "sick",
    "pay",
    "parental",
    "office",
    "travel",
    "security",
    "password",
    "laptop",
    "training",
    "benefits",
    "salary",
    "hours",
    "overtime",
    "approval",
    "request",
    "form",
]


def make_tokenizer(path: Path, vocab_size: int) -> None:
    vocab = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "[MASK]": 4}
    for word in WORDS:
        vocab.setdefault(word, len(vocab))
    letters = "abcdefghijklmnopqrstuvwxyz0123456789"
    for ch in letters:
        vocab.setdefault(ch, len(vocab))
        vocab.setdefault("##" + ch, len(vocab))
    n = 0
    while len(vocab) < vocab_size:  # filler pieces so the table has the configured size
        vocab.setdefault(f"##x{n}", len(vocab))
        n += 1
    tokenizer = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=True)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", 2), ("[SEP]", 3)],
    )
    # Like the genuine file, it carries its own truncation and padding, which must be ignored.
    tokenizer.enable_truncation(max_length=8)
    tokenizer.enable_padding(length=12, pad_id=0, pad_token="[PAD]")
    tokenizer.save(str(path))


def make_fake_bert(
    folder: Path,
    *,
    hidden: int = 32,
    layers: int = 2,
    heads: int = 4,
    intermediate: int = 64,
    vocab_size: int = 200,
    max_position: int = 64,
    max_seq_length: int = 24,
    pooling: str = "mean",
    prefix: str = "",
    model_type: str = "bert",
    seed: int = 0,
) -> Path:
    """Write a BERT sentence-transformers folder with random weights; returns `folder`."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)

    def rand(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.05).astype(np.float32)

    t: dict[str, np.ndarray] = {
        "embeddings.word_embeddings.weight": rand(vocab_size, hidden),
        "embeddings.position_embeddings.weight": rand(max_position, hidden),
        "embeddings.token_type_embeddings.weight": rand(2, hidden),
        "embeddings.LayerNorm.weight": 1 + rand(hidden),
        "embeddings.LayerNorm.bias": rand(hidden),
    }
    for n in range(layers):
        p = f"encoder.layer.{n}."
        for name in ("query", "key", "value"):
            t[f"{p}attention.self.{name}.weight"] = rand(hidden, hidden)
            t[f"{p}attention.self.{name}.bias"] = rand(hidden)
        t[f"{p}attention.output.dense.weight"] = rand(hidden, hidden)
        t[f"{p}attention.output.dense.bias"] = rand(hidden)
        t[f"{p}attention.output.LayerNorm.weight"] = 1 + rand(hidden)
        t[f"{p}attention.output.LayerNorm.bias"] = rand(hidden)
        t[f"{p}intermediate.dense.weight"] = rand(intermediate, hidden)
        t[f"{p}intermediate.dense.bias"] = rand(intermediate)
        t[f"{p}output.dense.weight"] = rand(hidden, intermediate)
        t[f"{p}output.dense.bias"] = rand(hidden)
        t[f"{p}output.LayerNorm.weight"] = 1 + rand(hidden)
        t[f"{p}output.LayerNorm.bias"] = rand(hidden)
    t["pooler.dense.weight"] = rand(hidden, hidden)  # present in real checkpoints, unused
    save_file({prefix + k: v for k, v in t.items()}, str(folder / "model.safetensors"))

    config = {
        "architectures": ["BertModel"],
        "model_type": model_type,
        "hidden_size": hidden,
        "num_hidden_layers": layers,
        "num_attention_heads": heads,
        "intermediate_size": intermediate,
        "vocab_size": vocab_size,
        "max_position_embeddings": max_position,
        "type_vocab_size": 2,
        "layer_norm_eps": 1e-12,
        "hidden_act": "gelu",
    }
    (folder / "config.json").write_text(json.dumps(config))
    (folder / "1_Pooling").mkdir(exist_ok=True)
    (folder / "1_Pooling" / "config.json").write_text(
        json.dumps(
            {
                "word_embedding_dimension": hidden,
                "pooling_mode_cls_token": pooling == "cls",
                "pooling_mode_mean_tokens": pooling == "mean",
                "pooling_mode_max_tokens": pooling == "max",
                "pooling_mode_mean_sqrt_len_tokens": False,
            }
        )
    )
    (folder / "sentence_bert_config.json").write_text(
        json.dumps({"max_seq_length": max_seq_length, "do_lower_case": False})
    )
    (folder / "tokenizer_config.json").write_text(
        json.dumps({"do_lower_case": True, "model_max_length": max_position})
    )
    make_tokenizer(folder / "tokenizer.json", vocab_size)
    return folder


def cached_files(models_dir: Path) -> list[Path]:
    """Every built file in a model cache (graphs and markers), ignoring locks and sources."""
    if not models_dir.exists():
        return []
    return sorted(
        p
        for p in models_dir.rglob("*")
        if p.is_file() and "sources" not in p.parts and not p.name.endswith(".lock")
    )
