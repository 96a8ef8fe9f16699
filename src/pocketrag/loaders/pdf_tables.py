"""Data tables on a PDF page, read back as "Header: cell; Header: cell" rows.

PDFium's page text gives a table as lines of bare cells ("07/22/2015 Toyota Motor North
America Torrance 3000 Closure Permanent"): the header is far away, so a row cannot be quoted
with its meaning. The extractive answer step reads a row with its header only when it is
written as the DOCX and HTML loaders write it (generation/passages.py, `_KEYED_ROW`).

How a grid is found, from positions alone (no ruling lines: many tables have none):
- segments: PDFium's text rectangles (one per text object and line), with the words of a
  segment that sit close together merged into a phrase;
- rows: phrases sharing a baseline (centre within half a line height);
- columns: x-ranges covered by the phrases of rows holding three or more phrases, split
  where no (or, in bigger tables, at most one) phrase covers them; a column needs three
  phrases;
- body rows: a run of rows whose phrases each sit inside one column, with at least three
  rows of three or more columns; the header is the row(s) just above the first body row
  (a group header spanning several columns is given to each of them).
Only then is the text read, character by character (linear), each character either into its
table cell or back into the page's text in its original order; a placeholder line marks where
the table was. Pages without such a grid are left exactly as PDFium gives them.

Rotated pages: PDFium reports positions in the page's own (unrotated) frame. A table drawn
upright on a page with /Rotate is therefore read like any other; a table whose text runs
sideways in that frame to appear upright once the page is rotated is turned back first.
"""

from __future__ import annotations

import bisect
import ctypes
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pocketrag.loaders._common import clean_inline

# Past these a page is read as plain text: the search stays linear and small.
MAX_SEGMENTS = 20_000
MAX_COLUMNS = 40
MAX_HEADER_LINES = 4
MIN_ROWS = 3  # body rows with at least MIN_COLUMNS filled cells
MIN_COLUMNS = 3
# A phrase much wider than tall is a line of prose, not a cell (width / height, median).
MAX_CELL_ASPECT = 14.0
MAX_HEADER_ASPECT = 25.0
_PLACEHOLDER = "\ue000pocketrag-table-{}\ue000"
_PLACEHOLDER_LINE = re.compile("^\ue000pocketrag-table-(\\d+)\ue000$")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_WORDLIKE = re.compile(r"[^\W_]", re.UNICODE)  # a letter or digit: not a bullet or a colon


class TableRow(str):
    """One body row, "Header: cell; Header: cell": a block of its own, never a heading."""


