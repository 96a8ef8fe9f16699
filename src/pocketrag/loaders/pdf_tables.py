"""Data tables on a PDF page, read back as "Header: cell; Header: cell" rows.

PDFium's page text gives a table as lines of bare cells ("07/22/2015 Toyota Motor North
America Torrance 3000 Closure Permanent"): the header is far away, so a row cannot be quoted
with its meaning. The extractive answer step reads a row with its header only when it is
written as the DOCX and HTML loaders write it (generation/passages.py, `_KEYED_ROW`).

How a grid is found, from positions alone (no ruling lines: many tables have none):
- segments: PDFium's text rectangles (one per text object and line), with the words of a
  segment that sit close together merged into a phrase; characters set at another angle
  than the page's text (a margin label) are left out;
- rows: phrases sharing a baseline (centre within half a line height); in a table ruled
  between its rows, the lines between two rules are one row (pdf_rules.py);
- columns (pdf_columns.py): x-ranges covered by the phrases of rows holding three or more
  phrases, split where no (or, in bigger tables, at most one) phrase covers them; a column
  needs three phrases; computed per band when two tables with crossing columns are stacked;
- body rows: a run of rows whose phrases each sit inside one column (a phrase that is two
  cells run together is cut at the word gap between the columns), with at least three
  rows of three or more columns; lines wrapped inside a cell join its row; the header is
  the row(s) just above the first body row (a group header spanning several columns is
  given to each of them).
Only then is the text read, character by character (linear), each character either into its
table cell or back into the page's text in its original order; a placeholder line marks where
the table goes (after any text that stands above it: pdf_order.py). Pages without such a
grid are left exactly as PDFium gives them.

Rotated pages: PDFium reports positions in the page's own (unrotated) frame. A table drawn
upright on a page with /Rotate is therefore read like any other; a table whose text runs
sideways in that frame to appear upright once the page is rotated is turned back first.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pocketrag.loaders._common import clean_inline, line_joint
from pocketrag.loaders.pdf_columns import _bands, _columns, ruled_columns
from pocketrag.loaders.pdf_grid import (
    MAX_HEADER_LINES,
    MIN_COLUMNS,
    MIN_ROWS,
    Frame,
    TableRow,
    _digits,
    _frame,
    _Phrase,
    _rects,
    _rows,
    _spanned,
    _Table,
    _tables,
    header_lines,
    spans_all,
)
from pocketrag.loaders.pdf_order import FURNITURE, TEXT, open_tables, placeholder_places
from pocketrag.loaders.pdf_rules import (
    Band,
    join_ruled_lines,
    page_rules,
    ruled_rows,
    widen_to_walls,
)
from pocketrag.loaders.pdf_running import running_characters

# Past these a page is read as plain text: the search stays linear and small.
MAX_SEGMENTS = 20_000
MAX_COLUMNS = 40
TURN = 2 * math.pi
ANGLE_TOLERANCE = 0.2  # radians
# A phrase much wider than tall is a line of prose, not a cell (width / height, median).
MAX_CELL_ASPECT = 14.0
_PLACEHOLDER_LINE = re.compile("^\ue000pocketrag-table-(\\d+)\ue000$")
_BRACKET_SPACE = re.compile(r"(?<=[(\[])\s+|\s+(?=[)\]])")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# A column's name is a few words; a row of words with a longer cell is a row of the table
# ("Front-of-house volunteers | Free | We provide the minimum team for the audience size"),
# not the header of a second table stacked under the first, which had named the next row.
MAX_NAME_WORDS = 6
_WORD = re.compile(r"[^\W_]+")


Section = tuple[list[str], list[list[_Phrase]]]  # column names, body rows
Amended = tuple[TableRow, TableRow]  # a row as read, and with its rest from the next page


def _sections(
    table: _Table, carried: _Header | None, repeated: bool = False
) -> list[Section] | None:
    """Column names and the rows they head. When most body rows hold digits, leading rows
    without any are header lines too ("State / Territory, Permit, Handgun" over counts), and
    such rows of three or more cells further down start a new header (a second table stacked
    under the first), unless named like the rows around them (_named_like). With no header
    line, a table continued from the previous page (same columns) keeps that page's header;
    so does a table of words whose page `repeated` that header outside it (a browser prints
    a table's header on every page; with the rest of a row split by the page break under
    it, the header stood apart, and the first row, read as the header, had named every row
    under it). Rows of figures with no header at all are left as text (a guessed header
    would mislabel every figure); else the first row is the header."""
    header, body = list(table.header), list(table.body)
    firsts = [_first_word(row) for row in body]  # once: a table may have thousands of rows
    numeric = 2 * sum(map(_digits, body)) >= len(body)
    if numeric:
        below = Counter(word for _, word in firsts)
        while (
            body
            and (
                not _digits(body[0])
                or (header and _continues(header[-1], body[0]))
                or _under_group(header, body[0], table.columns)
            )
            and header_lines([*header, body[0]]) <= MAX_HEADER_LINES
            and not _named_like(firsts[0], below - Counter([firsts[0][1]]), len(body) - 1)
        ):
            below[firsts.pop(0)[1]] -= 1
            header.append(body.pop(0))
    if header:
        names = _names(header, table.columns)
    elif (
        carried is not None
        and carried.fits(table.columns)
        and (numeric or (repeated and _names(body[:1], table.columns) != carried.names))
    ):
        names = carried.names  # a text table too: its first row here is one more row
    elif numeric:
        return None
    else:
        names = _names([body.pop(0)], table.columns)
        firsts.pop(0)
    if 2 * sum(bool(_LETTER.search(n)) for n in names) < len(names):
        return None  # "1.", "1.1", "2.": numbered boxes of a diagram, not column names
    current: list[list[_Phrase]] = []
    current_words: Counter[str] = Counter()  # the first words of `current`'s rows
    sections: list[Section] = [(names, current)]
    i = 0
    while i < len(body):
        row = body[i]
        if (
            numeric
            and current
            and not _digits(row)
            and not _amount(row)
            and len({p.column for p in row}) >= 3
            and all(len("".join(p.text).split()) <= MAX_NAME_WORDS for p in row)
            and not _named_like(firsts[i], current_words, len(current))
        ):
            j = i
            while j < len(body) and not _digits(body[j]) and j - i < MAX_HEADER_LINES:
                j += 1
            if j == len(body):  # no figures under it: a last row in words, not a header
                current.extend(body[i:])
                break
            current, current_words = [], Counter()
            sections.append((_names(body[i:j], table.columns), current))
            i = j
            continue
        current.append(row)
        current_words[firsts[i][1]] += 1
        i += 1
    return sections


# A cell that opens with an amount, its unit after it ("£24.00 per class hour"): no column
# name does ("Standby (£ per 24 hours)"), so its row is one more row, however few figures
# it holds. Read as a header, it had named the columns of the seven rows under it.
_AMOUNT = re.compile(r"^(?:[£$€]\s?\d|\d+[.,]\d+\s+[^\W\d_])")


def _amount(row: list[_Phrase]) -> bool:
    return any(_AMOUNT.match(clean_inline("".join(p.text))) for p in row)


def _first_word(row: list[_Phrase]) -> tuple[str, str]:
    """The first column's text and its first word, lower-cased ("", "" when empty)."""
    first = min(row, key=lambda p: p.column)
    text = clean_inline("".join(first.text)).lower() if first.column == 0 else ""
    word = _WORD.search(text)
    return text, word[0] if word else ""


