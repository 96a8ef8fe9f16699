"""A page's text with one character for each of PDFium's.

PDFium's get_text_range leaves out a glyph its font maps to no character (Unicode 0: the
bullets of a LaTeX list that dvips and Ghostscript set in a Type 3 font, as in the xfig
how-to) and some control codes (LilyPond's music glyphs). Every character after them then
stood out of line with its box, and the readers that go by character (type sizes,
typefaces, word gaps, tables, underscores) gave the whole page up. Here such a glyph stays
as UNMAPPED: a line of nothing else is a list item's bullet (pdf.page_lines), and
clean_inline drops any other.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

UNMAPPED = "\x00"
DROPPED = "\x01"
PDFIUM_HYPHEN = "\ufffe"  # PDFium's mark of a word broken at a line's end (see page_lines)


def page_text(textpage: pdfium.PdfTextPage) -> str:
    """The page's text, character i being PDFium's character i."""
    raw = textpage.get_text_range()
    count = textpage.count_chars()
    if count == len(raw):
        return raw
    aligned = "".join(_character(textpage, i) for i in range(count))
    # only for glyphs without a character: a page that loses control codes alone is
    # LilyPond's music, whose glyphs ("N P" in its type sizes) would read as headings
    return aligned if UNMAPPED in aligned else raw


def _character(textpage: pdfium.PdfTextPage, i: int) -> str:
    if pdfium_c.FPDFText_IsHyphen(textpage.raw, i):
        return PDFIUM_HYPHEN  # as get_text_range gives it (its code is 2)
    code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
    if code == 0:
        return UNMAPPED
    # half a surrogate pair on its own cannot be stored as UTF-8: a control code instead,
    # which clean_inline drops like the others (LilyPond's music glyphs are codes 2 to 5)
    return DROPPED if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else chr(code)
