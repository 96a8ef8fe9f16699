"""A PDF's outline (its bookmarks): the headings its author's tools wrote down, with their
depth and page. LaTeX (hyperref), texinfo, dblatex, Sphinx, LibreOffice and Word write
one. The page's text alone could not tell every heading from a short line: gnuplot's "Set
datafile missing" ran into the paragraph above it, and the LaTeX newsletters' sections
("Extending the hook concept to commands") into their first paragraphs, 30% of the
benchmark PDFs' bookmarks in all. A line that a bookmark of its page names heads what
follows at the bookmark's depth; pdf.page_blocks still guesses the rest (documents without
an outline, and headings below its depth).

Lines and titles are matched by their letters and digits (_common.keyed), with or
without a section number or chapter label in front: a bookmark may leave out the number
its heading is printed with ("Introduction" for "1 Introduction"), or hold it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping

import pypdfium2 as pdfium

from pocketrag.loaders._common import keyed
from pocketrag.loaders.pdf_grid import TableRow

# A hostile or broken outline can be endless (pypdfium2 stops at cycles, not at length).
MAX_ENTRIES = 20_000
MAX_DEPTH = 12
MAX_TITLE_CHARS = 200  # a heading is a few words; a longer "bookmark" is something else
# A heading wrapped over lines in its column takes at most this many.
MAX_TITLE_LINES = 3
# A chapter's label and number ("Chapter 3.", Sphinx's "CHAPTER ONE:") or a section's
# number ("2.3", "B.1", "IV") in front of a heading.
_NUMBER = re.compile(
    r"^(?:(?i:chapter|appendix|part|section)\s+\w+[.:]?|(?:[A-Z]|[IVXL]{1,5}|\d{1,3})"
    r"(?:\.\d{1,3})*[.:]?)\s+(?=\S)"
)

Titles = dict[str, int]  # a title's key: its depth in the outline, 0 for the top


class OutlineHeading(str):
    """A line that a bookmark names: a heading at the bookmark's depth, wherever it stands."""

    depth: int

    def __new__(cls, line: str, depth: int) -> OutlineHeading:
        heading = super().__new__(cls, line)
        heading.depth = depth
        return heading


def keys(text: str) -> set[str]:
    """A title's or line's keys: its letters and digits in lower case, and the same without
    a leading section number or chapter label ("2.3 Paths" -> "23paths", "paths")."""
    found = {keyed(text).casefold()}  # "LATEX2ε" in small capitals is "LaTeX2ε"
    if (m := _NUMBER.match(text)) and m.end() < len(text):
        found.add(keyed(text[m.end() :]).casefold())
    return found - {""}


def read(pdf: pdfium.PdfDocument) -> dict[int, Titles]:
    """The outline's titles by the 0-based page their bookmark points to."""
    pages: dict[int, Titles] = {}
    for bookmark in itertools.islice(pdf.get_toc(max_depth=MAX_DEPTH), MAX_ENTRIES):
        dest = bookmark.get_dest()
        title = bookmark.get_title() if dest is not None else ""
        if not title or len(title) > MAX_TITLE_CHARS:
            continue
        page = dest.get_index()
        if page is None:
            continue
        titles = pages.setdefault(page, {})
        for key in keys(title):
            titles.setdefault(key, bookmark.level)
    return pages


def every_title(pages: dict[int, Titles]) -> Titles:
    """All the outline's titles, each at its shallowest depth."""
    every: Titles = {}
    for titles in pages.values():
        for key, depth in titles.items():
            every[key] = min(depth, every.get(key, depth))
    return every


def displayed(lines: list[str], display: Mapping[str, float], every: Titles) -> Titles:
    """The title the page opens with in its largest type, wherever its bookmark points. A
    document can print a chapter twice with one bookmark (htmldoc put xfig's
    "Miscellaneous" inside "Global Settings" as well as in its place): the other copy's
    title heads its copy too instead of reading as a section of the chapter before."""
    if (opening := _opening(lines, display)) is None:
        return {}
    return {key: every[key] for key in keys(opening) if key in every}


def reworded(lines: list[str], own: Titles, display: Mapping[str, float]) -> Titles:
    """The page's bookmarks, or its opening line's keys at their depth when they name none
    of its lines and that line is set in the page's largest type: a bookmark worded
    otherwise than the heading it points to ("Getting and Installing Xfig" for the page's
    "Getting and Installing Xfig and Fig2dev") still points at the page's top."""
    if not own or (opening := _opening(lines, display)) is None:
        return own
    if any(isinstance(line, OutlineHeading) for line in marked(lines, dict(own))):
        return own
    depth = min(own.values())
    return {key: depth for key in keys(opening)} or own


def _opening(lines: list[str], display: Mapping[str, float]) -> str | None:
    """The page's first line if it is set in the page's largest type (a chapter's title)."""
    if not lines or not display or len(lines[0]) > MAX_TITLE_CHARS:
        return None
    return lines[0] if display.get(keyed(lines[0]), 0.0) >= max(display.values()) else None


def marked(lines: list[str], titles: Titles) -> list[str]:
    """The page's lines with those a title names as OutlineHeading, a title wrapped over two
    or three lines joined into one. A title heads one line only: matched keys leave
    `titles` (those left may head a line of the next page, where a heading moved when its
    bookmark's place stayed at the foot of the page before)."""
    if not titles:
        return lines
    out: list[str] = []
    i = 0
    while i < len(lines):
        used, depth = _title_at(lines, i, titles)
        if used:
            out.append(OutlineHeading(" ".join(lines[i : i + used]), depth))
            i += used
        else:
            out.append(lines[i])
            i += 1
    return out


def _title_at(lines: list[str], i: int, titles: Titles) -> tuple[int, int]:
    """How many lines from i a title names (0 for none), and its depth."""
    for used in range(1, MAX_TITLE_LINES + 1):
        part = lines[i : i + used]
        if len(part) < used or isinstance(part[-1], TableRow):
            break
        text = " ".join(part)
        if len(text) > MAX_TITLE_CHARS:
            break
        named = keys(text)
        if found := named & titles.keys():
            depth = min(titles[key] for key in found)
            for key in named:
                titles.pop(key, None)
            return used, depth
    return 0, 0