def _named_like(first: tuple[str, str], words: Counter[str], rows: int) -> bool:
    """Whether a row's first cell (`first`: _first_word's) opens with the word most of the
    other `rows` open theirs with (`words`: their first words, counted), and says more: it
    is one more of them, whatever its other cells hold. NUT's variable tables have a value
    in words now and then ("battery.charger.status | Status of the battery charger |
    charging" among "battery.voltage | Battery voltage (V) | 24.84"), and such a row had
    become the header of every row after it. A header names its columns: "Grade" over
    "Grade A", "State / Territory" over "Alabama"."""
    text, word = first
    return bool(word) and text != word and 2 * words[word] >= rows


def _continues(header: list[_Phrase], row: list[_Phrase]) -> bool:
    """A header's next line ("Standby (£ per" over "24 hours)"): right under it, with
    figures in fewer than half of its cells and fewer cells than the line above (only
    some headers wrap); a first row of figures ("Austria 8.9 83,879 Vienna German") fills
    every column."""
    height = max(p.y1 - p.y0 for p in header)
    close = row[0].mid_y - header[0].mid_y <= 1.5 * height
    fewer = len({p.column for p in row}) < len({p.column for p in header})
    return close and fewer and 2 * sum(_digits([p]) for p in row) < len(row)


def _under_group(
    header: list[list[_Phrase]], row: list[_Phrase], columns: list[tuple[float, float]]
) -> bool:
    """A line of sub-headers, figures or not ("1.0 1.2 1.4 2.0+" under "Server version"):
    within two lines of a group header's cell, one cell in each of the columns it spans,
    and only words in the others (a column's own name set level with them, "Client
    version")."""
    for line in header:
        for p in line:
            spans = set(_spanned(p, columns))
            under = [q for q in row if q.column in spans]
            others = [q for q in row if q.column not in spans]
            if (
                len(spans) > 1
                and len(under) == len(spans) == len({q.column for q in under})
                and not (others and _digits(others))
                and row[0].mid_y - p.mid_y <= 3.0 * (p.y1 - p.y0)
            ):
                return True
    return False


