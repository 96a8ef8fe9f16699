"""The Store protocol: what every index backend (SQLite, PostgreSQL) must do.

Duplicate policy, owned by the store: a document is identified by (collection, source).
Adding a document whose (collection, source) exists replaces the old version in the same
transaction (`if_unchanged="replace"`, the default), or, with `if_unchanged="skip"`, leaves
it alone when it holds the same content (sha256) and says so (status "unchanged"). Checking
inside the write transaction means two writers of one file cannot both write it.

Concurrency, owned by the store: every method may be called from any thread; a backend
serialises what it must (SQLite: one writer connection, a small pool of readers).
`concurrent_reads` says whether two reads really run at the same time (a hybrid search then
runs BM25 and dense search side by side).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from typing import Literal, Protocol, runtime_checkable

import numpy as np

from pocketrag.documents import Chunk, Document, DocumentInfo, Hit
from pocketrag.errors import InvalidVectorsError
from pocketrag.questions import QuestionEntry, QuestionReport

# The documents table's columns, in the order `document_row` gives their values.
DOC_COLUMNS = (
    "id, source, title, doc_type, sha256, collection, pages, chunk_count, "
    "created_at, updated_at, metadata"
)


def document_row(
    document_id: str,
    document: Document,
    sha256: str,
    collection: str,
    chunk_count: int,
    created_at: str,
    updated_at: str,
) -> tuple:
    """The values of one documents row, in DOC_COLUMNS order (both stores insert it)."""
    return (
        document_id,
        document.source,
        document.title,
        document.doc_type,
        sha256,
        collection,
        document.pages,
        chunk_count,
        created_at,
        updated_at,
        json.dumps(document.metadata, default=str),
    )


def document_info(row: Sequence[object]) -> DocumentInfo:
    """A DocumentInfo from a row selected with DOC_COLUMNS (metadata as JSON text, or as
    the dict PostgreSQL's jsonb gives)."""
    (doc_id, source, title, doc_type, sha, coll, pages, count, created, updated, meta) = row
    return DocumentInfo(
        id=str(doc_id),
        source=str(source),
        title=str(title),
        doc_type=str(doc_type),
        sha256=str(sha),
        collection=str(coll),
        pages=pages if pages is None else int(pages),  # type: ignore[call-overload]
        chunk_count=int(count),  # type: ignore[call-overload]
        created_at=str(created),
        updated_at=str(updated),
        metadata=meta if isinstance(meta, dict) else json.loads(str(meta or "{}")),
    )


# The chunk columns both stores select to build a Hit, in the order `hits_in_order` reads them.
HIT_COLUMNS = (
    "c.id, c.document_id, d.source, d.title, c.text, c.page_start, c.page_end, c.heading, "
    "c.ordinal, d.collection, d.metadata FROM chunks c JOIN documents d ON d.id = c.document_id"
)


def from_scan(metadata: object, page_start: int | None, page_end: int | None) -> bool:
    """Whether a chunk's pages were read by OCR (the document's "ocr_pages"): its text may
    hold recognition errors, and citations say so. Kept per document, not per chunk, so
    neither store's chunk table changes: a page is either all OCR or all text layer."""
    if page_start is None or not metadata:
        return False
    meta = metadata if isinstance(metadata, dict) else json.loads(str(metadata))
    ocr_pages = meta.get("ocr_pages") or ()
    return any(page_start <= p <= (page_end or page_start) for p in ocr_pages)


def hits_in_order(
    scored: Sequence[tuple[int, float]], rows: dict[int, Sequence], kind: str
) -> list[Hit]:
    """Hits in the order of `scored` from rows selected with HIT_COLUMNS (keyed by chunk id);
    a chunk deleted between the scoring and the row lookup is left out."""
    hits = []
    for chunk_id, score in scored:
        row = rows.get(chunk_id)
        if row is None:
            continue
        _, doc_id, source, title, text, p_start, p_end, heading, ordinal, coll, meta = row
        hits.append(
            Hit(
                chunk_id=chunk_id,
                document_id=doc_id,
                source=source,
                title=title,
                text=text,
                page_start=p_start,
                page_end=p_end,
                heading=heading,
                score=score,
                scores={kind: score},
                ordinal=ordinal,
                collection=coll,
                from_scan=from_scan(meta, p_start, p_end),
            )
        )
    return hits


# What `Store.storage_sizes` reports, in bytes.
STORAGE_SIZE_KEYS = ("chunks", "vector_index", "text_index", "database")

IfUnchanged = Literal["replace", "skip"]
WriteStatus = Literal["added", "updated", "unchanged"]


@dataclass(frozen=True, eq=False)
class StoredDocument(DocumentInfo):
    """What `add_document` returns: the stored document, and what the call did to it. The
    status tells about the call, not the document, so it equals the DocumentInfo that
    `get_document` gives for the same stored document."""

    status: WriteStatus = "added"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DocumentInfo):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(DocumentInfo))

    __hash__ = DocumentInfo.__hash__


