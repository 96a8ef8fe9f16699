"""The columns of a data table on a PDF page, from the positions of its phrases: x-ranges
that rows of three or more phrases cover, computed per band of the page so that two
tables stacked with crossing columns do not share one set (see pdf_tables.py for the
whole method)."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from itertools import pairwise
from statistics import median

from pocketrag.loaders.pdf_grid import MAX_HEADER_ASPECT, MIN_COLUMNS, MIN_ROWS, _digits, _Phrase
from pocketrag.loaders.pdf_rules import Band

# Rows further apart than this many line pitches may start another table (_bands).
BAND_GAP = 1.6
# Fewer rows of MIN_COLUMNS phrases than this: a short table (see _columns).
SHORT_TABLE_ROWS = 6
# Pieces of one line of prose are at most this many line heights apart (a word space).
PROSE_GAP = 1.5


def _columns(rows: list[list[_Phrase]]) -> list[tuple[float, float]]:
    """x-ranges covered by the phrases of rows with MIN_COLUMNS phrases or more.

    A short table of figures under its header (the WARN report's monthly summary starts
    with two months at the foot of a page) takes its columns from the rows of figures
    alone when that finds more columns: header words centred over right-aligned figures
    do not overlap them, and with so few rows neither makes the three phrases a column
    needs."""
    wide = [r for r in rows if len(r) >= MIN_COLUMNS and not _prose_line(r)]
    # a few phrases that run over (a long total, a long name) do not bridge a gap
    threshold = len(wide) // 10 if len(wide) >= 10 else 1 if len(wide) >= 6 else 0
    columns = _covered(wide, threshold, MIN_ROWS)
    figures = [r for r in wide if _digits(r)]
    if len(wide) < SHORT_TABLE_ROWS and 2 <= len(figures) < len(wide):
        by_figures = _covered(figures, 0, len(figures))
        if len(by_figures) > len(columns):
            return by_figures
    return columns


def _prose_line(row: list[_Phrase]) -> bool:
    """A line of justified prose that PDFium gives in pieces ("... agreed for all bands
    from | 1 | April 2026. The"): one piece, much wider than tall, spans most of the line.
    Its pieces would bridge the gaps between the table's columns above it. The pieces sit
    a word space apart; a row whose last cell holds a long condition ("Holds a current
    First Aid at Work certificate ...") has a column's gap before it."""
    widest = max(row, key=lambda p: p.x1 - p.x0)
    width = widest.x1 - widest.x0
    height = widest.y1 - widest.y0
    span = row[-1].x1 - row[0].x0
    if width <= MAX_HEADER_ASPECT * height or width <= 0.5 * span:
        return False
    return all(b.x0 - a.x1 < PROSE_GAP * height for a, b in pairwise(row))


def _covered(
    wide: list[list[_Phrase]], threshold: int, min_support: int
) -> list[tuple[float, float]]:
    """x-ranges covered by more than `threshold` phrases, with `min_support` phrases."""
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
    starts = [c[0] for c in columns]
    support = [0] * len(columns)
    for r in wide:
        for p in r:
            i = bisect.bisect_right(starts, (p.x0 + p.x1) / 2) - 1
            if i >= 0 and p.x0 < columns[i][1]:
                support[i] += 1
    return [c for c, n in zip(columns, support, strict=True) if n >= min_support]


def _bands(
    rows: list[list[_Phrase]], inside: Mapping[int, Band] | None = None
) -> list[list[list[_Phrase]]]:
    """The page cut into bands that each hold one grid: two tables stacked with a gap
    between them and columns that cross (the WARN report's notices, then its monthly
    summary in nine other columns) would share one set of columns and mangle each other.
    A cut is made only at a gap of BAND_GAP line pitches and only where the columns above
    and below conflict (a column of one side over two of the other's); else one band, read
    as the whole page always was. Each stretch's columns are computed once: linear.

    A ruled table (`inside`: a row's id -> its band of rules) is a band of its own, never cut
    apart: with their wrapped lines joined its rows stand further apart than lines, and a
    table of a few tall rows fell to pieces too short to have columns of their own, under
    the columns of the table above (thornbury's TLR levels under its pay ranges)."""
    if len(rows) < 2:
        return [rows]
    inside = inside or {}
    pitch = median(b[0].mid_y - a[0].mid_y for a, b in pairwise(rows))
    stretches: list[list[list[_Phrase]]] = [[rows[0]]]
    for above, row in pairwise(rows):
        table, table_above = _table_of(row, inside), _table_of(above, inside)
        if table != table_above or (
            table is None and row[0].mid_y - above[0].mid_y > BAND_GAP * max(pitch, 0.1)
        ):
            stretches.append([])
        stretches[-1].append(row)
    if len(stretches) == 1:
        return stretches
    bands = [stretches[0]]
    last = _grid_columns(stretches[0])  # the columns of the latest stretch with a grid
    for stretch in stretches[1:]:
        if _table_of(stretch[0], inside) is not None:
            bands.append(list(stretch))
            last = _grid_columns(stretch)
            continue
        columns = _grid_columns(stretch)
        if len(columns) < MIN_COLUMNS:
            bands[-1].extend(stretch)
            continue
        if len(last) >= MIN_COLUMNS and _conflict(last, columns):
            bands.append(list(stretch))
        else:
            bands[-1].extend(stretch)
        last = columns
    return bands


def _table_of(row: list[_Phrase], inside: Mapping[int, Band]) -> int | None:
    band = inside.get(id(row))
    return None if band is None else band.table


def ruled_columns(
    rows: list[list[_Phrase]], inside: Mapping[int, Band]
) -> list[tuple[float, float]]:
    """A two-column ruled table's columns, from its rules down ("Expense | Rate or limit"):
    with fewer than MIN_COLUMNS phrases to a row, the text alone cannot tell a table from
    two-column prose, but its rules do. Empty for any other band."""
    bands = [inside[id(r)] for r in rows if id(r) in inside]
    if not bands or len({b.table for b in bands}) > 1 or len(bands[0].walls) != 3:
        return []
    return list(pairwise(bands[0].walls))  # the cells between the rules down


def _grid_columns(stretch: list[list[_Phrase]]) -> list[tuple[float, float]]:
    """A stretch's own columns, if it has the MIN_ROWS rows of MIN_COLUMNS phrases a grid
    needs (the numbered boxes of a diagram, two or three to a row, do not)."""
    if sum(len(r) >= MIN_COLUMNS for r in stretch) < MIN_ROWS:
        return []
    return _columns(stretch)


def _conflict(first: list[tuple[float, float]], second: list[tuple[float, float]]) -> bool:
    def over_two(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
        return any(sum(min(x1, d) - max(x0, c) > 0 for c, d in b) > 1 for x0, x1 in a)

    return over_two(first, second) or over_two(second, first)