def _names(lines: list[list[_Phrase]], columns: list[tuple[float, float]]) -> list[str]:
    """Each column's name: the header phrases over it, top down (a group header spanning
    several columns is part of each one's name)."""
    names: list[list[str]] = [[] for _ in columns]
    seen: set[int] = set()  # a header cell's second line may be read into two lines
    for line in lines:
        last: _Phrase | None = None
        for p in line:
            if id(p) in seen:
                continue
            seen.add(id(p))
            text = clean_inline("".join(p.text))
            for c in _spanned(p, columns) if text else []:
                if last is not None and names[c] and p.x0 - last.x1 < 1.0:
                    names[c][-1] += text  # a superscript set against its word ("km" "2")
                else:
                    names[c].append(text)
            last = p
    joined = (" ".join(n).replace(":", "").replace(";", ",").strip() for n in names)
    return [_BRACKET_SPACE.sub("", name) for name in joined]  # "Area (km2 )": a superscript


@dataclass
class _Header:
    """A table's column names and places, for its continuation on the next page, and its
    last row (cells by column, and as read), for the rest of that row if the page break
    split it."""

    columns: list[tuple[float, float]]
    names: list[str]
    last_cells: dict[int, list[str]] = field(default_factory=dict)
    last_row: TableRow | None = None

    def fits(self, columns: list[tuple[float, float]]) -> bool:
        if len(columns) != len(self.columns):
            return False
        return all(
            min(b, d) - max(a, c) > 0 for (a, b), (c, d) in zip(columns, self.columns, strict=True)
        )


def _rest_of_row(
    rows: list[list[_Phrase]], carried: _Header | None
) -> tuple[list[list[_Phrase]], list[list[_Phrase]], list[list[_Phrase]]]:
    """The page's rows without the rest of a row the page break split, the repeated header
    over it, and that rest. A browser prints a table's header again on each page; a row
    cut by the break goes on under it with only its longer cells' last lines ("store" of
    "Main house, equipment store"). Read as a row of one cell, it ended the grid and the
    rows under it lost their header; it belongs to the previous page's last row. The
    header: the page's first lines of several cells, if they name the columns as the
    previous page's table did; the rest: the lines right under it filling fewer than half
    of the columns, each cell in one column (a ruled row's lines count from its top line,
    so how far below the header it stands says nothing)."""
    if carried is None or not carried.last_cells:
        return rows, [], []
    start = next((i for i, row in enumerate(rows) if len(row) >= MIN_COLUMNS), None)
    if start is None:
        return rows, [], []
    for end in range(start + 1, min(start + MAX_HEADER_LINES, len(rows)) + 1):
        if _names(rows[start:end], carried.columns) == carried.names:
            break
    else:
        return rows, [], []
    stop = end
    while (
        stop < len(rows)
        and 0 < 2 * len(rows[stop]) < len(carried.columns)
        and all(len(_spanned(p, carried.columns)) == 1 for p in rows[stop])
    ):
        stop += 1
    if stop == end or stop == len(rows) or len(rows[stop]) < MIN_COLUMNS:
        return rows, [], []  # no rest, or no row after it: lines under a table's header
    return rows[:end] + rows[stop:], rows[start:end], rows[end:stop]


