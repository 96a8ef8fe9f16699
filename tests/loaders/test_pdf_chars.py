"""Glyphs without a character (loaders/pdf_chars.py): a Type 3 font's bullet whose code is
0, as dvips and Ghostscript set a LaTeX list (the xfig how-to). PDFium's text leaves it out,
which put the page's characters out of line with their boxes and lost the list's bullets.
The PDF is written here by hand: no PDF library writes a glyph without a character."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from hostile_files import write_pdf_objects
from pocketrag.loaders import pdf, pdf_chars
from pocketrag.settings_views import LoaderLimits

ITEMS = ["altering the content of a string", "changing text justification"]


def _bulleted_pdf(path: Path) -> Path:
    """ "The most common edits are" over ITEMS, each after a bullet in a Type 3 font whose
    one glyph (code 0, named a0) maps to no character."""
    lines = ["BT /F1 10 Tf 72 720 Td (The most common edits are) Tj ET"]
    for n, item in enumerate(ITEMS):
        y = 700 - 14 * n
        lines += [f"BT /F2 6 Tf 80 {y + 1} Td <00> Tj ET", f"BT /F1 10 Tf 90 {y} Td ({item}) Tj ET"]
    content = "\n".join(lines).encode()
    glyph = b"100 0 0 0 100 100 d1 50 50 m 0 0 l 100 0 l f"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 100 100]"
        b" /FontMatrix [0.01 0 0 0.01 0 0] /CharProcs << /a0 7 0 R >>"
        b" /Encoding << /Type /Encoding /Differences [0 /a0] >>"
        b" /FirstChar 0 /LastChar 0 /Widths [100] /Resources << >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(glyph), glyph),
    ]
    return write_pdf_objects(path, objects)


def test_the_page_text_keeps_one_character_for_each_glyph(tmp_path: Path) -> None:
    document = pdfium.PdfDocument(_bulleted_pdf(tmp_path / "howto.pdf"))
    textpage = document[0].get_textpage()
    assert len(textpage.get_text_range()) == textpage.count_chars() - len(ITEMS)  # the bug
    text = pdf_chars.page_text(textpage)
    assert len(text) == textpage.count_chars()
    assert text.count(pdf_chars.UNMAPPED) == len(ITEMS)
    textpage.close()
    document.close()


def test_a_glyph_without_a_character_opening_a_line_is_a_bullet(
    tmp_path: Path, limits: LoaderLimits
) -> None:
    text = "\n".join(b.text for b in pdf.load(_bulleted_pdf(tmp_path / "howto.pdf"), limits).blocks)
    assert all(f"• {item}" in text for item in ITEMS)
    assert pdf_chars.UNMAPPED not in text
