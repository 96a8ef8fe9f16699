"""The one entry point the CLI, the API and the evaluation harness share.

Everything heavy is opened lazily: `search(mode="bm25")` never loads the embedding model,
and a process that only lists documents never touches ONNX Runtime. Nothing here knows
about HTTP or terminals.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from pocketrag.config import Settings, load_settings
from pocketrag.documents import (
    Chunk,
    Document,
    Hit,
    IndexChunkingMismatchError,
    IndexModelMismatchError,
    PocketragError,
)
from pocketrag.ingest import Ingestor, IngestReport, ProgressCallback, supported_suffixes
from pocketrag.retrieval import Retriever, collapse_duplicates
from pocketrag.store import open_store

if TYPE_CHECKING:
    from pocketrag.parse_worker import ParseWorker
    from pocketrag.store.base import Store

MODEL_META_KEY = "embedding_model"
CHUNKING_META_KEY = "chunking"


# Extra hits fetched so that k remain after near-duplicates collapse (retrieval.py).
DUPLICATE_HEADROOM = 3


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


class Pipeline:
    """Ingest and search over one index (and, via the generation module, answer)."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        store: Store | None = None,
        embedder: Any | None = None,
        read_only: bool | None = None,
    ) -> None:
        self.settings = settings or load_settings()
        self._read_only = self.settings.read_only if read_only is None else read_only
        if store is not None:
            self.__dict__["store"] = store
        if embedder is not None:
            self.__dict__["embedder"] = embedder

    # --- lazily opened parts ------------------------------------------------------------

    @cached_property
    def store(self) -> Store:
        return open_store(self.settings, read_only=self._read_only)

    @cached_property
    def embedder(self) -> Any:
        from pocketrag.embedding import get_embedder

        embedder = get_embedder(self.settings)
        check_index_model(self.store, embedder.identity)
        return embedder

    @cached_property
    def chunker(self) -> Any:
        from pocketrag.chunking import Chunker
        from pocketrag.embedding import get_tokenizer

        check_index_chunking(self.store, self.settings)  # chunks made here go into the index
        return Chunker(
            get_tokenizer(self.settings),
            max_tokens=self.settings.chunk_tokens,
            overlap_sentences=self.settings.chunk_overlap_sentences,
        )

    @cached_property
    def retriever(self) -> Retriever:
        return Retriever(self.store, self.embed_query)

    @cached_property
    def ingestor(self) -> Ingestor:
        return Ingestor(
            self.store,
            self.embedder,
            self.chunker,
            self.parser,
            batch_size=self.settings.embed_batch_size,
            suffixes=supported_suffixes(),
        )

    @cached_property
    def parser(self) -> ParseWorker:
        """Untrusted files are parsed in a bounded child process, never in this one."""
        from pocketrag.embedding import prepare
        from pocketrag.parse_worker import ParseLimits, ParseWorker

        check_index_chunking(self.store, self.settings)  # the worker chunks what it parses
        tokenizer_path = prepare(self.settings).tokenizer_path
        return ParseWorker(ParseLimits.from_settings(self.settings, tokenizer_path))

    def parse(self, path: Path, password: str | None = None) -> tuple[Document, list[Chunk]]:
        """Load and chunk one file in the parse worker; LoaderError says why it failed."""
        return self.parser.parse(path, password)

    def embed_query(self, query: str) -> np.ndarray:
        return self.embedder.embed([query])[0]

    # --- ingest -------------------------------------------------------------------------

    def ingest_paths(
        self,
        paths: Sequence[Path | str],
        collection: str = "default",
        password: str | None = None,
        on_progress: ProgressCallback | None = None,
        sync: bool = False,
        keep_missing: bool = False,
    ) -> IngestReport:
        """Ingest files and directories; see pocketrag.ingest for the per-file rules. With
        `sync`, documents whose files are gone from the given directories are then removed
        unless `keep_missing` (pocketrag.folder_sync). Raises PocketragError only for usage
        errors (a path that does not exist, an index opened read-only); a file that cannot be
        ingested is reported, not raised."""
        if self.store.read_only:
            raise PocketragError(
                "The index is open read-only; it cannot be changed. "
                "Unset POCKETRAG_READ_ONLY (or open it writable) to ingest."
            )
        self.parser.start()  # its imports overlap with loading the model (self.ingestor)
        report = self.ingestor.ingest_paths(
            paths, collection=collection, password=password, on_progress=on_progress
        )
        if sync:
            from pocketrag.folder_sync import sync_folders

            folders = [Path(p) for p in paths if Path(p).is_dir()]
            sync_folders(self.store, report, folders, collection, keep_missing=keep_missing)
        return report

    # --- search -------------------------------------------------------------------------

    def search(
        self,
        query: str,
        k: int | None = None,
        mode: str = "hybrid",
        collection: str | None = None,
        document_ids: Sequence[str] | None = None,
    ) -> list[Hit]:
        """The k best passages; the same passage in several documents (one manual as PDF and
        DOCX) is one hit naming the others in `also_in`, so a few more are fetched.
        k defaults to POCKETRAG_TOP_K, as everywhere (API, CLI)."""
        k = self.settings.top_k if k is None else k
        hits = self.retriever.run(
            query, k + DUPLICATE_HEADROOM, mode, collection=collection, document_ids=document_ids
        )
        return collapse_duplicates(hits)[:k]

    # --- answering (pocketrag.generation.answerer does the work) ------------------------

    @cached_property
    def answerer(self) -> Any:
        """One per pipeline: it holds the LLM client, whose circuit breaker must persist."""
        from pocketrag.generation.answerer import Answerer

        return Answerer(self.settings, self.search, lambda: self.embedder, lambda: self.store)

    def ask(
        self,
        question: str,
        history: Sequence[Any] = (),
        k: int | None = None,
        collection: str | None = None,
        use_llm: bool = True,
        document_ids: Sequence[str] | None = None,
    ) -> Any:
        """An Answer (see generation.answerer): cited LLM or extractive answer, or refusal.
        k defaults to POCKETRAG_TOP_K. Raises QuestionError (a PocketragError) for an empty,
        garbage or too-long question."""
        return self.answerer.ask(
            question,
            history,
            k=k,
            collection=collection,
            use_llm=use_llm,
            document_ids=document_ids,
        )

    def ask_stream(
        self,
        question: str,
        history: Sequence[Any] = (),
        k: int | None = None,
        collection: str | None = None,
        use_llm: bool = True,
        document_ids: Sequence[str] | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Events: token..., [notice], citations, done (with the Answer); see answerer.py."""
        return self.answerer.ask_stream(
            question,
            history,
            k=k,
            collection=collection,
            use_llm=use_llm,
            document_ids=document_ids,
        )

    def close(self) -> None:
        store = self.__dict__.pop("store", None)
        if store is not None:
            store.close()
        for name in ("retriever", "ingestor"):
            self.__dict__.pop(name, None)
        parser = self.__dict__.pop("parser", None)
        if parser is not None:
            parser.close()
        answerer = self.__dict__.pop("answerer", None)
        if answerer is not None:
            answerer.close()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
