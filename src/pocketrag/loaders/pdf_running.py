"""Running headers and footers: the same line (digits aside) at the top or bottom of most
pages ("Kestrel Community Housing - Pay and Allowances", "file:///.../pay.html 2/4", a
browser's print date). They are page furniture, not content: dropped from the text, and
kept out of table detection, where a header line with two parts (a date, a title) read as
a first row of the grid broke its header away from the table below it.

Typeset manuals also run the current chapter's or section's title, which changes from page
to page: texinfo's "Chapter 3: Basic Shell Features 27", Sphinx's "5.10. Porting and being
ported 49", dblatex's "CHAPTER 5. BOOTING THE INSTALLATION SYSTEM 5.1. ...". Each is on too
few pages to be one running line; what makes them furniture is their shape
(changing_lines). Left in, they were glued onto the next page's first paragraph or read as
its heading.
"""

from __future__ import annotations

import re
from collections import Counter

from pocketrag.loaders._common import clean_inline
from pocketrag.loaders.pdf_grid import TableRow

# How many lines at each edge of a page can be furniture.
EDGE_LINES = 2


def edge_key(line: str) -> str:
    """A line with its digits blurred: "Page 3 of 9" and "Page 4 of 9" are one line."""
    return re.sub(r"\d+", "#", clean_inline(line).casefold())


def edges(lines: list[str]) -> list[str]:
    """The text lines at the page's top and bottom (a table's rows are never furniture:
    blurred, all the rows of a pay table have the same key)."""
    return [lines[i] for i in _edge_places(lines)]


def _edge_places(lines: list[str]) -> list[int]:
    text = [i for i, x in enumerate(lines) if not isinstance(x, TableRow)]
    return sorted(set(text[:EDGE_LINES] + text[-EDGE_LINES:]))


def running_keys(pages_edges: list[list[str]]) -> set[str]:
    """Keys of the edge lines seen on at least half the pages (and on two pages or more)."""
    seen: Counter[str] = Counter()
    for lines in pages_edges:
        seen.update({edge_key(x) for x in lines})
    return {k for k, n in seen.items() if n >= 2 and n >= 0.5 * len(pages_edges)}


def drop_running_lines(pages: list[list[str]]) -> None:
    """Remove running headers and footers from the pages' lines (in place)."""
    running = running_keys([edges(lines) for lines in pages])
    changing = changing_lines(pages)
    if not running and not changing:
        return
    for number, lines in enumerate(pages):
        furniture = {i for i in _edge_places(lines) if edge_key(lines[i]) in running}
        furniture |= changing.get(number, set())
        lines[:] = [x for i, x in enumerate(lines) if i not in furniture]


# A printed page number at either end of a line ("Chapter 3: Basic Shell Features 27",
# "62 Chapter 5. Managing Packages").
_END_NUMBERS = re.compile(r"^(\d{1,4})\s|\s(\d{1,4})$")
# A chapter's label and number in capitals ("CHAPTER 5.", "APPENDIX B.", "PART II:").
_LABELLED = re.compile(r"^([A-Z]{3,})\s+(?:\d{1,3}|[A-Z]|[IVXLC]{1,6})[.:]?(?=\s|$)")
# Lines of that shape at one edge of this many pages are running titles, not headings.
MIN_LABELLED_PAGES = 3
# Printed page numbers that agree with the page's place on this share of the pages (and
# MIN_LABELLED_PAGES) make the lines they end running lines.
MIN_NUMBERED_SHARE = 0.25
# A running title is short; a longer line at the edge is the body's.
MAX_TITLE_WORDS = 20
# A chapter's line over a numbered footer is shorter still.
MAX_OVER_FOOTER_WORDS = 8


def changing_lines(pages: list[list[str]]) -> dict[int, set[int]]:
    """The places (page -> line indexes) of running titles that change from page to page:
    the outermost line at the top or bottom of a page when it starts or ends with the
    printed page number (which counts up with the pages, so a figure that happens to end a
    line does not) and its text is another page's running title too (a chapter's "1
    Introduction" on page 1 is not), or when it opens with a label and number in capitals
    ("CHAPTER 5.") that the same edge of other pages opens with too. At the bottom, a line
    ending in the printed page number is a footer on its own (htmldoc's "Snap Menu 10": a
    section's name, on one or two pages only), and so is a short line over it that stands
    there on other pages too (htmldoc's chapter line, "Main Menus", which had run into the
    next page's first sentence)."""
    outer = [_outermost(lines) for lines in pages]
    offsets: Counter[int] = Counter()
    labels: Counter[tuple[int, str]] = Counter()
    for number, ends in enumerate(outer):
        for edge, i in enumerate(ends):
            line = pages[number][i]
            offsets.update({n - number for n in _end_numbers(line)})
            if (m := _LABELLED.match(line)) and _capitals(line):
                labels[edge, m[1]] += 1
    offset, seen = offsets.most_common(1)[0] if offsets else (0, 0)
    numbered = seen >= max(MIN_LABELLED_PAGES, MIN_NUMBERED_SHARE * len(pages))
    found: dict[int, set[int]] = {}
    titled: dict[tuple[int, int], str] = {}  # place -> its text without the page number
    for number, ends in enumerate(outer):
        for edge, i in enumerate(ends):
            line = pages[number][i]
            if len(line.split()) > MAX_TITLE_WORDS:
                continue  # body text joined to the footer at a hyphen ("a non-" / "GNU Bash")
            if numbered and number + offset in _end_numbers(line):
                titled[number, i] = edge_key(_without_number(line, number + offset))
            m = _LABELLED.match(line)
            if m and _capitals(line) and labels[edge, m[1]] >= MIN_LABELLED_PAGES:
                found.setdefault(number, set()).add(i)
    repeated = Counter(titled.values())
    footed: dict[int, str] = {}  # page -> the line over its numbered footer
    for (number, i), key in titled.items():
        bottom = i == outer[number][-1]
        if repeated[key] >= 2 or bottom:
            found.setdefault(number, set()).add(i)
        if bottom and i > 0 and len(pages[number][i - 1].split()) <= MAX_OVER_FOOTER_WORDS:
            footed[number] = edge_key(pages[number][i - 1])
    over = Counter(footed.values())
    for number, key in footed.items():
        if over[key] >= 2:
            found[number].add(outer[number][-1] - 1)
    return found


def _without_number(line: str, number: int) -> str:
    """The line without the page number at its start or end."""
    words = line.split()
    if words[-1] == str(number):
        words = words[:-1]
    elif words[0] == str(number):
        words = words[1:]
    return " ".join(words)


def _outermost(lines: list[str]) -> list[int]:
    """The indexes of the first and the last text line (not a table's row), if any."""
    text = [i for i, x in enumerate(lines) if not isinstance(x, TableRow)]
    return [text[0], text[-1]] if text else []


def _end_numbers(line: str) -> set[int]:
    return {int(n) for m in _END_NUMBERS.finditer(line) for n in m.groups() if n}


def _capitals(line: str) -> bool:
    """Whether a line is set in capitals (a few lower-case letters aside: "GNU/LINUX")."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def running_characters(raw: str, running: set[str]) -> list[bool]:
    """Which characters of PDFium's page text belong to a running line at its edges."""
    mask = [False] * len(raw)
    if not running:
        return mask
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"\r\n|\r|\n", raw + "\n"):
        if raw[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    # one line more at each edge: a bare page number there is no content line (page_lines)
    for a, b in spans[: EDGE_LINES + 1] + spans[-EDGE_LINES - 1 :]:
        if edge_key(raw[a:b]) in running:
            mask[a:b] = [True] * (b - a)
    return mask
