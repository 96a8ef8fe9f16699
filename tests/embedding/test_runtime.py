"""The Embedder's contract: shapes, unit rows, order, truncation, token counts, caching."""

from __future__ import annotations

import numpy as np
import pytest

from pocketrag.config import load_settings
from pocketrag.embedding import get_embedder
from pocketrag.embedding.prepare import prepare_model
from pocketrag.embedding.runtime import Embedder


@pytest.fixture
def fake_embedder(fake_bert, models_dir) -> Embedder:
    prepared = prepare_model(models_dir, fake_bert, "fp32", lambda _: None)
    return Embedder(prepared, "fp32", batch_size=3, threads=1)


def test_shapes_unit_rows_and_empty_input(fake_embedder):
    texts = ["employees leave", "", "a", "remote work policy for travel", "x" * 10]
    vectors = fake_embedder.embed(texts)
    assert vectors.shape == (5, 32) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    assert fake_embedder.embed([]).shape == (0, 32)


def test_order_is_kept_whatever_the_batching(fake_embedder):
    texts = ["a", "employees leave days annual policy remote work", "", "sick pay", "form"]
    together = fake_embedder.embed(texts)
    alone = np.vstack([fake_embedder.embed([t]) for t in texts])
    np.testing.assert_allclose(together, alone, rtol=1e-4, atol=1e-5)


def test_a_bare_string_is_a_type_error(fake_embedder):
    with pytest.raises(TypeError, match="list of texts"):
        fake_embedder.embed("hello")


def test_truncation_at_max_seq_length_not_the_tokenizer_files(fake_embedder):
    # The fake tokenizer.json says "truncate at 8, pad to 12"; sentence_bert_config says 24.
    assert fake_embedder.max_seq_length == 24
    words = [
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
    ]
    long_text = " ".join(words * 5)  # 50 words, 52 tokens with [CLS]/[SEP]
    assert fake_embedder.count_tokens(long_text) == 52
    first_22 = " ".join((words * 5)[:22])  # exactly what survives truncation
    short_text = " ".join(words[:7])  # 9 tokens: more than the file's 8
    a, b = fake_embedder.embed([long_text]), fake_embedder.embed([first_22])
    np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)
    c, d = fake_embedder.embed([short_text]), fake_embedder.embed([" ".join(words[:6])])
    assert float((c * d).sum()) < 0.99999  # the 7th word still counts: no truncation at 8


def test_count_tokens_includes_special_tokens(fake_embedder):
    assert fake_embedder.count_tokens("") == 2
    assert fake_embedder.count_tokens("leave days") == 4


def test_token_budget_splits_long_batches_without_changing_results(fake_bert, models_dir):
    prepared = prepare_model(models_dir, fake_bert, "int8", lambda _: None)
    wide = Embedder(prepared, "int8", batch_size=8, threads=1)
    texts = ["employees leave days " * 10] * 8 + ["a"] * 8
    assert wide._rows_within_budget([24] * 8) == 8  # 8 x 24 well within 8 x 160
    assert wide._rows_within_budget([300] * 8) == 4  # 4 x 300 <= 8 x 160 < 5 x 300
    assert wide._rows_within_budget([2000, 10]) == 1  # always at least one row
    alone = np.vstack([wide.embed([t]) for t in texts])
    np.testing.assert_allclose(wide.embed(texts), alone, rtol=1e-5, atol=1e-6)


def test_an_explicit_token_budget_replaces_the_default(fake_bert, models_dir):
    prepared = prepare_model(models_dir, fake_bert, "int8", lambda _: None)
    narrow = Embedder(prepared, "int8", batch_size=8, threads=1, max_batch_tokens=64)
    assert narrow._rows_within_budget([24] * 8) == 2  # 2 x 24 <= 64 < 3 x 24
    assert narrow._rows_within_budget([10] * 8) == 6
    texts = ["employees leave days " * n for n in range(8)]
    wide = Embedder(prepared, "int8", batch_size=8, threads=1)
    # Same vectors up to int8 rounding (activation scales can see the batch's padding).
    cosines = (narrow.embed(texts) * wide.embed(texts)).sum(axis=1)
    assert cosines.min() > 0.999
    with pytest.raises(ValueError, match="max_batch_tokens"):
        Embedder(prepared, "int8", max_batch_tokens=0)


def test_get_embedder_is_cached_per_settings(tmp_path):
    settings = load_settings()
    first = get_embedder(settings)
    assert get_embedder(load_settings()) is first
    assert first.dim == 384 and first.max_seq_length == 256 and first.precision == "int8"
    assert get_embedder(load_settings(embed_batch_size=2)) is not first
    narrow = get_embedder(load_settings(embed_batch_tokens=320))
    assert narrow is not first and narrow.max_batch_tokens == 320
    assert first.max_batch_tokens == 8 * 160  # batch size x TOKENS_PER_ROW
