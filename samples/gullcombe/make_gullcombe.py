"""Render the PDF and DOCX documents of the Gullcombe held-out corpus (samples/gullcombe-src/).

samples/gullcombe/ holds the staff shared drive of an invented English family-owned holiday
park on the Cornish coast (Gullcombe Sands Holiday Park, Coast Road, Gullcombe, owned by the
Trevena family as Trevena Leisure Ltd: static caravans and lodges for hire and for private
owners, a touring and camping field, the Lagoon indoor pool, the Clubhouse bar, the site shop
and the Chip Hut takeaway, housekeeping and maintenance teams, a slipway on Gullcombe Creek;
about 30 staff all year and about 90 in the season), written blind in session 39 for the
held-out question set bench/answers/gullcombe/. The Markdown, text and HTML documents are edited
directly in this folder; the sources of the PDF and DOCX documents live in
samples/gullcombe-src/ (outside this folder, so ingesting samples/gullcombe does not index them
twice) and are rendered here:

- the fire safety and caravan spacing sheet is drawn in one column with Tollgate's reportlab
  renderer;
- DOCX files reuse the Harbourview renderer (Markdown subset -> Title/Heading styles, grid
  tables; fixed dates and zip timestamps).

New in this set, drawn below: the slipway rules are a PDF whose structure lives only in its
outline (`render_outlined`): the section headings are set in the body's own type (the same
font and size as the paragraphs, not bold, on a line of their own), and each is an entry of
the document outline (PDF bookmarks, /Outlines with /First, /Next and /Dest), as a word
processor's "export bookmarks from headings" writes them when the author typed the headings as
plain paragraphs.

(The other two new structures of this set are edited by hand in samples/gullcombe/: the
seasonal staff welcome pack is Markdown with setext (underlined) headings and reference-style
links whose definitions, with titles, sit at the end of the file; the maintenance report is
plain text with CRLF line ends and a form feed between its printed pages.)

Every file is byte-identical between runs (reportlab's invariant mode; no Chromium PDF).

Needs python-docx and reportlab (a scratch venv such as /tmp/penvenv with both, and fpdf2 for
the Harbourview module's import):
    /tmp/penvenv/bin/python samples/gullcombe/make_gullcombe.py [OUT_DIR]
(default: samples/gullcombe)
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "gullcombe-src"
ORG = "Trevena Leisure Ltd"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

make_harbourview = make_dunmere.make_fernhill.make_harbourview

# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "fire-safety-and-caravan-spacing": ("Gullcombe Sands Holiday Park  |  HS-02 Issue 4", 1),
}
DOCX_SOURCES = [
    "chip-hut-food-hygiene-and-allergens",
    "site-vehicles-and-tractors-policy",
    "site-vehicles-and-tractors-policy-2023",
]
OUTLINED = "slipway-and-boat-launch-rules"


def render_outlined(out: Path) -> None:
    """The slipway rules on A4 pages, every line in 10-point Helvetica (the title too): the
    section headings look like short paragraphs, and only the PDF outline says they are
    headings (one bookmark per heading, at its line)."""
    blocks = make_harbourview.parse((SRC / f"{OUTLINED}.md").read_text(encoding="utf-8"))
    width_a4, height_a4 = A4
    left, right, top, bottom = 25 * mm, 25 * mm, 25 * mm, 22 * mm
    measure = width_a4 - left - right
    font, size, leading = "Helvetica", 10, 13.5
    c = canvas.Canvas(str(out / f"{OUTLINED}.pdf"), pagesize=A4, invariant=1)
    title = make_harbourview.plain(next(b[2] for b in blocks if b[0] == "h"))
    c.setTitle(title)
    c.setAuthor(ORG)
    y = height_a4 - top

    def room_for(height: float) -> None:
        """A new page when the next `height` points do not fit above the bottom margin."""
        nonlocal y
        if y - height < bottom:
            c.showPage()
            c.setFont(font, size)
            y = height_a4 - top

    c.setFont(font, size)
    marks = 0
    for block in blocks:
        kind = block[0]
        if kind == "h":
            text = make_harbourview.plain(block[2])
            room_for(4 * leading)
            y -= leading
            c.drawString(left, y, text)
            key = f"s{marks}"
            marks += 1
            c.bookmarkHorizontal(key, left, y + leading)
            c.addOutlineEntry(text, key, level=0 if block[1] == 1 else 1)
            y -= 4
            continue
        text = make_harbourview.plain(block[1] if kind == "p" else " ".join(map(str, block[1:])))
        for line in simpleSplit(text, font, size, measure):
            room_for(leading)
            y -= leading
            c.drawString(left, y, line)
        y -= 6
    c.showOutline()
    c.showPage()
    c.save()
    print("wrote", out / f"{OUTLINED}.pdf")


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(SRC, ORG, {}, DOCX_SOURCES, {}, REPORTLAB_PDFS, {}, out)
    render_outlined(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