class TableReader:
    """Reads the tables of one document's pages in order: a table that runs on over the
    next page without repeating its header keeps the header of the page before."""

    def __init__(self, running: set[str] | None = None) -> None:
        self._last: _Header | None = None
        self._running = running or set()  # the document's running lines (pdf_running.py)
        # the previous page's last row as read, and as read with its rest from this page
        self.amended: Amended | None = None

    def find(
        self, textpage: pdfium.PdfTextPage, raw: str, rotation: int
    ) -> tuple[str, list[list[TableRow]]] | None:
        """The page's text with each table replaced by a placeholder line, and the tables'
        rows; None when the page holds no grid (its text is then used exactly as before)."""
        furniture = running_characters(raw, self._running)
        found = _find(textpage, raw, rotation, self._last, furniture)
        self._last = found[2] if found else None
        self.amended = found[3] if found else None
        return (found[0], found[1]) if found else None


def _find(
    textpage: pdfium.PdfTextPage,
    raw: str,
    rotation: int,
    carried: _Header | None,
    furniture: list[bool],
) -> tuple[str, list[list[TableRow]], _Header | None, Amended | None] | None:
    count = textpage.count_rects()
    if count < MIN_ROWS * MIN_COLUMNS or count > MAX_SEGMENTS:
        return None
    if textpage.count_chars() != len(raw):
        return None  # the text and the characters must line up one to one
    rects = _rects(textpage)
    # text runs along the longer side of its rectangles (single digits are taller than wide);
    # each counts by its length: a page set glyph by glyph (letter-spaced, the safeguarding
    # poster) has many one-letter rectangles taller than wide ("l", "i"), but short ones
    sideways = sum(t - b for left, b, r, t in rects if (t - b) > 3 * (r - left))
    upright = sum(r - left for left, b, r, t in rects if (r - left) > 3 * (t - b))
    # a page of one-glyph rectangles (Chromium's print of a web page) has many narrow ones
    # ("l", "1", "."), so the characters' own angle decides that the text really is turned
    angles = _angles(textpage, raw) if sideways > upright else None
    frame = _frame(rotation, vertical=angles is not None and _turned(angles))
    if frame is None or not _may_hold_grid([_Phrase(*frame(*r)) for r in rects]):
        return None
    # text both ways: a margin label may stand at another angle (else skip that pass)
    across = [False] * len(raw)
    if sideways > 0 and upright > 0:
        across = _across(angles or _angles(textpage, raw))  # the angles are read once
    owner, phrases = _segments(textpage, raw, frame, across)
    if not phrases or len(phrases) > MAX_SEGMENTS:
        return None
    height = median(p.y1 - p.y0 for p in phrases)
    running = {id(phrases[owner[i]]) for i, f in enumerate(furniture) if f and owner[i] >= 0}
    rows = _without_furniture(_rows(phrases, height), running)
    ruled: set[int] = set()
    inside: dict[int, Band] = {}  # a row's band of rules, if in a ruled table
    across_rules, down_rules, walls = page_rules(textpage.page, frame)
    if bands := ruled_rows(across_rules, down_rules):
        rows, ruled, inside = join_ruled_lines(rows, bands)  # a cell's lines, by its rules
    rows, header, rest = _rest_of_row(rows, carried)
    tables: list[_Table] = []
    for band in _bands(rows, inside):
        columns, least = _columns(band), MIN_COLUMNS
        if len(columns) < MIN_COLUMNS and (two := ruled_columns(band, inside)):
            columns, least = two, len(two)
        if least <= len(columns) <= MAX_COLUMNS:
            found = _tables(band, columns, ruled, least)
            tables += [t for t in found if _cell_like(t, ruled)]
    tables = [kept for t in tables if (kept := _without_prose(t, ruled)) is not None]
    tables = [t for t in tables if not _typed_code(t, textpage, raw, owner, phrases)]
    if not tables:
        return None
    if rest and any(line is header[-1] for line in [*tables[0].header, *tables[0].body[:1]]):
        tables[0].rest = rest
    for t in tables:
        widen_to_walls(t.header, walls)  # a merged header cell over its columns
    return _splice_text(raw, owner, phrases, tables, carried, running)


