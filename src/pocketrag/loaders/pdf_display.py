"""Lines set in a larger type than the body text: the titles and headings a typesetter marked
by size. The text alone could not tell a sentence-case heading over numbered steps ("A
missing child" / "1. Get a description ...") from a short line, nor a title wrapped over
two lines ("Building emergencies:" / "what to do") from a heading and a paragraph: reportlab
leaflets lost their sections that way. The type size can.

The body size is the size most of the document's characters are set in; a line whose own
size is at least DISPLAY_RATIO times that is a display line. Lines are matched to the
loader's cleaned lines by their letters and digits alone (keyed), which the clean-up
(spaces, hyphens, ligatures) leaves alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pocketrag.loaders._common import NUMBERED_HEADING, SENTENCE_END, keyed
from pocketrag.loaders.pdf_grid import TableRow
from pocketrag.loaders.pdf_outline import OutlineHeading

# A heading is set this much larger than the body text, at least: reportlab's 14-point
# headings over 9.5-point text are 1.47, LaTeX's \subsection over 10-point text 1.2.
DISPLAY_RATIO = 1.3
# Lines longer than this are text, whatever their size (a heading is a few words)
MAX_DISPLAY_CHARS = 120
# Characters of a line whose size is read: a size per character costs a call into PDFium
SAMPLED_CHARS = 7
_LINE = re.compile(r"[^\r\n]+")


class TypeSizes:
    """The type sizes of a document's short lines, page by page, and how many characters
    are set in each size (for the body size)."""

    def __init__(self) -> None:
        self._chars: Counter[float] = Counter()
        self._pages: list[list[tuple[str, float]]] = []  # each page's short lines' sizes

    def add_page(self, raw: str, textpage: pdfium.PdfTextPage) -> None:
        """Reads the page's lines' sizes; `raw` is PDFium's text, one character for each
        of the text page's (else the page has no sizes)."""
        sizes: list[tuple[str, float]] = []
        if textpage.count_chars() == len(raw):
            for line in _LINE.finditer(raw):
                start, end = line.span()
                if (size := _line_size(raw, textpage, start, end)) is not None:
                    self._chars[size] += end - start
                    if end - start <= MAX_DISPLAY_CHARS:
                        sizes.append((line[0], size))
        self._pages.append(sizes)

    def display(self, page: int) -> dict[str, float]:
        """The keys of page `page`'s (0-based) display lines, with their sizes. Only those
        lines are keyed: most of a page is body text, and keying every line cost more than
        reading its size."""
        if not self._chars:
            return {}
        least = DISPLAY_RATIO * self._chars.most_common(1)[0][0]
        shown: dict[str, float] = {}
        for line, size in self._pages[page]:
            if size >= least and (key := keyed(line)):
                shown[key] = max(size, shown.get(key, 0.0))
        return shown


def _line_size(raw: str, textpage: pdfium.PdfTextPage, start: int, end: int) -> float | None:
    """The size most of a few characters spread over the line are set in (rounded to a
    tenth of a point), None for a blank line."""
    step = max(1, (end - start) // SAMPLED_CHARS)
    places = [i for i in range(start, end, step) if not raw[i].isspace()]
    if not places:
        places = [i for i in range(start, end) if not raw[i].isspace()][:1]
        if not places:
            return None
    sizes = Counter(round(pdfium_c.FPDFText_GetFontSize(textpage.raw, i), 1) for i in places)
    return sizes.most_common(1)[0][0]


# A heading wrapped over lines in display type is at most this long, joined (Debian Policy's
# "7.7 Relationships between source and binary packages - Build-Depends, ..." takes three)
MAX_DISPLAY_HEADING = 200
# A display line ending so is a sentence set large (a notice's warning), not a heading.
_NO_HEADING_END = (".", "!", ";", ",")


def heads(line: str, display: Mapping[str, float]) -> bool:
    """Whether the line is set in display type and reads as a heading could: words, not a
    table's row nor a sentence."""
    if not display or isinstance(line, TableRow) or line.endswith(_NO_HEADING_END):
        return False
    if line.startswith("(") and line.endswith(")"):
        return False  # a label in brackets: LilyPond's "(figured bass)" over an example
    return keyed(line) in display and _worded(line)


def _worded(line: str) -> bool:
    """Whether the line is mostly words: music set in a notation font reads as letters
    ("h h h ª h", "pp N N ff": LilyPond's noteheads and dynamics, larger than the text
    around them), one or two at a time."""
    letters = [sum(c.isalpha() for c in token) for token in line.split()]
    words = sum(n >= 2 for n in letters)
    return 2 * words >= len(letters) and any(n >= 3 for n in letters)


def joined(lines: list[str], display: dict[str, float]) -> list[str]:
    """Consecutive lines of words in the same display size as one line: a title or heading
    wrapped in its column ("Building emergencies:" / "what to do", "3. Personal protective
    equipment" / "(PPE)"), which read apart as a line and a paragraph's start. The joined
    line's key is added to `display`."""
    if not display:
        return lines  # a page of body text only, as most are
    out: list[str] = []
    size_of_last = None
    for line in lines:
        # a bookmark's heading is whole: nothing joins it
        key = keyed(line) if not isinstance(line, (TableRow, OutlineHeading)) else ""
        size = display.get(key) if _worded(line) else None
        if (
            size is not None
            and size == size_of_last
            and not out[-1].endswith(SENTENCE_END[:3])
            and not NUMBERED_HEADING.match(line)  # a section's heading under its chapter's
        ):
            both = f"{out[-1]} {line}"
            if len(both) <= MAX_DISPLAY_HEADING:
                out[-1] = both
                display[keyed(both)] = size
                continue
        out.append(line)
        size_of_last = size
    return out
