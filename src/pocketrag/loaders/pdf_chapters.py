"""A chapter's opening in a typeset manual: its label on a line of its own ("Chapter 3",
"Appendix A", Sphinx's "CHAPTER" over "SIX"), then its title ("Before Installing Debian
GNU/Linux"). Read apart, the label was a stray paragraph under the previous chapter and
the appendix's letter was lost; joined, "Appendix A: Installation Howto" heads its
sections (A.1, A.2, ...) wherever the title alone would not read as a heading.
"""

from __future__ import annotations

import re

from pocketrag.loaders._common import NUMBERED_HEADING, SENTENCE_END, heading_level
from pocketrag.loaders.pdf_grid import TableRow

_NUMBER = (
    r"\d{1,3}|[A-Z]|[IVXLC]{1,6}|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
    r"|(?:twenty|thirty|forty)[- ]?(?:one|two|three|four|five|six|seven|eight|nine)?"
)
_LABEL = re.compile(r"^(?:chapter|appendix|part)$", re.I)
_LABEL_NUMBER = re.compile(rf"^(?:chapter|appendix|part)\s+(?:{_NUMBER})$", re.I)
_NUMBER_LINE = re.compile(rf"^(?:{_NUMBER})$", re.I)
# An appendix's label, letter and title on one line, as texinfo sets them ("Appendix C GNU
# Free Documentation License"): its sections are lettered, so nothing else heads them.
_APPENDIX_LINE = re.compile(r"^(?:Appendix|APPENDIX) [A-Z] (?=[A-Z])[^.:;]{3,80}$")
# A chapter opens a page: its label is among the page's first lines.
LABEL_LINES = 3
MAX_TITLE_WORDS = 12
MAX_LOWER_CASE_TITLE_WORDS = 4
MAX_WRAPPED_WORDS = 4
# A title wraps only when it is long: after a short one ("Part I" / "Gnuplot"), a short line
# is the first section's heading ("Copyright"), which had joined it and headed all of Part I.
MIN_WRAPPED_TITLE_WORDS = 3


class ChapterTitle(str):
    """A chapter's label and title as one line: a first-level heading wherever it stands."""

    __slots__ = ()


def chapter_titles(lines: list[str]) -> list[str]:
    """The page's lines with a chapter's label line(s) and title joined into a ChapterTitle."""
    for i in range(min(LABEL_LINES, len(lines))):
        if _APPENDIX_LINE.match(lines[i]) and not isinstance(lines[i], TableRow):
            end = i + 1
            title = lines[i]
            wraps = len(title.split()) >= MIN_WRAPPED_TITLE_WORDS
            if wraps and end < len(lines) and _last_title_words(lines[end]):
                title, end = f"{title} {lines[end]}", end + 1  # "... The Bourne" / "Shell"
            return [*lines[:i], ChapterTitle(title), *lines[end:]]
        used = _label_lines(lines, i)
        if used and i + used < len(lines):
            title = lines[i + used]
            if _title(title):
                end = i + used + 1
                wraps = len(title.split()) >= MIN_WRAPPED_TITLE_WORDS
                if end < len(lines) and (
                    (wraps and (_title_goes_on(lines[end]) or _last_title_words(lines[end])))
                    or _broken_title(title, lines[end])
                ):
                    title, end = f"{title} {lines[end]}", end + 1  # "... AND INSTALLATION" /
                    # "PROCEDURE", "... using" / "preseeding"
                label = " ".join(lines[i : i + used])
                return [*lines[:i], ChapterTitle(f"{label}: {title}"), *lines[end:]]
    return lines


def _title(line: str) -> bool:
    """A chapter's title: a heading's line, or a short one in sentence case ("Automating
    the installation using preseeding": the label says it is a title), or a shorter one in
    lower case."""
    if isinstance(line, TableRow):
        return False
    if heading_level(line) is not None:
        return True
    words = len(line.split())
    if line.endswith(SENTENCE_END) or words > MAX_TITLE_WORDS:
        return False
    # a command's name may open it in lower case ("debmake(1) manpage")
    return line[:1].isupper() or words <= MAX_LOWER_CASE_TITLE_WORDS


def _title_goes_on(line: str) -> bool:
    """A title's last words, wrapped onto a line of their own: a few words in lower case
    (the chapter's text opens with a capital)."""
    return (
        not isinstance(line, TableRow)
        and line[:1].islower()
        and len(line.split()) <= MAX_WRAPPED_WORDS
        and not line.endswith(SENTENCE_END)
    )


def _last_title_words(line: str) -> bool:
    """A title's last word or two, wrapped onto a line of their own ("Shell")."""
    return (
        not isinstance(line, TableRow)
        and len(line.split()) <= 2
        and heading_level(line) is not None
        and not NUMBERED_HEADING.match(line)
    )


def _broken_title(title: str, line: str) -> bool:
    """A title that ends on a dash goes on in the next short line ("ALTERNATIVE VERSIONS OF
    AN INTERFACE -" / "UPDATE-ALTERNATIVES (FROM OLD PACKAGING MANUAL)")."""
    return (
        title.endswith((" -", " –", " —"))
        and not isinstance(line, TableRow)
        and len(line.split()) <= MAX_TITLE_WORDS
        and not line.endswith(SENTENCE_END)
    )


def _label_lines(lines: list[str], i: int) -> int:
    """How many lines from i make a chapter's label: "Chapter 3" is one, "CHAPTER" over
    "SIX" two, anything else none."""
    if isinstance(lines[i], TableRow):
        return 0
    if _LABEL_NUMBER.match(lines[i]):
        return 1
    if _LABEL.match(lines[i]) and i + 1 < len(lines) and _NUMBER_LINE.match(lines[i + 1]):
        return 2
    return 0
