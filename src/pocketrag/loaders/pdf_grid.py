"""Finding a data table's grid on a PDF page from the positions of its text (no ruling
lines: many tables have none): phrases, rows sharing a baseline, columns covered by rows of
three or more phrases, and runs of body rows (see pdf_tables.py for the whole method and
what is done with a grid once found)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median

import pypdfium2 as pdfium

from pocketrag.loaders._common import clean_inline

# A grid: at least MIN_ROWS body rows with MIN_COLUMNS filled cells, and at most
# MAX_HEADER_LINES lines of header above them.
MAX_HEADER_LINES = 4
MIN_ROWS = 3
MIN_COLUMNS = 3
# A header phrase much wider than tall is a line of prose (width / height).
MAX_HEADER_ASPECT = 25.0
_DIGIT = re.compile(r"\d")
_WORDLIKE = re.compile(r"[^\W_]", re.UNICODE)  # a letter or digit: not a bullet or a colon


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


def _digits(row: list[_Phrase]) -> bool:
    return any(_DIGIT.search("".join(p.text)) for p in row)