@dataclass(frozen=True)
class ExportedDocument:
    """One stored document whole, as `export_documents` yields it for a copy into another
    store: chunks in order, one float32 unit vector per chunk."""

    info: DocumentInfo
    chunks: list[Chunk]
    vectors: np.ndarray

    def as_document(self) -> Document:
        """The Document to hand `add_document` of the target (its text is in the chunks)."""
        info = self.info
        return Document(
            source=info.source,
            title=info.title,
            doc_type=info.doc_type,
            blocks=[],
            pages=info.pages,
            metadata=dict(info.metadata),
        )


def checked_vectors(chunks: Sequence[Chunk], vectors: np.ndarray) -> np.ndarray:
    """The vectors as float32, one row per chunk, all finite: checked before anything is
    written by either backend, so a broken model cannot store a NaN that poisons every
    later cosine (and the mean the answerability check compares against)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if not len(chunks):
        return vectors
    if vectors.ndim != 2 or vectors.shape[0] != len(chunks):
        raise InvalidVectorsError(f"{len(chunks)} chunks but vectors of shape {vectors.shape}")
    if not np.isfinite(vectors).all():
        raise InvalidVectorsError("vectors contain NaN or infinity")
    return vectors


def chunk_from_row(row: Sequence) -> Chunk:
    """A Chunk from (text, ordinal, page_start, page_end, heading, char_start, char_end,
    embed_text), the order both stores' exports select."""
    text, ordinal, p_start, p_end, heading, c_start, c_end, embed_text = row
    return Chunk(
        text=text,
        ordinal=ordinal,
        page_start=p_start,
        page_end=p_end,
        heading_path=tuple(heading.split(" > ")) if heading else (),
        char_start=c_start,
        char_end=c_end,
        embed_text=embed_text,
    )


# The chunk columns of `chunk_from_row`, as both stores name them.
CHUNK_COLUMNS = "text, ordinal, page_start, page_end, heading, char_start, char_end, embed_text"


_MAX_QUERY_TERMS = 64
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
# A short English stop list: dropping these keeps OR-queries from touching most of the index
# (speed) and matches what Lucene-style BM25 baselines do (quality). Kept if nothing else is.
_STOPWORDS = frozenset(
    "a an and are as at be but by can do does for from had has have how i if in into is it "  # noqa: SIM905
    "its me my no not of on or our so such than that the their then there these they this to "
    "was we were what when where which who whom why will with would you your".split()
)


def search_terms(query: str) -> list[str]:
    """The query's distinct words minus stop words (all of them if nothing else is left):
    what SQLite's full-text search looks up, and the answerability check's words."""
    terms = list(dict.fromkeys(t.lower() for t in _TOKEN_RE.findall(query)))
    return ([t for t in terms if t not in _STOPWORDS] or terms)[:_MAX_QUERY_TERMS]


@dataclass(frozen=True)
class TermStats:
    """Per search term of a query: (document frequency, the given chunks that hold it)."""

    chunks: int  # chunks in the index
    terms: list[tuple[int, frozenset[int]]]


class DocumentQueries:
    """find_document, get_document and list_documents, written once for both backends on
    top of their `_documents(where, params)` (a WHERE/ORDER BY clause with `?`
    placeholders; the PostgreSQL store turns them into `%s`)."""

    def _documents(self, where: str, params: Sequence[object]) -> list[DocumentInfo]:
        raise NotImplementedError

    def find_document(self, source: str, collection: str = "default") -> DocumentInfo | None:
        found = self._documents("WHERE collection = ? AND source = ?", (collection, source))
        return found[0] if found else None

    def get_document(self, document_id: str) -> DocumentInfo | None:
        found = self._documents("WHERE id = ?", (document_id,))
        return found[0] if found else None

    def list_documents(self, collection: str | None = None) -> list[DocumentInfo]:
        if collection is None:
            return self._documents("ORDER BY collection, source", ())
        return self._documents("WHERE collection = ? ORDER BY source", (collection,))


