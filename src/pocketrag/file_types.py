"""The file types pocketrag reads and their extensions, apart from the loaders themselves,
so the ingest and serving processes can list them without importing a single parser (the
parse worker does the parsing; DESIGN decision 8)."""

from __future__ import annotations

# type -> file extensions it is recognised by (lower case)
SUPPORTED_TYPES: dict[str, tuple[str, ...]] = {
    "pdf": (".pdf",),
    "docx": (".docx",),
    "html": (".html", ".htm", ".xhtml"),
    "markdown": (".md", ".markdown", ".mdown", ".mkd"),
    "text": (".txt", ".text", ".rst"),
}