@dataclass
class _Phrase:
    x0: float
    x1: float
    y0: float  # reading frame: y grows down the page
    y1: float
    column: int = -1
    text: list[str] = field(default_factory=list)
    into: _Phrase | None = None  # the cell this phrase was joined to (a wrapped line)

    @property
    def mid_y(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass
class _Table:
    header: list[list[_Phrase]]  # header lines, top down
    body: list[list[_Phrase]]
    columns: list[tuple[float, float]]
    x0: float = 0.0
    x1: float = 0.0
    y0: float = 0.0
    y1: float = 0.0


Frame = Callable[[float, float, float, float], tuple[float, float, float, float]]


def _frame(rotation: int, vertical: bool) -> Frame | None:
    """(left, bottom, right, top) in page space -> (x0, x1, y0, y1) as read, y down."""
    if not vertical:
        return lambda left, bottom, right, top: (left, right, -top, -bottom)
    if rotation == 90:  # shown turned clockwise: page up is reading right
        return lambda left, bottom, right, top: (bottom, top, left, right)
    if rotation == 270:
        return lambda left, bottom, right, top: (-top, -bottom, -right, -left)
    return None  # sideways text on an unrotated page: not a table we read


def _rects(textpage: pdfium.PdfTextPage) -> list[tuple[float, float, float, float]]:
    return [textpage.get_rect(i) for i in range(textpage.count_rects())]


def _rows(phrases: list[_Phrase], height: float) -> list[list[_Phrase]]:
    """Phrases sharing a baseline, top down, each row left to right."""
    rows: list[list[_Phrase]] = []
    start = 0.0
    for p in sorted(phrases, key=lambda p: p.mid_y):
        if rows and p.mid_y - start <= 0.5 * height:
            rows[-1].append(p)
        else:
            rows.append([p])
            start = p.mid_y
    return [sorted(r, key=lambda p: p.x0) for r in rows]


def _columns(rows: list[list[_Phrase]]) -> list[tuple[float, float]]:
    """x-ranges covered by the phrases of rows with MIN_COLUMNS phrases or more."""
    wide = [r for r in rows if len(r) >= MIN_COLUMNS]
    # a few phrases that run over (a long total, a long name) do not bridge a gap
    threshold = len(wide) // 10 if len(wide) >= 10 else 1 if len(wide) >= 6 else 0
    events = sorted(
        [(p.x0, 1) for r in wide for p in r] + [(p.x1, -1) for r in wide for p in r],
        key=lambda e: (e[0], e[1]),
    )
    columns: list[tuple[float, float]] = []
    cover, begin = 0, 0.0
    for x, step in events:
        before = cover
        cover += step
        if before <= threshold < cover:
            begin = x
        elif cover <= threshold < before:
            columns.append((begin, x))
    # a column needs three phrases from those rows
    starts = [c[0] for c in columns]
    support = [0] * len(columns)
    for r in wide:
        for p in r:
            i = bisect.bisect_right(starts, (p.x0 + p.x1) / 2) - 1
            if i >= 0 and p.x0 < columns[i][1]:
                support[i] += 1
    return [c for c, n in zip(columns, support, strict=True) if n >= MIN_ROWS]


def _place(row: list[_Phrase], columns: list[tuple[float, float]]) -> bool:
    """Put each phrase of a row in its column (the one it overlaps most, else the nearest);
    False when a phrase stands over two columns (prose, or a title over the table)."""
    starts = [c[0] for c in columns]
    for p in row:
        i = bisect.bisect_right(starts, p.x0) - 1  # the columns p may overlap: i, i + 1, ...
        best, best_overlap, spanned = -1, 0.0, 0
        for c in range(max(i, 0), len(columns)):
            a, b = columns[c]
            if a > p.x1:
                break
            overlap = min(p.x1, b) - max(p.x0, a)
            if overlap > 0.5 * max(min(p.x1 - p.x0, b - a), 0.1):
                spanned += 1
            if overlap > best_overlap:
                best, best_overlap = c, overlap
        if spanned > 1:
            return False
        if best < 0:
            mid = (p.x0 + p.x1) / 2
            near = [c for c in (i, i + 1) if 0 <= c < len(columns)]
            best = min(near, key=lambda c: min(abs(columns[c][0] - mid), abs(columns[c][1] - mid)))
        p.column = best
    return True


def _spanned(p: _Phrase, columns: list[tuple[float, float]]) -> list[int]:
    """The columns a header phrase stands over (a group header stands over several)."""
    out = []
    for i, (a, b) in enumerate(columns):
        overlap = min(p.x1, b) - max(p.x0, a)
        if overlap > 0 and overlap >= 0.5 * min(b - a, p.x1 - p.x0):
            out.append(i)
    if not out:
        mid = (p.x0 + p.x1) / 2
        out = [min(range(len(columns)), key=lambda i: abs(sum(columns[i]) / 2 - mid))]
    return out


def _tables(rows: list[list[_Phrase]], columns: list[tuple[float, float]]) -> list[_Table]:
    tables: list[_Table] = []
    placed = [_place(r, columns) for r in rows]
    index = {id(r): n for n, r in enumerate(rows)}
    i = 0
    while i < len(rows):
        if not placed[i]:
            i += 1
            continue
        j = i
        while j < len(rows) and placed[j]:
            j += 1
        while i < j and len({p.column for p in rows[i]}) < 2:
            i += 1  # a title or a heading above the grid is not part of it
        while j > i and len({p.column for p in rows[j - 1]}) < 2:
            j -= 1
        for run in _split_at_lone_cells(_join_wrapped(rows[i:j])):
            informative = _informative(run, len(columns))
            filled = (len({p.column for p in r} & informative) for r in run)
            if sum(n >= MIN_COLUMNS for n in filled) >= MIN_ROWS:
                tables.append(_split_header(rows, index[id(run[0])], run, columns))
        i = max(j, i + 1)
    return tables


def _split_at_lone_cells(run: list[list[_Phrase]]) -> list[list[list[_Phrase]]]:
    """A row of one cell that is not a wrapped line ends the grid (a heading between two
    tables, a note): the rows after it are read on their own."""
    runs: list[list[list[_Phrase]]] = [[]]
    for row in run:
        if len({p.column for p in row}) < 2:
            runs.append([])
        else:
            runs[-1].append(row)
    return [r for r in runs if r]


def _informative(run: list[list[_Phrase]], columns: int) -> set[int]:
    """Columns that hold data: not a column of bullets, colons or one repeated value (a
    bulleted list set in columns, a transcript's margin), which only looks like a grid."""
    values: list[list[str]] = [[] for _ in range(columns)]
    for row in run:
        for p in row:
            values[p.column].append(clean_inline("".join(p.text)))
    out = set()
    for c, cells in enumerate(values):
        words = [v for v in cells if _WORDLIKE.search(v)]
        if len(words) < MIN_ROWS:
            continue
        if Counter(words).most_common(1)[0][1] <= 0.8 * len(words):
            out.add(c)
    return out


def _join_wrapped(run: list[list[_Phrase]]) -> list[list[_Phrase]]:
    """A row with a single cell next to a fuller row is a wrapped line of one of its
    cells (a cell set on two lines, centred or top-aligned): its text joins that cell."""
    if len(run) < 2:
        return run
    full = [len({p.column for p in r}) >= 2 for r in run]
    keep = [True] * len(run)
    for k, row in enumerate(run):
        if full[k]:
            continue
        if len(row) > 1:  # one cell set in several pieces (justified): one phrase
            first = row[0]
            for p in row[1:]:
                first.text += [" ", *p.text]
                p.into = first
                first.x1 = max(first.x1, p.x1)
            del row[1:]
        y = row[0].mid_y
        near = [n for n in (k - 1, k + 1) if 0 <= n < len(run) and full[n] and keep[n]]
        if not near:
            continue
        n = min(near, key=lambda n: abs(run[n][0].mid_y - y))
        if abs(run[n][0].mid_y - y) > 2.0 * max(row[0].y1 - row[0].y0, run[n][0].y1 - run[n][0].y0):
            continue  # a line apart: not a wrapped line of that row's cell
        same = [p for p in run[n] if p.column == row[0].column]
        if same:
            before = n > k  # the wrapped line is above: its text comes first
            cell = same[0]
            parts = [row[0].text, [" "], cell.text] if before else [cell.text, [" "], row[0].text]
            cell.text = [c for part in parts for c in part]
            row[0].into = cell
        else:
            run[n].append(row[0])
            run[n].sort(key=lambda p: p.x0)
        keep[k] = False
    return [r for r, kept in zip(run, keep, strict=True) if kept]


def _split_header(
    rows: list[list[_Phrase]], start: int, run: list[list[_Phrase]], cols: list[tuple[float, float]]
) -> _Table:
    """The run, and up to MAX_HEADER_LINES rows just above it that may be header lines (a
    header wider than its column, or a group header over several, does not sit inside one);
    which leading rows are header is decided once the text is read (_header_and_body)."""
    header: list[list[_Phrase]] = []
    pitch = median(b[0].mid_y - a[0].mid_y for a, b in pairwise(run))
    k = start
    while k > 0 and len(header) < MAX_HEADER_LINES:
        above = rows[k - 1]
        if above[0].mid_y < rows[k][0].mid_y - 2.0 * max(pitch, 1.0):
            break
        if above[0].x0 < cols[0][0] - 20 or above[-1].x1 > cols[-1][1] + 20:
            break
        if any(p.x1 - p.x0 > MAX_HEADER_ASPECT * (p.y1 - p.y0) for p in above):
            break  # a sentence above the table, not a header
        if len(above) == 1 and above[0].x0 <= cols[0][1]:
            break  # a heading over the table's first column ("2.2 Air"), not a group header
        header.insert(0, above)
        k -= 1
    return _Table(header=header, body=run, columns=cols)


Section = tuple[list[str], list[list[_Phrase]]]  # column names, body rows


def _digits(row: list[_Phrase]) -> bool:
    return any(_DIGIT.search("".join(p.text)) for p in row)


def _sections(table: _Table, carried: _Header | None) -> list[Section] | None:
    """Column names and the rows they head. When most body rows hold digits, leading rows
    without any are header lines too ("State / Territory, Permit, Handgun" over counts), and
    such rows of three or more cells further down start a new header (a second table stacked
    under the first). With no header line, a table continued from the previous page (same
    columns) keeps that page's header; rows of figures with no header at all are left as
    text (a guessed header would mislabel every figure); else the first row is the header."""
    header, body = list(table.header), list(table.body)
    numeric = 2 * sum(map(_digits, body)) >= len(body)
    if numeric:
        while body and not _digits(body[0]) and len(header) < MAX_HEADER_LINES:
            header.append(body.pop(0))
    if header:
        names = _names(header, table.columns)
    elif numeric and carried is not None and carried.fits(table.columns):
        names = carried.names
    elif numeric:
        return None
    else:
        names = _names([body.pop(0)], table.columns)
    if 2 * sum(bool(_LETTER.search(n)) for n in names) < len(names):
        return None  # "1.", "1.1", "2.": numbered boxes of a diagram, not column names
    current: list[list[_Phrase]] = []
    sections: list[Section] = [(names, current)]
    i = 0
    while i < len(body):
        row = body[i]
        if numeric and current and not _digits(row) and len({p.column for p in row}) >= 3:
            j = i
            while j < len(body) and not _digits(body[j]) and j - i < MAX_HEADER_LINES:
                j += 1
            current = []
            sections.append((_names(body[i:j], table.columns), current))
            i = j
            continue
        current.append(row)
        i += 1
    return sections


def _names(lines: list[list[_Phrase]], columns: list[tuple[float, float]]) -> list[str]:
    """Each column's name: the header phrases over it, top down (a group header spanning
    several columns is part of each one's name)."""
    names: list[list[str]] = [[] for _ in columns]
    for line in lines:
        for p in line:
            text = clean_inline("".join(p.text))
            for c in _spanned(p, columns) if text else []:
                names[c].append(text)
    return [" ".join(n).replace(":", "").replace(";", ",").strip() for n in names]


@dataclass
class _Header:
    """A table's column names and places, for its continuation on the next page."""

    columns: list[tuple[float, float]]
    names: list[str]

    def fits(self, columns: list[tuple[float, float]]) -> bool:
        if len(columns) != len(self.columns):
            return False
        return all(
            min(b, d) - max(a, c) > 0 for (a, b), (c, d) in zip(columns, self.columns, strict=True)
        )


class TableReader:
    """Reads the tables of one document's pages in order: a table that runs on over the
    next page without repeating its header keeps the header of the page before."""

    def __init__(self) -> None:
        self._last: _Header | None = None

    def find(
        self, textpage: pdfium.PdfTextPage, raw: str, rotation: int
    ) -> tuple[str, list[list[TableRow]]] | None:
        """The page's text with each table replaced by a placeholder line, and the tables'
        rows; None when the page holds no grid (its text is then used exactly as before)."""
        found = _find(textpage, raw, rotation, self._last)
        self._last = found[2] if found else None
        return (found[0], found[1]) if found else None


def _find(
    textpage: pdfium.PdfTextPage, raw: str, rotation: int, carried: _Header | None
) -> tuple[str, list[list[TableRow]], _Header | None] | None:
    count = textpage.count_rects()
    if count < MIN_ROWS * MIN_COLUMNS or count > MAX_SEGMENTS:
        return None
    if textpage.count_chars() != len(raw):
        return None  # the text and the characters must line up one to one
    rects = _rects(textpage)
    # text runs along the longer side of its rectangles (single digits are taller than wide)
    sideways = sum((t - b) > 3 * (r - left) for left, b, r, t in rects)
    upright = sum((r - left) > 3 * (t - b) for left, b, r, t in rects)
    frame = _frame(rotation, vertical=sideways > upright)
    if frame is None or not _may_hold_grid([_Phrase(*frame(*r)) for r in rects]):
        return None
    owner, phrases = _segments(textpage, raw, frame)
    if not phrases or len(phrases) > MAX_SEGMENTS:
        return None
    height = median(p.y1 - p.y0 for p in phrases)
    rows = _rows(phrases, height)
    columns = _columns(rows)
    if not MIN_COLUMNS <= len(columns) <= MAX_COLUMNS:
        return None
    tables = [t for t in _tables(rows, columns) if _cell_like(t)]
    if not tables:
        return None
    return _splice_text(raw, owner, phrases, tables, carried)


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
    textpage: pdfium.PdfTextPage, raw: str, frame: Frame
) -> tuple[list[int], list[_Phrase]]:
    """One pass over the characters: runs on one line without a wide gap are segments
    (a text object may hold several cells). owner[i] is character i's segment, or -1 for
    a character without a box (a space or line break PDFium generated)."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    owner = [-1] * len(raw)
    phrases: list[_Phrase] = []
    current: _Phrase | None = None
    tall = 0.0
    for i, char in enumerate(raw):
        if char.isspace() or not pdfium_c.FPDFText_GetCharBox(
            textpage.raw, i, left, right, bottom, top
        ):
            if current is not None and char in "\r\n":
                current = None  # PDFium's line break ends a segment
            elif current is not None and char.isspace():
                current.text.append(" ")  # a word space (a trailing one is stripped later)
                owner[i] = len(phrases) - 1
            continue
        x0, x1, y0, y1 = frame(left.value, bottom.value, right.value, top.value)
        if x1 <= x0 and y1 <= y0:
            continue
        h = y1 - y0
        if (
            current is None
            or y0 > current.y1
            or y1 < current.y0  # not on the segment's line (a comma is)
            or x0 - current.x1 > 0.8 * max(h, tall)
            or x0 < current.x1 - 0.5 * max(h, tall)
        ):
            current = _Phrase(x0, x1, y0, y1)
            phrases.append(current)
            tall = h
        else:
            current.x1 = max(current.x1, x1)
            current.y0, current.y1 = min(current.y0, y0), max(current.y1, y1)
            tall = max(tall, h)
        current.text.append(char)
        owner[i] = len(phrases) - 1
    return owner, phrases


def _cell_like(table: _Table) -> bool:
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
) -> tuple[str, list[list[TableRow]], _Header | None] | None:
    """The page's text without the tables' characters, in its order; a placeholder line
    where each table's first character was."""
    rows: list[list[TableRow]] = []
    kept: list[_Table] = []
    for t in tables:
        read = _keyed_rows(t, carried)
        if read is not None:
            rows.append(read[0])
            kept.append(t)
            carried = read[1]
    if not kept:
        return None
    tables = kept
    table_of = {}
    for k, t in enumerate(tables):
        for row in t.header + t.body:
            for p in row:
                table_of[id(p)] = k
    member = [table_of.get(id(_joined(p)), -1) for p in phrases]
    out: list[str] = []
    opened = [False] * len(tables)
    in_table = False
    for char, seg in zip(raw, owner, strict=True):
        k = member[seg] if seg >= 0 else (-2 if in_table else -1)
        if k >= 0:
            if not opened[k]:
                opened[k] = True
                out.append("\n" + _PLACEHOLDER.format(k) + "\n")
            in_table = True
        elif k == -2:
            continue  # PDFium's space or line break between two cells
        else:
            if in_table:
                out.append("\n")
                in_table = False
            out.append(char)
    return "".join(out), rows, carried


def _keyed_rows(table: _Table, carried: _Header | None) -> tuple[list[TableRow], _Header] | None:
    sections = _sections(table, carried)
    if sections is None:
        return None
    rows: list[TableRow] = []
    for headers, body in sections:
        for line in body:
            if row := _keyed_row(line, headers, table.columns):
                rows.append(row)
    return rows, _Header(table.columns, sections[-1][0])


def _keyed_row(
    line: list[_Phrase], headers: list[str], columns: list[tuple[float, float]]
) -> TableRow | None:
    cells: dict[int, list[str]] = {}
    for p in line:
        if p.column < 0:  # a header line taken for body: no column of its own
            p.column = _spanned(p, columns)[0]
        cells.setdefault(p.column, []).append(clean_inline("".join(p.text)))
    parts: list[str] = []
    for c in sorted(cells):
        value = " ".join(v for v in cells[c] if v).replace(";", ",")
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
