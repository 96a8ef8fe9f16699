"""How the HTML loader reads a table's rows when its markup leaves the header unsaid: a
header of two rows, names over values, rows led by a header cell, a side note's label beside
its text."""

from __future__ import annotations

import re

from pocketrag.loaders._common import is_admonition, table_lines


def group_header_joined(rows: list[list[str]], headers: set[tuple[int, int]]) -> list[list[str]]:
    """Two rows of header cells, the first grouping columns under a spanning name
    (PostgreSQL's lock table: "Current Lock Mode" over eight modes), read as one header row
    whose names say both ("Current Lock Mode ACCESS SHARE"); else the rows unchanged."""
    if len(rows) < 3 or len(rows[0]) != len(rows[1]) or len(set(rows[0])) == len(rows[0]):
        return rows
    if not all((i, j) in headers for i in (0, 1) for j in range(len(rows[0]))):
        return rows
    joined = [
        top if top == below else f"{top} {below}".strip()
        for top, below in zip(rows[0], rows[1], strict=True)
    ]
    return [[], joined, *rows[2:]]  # the empty row keeps the indices `headers` names


def names_over_values(rows: list[list[str]]) -> bool:
    """A table of two rows and no header markup, a row of names over a row of numbers
    (KiCad's unit suffixes "p | n | u" over "10^-12 | 10^-9 | 10^-6"): a reader pairs them
    by column, so the first row names the second's columns. Read as two records, "meg" and
    "10^6" had never met. Two records with a name each would have numbers in both rows."""
    filled = [cells for cells in rows if any(cells)]
    if len(filled) != 2 or len(filled[0]) != len(filled[1]):
        return False
    names, values = filled
    return all(
        name and len(name.split()) <= 3 and not any(c.isdigit() for c in name) for name in names
    ) and all(any(c.isdigit() for c in value) for value in values)


def row_headed_lines(rows: list[list[str]], headers: set[tuple[int, int]]) -> list[str]:
    """A table each of whose rows opens with a header cell and holds a value, with no row of
    column headers (the Apache manual's "<th>Default:</th><td>StartServers 3</td>"): each row
    reads "Default: StartServers 3". Read with its first row as the column names, every
    line had said "Description: <the first row's value>" before its own. A row alone reads so
    when its header cell ends in a colon: a docutils field list of one field ("code:" over
    OpenVPN's "PROXY_HTTP host port") had read "code: | PROXY_HTTP". [] otherwise."""
    filled = [(i, cells) for i, cells in enumerate(rows) if any(cells)]
    if len(filled) < 2 and not (filled and filled[0][1][0].endswith(":")):
        return []
    for i, cells in filled:
        row_headers = [(i, j) in headers for j in range(len(cells))]
        if len(cells) < 2 or not row_headers[0] or all(row_headers):
            return []
    return [
        f"{cells[0].rstrip(':').strip()}: " + "; ".join(c for c in cells[1:] if c)
        for _, cells in filled
    ]


def table_text(
    rows: list[list[str]], headers: set[tuple[int, int]], bold: set[tuple[int, int]]
) -> list[str]:
    """A table's lines: a side note's label and text (_side_note), rows named by their
    first cells (row_headed_lines), or rows under their column names."""
    if note := _side_note(rows):
        return note
    if caption := _caption(rows, headers):
        # the row under it names the columns when it reads as names ("field | Description");
        # a DocBook revision history's "Revision 1.1 | 2007-01-23 | dpg" is data
        below = rows[1:]
        named = _named_columns(below, capitalised=False)
        return [caption, *table_lines(below, None if named else False)]
    # a first row of header cells is the header whatever it says; with no header cells
    # anywhere, only a first row in bold is one (Exim's key-value tables had read their
    # first row as every other row's column names)
    first = next((i for i, cells in enumerate(rows) if any(cells)), None)
    marked = first is not None and all((first, j) in headers for j in range(len(rows[first])))
    in_bold = first is not None and all(
        (first, j) in bold for j, cell in enumerate(rows[first]) if cell
    )
    header = True if marked else None if headers or in_bold or _named_columns(rows) else False
    if header is False and names_over_values(rows):
        header = True
    return row_headed_lines(rows, headers) or table_lines(rows, header)


def _side_note(rows: list[list[str]]) -> list[str]:
    """A table of one row, a note's label beside its text (asciidoctor's admonition block:
    the label's cell, then the note's): the label, then the note, which _emit joins
    ("Tip: You can enable ..."). Read as a table, the label was lost with a font icon or
    stood as a column ("Tip | You can enable ...")."""
    filled = [[cell for cell in row if cell.strip()] for row in rows]
    filled = [row for row in filled if row]
    if len(filled) == 1 and len(filled[0]) == 2 and is_admonition(filled[0][0].strip()):
        return filled[0]
    return []


def _caption(rows: list[list[str]], headers: set[tuple[int, int]]) -> str:
    """A first row of one header cell across every column over more rows (asciidoctor's
    "The Mode Word" over "Bits | Value | Description" in NTPsec's gpsd page): the table's
    caption, not the name of each of its columns. "" otherwise."""
    if len(rows) < 3 or len(rows[0]) < 2 or len(set(rows[0])) != 1 or not rows[0][0]:
        return ""
    return rows[0][0] if all((0, j) in headers for j in range(len(rows[0]))) else ""


def _named_columns(rows: list[list[str]], capitalised: bool = True) -> bool:
    """A first row of column names in plain cells over at least two rows (asciidoctor's
    "Item | Units | Description" over the statistics files' fields in NTPsec's monitoring
    page): each name one to three capitalised words of letters, no two alike. Exim's
    key-value rows ("acl_not_smtp | ACL for non-SMTP messages") are no such row."""
    filled = [cells for cells in rows if any(cells)]
    if len(filled) < 3 or len(filled[0]) < 2 or len(set(filled[0])) < len(filled[0]):
        return False
    name = _NAME if capitalised else _NAME_ANY_CASE
    return all(name.fullmatch(cell) for cell in filled[0])


_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Za-z][a-z]*){0,2}")
_NAME_ANY_CASE = re.compile(r"[A-Za-z][a-z]+(?: [A-Za-z][a-z]*){0,2}")
