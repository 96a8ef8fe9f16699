"""The embedding model as the CLI manages it (`pocketrag models prepare`, `embed`): the
door to pocketrag.embedding for callers that do not work on an index."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from pocketrag.config import Settings


def embed_texts(settings: Settings, texts: Sequence[str]) -> np.ndarray:
    """Vectors of any texts with the configured model, without opening the index."""
    from pocketrag.embedding import get_embedder

    return get_embedder(settings).embed(list(texts))


def prepare_model(
    settings: Settings,
    model_path: Path | None = None,
    precision: str | None = None,
    progress: Callable[[str], None] | None = None,
    force: bool = False,
) -> Any:
    """Download (once), verify and build the embedding model (pocketrag.embedding)."""
    from pocketrag.embedding.prepare import prepare_model as prepare

    extra = {"progress": progress} if progress is not None else {}
    return prepare(
        settings.models_dir, model_path or settings.model_path,
        precision or settings.embed_precision, force=force, **extra,
    )  # fmt: skip


def verify_model(prepared: Any, precision: str) -> Any:
    """Compare the built graph with the NumPy reference forward pass."""
    from pocketrag.embedding.verify import verify

    return verify(prepared, precision)  # type: ignore[arg-type]
