"""The sections of a typeset manual (DocBook's dblatex, LaTeX, texinfo, Sphinx) in a PDF's
lines: where a numbered section's heading stands though no full line of text follows it,
where a numbered line is a list's item and not a chapter, which lines carry a paragraph on
instead of heading one, and where a definition list's next term starts. pdf.page_blocks
asks; the placing of headings in general stays there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pocketrag.loaders._common import (
    NEVER_LAST,
    NUMBERED_HEADING,
    SENTENCE_END,
    heading_level,
    is_admonition,
)
from pocketrag.loaders.pdf_chapters import ChapterTitle
from pocketrag.loaders.pdf_fonts import CodeLine
from pocketrag.loaders.pdf_grid import TableRow

Headings = Sequence[tuple]  # (level, text, ...): pdf.Heading
# Words a line ends on when its sentence goes on in the next ("... NO WARRANTY FOR")
_JOINING = NEVER_LAST | frozenset(
    ["to", "for", "in", "on", "with", "at", "from", "into", "under", "over", "about"]
)


def section_number(line: str) -> str | None:
    """ "11.11" of "11.11 Games", None for a heading without a number."""
    m = NUMBERED_HEADING.match(line)
    return m.group(1) if m else None


def carries_paragraph_on(lines: list[str], i: int, width: int) -> bool:
    """Whether a long unnumbered line follows a full line of body text that ends no sentence, or
    one that ends on a joining word: the paragraph's next line ("THE PROGRAM, TO THE EXTENT
    PERMITTED BY APPLICABLE LAW. EXCEPT WHEN OTHERWISE", in a licence set in capitals), not
    a heading."""
    if i == 0 or NUMBERED_HEADING.match(lines[i]) or len(lines[i]) < 0.5 * width:
        return False  # a short line may be a title wrapped over two ("... Staff and")
    before = lines[i - 1]
    if isinstance(before, (TableRow, CodeLine)):
        return False
    if before.endswith(SENTENCE_END) or not before.strip():
        return False
    # a full line, or one ending on a word that joins ("... NO WARRANTY FOR")
    return len(before) >= 0.9 * width or before.rsplit(None, 1)[-1].lower() in _JOINING


# A section number of two parts or more ("2.1.2", "B.4"): a heading's, where a bare "5." may
# be a list's item.
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}|[A-Z])(?:\.\d{1,3})+\.?\s")


def numbered_section(lines: list[str], i: int, width: int) -> bool:
    """A short line numbered like a section ("2.1.2 CPU Support") heads what follows it
    also when that is no full line of body text: a one-line paragraph ("Both AMD64 and
    Intel 64 processors are supported."), a side note's label ("WARNING"), a code sample, a
    line that is all of its text (sole_body_line), or a paragraph that opens with a name in
    lower case ("debian-installer allows ...")."""
    line = lines[i]
    if not _SECTION_NUMBER.match(line) or len(line) >= 0.7 * width or i + 1 == len(lines):
        return False
    after = lines[i + 1]
    if isinstance(after, TableRow):
        return False
    if is_admonition(after) or isinstance(after, CodeLine) or sole_body_line(lines, i + 1):
        return True
    if after[:1].isupper():
        return after.endswith(SENTENCE_END)
    return after[:1].islower() and len(after) >= 0.5 * width


def sole_body_line(lines: list[str], i: int) -> bool:
    """Whether line i is all of a numbered section's text: after the section's number, before
    the next section's or the page's end ("A.9 LICENSE" / "Expat License" / "A.10 SEE ALSO").
    Read as a heading of its own, the line had headed nothing and was lost."""
    return (
        i > 0
        and _SECTION_NUMBER.match(lines[i - 1]) is not None
        and heading_level(lines[i - 1]) is not None  # a heading, not a clause ("2.1 The ...")
        and not NUMBERED_HEADING.match(lines[i])
        and not isinstance(lines[i], TableRow)
        and (i + 1 == len(lines) or _SECTION_NUMBER.match(lines[i + 1]) is not None)
    )


def closed_empty(headings: Headings, kept: Headings) -> tuple[str, ...] | None:
    """The path of the numbered section that the next heading closes (it is not `kept`),
    ending with its heading, when the caller saw no text under it ("G.3.2 Powerware
    LanSafe" right over "G.3.3 SOLA-330"): the heading is then the text it stands for, which
    would otherwise be lost with it. None when the last heading stays or has no number."""
    last = headings[-1]
    if last in kept or section_number(last[1]) is None:
        return None
    return tuple(h[1] for h in headings)


def chapter_or_section(line: str) -> bool:
    return isinstance(line, ChapterTitle) or section_number(line) is not None


def in_chapter(line: str, headings: Headings) -> bool:
    """Whether an unnumbered heading stands in a chapter that opened with its label
    ("Appendix F: GNU General Public License" > "NO WARRANTY"): it is a part of that chapter
    or of its numbered section, not a chapter of its own, which had ended the appendix."""
    return (
        section_number(line) is None
        and not isinstance(line, ChapterTitle)
        and any(isinstance(h[1], ChapterTitle) for h in headings)
    )


def list_item_in_section(line: str, headings: Headings) -> bool:
    """Whether a line numbered "1." or "2." stands in a section whose number says it is no
    chapter: in "D.4" or "6.3" the chapter "2." is an appendix's or long past, so the line
    is a numbered list's item ("2. Detect network hardware"). A later chapter ("3." after
    "2.4" or "1.2") is one."""
    m = NUMBERED_HEADING.match(line)
    if not m or "." in m[1] or not m[2]:
        return False  # a chapter's "3 Basic Shell Features" has no full stop
    number = m[1]
    for h in headings:
        section = section_number(h[1])
        if section and "." in section:
            first = section.split(".")[0]
            return not first.isdigit() or int(number) <= int(first)
    return False
