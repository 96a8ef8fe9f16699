"""The Store protocol: what every index backend (SQLite, PostgreSQL) must do.

Duplicate policy: a document is identified by (collection, source). Adding a document whose
(collection, source) exists replaces the old version in the same transaction; callers check
`find_document(...).sha256` first to make unchanged content a no-op.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from pocketrag.documents import Chunk, Document, DocumentInfo, Hit


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

    def close(self) -> None: ...