# Code set in a typewriter font lines its words up in columns with spaces, and reads as a
# grid: of the development sets' PDFs, 47 "tables" were mostly in such a font, every one
# code (gnuplot's syntax lines, R functions, LilyPond input, a bash example), and no table
# of the policies was. Read as a table, code was cut into cells ("set | xrange | [-10:10]").
TYPEWRITER_SHARE = 0.8
_TYPEWRITER = re.compile(r"mono|courier|typewriter|consol|cmtt|lmtt|nimbusmon|menlo", re.I)
_FIXED_PITCH = 1  # bit 1 of a PDF font descriptor's flags
MAX_FONT_SAMPLES = 400  # characters looked at per table: enough to tell, bounded


def _typed_code(
    table: _Table,
    textpage: pdfium.PdfTextPage,
    raw: str,
    owner: list[int],
    phrases: list[_Phrase],
) -> bool:
    """Whether the table's text is mostly in a typewriter (fixed-pitch) font: code."""
    mine = {id(p) for row in table.header + table.body for p in row}
    inside = {k for k, p in enumerate(phrases) if id(p) in mine}
    chars = [i for i, k in enumerate(owner) if k in inside and not raw[i].isspace()]
    step = max(1, len(chars) // MAX_FONT_SAMPLES)
    sample = chars[::step]
    typed = sum(_typewriter(textpage, i) for i in sample)
    return bool(sample) and typed >= TYPEWRITER_SHARE * len(sample)


def _typewriter(textpage: pdfium.PdfTextPage, index: int) -> bool:
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, len(name), ctypes.byref(flags))
    typewriter = _TYPEWRITER.search(name.value.decode("latin-1")) is not None
    return typewriter or bool(flags.value & _FIXED_PITCH)


# A column is prose when its cells carry a sentence on to the next row at least this often
# and in at least this share of its rows; only a line of some length counts (a column of
# e-mail addresses also ends without a full stop and starts in lower case).
MIN_CARRIED_LINES = 2
CARRIED_SHARE = 0.3
MIN_PROSE_WORDS = 5


def _without_furniture(rows: list[list[_Phrase]], running: set[int]) -> list[list[_Phrase]]:
    """The rows without a running header or footer at the page's top or bottom edge (a
    browser's print date and title): it would read as a first row of the grid. Only the
    outermost row goes: a table header that Chromium repeats on every page is a running
    line too, but it sits under the page's header, and it heads the grid."""
    for edge in (0, -1):
        if rows and all(id(p) in running for p in rows[edge]):
            rows = rows[1:] if edge == 0 else rows[:-1]
    return rows


