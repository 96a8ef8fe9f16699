"""Ruled tables: the horizontal lines a PDF draws between a table's rows (a bordered table
from Word, LibreOffice, reportlab or a browser). Between two of them, a cell wrapped over
several lines is still one row. Read from the text's positions alone (pdf_grid.py), the
wrapped line looked like a row of its own: "Cast acrylic" / "(PMMA)" became two rows, and
the first became the header of a table whose real header had wrapped too.

Only tables ruled between (nearly) all their rows count: a table ruled above, under its
header and below (booktabs) has all its body rows in one band, and is left to pdf_grid.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import pypdfium2.raw as pdfium_c

from pocketrag.loaders.pdf_grid import wrap_joint

if TYPE_CHECKING:
    import pypdfium2 as pdfium

    from pocketrag.loaders.pdf_grid import _Phrase

# A rule is a path at most this thick and at least this long, in points.
MAX_RULE_THICKNESS = 2.0
MIN_RULE_LENGTH = 20.0
# Pieces of one rule (a browser draws each cell's border) touch within this distance, and
# the rules of one table start and end within it.
RULE_SLACK = 3.0
# A ruled table: at least this many rules across the same width (three rows or more) ...
MIN_RULES = 4
# ... and rules down it: both sides and one between two columns at least.
MIN_SIDES = 3
# A row between rules is at least a line of small type tall, in points.
MIN_ROW_HEIGHT = 6.0
# A cell's wrapped line is at most this many line heights under the line above it.
MAX_LINE_PITCH = 1.6
# A ruled row's lines are one row's when the row's padding shows: its first line's distance
# to the rule above and its last line's to the rule below add up to at least this many times
# the widest step between its lines. Whole rows set between two rules stand exactly that far
# apart (a line and the padding above and below it: a ratio of 1); a row's wrapped lines
# stand a line apart. The margin above 1 is for glyph boxes that sit a little off centre.
PADDED_ROW_RATIO = 1.15
# A path of at most this many segments (move, three lines, close) may be a rectangle.
RECTANGLE_SEGMENTS = 5
# A page with more path objects than this, or more rules once their pieces are joined, is
# a drawing, not a table: it is not searched (grouping rules grows with their square).
MAX_PATHS = 5_000
MAX_RULES = 400

Frame = Callable[[float, float, float, float], tuple[float, float, float, float]]


@dataclass(frozen=True)
class Band:
    """The space between two consecutive rules of a ruled table: one row."""

    x0: float
    x1: float
    top: float
    bottom: float
    walls: tuple[float, ...] = ()  # the rules down the row, left to right: its cells' edges
    table: int = 0  # which of the page's ruled tables the row belongs to
    # a shorter rule across inside the row: the underline of a merged header cell over
    # sub-columns ("Price 2026-27" over "Hotel guest" and "Day visitor")
    levels: bool = False


Rule = tuple[float, float, float]  # (start, end, position): x0, x1, y across; y0, y1, x down


Bounds = tuple[float, float, float, float]  # (left, bottom, right, top) in page space


def page_paths(page: pdfium.PdfPage) -> list[tuple[Bounds, pdfium.PdfObject]]:
    """The page's path objects with their bounds; none on a page of more than MAX_PATHS
    (a drawing). Shared with pdf_underscores.py."""
    found: list[tuple[Bounds, pdfium.PdfObject]] = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
        if len(found) >= MAX_PATHS:
            return []
        found.append((obj.get_bounds(), obj))
    return found


def page_rules(page: pdfium.PdfPage, frame: Frame) -> tuple[list[Rule], list[Rule], list[Rule]]:
    """The page's rules across and down, in the reading frame (y down), and its short rules
    down too (a one-line header cell's sides, for widen_to_walls); none on a drawing."""
    across: list[Rule] = []
    down: list[Rule] = []
    for bounds, obj in page_paths(page):
        x0, x1, y0, y1 = frame(*bounds)
        if y1 - y0 <= MAX_RULE_THICKNESS and x1 - x0 >= RULE_SLACK:
            across.append((x0, x1, (y0 + y1) / 2))
        elif x1 - x0 <= MAX_RULE_THICKNESS and y1 - y0 >= RULE_SLACK:
            down.append((y0, y1, (x0 + x1) / 2))
        elif pdfium_c.FPDFPath_CountSegments(obj.raw) <= RECTANGLE_SEGMENTS:
            # a rectangle: a cell's border drawn as a box (fpdf2), or its shading
            across += [(x0, x1, y0), (x0, x1, y1)]
            down += [(y0, y1, x0), (y0, y1, x1)]
    across, walls = _joined(across), _joined(down, RULE_SLACK)
    down = [r for r in walls if r[1] - r[0] >= MIN_RULE_LENGTH]
    if len(across) + len(walls) > MAX_RULES:
        return [], [], []  # a drawing or a chart's grid lines: grouping them costs too much
    return across, down, walls


def ruled_rows(across: list[Rule], down: list[Rule]) -> list[Band]:
    """The rows of the page's ruled tables (page_rules' rules)."""
    return _bands(across, down)


def widen_to_walls(lines: list[list[_Phrase]], down: list[Rule]) -> None:
    """Each header phrase's cell: as wide as the rules down around it enclose. A merged
    header cell's text ("Stock category 2026-27" over four columns of a budget) is only as
    wide as its words, which covered the first two columns."""
    for line in lines:
        for p in line:
            walls = [x for y0, y1, x in down if y0 <= p.y0 + RULE_SLACK and y1 >= p.y1 - RULE_SLACK]
            left = max((x for x in walls if x <= p.x0 + RULE_SLACK), default=None)
            right = min((x for x in walls if x >= p.x1 - RULE_SLACK), default=None)
            if left is not None and right is not None:
                p.cell = (left, right)


def _joined(pieces: list[Rule], least: float = MIN_RULE_LENGTH) -> list[Rule]:
    """Rules from their pieces: a browser draws each cell's border on its own. Pieces
    within a point of each other are on one line, joined in the order they run along it: a
    shaded cell's edge (at 56.25) and the column's border (at 56.62) had been sorted apart by
    their rounded places, and the border's pieces were swallowed by the shading's last one,
    so a table continued on its next page lost its left side and went unread."""
    rules: list[Rule] = []
    for line in _on_one_line(pieces):
        joined: list[Rule] = []
        for start, end, at in sorted(line):
            if joined and start <= joined[-1][1] + RULE_SLACK:
                last = joined[-1]
                joined[-1] = (last[0], max(last[1], end), last[2])
            else:
                joined.append((start, end, at))
        rules += joined
    return [r for r in rules if r[1] - r[0] >= least]


def _on_one_line(pieces: list[Rule]) -> list[list[Rule]]:
    """The pieces grouped by their place across them, each within a point of the last."""
    lines: list[list[Rule]] = []
    for piece in sorted(pieces, key=lambda p: p[2]):
        if lines and piece[2] - lines[-1][-1][2] <= 1.0:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return lines


def _bands(rules: list[Rule], down: list[Rule]) -> list[Band]:
    """The rows of each ruled table: horizontal rules of one width, at least MIN_RULES, with
    rules down its sides and between its columns (a grid: rules across alone are often a
    table's top, header and bottom lines, or rules between paragraphs)."""
    groups: list[list[Rule]] = []
    for rule in sorted(rules, key=lambda r: r[2]):
        for group in groups:
            first = group[0]
            if abs(first[0] - rule[0]) <= RULE_SLACK and abs(first[1] - rule[1]) <= RULE_SLACK:
                group.append(rule)
                break
        else:
            groups.append([rule])
    bands: list[Band] = []
    for group in groups:
        ys: list[float] = []
        for _, _, y in group:  # (sorted top down) a rule drawn twice is one rule
            if not ys or y - ys[-1] > RULE_SLACK:
                ys.append(y)
        x0, x1 = min(r[0] for r in group), max(r[1] for r in group)
        inside = [d for d in down if x0 - RULE_SLACK <= d[2] <= x1 + RULE_SLACK]
        # a boxed note as wide as the table elsewhere on the page (two or three rules) is
        # not part of it
        runs = [run for run in _runs_down(ys, inside) if len(run) >= MIN_RULES]
        for table in _tables(runs, inside):
            n = len(bands)  # a table's first band's index names the table
            for k, (a, b) in enumerate(pairwise(table)):
                levels = k == 0 and _underlined(rules, x0, x1, a, b)
                bands.append(Band(x0, x1, a, b, _walls(inside, a, b), n, levels))
    return bands


def _underlined(rules: list[Rule], x0: float, x1: float, top: float, bottom: float) -> bool:
    """Whether a rule across stands inside a table's first row: a merged header cell's
    underline over its sub-columns. (Further down, such rules part the rows beside a cell
    that spans several: those rows stay joined, the tall cell read once.)"""
    return any(
        top + RULE_SLACK < y < bottom - RULE_SLACK and x0 - RULE_SLACK <= a and b <= x1 + RULE_SLACK
        for a, b, y in rules
    )


def _tables(runs: list[list[float]], down: list[Rule]) -> list[list[float]]:
    """The ruled tables among runs of rules of one width. Runs with the same columns are one
    table stacked with a gap (a subheading between its parts), left to pdf_grid, which
    carries its header across them; runs with columns of their own are tables of their own
    (thornbury's pay ranges above its TLR levels: as one group, no side reached both, and
    both went unseen)."""
    columns = [_walls(down, run[0], run[-1]) for run in runs]
    return [
        run
        for i, (run, walls) in enumerate(zip(runs, columns, strict=True))
        if (len(walls) >= MIN_SIDES or _cut_by_section_rows(run, down))
        and not any(_same_columns(walls, other) for j, other in enumerate(columns) if j != i)
    ]


def _cut_by_section_rows(run: list[float], down: list[Rule]) -> bool:
    """Whether a run of rules whose column rules stop at rows spanning the whole table (a
    price list's "Massage", "Facials" over their treatments) is a grid all the same: most of
    its rows stand between rules down, and the sides reach from top to bottom. Only the sides
    had reached down the whole run, and the table had gone unread. Rows across the table
    only above or below its grid (a report's title, its footnotes) are no sections: such
    tables are read from their text's positions (pdf_grid.py), as before."""
    if any(b - a < MIN_ROW_HEIGHT for a, b in pairwise(run)):
        return False  # a stave's lines and bar lines (music) hold no text between them
    rows = [len(_walls(down, a, b)) >= MIN_SIDES for a, b in pairwise(run)]
    grid = [k for k, walled in enumerate(rows) if walled]
    sides = len(_walls(down, run[0], run[-1])) >= 2
    return sides and 2 * len(grid) > len(rows) and not all(rows[grid[0] : grid[-1]])


def _same_columns(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= RULE_SLACK for x, y in zip(a, b, strict=True))


def _walls(down: list[Rule], top: float, bottom: float) -> tuple[float, ...]:
    """Where the rules down that reach from `top` to `bottom` stand, left to right."""
    return tuple(
        sorted(x for y0, y1, x in down if y0 <= top + RULE_SLACK and y1 >= bottom - RULE_SLACK)
    )


def _runs_down(ys: list[float], down: list[Rule]) -> list[list[float]]:
    """Rules of one width cut into runs joined by rules down: a table, and a boxed note of
    the same width further down the page (oakhurst's leaflet), are apart. As one group, the
    table's sides did not reach the note's rules, and the table went unseen."""
    runs: list[list[float]] = []
    for y in ys:
        if runs and _walls(down, runs[-1][-1], y):
            runs[-1].append(y)
        else:
            runs.append([y])
    return runs


def join_ruled_lines(
    rows: list[list[_Phrase]], bands: list[Band]
) -> tuple[list[list[_Phrase]], set[int], dict[int, Band]]:
    """The rows (lines of phrases, top down), each line that shares a ruled row with the line
    above joined to it: a phrase overlapping one of that line's phrases across is the rest
    of its cell, any other a cell of its own. Also the ids of the rows that are ruled rows:
    their lines are settled, so guessing wrapped lines from the spacing must leave them be
    (rows spaced like lines once their wraps are joined); and the band each row level with
    a ruled table stands in (a header of three lines left unjoined too, and prose beside
    the table in a page's other column)."""
    rows = _apart_from_beside(rows, bands)
    band_of = [_band_of(row, bands) for row in rows]
    one_row = _padded_bands(rows, band_of)
    out: list[list[_Phrase]] = []
    rows_of: dict[int, list[int]] = {}  # each band's rows, by id(band)
    inside: dict[int, Band] = {}
    last: Band | None = None
    first: list[_Phrase] = []  # the first line of the current row, and the line before,
    above: list[_Phrase] = []  # as read (not as joined)
    for row, band in zip(rows, band_of, strict=True):
        if band is not None and not band.levels:
            _one_per_cell(row, band.walls)
        if band is not None and len(band.walls) == 2:
            for p in row:  # a row across the whole table: a section's name ("Facials")
                p.cell = (band.walls[0], band.walls[1])
        if (
            band is not None
            and not band.levels  # a header of two levels: its lines are read as lines
            and band is last
            and out
            and (id(band) in one_row or _wraps(first, above, row))
        ):
            _join(out[-1], row)
        else:
            out.append(row)
            first = list(row)
        if band is not None:
            rows_of.setdefault(id(band), []).append(id(out[-1]))
        if (level := _band_level(row, bands)) is not None:
            inside.setdefault(id(out[-1]), level)
        last, above = band, list(row)
    # a band left with two rows (lines too far apart to be one cell's) is not a ruled row
    ruled = {ids[0] for ids in rows_of.values() if len(set(ids)) == 1}
    return out, ruled, inside


def _padded_bands(rows: list[list[_Phrase]], band_of: list[Band | None]) -> set[int]:
    """The ids of the bands whose lines are all one row's (PADDED_ROW_RATIO): a browser's
    table wraps every cell of a row at once ("Minor injury at playtime or" / "lunchtime
    (graze, bump," under its row's first line), and a cell's third line may stand a little
    more than MAX_LINE_PITCH glyph heights below its second when neither has a descender
    ("November" / "2026"), which _wraps alone cannot tell from a row of its own."""
    lines: dict[int, list[list[_Phrase]]] = {}
    by_id: dict[int, Band] = {}
    for row, band in zip(rows, band_of, strict=True):
        if band is not None:
            lines.setdefault(id(band), []).append(row)
            by_id[id(band)] = band
    # Each line's centre, as its first glyph box gives it, or from all its boxes: one box's
    # sits off the line's by what its letters reach ("D1" is all capitals, "years" has
    # none), and a cell set in the middle of a taller one sits off the line it is read with.
    centres = (lambda row: row[0].mid_y, lambda row: sum(p.mid_y for p in row) / len(row))
    return {
        key
        for key, band_lines in lines.items()
        if len(band_lines) > 1
        and any(_padded([centre(row) for row in band_lines], by_id[key]) for centre in centres)
    }


def _padded(ys: list[float], band: Band) -> bool:
    """Whether lines centred at `ys` stand apart from the band's rules by more than from
    each other (PADDED_ROW_RATIO)."""
    step = max(b - a for a, b in pairwise(ys))
    margins = (ys[0] - band.top) + (band.bottom - ys[-1])
    return step > 0 and margins >= PADDED_ROW_RATIO * step


def _apart_from_beside(rows: list[list[_Phrase]], bands: list[Band]) -> list[list[_Phrase]]:
    """The rows with a ruled table's lines apart from the text beside it, which comes first:
    a line of the page is cut where the table's side is (a leaflet's other column). Read as
    one line with the prose at its height, no line of the table was inside its rules, and a
    wrapped cell read as rows of its own ("When: A CAR entry for" / "When: verbal abuse")."""
    out: list[list[_Phrase]] = []
    beside: list[list[_Phrase]] = []  # the text beside the table, level with its lines
    lines: list[list[_Phrase]] = []  # the table's lines
    table: int | None = None
    for row in rows:
        level = _band_level(row, bands)
        if level is None or level.table != table:
            out += beside + lines
            beside, lines = [], []
        table = None if level is None else level.table
        if level is None:
            out.append(row)
            continue
        within: list[_Phrase] = []
        others: list[_Phrase] = []
        for p in row:  # one pass: a hostile line of many phrases stays linear
            inside = level.x0 - RULE_SLACK <= p.x0 and p.x1 <= level.x1 + RULE_SLACK
            (within if inside else others).append(p)
        beside += [others] if others else []
        lines += [within] if within else []
    return out + beside + lines


def _wraps(first: list[_Phrase], above: list[_Phrase], row: list[_Phrase]) -> bool:
    """Whether a line is the wrapped rest of some cells of the row whose first line is
    `first`: right under the line above (a header and a first row with no rule between
    them stand further apart: the cells' padding), and in fewer cells than the first line
    (a table ruled only every few rows has whole rows between two rules)."""
    # the taller line's glyphs: a line without descenders ("than 5 hours") is shorter
    height = max(p.y1 - p.y0 for p in [*above, *row])
    close = row[0].mid_y - max(p.mid_y for p in above) <= MAX_LINE_PITCH * height
    return close and (len(row) < len(first) or len(first) < 3)


def _one_per_cell(line: list[_Phrase], walls: tuple[float, ...]) -> None:
    """A ruled row's line with the pieces between the same two rules down made one phrase:
    a justified cell's words stand apart ("Line  manager  (domestic),"), and as three phrases
    the line looked like three cells, too many for the next line to be its wrap."""
    merged: list[_Phrase] = []
    for piece in sorted(line, key=lambda p: p.x0):
        last = merged[-1] if merged else None
        if last is not None and not any(
            last.x1 - RULE_SLACK < x < piece.x0 + RULE_SLACK for x in walls
        ):
            if len(last.xs) == len(last.text) and len(piece.xs) == len(piece.text):
                last.xs += [last.x1, *piece.xs]
            last.text += [" ", *piece.text]
            last.x1 = max(last.x1, piece.x1)
            piece.into = last
        else:
            merged.append(piece)
    line[:] = merged


def _band_of(row: list[_Phrase], bands: list[Band]) -> Band | None:
    mid = row[0].mid_y
    x0, x1 = min(p.x0 for p in row), max(p.x1 for p in row)
    for band in bands:
        inside = band.x0 - RULE_SLACK <= x0 and x1 <= band.x1 + RULE_SLACK
        if inside and band.top < mid < band.bottom:
            return band
    return None


def _band_level(row: list[_Phrase], bands: list[Band]) -> Band | None:
    mid = row[0].mid_y
    return next((band for band in bands if band.top < mid < band.bottom), None)


def _join(line: list[_Phrase], below: list[_Phrase]) -> None:
    for piece in below:
        over = [p for p in line if p.x0 < piece.x1 and piece.x0 < p.x1]
        if not over:
            line.append(piece)
            continue
        cell = max(over, key=lambda p: min(p.x1, piece.x1) - max(p.x0, piece.x0))
        joint = wrap_joint(cell.text, piece.text)
        if len(cell.xs) == len(cell.text) and len(piece.xs) == len(piece.text):
            # kept in step with the text: a cell run together with its neighbour on its
            # first line is still cut at the word gap between them (pdf_grid._split_across)
            cell.xs += [cell.x1] * len(joint) + piece.xs
        cell.text += [*joint, *piece.text]
        cell.x0, cell.x1 = min(cell.x0, piece.x0), max(cell.x1, piece.x1)
        piece.into = cell
    line.sort(key=lambda p: p.x0)
