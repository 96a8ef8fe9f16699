"""Finding a data table's grid on a PDF page from the positions of its text (no ruling
lines: many tables have none): phrases, rows sharing a baseline, columns covered by rows of
three or more phrases, and runs of body rows (see pdf_tables.py for the whole method and
what is done with a grid once found)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median

import pypdfium2 as pdfium

from pocketrag.loaders._common import clean_inline, line_joint

# A grid: at least MIN_ROWS body rows with MIN_COLUMNS filled cells, and at most
# MAX_HEADER_LINES lines of header above them.
MAX_HEADER_LINES = 4
MIN_ROWS = 3
MIN_COLUMNS = 3
# A header phrase much wider than tall is a line of prose (width / height).
MAX_HEADER_ASPECT = 25.0
# A cell that is a number: "8.9", "07/22/2015", "$85", "(12%)", "1,458.33".
_FIGURE = re.compile(r"^[^\w\s]{0,3}\d[\d.,:/ -]*[^\w\s]{0,3}$")
# A phrase less tall than this share of its row's tallest is a superscript (_digits).
SUPERSCRIPT_SHARE = 0.6
# Wrapped lines between two rows belong to the one above unless the one below is nearer
# by this share of the gap (cells are set top-aligned more often than not).
WRAP_BELOW_SHARE = 0.8
# A line no further below the line above than this times the run's closest pitch is a wrapped
# line of that row's cells, when rows stand ROW_SPACING times that pitch apart somewhere.
WRAP_PITCH = 1.25
ROW_SPACING = 1.4
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
    # where each character of `text` starts (a space: where the word before it ends); only
    # kept until the phrase is placed (_place), as joining wrapped lines does not update it
    xs: list[float] = field(default_factory=list)
    cell: tuple[float, float] | None = None  # a header phrase's cell between rules, x0 to x1

    @property
    def mid_y(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass
class _Table:
    header: list[list[_Phrase]]  # header lines, top down
    body: list[list[_Phrase]]
    columns: list[tuple[float, float]]
    # a group's name between the header and the first body row, read before the rows
    lead: list[_Phrase] = field(default_factory=list)
    # the rest of the previous page's last row, under this page's repeated header: read
    # into that row (pdf_tables._rest_of_row), not here
    rest: list[list[_Phrase]] = field(default_factory=list)
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


def _column_of(p: _Phrase, columns: list[tuple[float, float]], starts: list[float]) -> int | None:
    """The column a phrase is in (the one it overlaps most, else the nearest); None when it
    stands over two columns."""
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
        return None
    if best < 0:
        mid = (p.x0 + p.x1) / 2
        near = [c for c in (i, i + 1) if 0 <= c < len(columns)]
        best = min(near, key=lambda c: min(abs(columns[c][0] - mid), abs(columns[c][1] - mid)))
    return best


def _split_across(p: _Phrase, columns: list[tuple[float, float]]) -> list[_Phrase] | None:
    """A phrase over two columns that is two cells run together ("Buca Restaurants 2,
    Inc.(CANCELLED)** Santa Monica": a long company name close to its city), cut at the
    word space that falls in the gap between the columns; None if there is none."""
    over = [c for c in columns if min(p.x1, c[1]) - max(p.x0, c[0]) > 0]
    if len(over) != 2 or len(p.xs) != len(p.text):
        return None
    (_, left_end), (right_start, _) = over
    cuts = [
        i
        for i in range(1, len(p.text) - 1)
        if p.text[i] == " " and p.xs[i] < right_start and p.xs[i + 1] > left_end
    ]
    if not cuts:
        return None
    # the word that starts nearest the right column's start begins its cell ("Booksellers,
    # LLC | Mountain View", not "Booksellers, | LLC Mountain View")
    i = min(cuts, key=lambda i: abs(p.xs[i + 1] - right_start))
    left = _Phrase(p.x0, p.xs[i], p.y0, p.y1, text=p.text[:i])
    right = _Phrase(p.xs[i + 1], p.x1, p.y0, p.y1, text=p.text[i + 1 :])
    p.into = left  # p's characters (pdf_tables._joined) go where its left part goes
    return [left, right]


def _place(row: list[_Phrase], columns: list[tuple[float, float]], ruled: bool = False) -> bool:
    """Put each phrase of a row in its column; False when a phrase stands over two columns
    (prose, or a title over the table) and is not two cells run together. A ruled row's
    phrase over two columns is two cells whatever the row holds: htmldoc sets "ANSI A" so
    close to "8.5in x 11in" that they are one phrase, and the row of two had broken the
    paper-size table in two."""
    starts = [c[0] for c in columns]
    out: list[_Phrase] = []
    for p in row:
        column = _column_of(p, columns, starts)
        if column is not None:
            p.column = column
            out.append(p)
            continue
        # a line over the grid alone is prose or a title; among other cells, two run together
        parts = _split_across(p, columns) if len(row) >= MIN_COLUMNS or ruled else None
        if parts is None:
            return False
        for q in parts:
            column = _column_of(q, columns, starts)
            if column is None:
                return False
            q.column = column
        out.extend(parts)
    row[:] = out
    return True


def _spanned(p: _Phrase, columns: list[tuple[float, float]]) -> list[int]:
    """The columns a header phrase (or its ruled cell) stands over (a group header stands
    over several)."""
    x0, x1 = p.cell or (p.x0, p.x1)
    out = []
    for i, (a, b) in enumerate(columns):
        overlap = min(x1, b) - max(x0, a)
        if overlap > 0 and overlap >= 0.5 * min(b - a, x1 - x0):
            out.append(i)
    if not out:
        mid = (p.x0 + p.x1) / 2
        out = [min(range(len(columns)), key=lambda i: abs(sum(columns[i]) / 2 - mid))]
    return out


def _tables(
    rows: list[list[_Phrase]],
    columns: list[tuple[float, float]],
    ruled: Collection[int] = frozenset(),
    least: int = MIN_COLUMNS,
) -> list[_Table]:
    """The grid's tables: runs of placed rows, their wrapped lines joined (unless the rows
    are ruled rows, whose lines pdf_rules.py joined), each with its header lines above;
    MIN_ROWS rows with `least` cells filled (fewer for a ruled table of two columns)."""
    tables: list[_Table] = []
    placed = [_place(r, columns, id(r) in ruled) for r in rows]
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
        end = j
        while j > i and len({p.column for p in rows[j - 1]}) < 2:
            j -= 1
        while j < end and j > i and id(rows[j - 1]) not in ruled and _near(rows[j - 1], rows[j]):
            # the last row's cell wrapped onto lines below it: part of that row (a ruled
            # row's lines are all inside its rules; below them is the page's text)
            j += 1
        lines = rows[i:j]
        if not all(id(r) in ruled for r in lines):
            lines = _join_wrapped(_join_wrapped_rows(lines), ruled)
        for lone, run in _split_at_lone_cells(lines, columns):
            informative = _informative(run, len(columns))
            filled = (len({p.column for p in r} & informative) for r in run)
            if sum(n >= least for n in filled) >= MIN_ROWS:
                table = _split_header(rows, index[id(run[0])], run, columns, ruled)
                if not table.header and not table.lead and lone and lone[0].x0 <= columns[0][1]:
                    table.lead = lone  # a group's name: the rows go on under the same header
                tables.append(table)
        i = max(j, i + 1)
    return tables


def _split_at_lone_cells(
    run: list[list[_Phrase]], columns: list[tuple[float, float]]
) -> list[tuple[list[_Phrase], list[list[_Phrase]]]]:
    """A row of one cell that is not a wrapped line ends the grid (a heading between two
    tables, a note, a group's name): the rows after it are read on their own, each run
    with the lone row before it. A section's row ruled across the whole table ("Facials"
    between a price list's massages and its facials) is part of the grid, after the first
    (which parts the header from the body, and leads the rows after it)."""
    runs: list[tuple[list[_Phrase], list[list[_Phrase]]]] = [([], [])]
    sections = False
    for row in run:
        section = spans_all(row, columns)
        if section and sections:
            runs[-1][1].append(row)
        elif len({p.column for p in row}) < 2:
            sections = sections or section
            runs.append((row, []))
        else:
            runs[-1][1].append(row)
    return [(lone, r) for lone, r in runs if r]


def spans_all(line: list[_Phrase], columns: list[tuple[float, float]]) -> bool:
    """Whether a line is one phrase over every column (a caption, a section's row)."""
    return len(line) == 1 and len(columns) > 1 and len(_spanned(line[0], columns)) == len(columns)


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


def _join_wrapped(
    run: list[list[_Phrase]], ruled: Collection[int] = frozenset()
) -> list[list[_Phrase]]:
    """Rows with a single cell next to a fuller row are wrapped lines of one of its cells
    (a cell set on several lines, centred or top-aligned): their text joins that cell.
    Consecutive wrapped lines go together, to the row above unless the row below is
    clearly nearer: a description wrapped over two lines under its row, set at the same
    line pitch as the rows themselves, stays in its row (the Senate ledger). A ruled row
    of one cell (a section's name across the table) is a row of its own."""
    if len(run) < 2:
        return run
    full = [len({p.column for p in r}) >= 2 or id(r) in ruled for r in run]
    keep = [True] * len(run)
    k = 0
    while k < len(run):
        if full[k]:
            k += 1
            continue
        m = k
        while m + 1 < len(run) and not full[m + 1] and _near(run[m], run[m + 1]):
            m += 1
        lines = run[k : m + 1]
        for row in lines:
            _one_phrase(row)
        target = _wrap_target(run, full, k, m)
        if target is not None:
            _join_lines(lines, run[target], before=target > m)
            for n in range(k, m + 1):
                keep[n] = False
        k = m + 1
    return [r for r, kept in zip(run, keep, strict=True) if kept]


def _join_wrapped_rows(run: list[list[_Phrase]]) -> list[list[_Phrase]]:
    """Lines of several cells that are the rest of the row above (Chromium's padded tables:
    "Wednesday 2" over "September 2026", and the other cells' "2026" under theirs, even in
    the first column) join that row. Only in a run whose rows are spaced wider than its
    lines (two such gaps at least: a header's alone proves nothing), only under a row that
    starts after such a gap (the ledger's rows follow its wrapped lines at line pitch), and
    only when every cell's first word would not have fitted after the cell above it."""
    gaps = [b[0].mid_y - a[0].mid_y for a, b in pairwise(run)]
    if len(run) < 3 or min(gaps) <= 0:
        return run
    line = min(gaps)
    if sum(g >= ROW_SPACING * line for g in gaps) < 2:
        return run
    right: dict[int, float] = {}  # each column's right edge: its widest cell's reach
    for p in (p for row in run for p in row):
        right[p.column] = max(right.get(p.column, p.x1), p.x1)
    out, last, spaced = [run[0]], run[0], True  # last: the latest line of out[-1]
    for row, gap in zip(run[1:], gaps, strict=True):
        wraps = spaced and len({p.column for p in row}) >= 2 and gap <= WRAP_PITCH * line
        if wraps and all(_rest_of(p, last, right[p.column]) for p in row):
            for p in row:
                cell = [c for c in out[-1] if c.column == p.column][-1]
                cell.text += [*wrap_joint(cell.text, p.text), *p.text]
                p.into = cell
        else:
            out.append(row)
            spaced = gap >= ROW_SPACING * line
        last = row
    return out


def _rest_of(p: _Phrase, line: list[_Phrase], right: float) -> bool:
    """Whether p's first word would have run past its column after the cell above it, with
    the space that would have stood before it (without it, "Co-op (fitting and testing" /
    "every 12 months)" fell 1.7 points short of the column's edge, and stayed a row)."""
    above = [c for c in line if c.column == p.column]
    if not above:
        return False
    word = p.text.index(" ") if " " in p.text and len(p.xs) == len(p.text) else None
    width = (p.xs[word] if word is not None else p.x1) - p.x0
    return above[-1].x1 + _word_space(p, above[-1]) + width > right


def _word_space(*phrases: _Phrase) -> float:
    """How wide a space between two words is in these phrases (the median gap at their
    spaces, measured where their positions are kept in step with their text); 0 when none
    has a space to measure."""
    gaps = [
        q.xs[i + 1] - q.xs[i]
        for q in phrases
        if len(q.xs) == len(q.text)
        for i in range(len(q.text) - 1)
        if q.text[i] == " " and q.text[i + 1] != " "
    ]
    # a joined cell's next line starts back at the left: not a gap between two words
    gaps = [g for g in gaps if g > 0]
    return median(gaps) if gaps else 0.0


def wrap_joint(line: list[str], rest: list[str]) -> list[str]:
    """What joins a cell's line and its wrapped rest (lists of characters): a space, or
    nothing after a word broken at its hyphen ("30-minute break", not "30- minute")."""
    return list(line_joint("".join(line[-2:]), "".join(rest[:1])))


def _near(a: list[_Phrase], b: list[_Phrase]) -> bool:
    """Whether two rows are lines of one cell: no more than two line heights apart."""
    height = max(a[0].y1 - a[0].y0, b[0].y1 - b[0].y0)
    return abs(b[0].mid_y - a[0].mid_y) <= 2.0 * height


def _one_phrase(row: list[_Phrase]) -> None:
    """One cell set in several pieces (justified) becomes one phrase."""
    first = row[0]
    for p in row[1:]:
        first.text += [" ", *p.text]
        p.into = first
        first.x1 = max(first.x1, p.x1)
    del row[1:]


def _wrap_target(run: list[list[_Phrase]], full: list[bool], k: int, m: int) -> int | None:
    """The fuller row that wrapped lines k..m belong to: the row just above, unless the row
    just below is clearly nearer (WRAP_BELOW_SHARE of the gap above), if close enough."""
    above = k > 0 and full[k - 1] and _near(run[k - 1], run[k])
    below = m + 1 < len(run) and full[m + 1] and _near(run[m], run[m + 1])
    if above and below:
        gap_above = run[k][0].mid_y - run[k - 1][0].mid_y
        gap_below = run[m + 1][0].mid_y - run[m][0].mid_y
        return m + 1 if gap_below < WRAP_BELOW_SHARE * gap_above else k - 1
    return k - 1 if above else m + 1 if below else None


def _join_lines(lines: list[list[_Phrase]], row: list[_Phrase], before: bool) -> None:
    """Join wrapped lines (one phrase each, top down) to the cells of `row` in their
    columns; a line in a column where `row` has no cell becomes that cell."""
    for line in reversed(lines) if before else lines:
        piece = line[0]
        same = [p for p in row if p.column == piece.column]
        if not same:
            row.append(piece)
            row.sort(key=lambda p: p.x0)
            continue
        cell = same[0]
        parts = (
            [piece.text, wrap_joint(piece.text, cell.text), cell.text]
            if before
            else [cell.text, wrap_joint(cell.text, piece.text), piece.text]
        )
        cell.text = [c for part in parts for c in part]
        piece.into = cell


def _split_header(
    rows: list[list[_Phrase]],
    start: int,
    run: list[list[_Phrase]],
    cols: list[tuple[float, float]],
    ruled: Collection[int] = frozenset(),
) -> _Table:
    """The run, and up to MAX_HEADER_LINES rows just above it that may be header lines (a
    header wider than its column, or a group header over several, does not sit inside one);
    which leading rows are header is decided once the text is read (_header_and_body). A
    ruled row under another is a body row the run was cut from (a cell run together with
    its neighbour), not a header line."""
    header: list[list[_Phrase]] = []
    lead: list[_Phrase] = []
    pitch = median(b[0].mid_y - a[0].mid_y for a, b in pairwise(run))
    k = start
    while k > 0 and header_lines(header) < MAX_HEADER_LINES:
        above = rows[k - 1]
        if id(above) in ruled and k > 1 and id(rows[k - 2]) in ruled:
            break
        if above[0].mid_y < rows[k][0].mid_y - 2.0 * max(pitch, 1.0):
            break
        # (a last column's name set from its left edge may be wider than its figures:
        # "Remaining" over "1,280")
        last = above[-1]
        if above[0].x0 < cols[0][0] - 20 or (
            last.x1 > cols[-1][1] + 20 and abs(last.x0 - cols[-1][0]) > 3
        ):
            break
        if any(p.x1 - p.x0 > MAX_HEADER_ASPECT * (p.y1 - p.y0) for p in above):
            break  # a sentence above the table, not a header
        if len(above) == 1 and above[0].x0 <= cols[0][1]:
            if k == start and k > 1 and _under_a_header(rows[k - 2], above, cols, pitch):
                lead = above  # a group's row over the first rows ("One-person branches")
                k -= 1
                continue
            break  # a heading over the table's first column ("2.2 Air"), not a group header
        header.insert(0, above)
        k -= 1
    return _Table(header=header, body=run, columns=cols, lead=lead)


def _under_a_header(
    line: list[_Phrase], group: list[_Phrase], cols: list[tuple[float, float]], pitch: float
) -> bool:
    """Whether a lone cell over the table's first column (`group`) is the first group's
    name between the header and the body (a budget's "Central and larger branches"), not a
    heading above the table: right above it stands a line of column names, words that are
    not all over the first column."""
    return (
        group[0].mid_y - line[0].mid_y <= 2.0 * max(pitch, 1.0)
        and not _digits(line)
        and (len(line) >= 2 or line[0].x0 > cols[0][1])
        and not any(p.x1 - p.x0 > MAX_HEADER_ASPECT * (p.y1 - p.y0) for p in line)
    )


def header_lines(rows: list[list[_Phrase]]) -> int:
    """How many lines of text the rows make: a header cell set a little lower than its
    neighbours ("AMOUNT ($)" beside "DOCUMENT NO.") is a row of its own, not a line."""
    lines, last = 0, None
    for row in rows:
        if last is None or row[0].mid_y - last > 0.9 * (row[0].y1 - row[0].y0):
            lines, last = lines + 1, row[0].mid_y
    return lines


def _digits(row: list[_Phrase]) -> bool:
    """Whether a row holds a figure: a cell that is a number ("8.9", "07/22/2015", "$85",
    "12%"), not words with a number in them ("Standby (£ per 24 hours)", "km2") nor a
    superscript or footnote mark (set much smaller than the row's text)."""
    tall = max(p.y1 - p.y0 for p in row)
    return any(
        _FIGURE.match(clean_inline("".join(p.text))) and p.y1 - p.y0 >= SUPERSCRIPT_SHARE * tall
        for p in row
    )