@runtime_checkable
class Store(Protocol):
    read_only: bool
    # The vectors' dimension, fixed by the first document with chunks (None while empty).
    dim: int | None
    # Whether two reads run at the same time (see the module docstring).
    concurrent_reads: bool

    def add_document(
        self,
        document: Document,
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        *,
        sha256: str,
        collection: str = "default",
        if_unchanged: IfUnchanged = "replace",
        document_id: str | None = None,
        timestamps: tuple[str, str] | None = None,
    ) -> StoredDocument:
        """Store one document, its chunks and their vectors (float32, L2-normalised, finite:
        else InvalidVectorsError) in one transaction: afterwards it is wholly in, or (on any
        error) the store is unchanged. `if_unchanged`: the duplicate policy (module
        docstring). `document_id` (for a new document) and `timestamps` (created_at,
        updated_at) keep another store's, for a copy."""
        ...

    def find_document(self, source: str, collection: str = "default") -> DocumentInfo | None: ...

    def get_document(self, document_id: str) -> DocumentInfo | None: ...

    def list_documents(self, collection: str | None = None) -> list[DocumentInfo]: ...

    def delete_document(self, id_or_source: str, collection: str | None = None) -> int:
        """Delete by document id or by source path; returns how many documents went."""
        ...

    def document_chunks(self, document_id: str) -> tuple[list[Chunk], np.ndarray]:
        """A stored document's chunks in order and their vectors (float32 unit rows)."""
        ...

    def export_documents(self, collection: str | None = None) -> Iterator[ExportedDocument]:
        """Every document (of one collection, or all) whole, one at a time, so a copy into
        another store never holds more than one document's vectors."""
        ...

    def get_vectors(self, chunk_ids: Sequence[int]) -> dict[int, np.ndarray]:
        """Stored vectors of some chunks (float32), e.g. to give BM25-only hits a cosine."""
        ...

    # --- meta: facts about the index (its embedding model, its chunker settings) ---------

    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...

    def meta_items(self) -> dict[str, str]:
        """Every meta fact that describes the index's content (not the backend's own
        bookkeeping such as the vectors' storage type): what a copy carries over."""
        ...

    # --- searching ------------------------------------------------------------------------

    def lexical_search(
        self,
        query: str,
        k: int,
        *,
        collection: str | None = None,
        document_ids: Sequence[str] | None = None,
        exhaustive: bool = False,
    ) -> list[Hit]:
        """BM25 over chunk text; Hit.score and Hit.scores["bm25"] are higher-is-better.
        `exhaustive` scores every matching row, where a backend would otherwise prune (the
        ground truth a benchmark checks the pruned top k against; SQLite's FTS5 always
        scores every match)."""
        ...

    def dense_search(
        self,
        vector: np.ndarray,
        k: int,
        *,
        collection: str | None = None,
        document_ids: Sequence[str] | None = None,
        exact: bool = False,
    ) -> list[Hit]:
        """Nearest chunks by cosine similarity; Hit.scores["dense"] is the cosine. `exact`
        scans every vector in scope instead of an approximate index (PostgreSQL's HNSW,
        SQLite's sign-bit prefilter above its exact limit): slow, the recall ground truth."""
        ...

    def counts(self) -> dict[str, int]:
        """{"documents": n, "chunks": m}"""
        ...

    def storage_sizes(self) -> dict[str, int]:
        """Bytes on disk, by what they hold (STORAGE_SIZE_KEYS): "chunks" (chunk rows and
        their vectors), "vector_index" (what makes dense search fast: PostgreSQL's HNSW,
        SQLite's sign bits), "text_index" (BM25: FTS5, or PostgreSQL's terms, GIN and
        lexemes) and "database" (everything, the questions log included)."""
        ...

    def term_stats(self, query: str, chunk_ids: Sequence[int]) -> TermStats:
        """The query's search terms, each with its document frequency and which of
        `chunk_ids` hold it (the answerability check's word evidence, scale-free by IDF)."""
        ...

    def vector_mean(self) -> np.ndarray | None:
        """The mean of the stored unit vectors (None when empty): a question's cosine to it
        is its average cosine to the index, the background its best match must stand out
        from (generation/answerability.py)."""
        ...

    # --- the questions log (pocketrag.questions; SQL shared in store/questions_sql.py) ---

    def log_question(self, entry: QuestionEntry) -> None: ...

    def set_question_feedback(self, entry_id: str, rating: int, at: str) -> bool:
        """Thumbs up (1) / down (-1), replacing earlier feedback; False: no such entry."""
        ...

    def prune_questions(self, before: str) -> int:
        """Delete entries asked before this ISO timestamp; returns how many went."""
        ...

    def question_report(self, since: str, limit: int = 20) -> QuestionReport: ...

    def export_questions(self, batch: int = 1000) -> Iterator[list[tuple]]:
        """Every entry whole, oldest first, in batches (for a copy into another store)."""
        ...

    def import_questions(self, rows: Sequence[Sequence[object]]) -> int:
        """Entries from export_questions; ids already present are kept. Returns how many
        were added."""
        ...

    def section_headings(self, collection: str | None = None, limit: int = 500) -> list[tuple]:
        """(document title, heading path) pairs, for the page's example questions."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...
