"""Line-end hyphens in a PDF's text, decided once the whole document is read.

PDFium marks a hyphen at the end of a line (U+FFFE) and cannot tell a word broken by
hyphenation ("employ-" / "ment") from a hyphenated word broken at its hyphen ("fixed-" /
"term"); page_lines (pdf.py) leaves LINE_END_HYPHEN where it stood before a lower-case
letter, and keep_hyphens decides by the document's own spelling and its producer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from pocketrag.loaders.pdf_grid import TableRow

LINE_END_HYPHEN = "\ue001"  # a private-use mark (page_lines drops any the PDF holds)
# A word's letters and hyphens ("out-of-hours"); found by a pattern that never backtracks
# (a [\w-] run is taken whole), so it is linear on a hostile line of "a-a-a-...".
_WORD_RUN = re.compile(r"[\w-]+")
# The part of a word next to a break that is read (longer runs are no words: bounded).
MAX_WORD_CHARS = 64
# Producers that do not hyphenate unless asked: Chromium's (Skia) print of a web page or a
# Google Doc, and Word's and LibreOffice's own PDF export (hyphenation is off by default).
_NO_HYPHENATION = re.compile(r"^(?:Skia/PDF|Microsoft\W*Word|LibreOffice|OpenOffice)", re.I)


def keep_hyphens(pages: list[list[str]], producer: str) -> None:
    """Each line-end hyphen is kept where the document writes that word with a hyphen
    elsewhere ("fixed-term"), dropped where it writes it whole ("employment"); otherwise
    dropped, unless the word has another hyphen ("out-of-" / "hours": TeX hyphenates no
    such word but at its hyphens) or the producer does not hyphenate unless asked (Chromium's
    "fixed-" / "term" was read as "fixedterm"). Evidence can only be the document's own: "Unix-" /
    "alikes" stays "Unixalikes" unless the manual writes "Unix-alike" on one line."""
    if not any(LINE_END_HYPHEN in x for lines in pages for x in lines):
        return
    hyphenated: set[str] = set()
    whole: set[str] = set()
    for lines in pages:
        for line in lines:
            for piece in line.split(LINE_END_HYPHEN):  # the words around a break are out
                for run in _WORD_RUN.findall(piece):
                    word = run.strip("-").casefold()
                    (hyphenated if "-" in word else whole).add(word)
    hyphen = bool(_NO_HYPHENATION.search(producer))

    def mend(first: str, rest: str, in_path: bool) -> str:
        if f"{first}-{rest}".casefold() in hyphenated:
            return "-"
        if f"{first}{rest}".casefold() in whole:
            return ""
        if "-" in first or "-" in rest:  # TeX breaks a word with a hyphen only there
            return "-"
        # a path breaks at its own hyphens ("main/installer-" / "amd64/current")
        return "-" if hyphen or in_path else ""

    for lines in pages:
        for i, line in enumerate(lines):
            if LINE_END_HYPHEN in line and not isinstance(line, TableRow):  # rows: own text
                lines[i] = _mended(line, mend)


def _mended(line: str, mend: Callable[[str, str, bool], str]) -> str:
    """The line with each break replaced by what `mend(word before, word after, whether
    both sides are a path's)` says."""
    pieces = line.split(LINE_END_HYPHEN)
    out = [pieces[0]]
    for before, after in pairwise(pieces):
        first = _edge_word(before[-MAX_WORD_CHARS:], last=True)
        rest = _edge_word(after[:MAX_WORD_CHARS], last=False)
        in_path = "/" in _edge_token(before, last=True) and "/" in _edge_token(after, last=False)
        out.append((mend(first, rest, in_path) if first and rest else "") + after)
    return "".join(out)


def _edge_token(text: str, last: bool) -> str:
    """The text's last (or first) run without white space, up to MAX_WORD_CHARS."""
    part = text[-MAX_WORD_CHARS:] if last else text[:MAX_WORD_CHARS]
    tokens = part.split()
    if not tokens or part[-1 if last else 0].isspace():
        return ""
    return tokens[-1] if last else tokens[0]


def _edge_word(text: str, last: bool) -> str:
    """The word (letters and inner hyphens) at the end (`last`) or start of a text."""
    runs = _WORD_RUN.findall(text)
    if not runs:
        return ""
    run = runs[-1] if last else runs[0]
    if (last and not text.endswith(run)) or (not last and not text.startswith(run)):
        return ""
    return run.strip("-")