def _without_prose(table: _Table, ruled: Collection[int]) -> _Table | None:
    """The table without a column of prose beside it, or None when too little is left. In
    one column of a two-column page the prose lines share baselines with the table's cells
    and become a first "column" of the grid (the lathe sheet's speed table, a wardens'
    guide's contacts). Prose reads on from line to line ("... call 999 and" / "give your
    location."); a table's cells do not (a wrapped cell is joined to its row). Nor does a
    ruled row's: rules part it from the next ("1 day, every 3 years" over "half a day,
    every 3 years" had read as a sentence going on), and prose beside a ruled table was
    set apart from it already (pdf_rules._apart_from_beside)."""
    rows = [row for row in table.header + table.body if id(row) not in ruled]
    prose = {c for c in range(len(table.columns)) if _carries_on(rows, c)}
    if not prose:
        return table
    header = [[p for p in row if p.column not in prose] for row in table.header]
    body = [[p for p in row if p.column not in prose] for row in table.body]
    body = [row for row in body if row]
    used = {p.column for row in body for p in row}
    if len(used) < MIN_COLUMNS or sum(len({p.column for p in r}) >= 2 for r in body) < MIN_ROWS:
        return None
    header = [row for row in header if row]
    return _Table(header=header, body=body, columns=table.columns, lead=table.lead)


def _carries_on(rows: list[list[_Phrase]], column: int) -> bool:
    cells = ["".join(p.text).strip() for row in rows for p in row if p.column == column]
    carried = sum(
        len(a.split()) >= MIN_PROSE_WORDS and a[-1] not in ".:;!?)" and b[:1].islower()
        for a, b in pairwise(cells)
    )
    return carried >= MIN_CARRIED_LINES and carried >= CARRIED_SHARE * (len(cells) - 1)


def _may_hold_grid(rects: list[_Phrase]) -> bool:
    """Cheap first look from PDFium's rectangles (one per text object and line): rows of
    three or more. One text object can hold several cells, so this only rules pages out."""
    if not rects:
        return False
    height = median(p.y1 - p.y0 for p in rects)
    rows = _rows([p for p in rects if p.y1 > p.y0], max(height, 0.1))
    return sum(len(r) >= MIN_COLUMNS for r in rows) >= MIN_ROWS or any(
        p.x1 - p.x0 > 8 * (p.y1 - p.y0) for p in rects
    )


def _segments(
    textpage: pdfium.PdfTextPage, raw: str, frame: Frame, across: list[bool]
) -> tuple[list[int], list[_Phrase]]:
    """One pass over the characters: runs on one line without a wide gap are segments
    (a text object may hold several cells). owner[i] is character i's segment, or -1 for
    a character without a box (a space or line break PDFium generated)."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    owner = [-1] * len(raw)
    phrases: list[_Phrase] = []
    current: _Phrase | None = None
    tall = last_x0 = 0.0
    for i, char in enumerate(raw):
        if across[i]:
            continue  # set at another angle than the page's text: a margin label
        if char == "\ufffe" and current is not None:
            # PDFium's mark for a hyphen at a line's end, without a box of its own: in a
            # cell it is the text's hyphen ("mid-" / "terrace"), as no browser or word
            # processor hyphenates a table cell unless asked (see pdf_hyphens)
            current.text.append("-")
            current.xs.append(current.x1)
            owner[i] = len(phrases) - 1
            continue
        if char.isspace() or not pdfium_c.FPDFText_GetCharBox(
            textpage.raw, i, left, right, bottom, top
        ):
            if current is not None and char in "\r\n":
                current = None  # PDFium's line break ends a segment
            elif current is not None and char.isspace():
                current.text.append(" ")  # a word space (a trailing one is stripped later)
                current.xs.append(current.x1)
                owner[i] = len(phrases) - 1
            continue
        x0, x1, y0, y1 = frame(left.value, bottom.value, right.value, top.value)
        if x1 <= x0 and y1 <= y0:
            continue
        h = y1 - y0
        # an underscore's glyph hangs below the baseline, under the letters' boxes: on the
        # line all the same ("x86_64" had read "x86 _ 64" in a table's cell)
        hangs = 0.5 * tall if char == "_" else 0.0
        if (
            current is None
            or y0 > current.y1 + hangs
            or y1 < current.y0  # not on the segment's line (a comma is)
            or x0 - current.x1 > 0.8 * max(h, tall)
            # back to the left: another text object, unless it is the next character of
            # a ligature ("ffi" gives three characters in one box)
            or x0 < min(current.x1 - 0.5 * max(h, tall), last_x0)
        ):
            current = _Phrase(x0, x1, y0, y1)
            phrases.append(current)
            tall = h
        else:
            current.x1 = max(current.x1, x1)
            current.y0, current.y1 = min(current.y0, y0), max(current.y1, y1)
            tall = max(tall, h)
        current.text.append(char)
        current.xs.append(x0)
        last_x0 = x0
        owner[i] = len(phrases) - 1
    return owner, phrases


Angles = tuple[list[float], float | None]  # each character's angle, the most common one


def _angles(textpage: pdfium.PdfTextPage, raw: str) -> Angles:
    """Each character's angle (-1 for a space), and the most common one."""
    angles = [
        -1.0 if c.isspace() else round(pdfium_c.FPDFText_GetCharAngle(textpage.raw, i), 1)
        for i, c in enumerate(raw)
    ]
    common = Counter(a for a in angles if a >= 0).most_common(1)
    return angles, common[0][0] if common else None


