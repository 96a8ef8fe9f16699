"""Line-level clean-up of a PDF page's text before it is joined into paragraphs: marks that
belong to the page's furniture, not to its sentences.

Court transcripts, pleadings and legal drafts number every line in the margin (1 to 25 on
a Supreme Court transcript page); PDFium gives those numbers as lines of their own (often
all together, before the text) or at the start of each line. Captions draw their box with
characters ("- - - - - - x" rules and a column of " :"). Left in, they split sentences and
names ("STEVEN E. MERCER, ESQ., ... Los" / "Angeles, Cal."), and they are not content.

Long manuals add a table of contents whose lines run to their page number through dot
leaders ("4.1 Standards conformance . . . . . 19"): they read as headings (one heading path,
"7.2 Binary Dependencies ... . . . . 59", stood over 83 chunks of the Debian Policy Manual)
and were quoted as answers.
"""

from __future__ import annotations

import re

from pocketrag.loaders._common import SENTENCE_END
from pocketrag.loaders.pdf_tables import TableRow

# Margin line numbers: this many lines or more, numbered 1, 2, 3, ... in order ...
MIN_NUMBERED_LINES = 5
# ... and, when they open the lines, at least this share of the page's lines: a listing's
# values counted at the start of a few lines ("0 = Black", "1 = Blue", ... in xfig's Fig
# format) are the text's own, and had lost their numbers.
MIN_NUMBERED_SHARE = 0.5
# A caption's column of colons: this many lines of the page or more end with " :".
MIN_CAPTION_COLONS = 3
_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_NUMBER_PREFIX = re.compile(r"^(\d{1,3}) (?=\S)")
# "- - - - - - x", "________", "=====": a rule drawn with characters
_RULE = re.compile(r"^(?:[-_=–—] ?){5,}[xX]?$")
_CAPTION_COLON = re.compile(r"(?<=\S) :(?= |$)")
# a contents line: text, dot leaders, its page number
_CONTENTS_LINE = re.compile(r"\S.*?(?:\s?\.){4,}\s*\d{1,4}$")
# A page with this many contents lines is a contents page (a wrapped entry's first line
# is then dropped with them).
MIN_CONTENTS_LINES = 3


def clean_page(lines: list[str]) -> list[str]:
    """The page's lines without margin line numbers, character rules, contents lines and
    caption colons."""
    lines = _drop_line_numbers(lines)
    lines = _drop_contents(lines)
    lines = [x for x in lines if isinstance(x, TableRow) or not _RULE.match(x)]
    return _drop_caption_colons(lines)


def _drop_contents(lines: list[str]) -> list[str]:
    """Contents lines, and the first line of an entry wrapped over two ("Appendix B Major
    Differences From" over "The Bourne Shell . . . 168"): left, it was a heading that stood
    over the next 90 pages of the Bash manual."""
    contents = [not isinstance(x, TableRow) and bool(_CONTENTS_LINE.match(x)) for x in lines]
    if sum(contents) < MIN_CONTENTS_LINES:
        return [x for x, dropped in zip(lines, contents, strict=True) if not dropped]
    return [
        x
        for i, x in enumerate(lines)
        if not contents[i]
        and not (i + 1 < len(lines) and contents[i + 1] and not x.endswith(SENTENCE_END))
    ]


def _drop_line_numbers(lines: list[str]) -> list[str]:
    """Bare numbers counting up by one (1, 2, 3, ... wherever they sit among the lines), or
    the same count at the start of consecutive lines, when MIN_NUMBERED_LINES or more."""
    bare = [i for i, x in enumerate(lines) if _BARE_NUMBER.match(x) and not isinstance(x, TableRow)]
    counted = _counting(bare, [int(lines[i]) for i in bare])
    if len(counted) >= MIN_NUMBERED_LINES:
        drop = set(counted)
        lines = [x for i, x in enumerate(lines) if i not in drop]
    prefixed = [(i, m) for i, x in enumerate(lines) if (m := _NUMBER_PREFIX.match(x))]
    numbers = [int(m.group(1)) for _, m in prefixed]
    counted = _counting([i for i, _ in prefixed], numbers, consecutive=True)
    if len(counted) >= max(MIN_NUMBERED_LINES, MIN_NUMBERED_SHARE * len(lines)):
        for i in counted:
            lines[i] = _NUMBER_PREFIX.sub("", lines[i], count=1)
    return lines


def _counting(places: list[int], numbers: list[int], consecutive: bool = False) -> list[int]:
    """The longest run of places whose numbers count up by one (and, if `consecutive`, on
    lines next to each other): a numbered margin, not a figure that happens to stand alone."""
    best: list[int] = []
    run: list[int] = []
    for k, (place, number) in enumerate(zip(places, numbers, strict=True)):
        follows = run and number == numbers[k - 1] + 1
        if follows and consecutive:
            follows = place == places[k - 1] + 1
        run = [*run, place] if follows else [place]
        if len(run) > len(best):
            best = run
    return best


def _drop_caption_colons(lines: list[str]) -> list[str]:
    """A case caption's right edge, a colon on each line ("MICHAEL A. KNOWLES, :"): the
    isolated colons are dropped when MIN_CAPTION_COLONS lines of the page end with one."""
    ending = sum(
        1 for x in lines if not isinstance(x, TableRow) and x.endswith(" :") and len(x) > 2
    )
    if ending < MIN_CAPTION_COLONS:
        return lines
    out = []
    for x in lines:
        if isinstance(x, TableRow):
            out.append(x)
        elif cleaned := _CAPTION_COLON.sub("", x).strip():
            out.append(cleaned)
    return out
