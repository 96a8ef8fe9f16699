"""Sentence embeddings on ONNX Runtime: no torch at run time (DESIGN.md, decision 1).

`get_embedder(settings)` is the one entry point the rest of pocketrag uses: the first call
prepares the model if needed (download, verify, build, quantise; progress on stderr) and
every later call with the same model, precision and cache folder returns the same instance.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from pocketrag.config import Settings, load_settings
from pocketrag.embedding.config import ModelError, ModelSpec
from pocketrag.embedding.prepare import PreparedModel, prepare_model, stderr_progress

if TYPE_CHECKING:
    from tokenizers import Tokenizer

    from pocketrag.embedding.runtime import Embedder

_lock = threading.Lock()
_embedders: dict[tuple[object, ...], Embedder] = {}
_tokenizers: dict[tuple[object, ...], Tokenizer] = {}


def _model_key(settings: Settings) -> tuple[str | None, str]:
    model = str(Path(settings.model_path).expanduser().resolve()) if settings.model_path else None
    return model, str(Path(settings.models_dir).resolve())


def prepare(settings: Settings, precision: str | None = None) -> PreparedModel:
    """Build (or find in the cache) the graph `settings` asks for."""
    return prepare_model(
        Path(settings.models_dir),
        settings.model_path,
        precision or settings.embed_precision,  # type: ignore[arg-type]
        stderr_progress,
    )


def get_embedder(settings: Settings | None = None) -> Embedder:
    """The shared Embedder for these settings, prepared on first use."""
    from pocketrag.embedding.runtime import Embedder

    settings = settings or load_settings()
    key = (
        *_model_key(settings),
        settings.embed_precision,
        settings.embed_batch_size,
        settings.ort_threads,
        settings.embed_batch_tokens,
    )
    with _lock:
        if key not in _embedders:
            prepared = prepare(settings)
            _embedders[key] = Embedder(
                prepared,
                settings.embed_precision,
                settings.embed_batch_size,
                settings.ort_threads,
                settings.embed_batch_tokens,
            )
        return _embedders[key]


def get_tokenizer(settings: Settings | None = None) -> Tokenizer:
    """The model's tokenizer without truncation or padding (for counting tokens), no ONNX loaded."""
    from pocketrag.embedding.runtime import load_tokenizer

    settings = settings or load_settings()
    key = _model_key(settings)
    with _lock:
        if key not in _tokenizers:
            _tokenizers[key] = load_tokenizer(prepare(settings), None)
        return _tokenizers[key]


__all__ = ["ModelError", "ModelSpec", "get_embedder", "get_tokenizer", "prepare"]
