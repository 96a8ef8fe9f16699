"""How a place in a document is named to a person: one page-label formatter for the CLI,
the API's plain-text sources and the prompts, so "p. 3" never reads three different ways.

Works on anything with `page_start`/`page_end`: a Hit, or a citation or hit JSON object.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _pages(where: Any) -> tuple[Any, Any]:
    if isinstance(where, Mapping):
        return where.get("page_start"), where.get("page_end")
    return getattr(where, "page_start", None), getattr(where, "page_end", None)


def pages_label(where: Any) -> str:
    """ "3", "3-5", or "" for a format without pages."""
    start, end = _pages(where)
    if start is None:
        return ""
    if end is None or end == start:
        return str(start)
    return f"{start}-{end}"


def page_reference(where: Any) -> str:
    """ "p. 3", "pp. 3-5", or "" for a format without pages."""
    label = pages_label(where)
    if not label:
        return ""
    return f"pp. {label}" if "-" in label else f"p. {label}"
