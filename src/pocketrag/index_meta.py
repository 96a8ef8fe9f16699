"""The settings an index was built with, recorded in its meta and checked on open.

Vectors of two embedding models, or chunks cut two ways, side by side in one index rank
as confident nonsense rather than failing, so the index records what made it and refuses
the rest. The pipeline calls these when it opens the embedder, the chunker or the parser.
"""

from __future__ import annotations

import json
from typing import Any

from pocketrag.config import Settings
from pocketrag.documents import IndexChunkingMismatchError, IndexModelMismatchError

MODEL_META_KEY = "embedding_model"
CHUNKING_META_KEY = "chunking"


def check_index_model(store: Any, identity: str) -> None:
    """Refuse to mix vectors of two embedding models in one index.

    Vectors of different models (even of the same dimension, e.g. all-MiniLM-L6-v2 and
    bge-small) live in unrelated spaces: comparing them returns confident nonsense, not an
    error. The index records the model that made its vectors; an empty index, or one from
    before this record existed, adopts the configured model.
    """
    recorded = _adopt_or_get(store, MODEL_META_KEY, identity)
    if recorded == identity:
        return
    raise IndexModelMismatchError(
        f"This index was built with the embedding model {recorded}, but the configured "
        f"model is {identity}; their vectors cannot be compared. Point POCKETRAG_MODEL_PATH "
        "back at the model the index was built with, or ingest the documents again into a "
        "new index (another POCKETRAG_DATA_DIR or database)."
    )


def chunking_identity(settings: Settings) -> str:
    return json.dumps(
        {
            "chunk_tokens": settings.chunk_tokens,
            "chunk_overlap_sentences": settings.chunk_overlap_sentences,
        },
        sort_keys=True,
    )


def check_index_chunking(store: Any, settings: Settings) -> None:
    """Refuse to ingest with other chunker settings than the index's chunks were cut with.

    Chunks of 200 and of 400 tokens side by side rank unevenly (longer chunks match more
    words) and a re-ingest would not touch unchanged files, so the index would silently hold
    two schemes. Recorded at the first ingest; an index from before this record adopts the
    configured settings.
    """
    identity = chunking_identity(settings)
    recorded = _adopt_or_get(store, CHUNKING_META_KEY, identity)
    if recorded == identity:
        return
    try:
        old = json.loads(recorded)
        was = f"{old['chunk_tokens']} tokens, {old['chunk_overlap_sentences']} overlap sentences"
    except (ValueError, KeyError, TypeError):
        was = recorded
    raise IndexChunkingMismatchError(
        f"This index was built with chunks of {was}, but the configured chunker makes "
        f"{settings.chunk_tokens} tokens, {settings.chunk_overlap_sentences} overlap sentences; "
        "one index does not mix them. Set POCKETRAG_CHUNK_TOKENS and "
        "POCKETRAG_CHUNK_OVERLAP_SENTENCES back to the index's values, or ingest the documents "
        "again into a new index (another POCKETRAG_DATA_DIR or database)."
    )


def _adopt_or_get(store: Any, key: str, value: str) -> str:
    """The index's recorded value for key; an empty index, or one from before the record
    existed, records (adopts) `value` and returns it."""
    recorded = store.get_meta(key)
    if recorded == value:
        return value
    if recorded is None or store.counts()["chunks"] == 0:
        if not store.read_only:
            store.set_meta(key, value)
        return value
    return recorded
