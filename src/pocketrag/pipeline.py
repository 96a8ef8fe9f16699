"""The one door the CLI, the API and the evaluation harness go through.

api/ translates HTTP to these methods, cli/ translates argv, evaluation/ scores them;
none of them opens a store, an embedder, a loader or the answerer itself (the import
contract, tests/test_import_contract.py). Everything heavy is opened lazily:
`search(mode="bm25")` never loads the embedding model, and a process that only lists
documents never touches ONNX Runtime. Nothing here knows about HTTP or terminals. The
types callers need (Hit, IngestReport, errors, ...) are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from pocketrag.config import Settings, load_settings
from pocketrag.documents import Chunk, Document, DocumentInfo, Hit, PocketragError
from pocketrag.generation.guardrails import QuestionError
from pocketrag.generation.wording import content_words
from pocketrag.index_meta import (
    CHUNKING_META_KEY,
    MODEL_META_KEY,
    check_index_chunking,
    check_index_model,
    chunking_identity,
)
from pocketrag.ingest import (
    FileResult,
    Ingestor,
    IngestReport,
    ProgressCallback,
    sha256_file,
    supported_suffixes,
)
from pocketrag.llm_status import llm_status
from pocketrag.query_vectors import QueryVectors, SearchResult
from pocketrag.retrieval import MODES, Retriever, collapse_duplicates
from pocketrag.settings_views import AnswerPolicy
from pocketrag.store import open_store
from pocketrag.upload_ingest import UploadResult

if TYPE_CHECKING:
    from pocketrag.generation.answerer import Answer
    from pocketrag.parse_worker import ParseWorker
    from pocketrag.questions import QuestionLog, QuestionReport
    from pocketrag.store.base import Store

__all__ = [
    "CHUNKING_META_KEY", "MODEL_META_KEY", "MODES", "Answer", "Document", "DocumentInfo",
    "FileResult", "Hit", "IngestReport", "Pipeline", "PocketragError", "ProgressCallback",
    "QuestionError", "SearchResult", "UploadResult", "check_index_chunking", "check_index_model",
    "chunking_identity", "content_words", "llm_status", "sha256_file", "supported_suffixes",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    if name == "Answer":  # generation.answerer loads the LLM client: only when asked for
        from pocketrag.generation.answerer import Answer

        return Answer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Extra hits fetched so that k remain after near-duplicates collapse (retrieval.py).
DUPLICATE_HEADROOM = 3
# Padded tokens per batch when an ask embeds its question and answer units, whatever the
# process's own batch setting (ingest's 8 x 160 in the CLI, 160 in `pocketrag serve`): the
# int8 model's vectors depend a little on their batch-mates, and with different batches the
# CLI and the server quoted different sentences for the same question. The serving value,
# so the server's memory is unchanged.
ANSWER_BATCH_TOKENS = 160


class Pipeline:
    """Ingest, documents, search and answers over one index."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        store: Store | None = None,
        embedder: Any | None = None,
        read_only: bool | None = None,
        retriever_options: dict[str, Any] | None = None,
        before_open: Callable[[], None] | None = None,
    ) -> None:
        """`retriever_options`: Retriever keywords (bm25_top_n, dense_top_n, rrf_k,
        weights) when tuning or evaluating other settings than the shipped ones.
        `before_open`: called once before the index is opened (the server waits there for
        a replica restore, so it is healthy before its index is)."""
        self.settings = settings or load_settings()
        self._before_open = before_open
        self._read_only = self.settings.read_only if read_only is None else read_only
        self._retriever_options = dict(retriever_options or {})
        if store is not None:
            self.__dict__["store"] = store
        if embedder is not None:
            self.__dict__["embedder"] = embedder

    @classmethod
    def for_index_file(
        cls, settings: Settings, path: Path, *, vector_type: str | None = None, **options: Any
    ) -> Pipeline:
        """A pipeline over the SQLite index at `path` rather than the configured one (the
        BEIR harness keeps one per corpus); `vector_type` for a new file ("int8")."""
        from pocketrag.store.sqlite import SQLiteStore

        typed = {"vector_type": vector_type} if vector_type else {}
        store = SQLiteStore(path, read_only=bool(options.get("read_only")), **typed)
        return cls(settings, store=store, **options)

    # --- lazily opened parts ------------------------------------------------------------

    @cached_property
    def store(self) -> Store:
        if self._before_open is not None:
            self._before_open()
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
        return Retriever(self.store, self.embed_query, **self._retriever_options)

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

    @cached_property
    def _query_vectors(self) -> QueryVectors:
        return QueryVectors(
            lambda texts: self.embedder.embed(texts, max_batch_tokens=ANSWER_BATCH_TOKENS),
            lambda word: self.embedder.word_pieces(word),
        )

    def parse(self, path: Path, password: str | None = None) -> tuple[Document, list[Chunk]]:
        """Load and chunk one file in the parse worker; LoaderError says why it failed."""
        return self.parser.parse(path, password)

    def embed_query(self, query: str) -> np.ndarray:
        return self._query_vectors.get(query)

    # --- ingest -------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.store.read_only:
            raise PocketragError(
                "The index is open read-only; it cannot be changed. "
                "Unset POCKETRAG_READ_ONLY (or open it writable) to ingest."
            )

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
        self._writable()
        self.parser.start()  # its imports overlap with loading the model (self.ingestor)
        report = self.ingestor.ingest_paths(
            paths, collection=collection, password=password, on_progress=on_progress
        )
        if sync:
            from pocketrag.folder_sync import sync_folders

            folders = [Path(p) for p in paths if Path(p).is_dir()]
            sync_folders(self.store, report, folders, collection, keep_missing=keep_missing)
        return report

    def ingest_upload(
        self,
        path: Path,
        filename: str,
        *,
        collection: str = "default",
        replace: bool = False,
        on_progress: Callable[..., None] = lambda **_: None,
        on_named: Callable[[str], None] | None = None,
    ) -> UploadResult:
        """One uploaded file, stored under `filename` ("policy (2).pdf" beside a different
        file of that name unless `replace`); see pocketrag.upload_ingest."""
        from pocketrag.upload_ingest import ingest_upload

        return ingest_upload(
            self, path, filename, collection=collection, replace=replace,
            on_progress=on_progress, on_named=on_named,
        )  # fmt: skip

    def add_document(
        self, document: Document, *, sha256: str, collection: str = "default"
    ) -> tuple[str, str, int]:
        """Chunk, embed and store an already loaded document: (status, id, chunks)."""
        return self.ingestor.add_document(document, sha256=sha256, collection=collection)

    def keep_originals(self, report: IngestReport) -> None:
        """Copy the files of an ingest beside the index (pocketrag.originals)."""
        from pocketrag.originals import keep_ingested

        keep_ingested(self.store, report, self.settings)

    # --- documents ----------------------------------------------------------------------

    def list_documents(self, collection: str | None = None) -> list[DocumentInfo]:
        return self.store.list_documents(collection)

    def get_document(self, document_id: str) -> DocumentInfo | None:
        return self.store.get_document(document_id)

    def delete_document(self, id_or_source: str, collection: str | None = None) -> int:
        """Delete by id or by source (in `collection`, or any); how many were deleted."""
        return self.store.delete_document(id_or_source, collection)

    def section_headings(self, collection: str | None = None) -> list[tuple]:
        return self.store.section_headings(collection)

    def counts(self) -> dict[str, int]:
        return self.store.counts()

    def get_meta(self, key: str) -> str | None:
        return self.store.get_meta(key)  # type: ignore[attr-defined]

    def set_meta(self, key: str, value: str) -> None:
        self.store.set_meta(key, value)  # type: ignore[attr-defined]

    def copy_to(
        self,
        target: Pipeline | Store,
        *,
        collection: str | None = None,
        on_progress: Callable[[int, int, DocumentInfo], None] | None = None,
    ) -> dict[str, Any]:
        """Copy this index (documents with their vectors, meta, questions log) into another
        pipeline's store, or a store: what `pocketrag migrate` does (store/copy.py). Safe
        to re-run; returns the counts (added, updated, unchanged, chunks, questions, ...)."""
        from pocketrag.store.copy import copy_index

        store = target.store if isinstance(target, Pipeline) else target
        return copy_index(self.store, store, collection=collection, on_progress=on_progress)

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

    def search_with_vector(self, query: str, **options: Any) -> SearchResult:
        """`search`, and the query's vector it was made with (embedded once: an ask reuses
        it for answerability)."""
        hits = self.search(query, **options)
        embedded = options.get("mode", "hybrid") != "bm25" and query.strip()
        return SearchResult(hits, self.embed_query(query.strip()) if embedded else None)

    def retrieve(
        self, query: str, k: int, mode: str = "hybrid", collection: str | None = None
    ) -> list[Hit]:
        """The retriever's ranked chunks as they are, duplicates not collapsed: what
        retrieval metrics score (evaluation/beir.py)."""
        return self.retriever.run(query, k, mode, collection=collection)

    # --- answering (pocketrag.generation.answerer does the work) ------------------------

    @cached_property
    def answerer(self) -> Any:
        """One per pipeline: it holds the LLM client, whose circuit breaker must persist.
        Its question vector comes from the search's (see QueryVectors)."""
        from pocketrag.generation.answerer import Answerer

        policy = AnswerPolicy.from_settings(self.settings)
        return Answerer(policy, self.search, lambda: self._query_vectors, lambda: self.store)

    def ask(
        self,
        question: str,
        history: Sequence[Any] = (),
        k: int | None = None,
        collection: str | None = None,
        use_llm: bool = True,
        document_ids: Sequence[str] | None = None,
    ) -> Answer:
        """A cited LLM or extractive answer, or a refusal. k defaults to POCKETRAG_TOP_K.
        Raises QuestionError (a PocketragError) for an empty, garbage or too-long question."""
        return self.answerer.ask(
            question, history, k=k, collection=collection, use_llm=use_llm,
            document_ids=document_ids,
        )  # fmt: skip

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
            question, history, k=k, collection=collection, use_llm=use_llm,
            document_ids=document_ids,
        )  # fmt: skip

    @cached_property
    def questions(self) -> QuestionLog:
        """The questions log in this index, as configured (POCKETRAG_QUESTION_LOG*)."""
        from pocketrag.questions import QuestionLog

        return QuestionLog(
            lambda: self.store,
            enabled=self.settings.question_log,
            retention_days=self.settings.question_log_days,
        )

    def question_report(self, days: float, limit: int) -> QuestionReport:
        """The log's report whatever the settings say (reading it never prunes it)."""
        from pocketrag.questions import QuestionLog

        return QuestionLog(lambda: self.store, enabled=True, retention_days=0).report(days, limit)

    # --- status -------------------------------------------------------------------------

    def open_index(self) -> None:
        """Open the index now (it opens on first use): an index that cannot be opened
        raises here, with the store's own error."""
        self.store  # noqa: B018 (the cached property opens it)

    def warm_up(self) -> None:
        """Open the index and load the model, then embed once so ONNX Runtime allocates
        its arenas now rather than during the first user's question."""
        self.store.counts()
        self.embedder.embed(["warm up"])

    def llm_breaker(self) -> Any | None:
        """The LLM client's circuit breaker (building the answerer), for metrics."""
        llm = getattr(self.answerer, "llm", None)
        return getattr(llm, "breaker", None)

    def llm_status(self) -> dict[str, Any]:
        return llm_status(self.settings, self)

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
