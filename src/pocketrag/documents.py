"""The values that flow through ingest and retrieval: loaded documents, chunks and hits.

Plain dataclasses, so every step (loader, chunker, store, retriever, generator) can be
tested on its own with values a test builds by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The error classes moved to pocketrag.errors; importers that name them here keep working.
from pocketrag.errors import IndexChunkingMismatchError as IndexChunkingMismatchError
from pocketrag.errors import IndexModelMismatchError as IndexModelMismatchError
from pocketrag.errors import LoaderError as LoaderError
from pocketrag.errors import PocketragError as PocketragError


@dataclass(frozen=True)
class Block:
    """A run of text from one place in a document: a paragraph, a table row, a list item."""

    text: str
    page: int | None = None  # 1-based page number where the format has pages
    heading_path: tuple[str, ...] = ()


@dataclass
class Document:
    """What a loader returns: the text of one file, in reading order, with its structure."""

    source: str  # the path or name the document came from, as the user gave it
    title: str
    doc_type: str  # "pdf" | "docx" | "html" | "markdown" | "text"
    blocks: list[Block]
    pages: int | None = None
    metadata: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Chunk:
    """A retrievable, citable piece of one document."""

    text: str  # the chunk's own text, shown in citations
    ordinal: int  # position in the document, from 0
    page_start: int | None
    page_end: int | None
    heading_path: tuple[str, ...]
    char_start: int  # span in the document's joined text
    char_end: int
    # What is embedded and indexed: a short "title > heading path" prefix plus the text.
    embed_text: str = ""

    @property
    def heading(self) -> str:
        return " > ".join(self.heading_path)


@dataclass(frozen=True)
class DocumentInfo:
    """A stored document as listed by the store."""

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
    metadata: dict[str, object] = field(default_factory=dict)


@dataclass
class Hit:
    """A retrieved chunk with everything needed to show and cite it."""

    chunk_id: int | str
    document_id: str
    source: str
    title: str
    text: str
    page_start: int | None
    page_end: int | None
    heading: str
    score: float  # the fused score (or the single retriever's in bm25/dense mode)
    scores: dict[str, float] = field(default_factory=dict)  # per retriever: "bm25", "dense"
    ordinal: int = 0
    collection: str = "default"
    # sources holding the same passage (the same manual as PDF and DOCX, a consolidated copy)
    also_in: list[str] = field(default_factory=list)
    from_scan: bool = False  # its page(s) were read by OCR: the text may hold errors

    def to_json(self) -> dict[str, object]:
        """The CLI's and the API's hit object (a stable contract)."""
        out: dict[str, object] = {
            "source": self.source,
            "title": self.title,
            "page_start": self.page_start,
            "page_end": self.page_end,
            "heading": self.heading,
            "text": self.text,
            "score": round(self.score, 6),
            "from_scan": self.from_scan,
        }
        if self.also_in:
            out["also_in"] = list(self.also_in)
        return out


_TITLE_SEPARATOR = re.compile(r"\s+[|·•»]\s+|\s+[-–—:]\s+")
_SITE_SEPARATOR = re.compile(r"\s+[|·•»]\s+")


def title_without_site_suffix(title: str, first_heading: str = "") -> str:
    """ "Expenses | Larkfield Intranet" -> "Expenses": the page's own name, not the site's.
    The part that is also the document's first heading wins; otherwise only a "|"-style
    separator (never a dash, which real titles use: "Travel - booking rules") marks a
    suffix. Applied where a title is shown, not at ingest: the stored title is part of
    what is searched, and the answerability thresholds were fitted on it."""
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    if first_heading:
        for part in parts:
            if part.casefold() == first_heading.strip().casefold():
                return part
    site = [p.strip() for p in _SITE_SEPARATOR.split(title) if p.strip()]
    return site[0] if len(site) > 1 else title


def display_names(title: str, heading: str) -> tuple[str, str]:
    """(title, section) as a person should read them: the title without a site suffix,
    the section path without the title repeated at its start."""
    first = heading.split(" > ", 1)[0] if heading else ""
    shown = title_without_site_suffix(title, first)
    return shown, heading_under_title(shown, heading)


def heading_under_title(title: str, heading: str) -> str:
    """The heading path without leading parts that repeat the document's title: a policy
    whose first heading is its own name reads "Policy > Booking", not "Policy > Policy >
    Booking", wherever a section is named to a person."""
    parts = [p for p in heading.split(" > ") if p.strip()]
    while parts and parts[0].strip().casefold() == title.strip().casefold():
        parts.pop(0)
    return " > ".join(parts)
