"""Where a table's rows go in its page's text: PDFium gives the characters in content-stream
order, which for some generators puts the text above a table (its title, the sentence that
introduces it) after the table's cells; the rows are placed after that text instead."""

from __future__ import annotations

from collections.abc import Iterable

from pocketrag.loaders.pdf_grid import _Phrase, _Table

PLACEHOLDER = "\ue000pocketrag-table-{}\ue000"
# member[n] of a phrase that is no table's: page text, or a running header or footer, which
# stays where PDFium gives it (it is no text above the table: pdf_running.py)
TEXT = -1
FURNITURE = -3
MAX_REORDERED_TABLES = 20  # past this, each table stays where its first character is


def open_tables(out: list[str], tables: Iterable[int], after: list[str]) -> None:
    out.extend("\n" + PLACEHOLDER.format(k) + "\n" for k in tables)
    if after:
        out.extend(["\n", *after, "\n"])


def placeholder_places(
    raw: str, owner: list[int], phrases: list[_Phrase], member: list[int], tables: list[_Table]
) -> tuple[dict[int, list[int]], dict[int, int]]:
    """Where each table goes in the page's text: where its first character is, or, when
    PDFium gives text that stands above the table only after it (the WARN report's title
    and notes come after its rows), at the end of the line of the last such text; the
    text in between that stands below the table then follows the table (moved: character
    index -> the place it goes)."""
    first = [-1] * len(tables)
    starts = [-1] * len(phrases)
    for i, seg in enumerate(owner):
        if seg >= 0 and starts[seg] < 0:
            starts[seg] = i
            if member[seg] >= 0 and first[member[seg]] < 0:
                first[member[seg]] = i
    at: dict[int, list[int]] = {}
    moved: dict[int, int] = {}
    reorder = len(tables) <= MAX_REORDERED_TABLES  # bounded: phrases x tables
    for k, table in enumerate(tables):
        cells = [p for row in table.header + table.body for p in row]
        top = min(p.y0 for p in cells)
        left, right = min(p.x0 for p in cells), max(p.x1 for p in cells)
        pos = first[k]
        if reorder:
            # above it, not beside it: the top of a leaflet's other column, given after the
            # table, had been read before it, and the rest of the table's own column after
            above = [
                starts[n]
                for n, p in enumerate(phrases)
                if member[n] == TEXT
                and starts[n] > first[k]
                and p.y1 <= top
                and p.x0 < right
                and p.x1 > left
            ]
            if above:
                end = raw.find("\n", max(above))
                pos = end if end >= 0 else len(raw)
                _move_below(owner, phrases, member, (first[k], pos, top), moved)
        at.setdefault(pos, []).append(k)
    return at, moved


def _move_below(
    owner: list[int],
    phrases: list[_Phrase],
    member: list[int],
    window: tuple[int, int, float],
    moved: dict[int, int],
) -> None:
    """Characters in the window (first, pos) of text below the table's top go to pos; a
    space or line break goes with the character before it."""
    first, pos, top = window
    below = False
    for i in range(first, pos):
        seg = owner[i]
        if seg >= 0 and member[seg] < 0:
            below = phrases[seg].y0 >= top
        elif seg >= 0:
            below = False  # the table's own characters are placed anyway
            continue
        if below:
            moved.setdefault(i, pos)
