"""Tables drawn with "+---+" borders and "|" between cells in plain text (reStructuredText's
grid tables; MoinMoin wiki pages as text, Dovecot's), read into rows by docutils' grid table
parser. Read as prose, a cell that wraps over several lines had its words interleaved with
its neighbours' fragments and "|" marks.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pocketrag.loaders._common import table_lines

if TYPE_CHECKING:
    from docutils.statemachine import StringList

# two columns at least: a box of one is a drawing (Vim's manual draws the screen so)
_BORDER = re.compile(r"^\s*\+(?:[-=]+\+){2,}\s*$")
_ROW = re.compile(r"^\s*[|+]")
_BOLD = re.compile(r"^\*(.+)\*$")  # a header cell marked bold, as wikis write it


def split_grid_tables(part: str) -> list[tuple[str, bool]]:
    """The part's text and its grid tables in order: (text, False) and (rows, True), the
    rows as table_lines gives them, one per line."""
    lines = part.split("\n")
    out: list[tuple[str, bool]] = []
    text: list[str] = []
    i = 0
    while i < len(lines):
        end = i + 1
        if _BORDER.match(lines[i]):
            while end < len(lines) and _ROW.match(lines[end]):
                end += 1
        rows = _rows(lines[i:end]) if end - i > 2 else None
        if rows is None:
            # a drawing no parser reads stays text whole: never tried again from each of its
            # lines (a hostile file of such lines would take quadratic time)
            text += lines[i:end]
            i = end
            continue
        if text:
            out.append(("\n".join(text), False))
            text = []
        out.append(("\n".join(table_lines(rows)), True))
        i = end
    if text:
        out.append(("\n".join(text), False))
    return out


def _rows(lines: list[str]) -> list[list[str]] | None:
    """The table's rows of cells, or None when it is no table docutils can read. A row
    written short of the last column (a wiki's header over a wider table) is padded out."""
    # imported here: most texts have no grid table, and docutils is large to import
    from docutils.parsers.rst.tableparser import GridTableParser, TableMarkupError
    from docutils.statemachine import StringList

    indent = len(lines[0]) - len(lines[0].lstrip())
    border = lines[0].strip()
    padded = []
    for line in (line.rstrip()[indent:] for line in lines):
        short = len(border) - len(line)
        padded.append(line + " " * (short - 1) + "|" if short > 0 else line)
    try:
        _, head, body = GridTableParser().parse(StringList(padded))
    except (TableMarkupError, IndexError):
        return _sliced(padded)
    return [[_cell(cell) for cell in row] for row in [*head, *body]]


def _sliced(lines: list[str]) -> list[list[str]] | None:
    """The rows split at their "|" marks, for a table docutils rejects: a wiki's cell whose
    text pushes the next "|" out of line ("| <mbox> [MailboxFormat.mbox.txt]| Yes"). Every
    row line must have as many "|" marks as the top border has "+" marks; cells spanning
    columns are not seen."""
    columns = lines[0].count("+") - 1
    rows: list[list[str]] = []
    cells: list[list[str]] = []
    for line in lines:
        if _BORDER.match(line):
            if cells:
                rows.append([_words(parts) for parts in cells])
            cells = []
            continue
        pieces = line.strip()[1:-1].split("|")
        if not line.strip().endswith("|") or len(pieces) != columns:
            return None  # no table of these columns
        cells = cells or [[] for _ in pieces]
        for parts, piece in zip(cells, pieces, strict=True):
            parts.append(piece)
    return rows or None


def _words(parts: list[str]) -> str:
    return _BOLD.sub(r"\1", " ".join(" ".join(parts).split()))


def _cell(cell: tuple[int, int, int, StringList] | None) -> str:
    return "" if cell is None else _words(list(cell[3]))  # None: a spanning cell's space
