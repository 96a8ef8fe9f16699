"""Tables aligned by hand with spaces in plain text (a pay scale, a contact list, a command's
report): a header line, perhaps a rule of dashes under it, and rows whose cells start where
the header's do. Read as prose, a row lost the spaces that said which column a figure was
in ("S1 Legal secretary £23,400 £24,100 £24,900": which is step 2?); read as a table, each
row names its columns (table_lines: "Grade: S1; Role: Legal secretary; Step 1: £23,400;
...") as DOCX, HTML and PDF tables do.

A paragraph is such a table when its first line names each column (a rule under it says
so, or it reads as a header: _reads_as_header) and MIN_ROWS rows or more follow, in
MIN_COLUMNS columns or more: where a rule drawn one per column puts them, else where all its
lines share gaps of GUTTER spaces or more. Prose never lines up so; a two-column list (a
name and its description) is read elsewhere (wrapping.unwrap_preformatted, text.py's hanging
terms); commented lines are a configuration's, whose columns are its syntax.
"""

from __future__ import annotations

import re

from pocketrag.loaders._common import table_lines
from pocketrag.loaders.wrapping import in_capitals

GUTTER = 2  # spaces between two columns, at least, on every line
MIN_COLUMNS = 3
MIN_ROWS = 2
# A row aligned by hand fits a screen or a printed page; a longer line is no row, and its
# tabs are not expanded nor its columns counted (a hostile line of tabs would expand eightfold)
MAX_ROW_CHARS = 500
_RULE = re.compile(r"^[-=_ ]*[-=_]{3,}[-=_ ]*$")  # under the header: one rule, or one a column
_MARKED = re.compile(r"^\s*(?:[#;>*|+]|//)")  # a comment, a quote, a bullet, a grid's border
_LETTER = re.compile(r"[^\W\d_]")
_DASHES = re.compile(r"[-=_]+")


def aligned_table(paragraph: str) -> list[str] | None:
    """The paragraph's rows as table_lines gives them, one a line, when it is a table
    aligned with spaces (above); else None."""
    raw = [line for line in paragraph.split("\n") if line.strip()]
    if any(len(line) > MAX_ROW_CHARS or _MARKED.match(line) for line in raw):
        return None
    lines = [line.expandtabs().rstrip() for line in raw]
    rules = [i for i, line in enumerate(lines) if _RULE.match(line)]
    top = 1 if rules[:1] == [0] else 0  # a rule over the header, one under it, one at the end
    if any(i not in (0, top + 1, len(lines) - 1) for i in rules):
        return None  # rules between rows: a drawing or several tables, not read here
    text = [line for i, line in enumerate(lines) if i not in rules]
    ruled = top + 1 in rules
    if len(text) < 1 + MIN_ROWS or not (ruled or _reads_as_header(text[0])):
        return None
    spans = (_ruled_columns(lines[top + 1], text) if ruled else []) or _columns(text)
    if len(spans) < MIN_COLUMNS:
        return None
    rows = [[line[start:end].strip() for start, end in spans] for line in text]
    header = rows[0]
    if not all(_LETTER.search(cell) for cell in header):
        return None  # a column without a name, or a row of figures: no header
    if any(not cells[0] or sum(map(bool, cells)) < 2 for cells in rows[1:]):
        return None  # a row's name missing: a wrapped cell, which this does not read
    out = table_lines(rows, marked_header=True)
    return out if ": " in (out[1:2] or [""])[0] else None


def _reads_as_header(line: str) -> bool:
    """A header line with no rule under it: in capitals ("NAME  TYPE  DESCRIPTION"), or
    ending in " ~", as Vim's help marks a table's header. Otherwise a first row of aligned
    lines is as likely data ("COOKIE_FILE  LYMain.c  default cookie file"), which must not
    name every other row's cells."""
    return in_capitals(line) or line.endswith(" ~")


def _ruled_columns(rule: str, lines: list[str]) -> list[tuple[int, int]]:
    """The columns a rule drawn one per column gives ("-----   --------   -----"): from each
    dash group's start to the next's, so that a cell running into the gap before the next
    column stays whole; [] when the rule is one line across, or a line's text runs over
    one of its starts (a word cut in two)."""
    starts = [m.start() for m in _DASHES.finditer(rule)]
    if len(starts) < MIN_COLUMNS:
        return []
    for line in lines:
        for start in starts[1:]:
            if 0 < start < len(line) and line[start - 1] != " " and line[start] != " ":
                return []
    return list(zip(starts, [*starts[1:], max(len(line) for line in lines)], strict=True))


def _columns(lines: list[str]) -> list[tuple[int, int]]:
    """The (start, end) of each column: the text between gaps of GUTTER spaces or more that
    every line has at the same place (a line too short to reach a place has a space there)."""
    width = max(len(line) for line in lines)
    blank = [True] * width
    for line in lines:
        for i, char in enumerate(line):
            if char != " ":
                blank[i] = False
    spans: list[tuple[int, int]] = []
    start, run = None, 0
    for i, free in enumerate([*blank, True]):
        if not free:
            if start is None:
                start = i
            elif run >= GUTTER:
                spans.append((start, i - run))
                start = i
            run = 0
        else:
            run += 1
    if start is not None:
        spans.append((start, width))
    return spans