def _apart(a: float, b: float) -> bool:
    return min(abs(a - b), TURN - abs(a - b)) > ANGLE_TOLERANCE


def _turned(angles: Angles) -> bool:
    """Whether most characters are set a quarter turn from the page's upright."""
    main = angles[1]
    return main is not None and _apart(main, 0.0) and _apart(main, TURN / 2)


def _across(angles: Angles) -> list[bool]:
    """Characters set at another angle than most of the page's text: a label up the page's
    margin ("B-1191" beside the Senate ledger, the Federal Register's filing stamp) would
    otherwise be read as a column of one-letter cells."""
    each, main = angles
    if main is None:
        return [False] * len(each)
    return [a >= 0 and _apart(a, main) for a in each]


def _cell_like(table: _Table, ruled: Collection[int]) -> bool:
    """Whether the body's cells are short, as a table's are, not lines of prose; a ruled
    table's are cells whatever their width (its wrapped lines are joined across, so a cell
    of three lines of words looks as wide as a line of prose)."""
    if all(id(row) in ruled for row in table.body):
        return True
    cells = [p for r in table.body for p in r]
    return median((p.x1 - p.x0) / max(p.y1 - p.y0, 0.1) for p in cells) <= MAX_CELL_ASPECT


def _joined(p: _Phrase) -> _Phrase:
    while p.into is not None:
        p = p.into
    return p


def _splice_text(
    raw: str,
    owner: list[int],
    phrases: list[_Phrase],
    tables: list[_Table],
    carried: _Header | None,
    running: set[int],
) -> tuple[str, list[list[TableRow]], _Header | None, Amended | None] | None:
    """The page's text without the tables' characters, in its order; a placeholder line
    where each table goes (pdf_order.py)."""
    rows: list[list[TableRow]] = []
    kept: list[_Table] = []
    previous = carried  # the previous page's table (`carried` goes on to this page's)
    # the previous page's last header, printed again on this page (see _sections)
    repeated = carried is not None and " ".join(carried.names) in " ".join(raw.split())
    for k, t in enumerate(tables):
        read = _keyed_rows(t, carried, repeated and k == 0)  # the page's first table
        if read is not None:
            rows.append(read[0])
            kept.append(t)
            carried = read[1]
    if not kept:
        return None
    tables = kept
    table_of = {}
    for k, t in enumerate(tables):
        for row in [*t.header, t.lead, *t.body, *t.rest]:
            for p in row:
                table_of[id(p)] = k
    amended = None
    if tables[0].rest and previous is not None and previous.last_row is not None:
        cells = {c: list(v) for c, v in previous.last_cells.items()}
        for line in tables[0].rest:
            for c, texts in _cells(line, previous.columns).items():
                cells.setdefault(c, []).extend(texts)
        if (whole := _row_text(cells, previous.names)) is not None:
            amended = (previous.last_row, whole)
    member = [
        table_of.get(id(_joined(p)), FURNITURE if id(p) in running else TEXT) for p in phrases
    ]
    at, moved = placeholder_places(raw, owner, phrases, member, tables)
    out: list[str] = []
    later: dict[int, list[str]] = {}  # text below a table that PDFium gave before its title
    in_table = False
    for i, (char, seg) in enumerate(zip(raw, owner, strict=True)):
        if i in at or i in later:
            open_tables(out, at.get(i, ()), later.pop(i, []))
        # a space or line break PDFium put between two cells is dropped; a character read
        # as page text (a margin label) is kept, and so is the text moved below a table
        # with its spaces and line breaks
        k = member[seg] if seg >= 0 else (-2 if in_table and char.isspace() else -1)
        if k >= 0:
            in_table = True
        elif i in moved:
            later.setdefault(moved[i], []).append(char)
        elif k == -2:
            continue  # PDFium's space or line break between two cells
        else:
            if in_table:
                out.append("\n")
                in_table = False
            out.append(char)
    open_tables(out, at.get(len(raw), ()), later.pop(len(raw), []))
    return "".join(out), rows, carried, amended


