"""Footnotes at a page's foot, numbered with superscript figures ("¹Installation images
that support ..."), as DocBook's dblatex sets them. PDFium gives them after the page's last
line, so they were read into the paragraph or list the page broke off ("•
DEBIAN_FRONTEND=noninteractive ¹With current kernels ..."), and their marks stuck to the
words they follow ("memory¹"), which then were not found as typed. Each note becomes a
paragraph of its own at the page's end; the marks of those notes leave the text.
"""

from __future__ import annotations

import re

from pocketrag.loaders.pdf_grid import TableRow

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# a note's first line: its number, then its text ("¹With current kernels")
_NOTE_START = re.compile(rf"^([{_SUPERSCRIPTS}]+)\s*(?=\S)")
# a mark after a word or a closing sign ("memory¹", "package⁸.")
_MARK = re.compile(rf"(?<=[^\s{_SUPERSCRIPTS}])([{_SUPERSCRIPTS}]+)")


class Footnote(str):
    """A line of a footnote: apart from the page's paragraphs, never a heading."""

    __slots__ = ()


def opens_note(line: str) -> bool:
    return isinstance(line, Footnote) and _NOTE_START.match(line) is not None


def footnotes_apart(lines: list[str]) -> list[str]:
    """The page's lines, its footnotes as Footnote lines ("¹ With ...") and their marks
    dropped from the text above. Notes are at the foot: only a note that starts in the
    lower half of the page, and everything after it, is one."""
    first = next(
        (
            i
            for i in range(len(lines) // 2, len(lines))
            if not isinstance(lines[i], TableRow) and _NOTE_START.match(lines[i])
        ),
        None,
    )
    if first is None:
        return lines
    numbers = {m[1] for x in lines[first:] if (m := _NOTE_START.match(x))}

    def unmarked(line: str) -> str:
        if isinstance(line, TableRow):
            return line
        text = _MARK.sub(lambda m: "" if m[1] in numbers else m[0], line)
        return line if text == line else text

    notes = [Footnote(_NOTE_START.sub(r"\1 ", x, count=1)) for x in lines[first:]]
    return [unmarked(x) for x in lines[:first]] + notes
