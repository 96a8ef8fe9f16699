"""The JSON shapes of documents, hits and citations: one set for the CLI's `--json` and
the HTTP API (whose /docs page shows them), so a script can switch between the two.

The API declares them as response models; the CLI renders through the same functions.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from pocketrag.documents import DocumentInfo, Hit


class DocumentOut(BaseModel):
    """A stored document."""

    id: str
    source: str
    title: str
    doc_type: str
    sha256: str
    collection: str
    pages: int | None
    chunk_count: int
    created_at: str
    updated_at: str


class HitOut(BaseModel):
    """A retrieved passage (Hit.to_json())."""

    source: str
    title: str
    page_start: int | None
    page_end: int | None
    heading: str
    text: str
    score: float
    from_scan: bool = Field(default=False, description="Read from a scan by OCR: may hold errors.")
    also_in: list[str] | None = Field(
        default=None,
        description="Other documents holding the same passage (present only when there are).",
    )


class CitationOut(BaseModel):
    """One cited source of an answer, numbered like its [n] marker in the text. Also
    `also_in` (other documents with the same passage) when there are."""

    model_config = ConfigDict(extra="allow")
    n: int
    document_id: str
    source: str
    title: str
    page_start: int | None
    page_end: int | None
    heading: str
    from_scan: bool = False
    snippet: str = Field(default="", description="The sentence(s) of the passage cited.")
    text: str = Field(default="", description="The whole passage.")


def document_json(info: DocumentInfo) -> dict[str, Any]:
    return DocumentOut(
        id=info.id,
        source=info.source,
        title=info.title,
        doc_type=info.doc_type,
        sha256=info.sha256,
        collection=info.collection,
        pages=info.pages,
        chunk_count=info.chunk_count,
        created_at=info.created_at,
        updated_at=info.updated_at,
    ).model_dump()


def hit_json(hit: Hit) -> dict[str, Any]:
    """`also_in` only when the passage is in other documents too (a stable contract)."""
    return HitOut.model_validate(hit.to_json()).model_dump(exclude_unset=True)
