"""Embed texts with a prepared ONNX graph on ONNX Runtime: the only embedding code that serves.

Matches sentence-transformers: the same WordPiece tokenizer, truncation at max_seq_length
(special tokens included), mean or CLS pooling as the model's folder says, then L2
normalisation. Texts run in small batches sorted by length, because padding and the
attention matrix grow with batch x longest text and large batches blow up peak memory.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cached_property

import numpy as np
import onnxruntime as ort
from tokenizers import Encoding, Tokenizer

from pocketrag.embedding.config import OUTPUT_NAME, ModelError
from pocketrag.embedding.prepare import Precision, PreparedModel

# A batch holds at most batch_size texts and at most batch_size x this many padded tokens.
TOKENS_PER_ROW = 160


def load_tokenizer(prepared: PreparedModel, max_length: int | None = None) -> Tokenizer:
    """The model's tokenizer with its file's own padding/truncation switched off.

    tokenizer.json files often carry a fixed padding or truncation length (all-MiniLM's says
    128); sentence-transformers overrides them, and so do we.
    """
    tokenizer = Tokenizer.from_file(str(prepared.tokenizer_path))
    tokenizer.no_padding()
    if max_length is None:
        tokenizer.no_truncation()
    else:
        tokenizer.enable_truncation(max_length=max_length)
    return tokenizer


def session_options(threads: int) -> ort.SessionOptions:
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Shapes change with every batch, so memory patterns are never reused: off. The arena
    # stays on: without it glibc's heap fragments under the attention matrices' large,
    # short-lived buffers (measured 190-280 MB peak vs 134-142 MB with the arena, and
    # slower; docs/BENCHMARKS.md, "Embedding").
    options.enable_mem_pattern = False
    options.enable_cpu_mem_arena = True
    # ORT's pool threads spin between operators by default, burning the cores the server's
    # event loop and other requests need. Off: under 20 concurrent clients, asks ran
    # 1.5-1.8x faster and /health p95 fell from 15 to 11 ms; embedding throughput alone
    # is unchanged (docs/BENCHMARKS.md, "Serving" and "Embedding").
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    return options


class Embedder:
    """A loaded sentence encoder: `embed(texts)` -> float32 (n, dim), rows of unit length."""

    def __init__(
        self,
        prepared: PreparedModel,
        precision: Precision = "int8",
        batch_size: int = 8,
        threads: int = 2,
        max_batch_tokens: int | None = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if max_batch_tokens is not None and max_batch_tokens < 1:
            raise ValueError("max_batch_tokens must be at least 1")
        self.prepared = prepared
        self.name = prepared.name
        self.precision = precision
        self.batch_size = batch_size
        # ORT's arena keeps the largest batch it ever ran, so this bounds resident memory.
        self.max_batch_tokens = max_batch_tokens or batch_size * TOKENS_PER_ROW
        self.dim = prepared.spec.hidden_size
        self.max_seq_length = prepared.spec.max_seq_length
        # What an index records to tell whose vectors it holds: the weights, not the
        # builder or precision (int8 and fp32 vectors of one model are comparable).
        self.identity = f"{prepared.name} (weights sha256 {prepared.source.weights_sha256[:16]})"
        path = prepared.onnx_path(precision)
        try:
            self._session = ort.InferenceSession(
                str(path), session_options(threads), providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # ORT raises its own untyped errors
            raise ModelError(f"cannot load {path}: {exc}") from exc
        self._tokenizer = load_tokenizer(prepared, self.max_seq_length)
        # One batch at a time: with intra-op threads already using the cores, concurrent
        # runs add memory, not speed.
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Embedder({self.name!r}, {self.precision}, dim={self.dim}, key={self.prepared.key})"

    @cached_property
    def _counting_tokenizer(self) -> Tokenizer:
        return load_tokenizer(self.prepared, None)

    def count_tokens(self, text: str) -> int:
        """Tokens the model would see for `text` before truncation, [CLS] and [SEP] included.

        A text fits without truncation when this is <= max_seq_length.
        """
        return len(self._counting_tokenizer.encode(text).ids)

    def word_pieces(self, word: str) -> int:
        """How many WordPiece tokens the model's vocabulary spells `word` with: 1 for the
        ~20k words it knows whole (common English), more for a rare word or a name."""
        return len(self._tokenizer.encode(word, add_special_tokens=False).ids)

    def embed(self, texts: Sequence[str], max_batch_tokens: int | None = None) -> np.ndarray:
        """Unit-length vectors of `texts`. `max_batch_tokens` caps this call's batches below
        the embedder's own budget: the int8 graph quantises activations with one scale per
        batch, so a text's vector depends slightly on the texts batched with it, and callers
        that must agree across processes (the CLI and the server) fix the batching."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a list of texts; wrap a single text in a list")
        texts = list(texts)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        # Longest first, like sentence-transformers: batches of similar length pad little.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        with self._lock:
            start = 0
            while start < len(order):
                index = order[start : start + self.batch_size]
                encodings = self._tokenizer.encode_batch([texts[i] for i in index])
                take = self._rows_within_budget([len(e.ids) for e in encodings], max_batch_tokens)
                out[index[:take]] = self._run(encodings[:take])
                start += take
        return out

    def _rows_within_budget(self, lengths: list[int], cap: int | None = None) -> int:
        """How many of these (longest first) fit in max_batch_tokens padded tokens.

        Caps a batch of long texts (e.g. 8 x 256 tokens) so the attention buffers, and the
        arena that keeps them, stay near the size ordinary ~150-token passages need. A
        single text always runs, whatever its length.
        """
        budget = self.max_batch_tokens if cap is None else min(cap, self.max_batch_tokens)
        width = 0
        for rows, length in enumerate(lengths, start=1):
            width = max(width, length)
            if rows > 1 and rows * width > budget:
                return rows - 1
        return len(lengths)

    def _run(self, encodings: list[Encoding]) -> np.ndarray:
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        (vectors,) = self._session.run([OUTPUT_NAME], {"input_ids": ids, "attention_mask": mask})
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)
