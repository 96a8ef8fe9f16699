"""Running headers and footers: the same line (digits aside) at the top or bottom of most
pages ("Kestrel Community Housing - Pay and Allowances", "file:///.../pay.html 2/4", a
browser's print date). They are page furniture, not content: dropped from the text, and
kept out of table detection, where a header line with two parts (a date, a title) read as
a first row of the grid broke its header away from the table below it.
"""

from __future__ import annotations

import re
from collections import Counter

from pocketrag.loaders._common import clean_inline
from pocketrag.loaders.pdf_grid import TableRow

# How many lines at each edge of a page can be furniture.
EDGE_LINES = 2


def edge_key(line: str) -> str:
    """A line with its digits blurred: "Page 3 of 9" and "Page 4 of 9" are one line."""
    return re.sub(r"\d+", "#", clean_inline(line).casefold())


def edges(lines: list[str]) -> list[str]:
    """The text lines at the page's top and bottom (a table's rows are never furniture:
    blurred, all the rows of a pay table have the same key)."""
    return [lines[i] for i in _edge_places(lines)]


def _edge_places(lines: list[str]) -> list[int]:
    text = [i for i, x in enumerate(lines) if not isinstance(x, TableRow)]
    return sorted(set(text[:EDGE_LINES] + text[-EDGE_LINES:]))


def running_keys(pages_edges: list[list[str]]) -> set[str]:
    """Keys of the edge lines seen on at least half the pages (and on two pages or more)."""
    seen: Counter[str] = Counter()
    for lines in pages_edges:
        seen.update({edge_key(x) for x in lines})
    return {k for k, n in seen.items() if n >= 2 and n >= 0.5 * len(pages_edges)}


def drop_running_lines(pages: list[list[str]]) -> None:
    """Remove running headers and footers from the pages' lines (in place)."""
    running = running_keys([edges(lines) for lines in pages])
    if not running:
        return
    for lines in pages:
        furniture = {i for i in _edge_places(lines) if edge_key(lines[i]) in running}
        lines[:] = [x for i, x in enumerate(lines) if i not in furniture]


def running_characters(raw: str, running: set[str]) -> list[bool]:
    """Which characters of PDFium's page text belong to a running line at its edges."""
    mask = [False] * len(raw)
    if not running:
        return mask
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"\r\n|\r|\n", raw + "\n"):
        if raw[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    # one line more at each edge: a bare page number there is no content line (page_lines)
    for a, b in spans[: EDGE_LINES + 1] + spans[-EDGE_LINES - 1 :]:
        if edge_key(raw[a:b]) in running:
            mask[a:b] = [True] * (b - a)
    return mask
