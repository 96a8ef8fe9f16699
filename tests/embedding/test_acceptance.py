"""Acceptance against sentence-transformers' own output for the genuine all-MiniLM-L6-v2.

The reference file holds 12 texts (including an empty string, one letter, non-English text,
emoji and a 2,000-character text that must be truncated at 256 tokens) and their embeddings
computed by sentence-transformers, not normalised: compared by cosine.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from pocketrag.config import load_settings
from pocketrag.embedding import get_embedder, prepare
from pocketrag.embedding.reference import reference_forward
from pocketrag.embedding.runtime import load_tokenizer
from pocketrag.embedding.weights import load_weights

pytestmark = pytest.mark.slow


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return (a * b).sum(axis=1)


@pytest.fixture(scope="module")
def reference(shared_data: Path) -> tuple[list[str], np.ndarray]:
    data = json.loads((shared_data / "minilm_reference_embeddings.json").read_text())
    assert data["max_seq_length"] == 256 and data["pooling"] == "mean"
    texts = [item["text"] for item in data["items"]]
    return texts, np.array([item["embedding"] for item in data["items"]], dtype=np.float64)


def embed_one_by_one(precision: str, texts: list[str]) -> np.ndarray:
    """One text per run, like the reference was computed (no batch-wide int8 input scale)."""
    embedder = get_embedder(load_settings(embed_precision=precision))
    return np.vstack([embedder.embed([text]) for text in texts])


def test_fp32_graph_matches_sentence_transformers(reference):
    texts, expected = reference
    got = cosines(embed_one_by_one("fp32", texts), expected)
    assert got.min() >= 0.99999, dict(zip(texts, got.round(6), strict=True))


def test_fp32_batched_matches_too(reference):
    texts, expected = reference
    embedder = get_embedder(load_settings(embed_precision="fp32"))
    got = cosines(embedder.embed(texts), expected)
    assert got.min() >= 0.99999


def test_int8_graph_close_to_sentence_transformers(reference):
    texts, expected = reference
    got = cosines(embed_one_by_one("int8", texts), expected)
    assert got.min() >= 0.98, dict(zip(texts, got.round(4), strict=True))
    assert got.mean() >= 0.99


def test_int8_batched_close_too(reference):
    texts, expected = reference
    embedder = get_embedder(load_settings())  # the default the rest of pocketrag uses
    assert embedder.precision == "int8"
    got = cosines(embedder.embed(texts), expected)
    assert got.min() >= 0.98
    assert got.mean() >= 0.99


def test_int8_alone_and_in_a_batch_agree(reference):
    """Search embeds one question, ingest embeds batches: the default int8 graph has one
    activation scale per batch, so a text's vector moves a little with its companions."""
    texts, _ = reference
    together = get_embedder(load_settings()).embed(texts)
    alone = embed_one_by_one("int8", texts)
    agreement = (together * alone).sum(axis=1)
    # Measured: 0.989 for the empty string ([CLS] [SEP] only), >= 0.994 for the others.
    assert agreement.min() >= 0.98, dict(zip(texts, agreement.round(4), strict=True))
    assert agreement.mean() >= 0.995


def test_numpy_reference_agrees_with_fp32_graph(reference):
    texts, expected = reference
    prepared = prepare(load_settings(), "fp32")
    weights = load_weights(prepared.source.folder / "model.safetensors", prepared.spec)
    tokenizer = load_tokenizer(prepared, prepared.spec.max_seq_length)
    ours = []
    for text in texts:
        ids = np.array([tokenizer.encode(text).ids])
        ours.append(reference_forward(weights, prepared.spec, ids, np.ones_like(ids))[0])
    graph = embed_one_by_one("fp32", texts)
    assert cosines(np.array(ours), graph).min() >= 0.99999
    # ...and both are sentence-transformers' numbers.
    assert cosines(np.array(ours), expected).min() >= 0.99999


def test_long_text_is_truncated_at_max_seq_length(reference):
    texts, _ = reference
    embedder = get_embedder(load_settings(embed_precision="fp32"))
    assert embedder.max_seq_length == 256
    long_text = max(texts, key=len)
    assert embedder.count_tokens(long_text) > 256  # the reference really exercises truncation
    tokenizer = load_tokenizer(embedder.prepared, None)
    kept = tokenizer.decode(tokenizer.encode(long_text).ids[1:255])  # 254 + [CLS] + [SEP]
    a, b = embedder.embed([long_text]), embedder.embed([kept])
    assert float((a * b).sum()) >= 0.99999
