"""The Store protocol: what every index backend (SQLite, PostgreSQL) must do.

Duplicate policy: a document is identified by (collection, source). Adding a document whose
(collection, source) exists replaces the old version in the same transaction; callers check
`find_document(...).sha256` first to make unchanged content a no-op.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from pocketrag.documents import Chunk, Document, DocumentInfo, Hit
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


# The chunk columns both stores select to build a Hit, in the order `hits_in_order` reads them.
HIT_COLUMNS = (
    "c.id, c.document_id, d.source, d.title, c.text, c.page_start, c.page_end, c.heading, "
    "c.ordinal, d.collection FROM chunks c JOIN documents d ON d.id = c.document_id"
)


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
        _, doc_id, source, title, text, p_start, p_end, heading, ordinal, coll = row
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
            )
        )
    return hits


@dataclass(frozen=True)
class TermStats:
    """Per search term of a query: (document frequency, the given chunks that hold it)."""

    chunks: int  # chunks in the index
    terms: list[tuple[int, frozenset[int]]]


@runtime_checkable
class Store(Protocol):
    read_only: bool

    def add_document(
        self,
        document: Document,
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        *,
        sha256: str,
        collection: str = "default",
    ) -> DocumentInfo:
        """Store one document, its chunks and their vectors (float32, L2-normalised) in one
        transaction: afterwards it is wholly in, or (on any error) the store is unchanged."""
        ...

    def find_document(self, source: str, collection: str = "default") -> DocumentInfo | None: ...

    def get_document(self, document_id: str) -> DocumentInfo | None: ...

    def list_documents(self, collection: str | None = None) -> list[DocumentInfo]: ...

    def delete_document(self, id_or_source: str, collection: str | None = None) -> int:
        """Delete by document id or by source path; returns how many documents went."""
        ...

    def lexical_search(
        self,
        query: str,
        k: int,
        *,
        collection: str | None = None,
        document_ids: Sequence[str] | None = None,
    ) -> list[Hit]:
        """BM25 over chunk text; Hit.score and Hit.scores["bm25"] are higher-is-better."""
        ...

    def dense_search(
        self,
        vector: np.ndarray,
        k: int,
        *,
        collection: str | None = None,
        document_ids: Sequence[str] | None = None,
    ) -> list[Hit]:
        """Nearest chunks by cosine similarity; Hit.scores["dense"] is the cosine."""
        ...

    def counts(self) -> dict[str, int]:
        """{"documents": n, "chunks": m}"""
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

    def section_headings(self, collection: str | None = None, limit: int = 500) -> list[tuple]:
        """(document title, heading path) pairs, for the page's example questions."""
        ...

    def close(self) -> None: ...