def _keyed_rows(
    table: _Table, carried: _Header | None, repeated: bool = False
) -> tuple[list[TableRow], _Header] | None:
    # a caption over every column ("Math library functions") names no column: it is read
    # before the rows, like a group's name (never a heading, which would go on over the
    # text after the table)
    captions = []
    while table.header and spans_all(table.header[0], table.columns):  # the top lines
        captions.append(table.header.pop(0))
    sections = _sections(table, carried, repeated)
    if sections is None:
        return None
    lines = [*captions, table.lead]
    rows = [TableRow(clean_inline(" ".join("".join(p.text) for p in line))) for line in lines]
    rows = [r for r in rows if r]
    last: tuple[dict[int, list[str]], TableRow | None] = ({}, None)  # the last row's
    for headers, body in sections:
        for line in body:
            if spans_all(line, table.columns):  # a section's name, over the rows after it
                rows.append(TableRow(clean_inline("".join(line[0].text))))
                last = ({}, None)
            elif row := _row_text(cells := _cells(line, table.columns), headers):
                rows.append(row)
                last = (cells, row)
    return rows, _Header(table.columns, sections[-1][0], *last)


def _lines_joined(lines: list[str]) -> str:
    """A cell's lines as one text: a space between them, none after a word broken at its
    hyphen ("2-bedroom house, mid-terrace")."""
    out = lines[0] if lines else ""
    for line in lines[1:]:
        out += line_joint(out, line) + line
    return out


def _cells(line: list[_Phrase], columns: list[tuple[float, float]]) -> dict[int, list[str]]:
    """A row's cells: each column's lines."""
    cells: dict[int, list[str]] = {}
    for p in line:
        if p.column < 0:  # a header line taken for body: no column of its own
            p.column = _spanned(p, columns)[0]
        cells.setdefault(p.column, []).append(clean_inline("".join(p.text)))
    return cells


def _row_text(cells: dict[int, list[str]], headers: list[str]) -> TableRow | None:
    parts: list[str] = []
    for c in sorted(cells):
        # the cell's text as written: a ";" inside it ("60 minutes a day; more if nobody is
        # waiting") had become a "," (rows read from HTML and DOCX keep theirs)
        value = _lines_joined([v for v in cells[c] if v])
        if not value:
            continue
        if headers[c]:
            parts.append(f"{headers[c]}: {value}")
        elif parts:
            parts[-1] += f" {value}"
        else:
            parts.append(value)
    return TableRow("; ".join(parts)) if parts else None


def splice(lines: list[str], tables: list[list[TableRow]]) -> list[str]:
    """Replace each placeholder line by its table's rows."""
    out: list[str] = []
    for line in lines:
        m = _PLACEHOLDER_LINE.match(line)
        out.extend(tables[int(m.group(1))] if m else [line])
    return out


def amend(lines: list[str], row: TableRow, whole: TableRow) -> list[str]:
    """A page's lines with its table's last row read whole (the rest of it was printed on
    the next page): the last line that is that row."""
    for i in range(len(lines) - 1, -1, -1):
        if isinstance(lines[i], TableRow) and lines[i] == row:
            return [*lines[:i], whole, *lines[i + 1 :]]
    return lines
