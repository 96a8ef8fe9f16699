"""Underscores drawn as rules. LaTeX's `\\_` in a text font without an underscore glyph is a
short rule on the baseline, not a character: PDFium's text has a word space there, so the
gnuplot manual's "GNUPLOT_LIB" read "GNUPLOT LIB" and could not be found as typed. A space
between two characters that a short thin rule joins along their baseline is an underscore.

Only PDFium's space is replaced, so the text keeps one character per PDFium character (the
table reader relies on that). Unrotated pages only: rotated ones are rare and their frames
are pdf_grid's business.
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pocketrag.loaders.pdf_rules import Bounds, page_paths

# An underscore rule: at most this thick, and this long (a glyph's width), in points.
MAX_THICKNESS = 1.5
MIN_LENGTH, MAX_LENGTH = 1.5, 12.0
# How far the rule's ends may be from the characters on either side, and its bottom from
# theirs (the baseline), in points.
SLACK = 1.5


def underscored(raw: str, textpage: pdfium.PdfTextPage, page: pdfium.PdfPage) -> str:
    """`raw` (the page's text) with each space that a rule joins to its neighbours as "_"."""
    if page.get_rotation() or " " not in raw:
        return raw
    rules = _short_rules(page)
    if not rules:
        return raw
    chars = list(raw)
    for i in range(1, len(raw) - 1):
        if raw[i] != " " or raw[i - 1].isspace() or raw[i + 1].isspace():
            continue
        before, after = _box(textpage, i - 1), _box(textpage, i + 1)
        if before is not None and after is not None and _joined(before, after, rules):
            chars[i] = "_"
    return "".join(chars)


def _short_rules(page: pdfium.PdfPage) -> list[Bounds]:
    return [
        (left, bottom, right, top)
        for (left, bottom, right, top), _ in page_paths(page)
        if top - bottom <= MAX_THICKNESS and MIN_LENGTH <= right - left <= MAX_LENGTH
    ]


def _box(textpage: pdfium.PdfTextPage, i: int) -> tuple[float, float, float] | None:
    """(left, right, bottom) of character i's box, or None without one."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    if not pdfium_c.FPDFText_GetCharBox(textpage.raw, i, left, right, bottom, top):
        return None
    return left.value, right.value, bottom.value


def _joined(
    before: tuple[float, float, float],
    after: tuple[float, float, float],
    rules: list[Bounds],
) -> bool:
    baseline = min(before[2], after[2])
    return any(
        abs(left - before[1]) <= SLACK
        and abs(right - after[0]) <= SLACK
        and abs(bottom - baseline) <= SLACK
        for left, bottom, right, _ in rules
    )
