"""Render the PDF and DOCX documents of the Amberholt held-out corpus from samples/amberholt-src/.

samples/amberholt/ holds the staff and volunteer shared drive of an invented English museums
trust (Amberholt Museums Trust: a town museum, a historic mill house open March to October and
a collections store; about 55 paid staff and 160 volunteers), written blind in session 20 for
the held-out question set bench/answers/amberholt/. The Markdown, text and HTML documents are
edited directly in this folder; the sources of the PDF and DOCX documents live in
samples/amberholt-src/ (outside this folder, so ingesting samples/amberholt does not index
them twice) and are rendered here with the existing renderers where one fits:

- the pay, overtime and allowances guide is printed from HTML by headless Chromium with
  Fernhill's print_pdf, with Chromium's running header and footer and a 32-row pay scale
  table running over a page break;
- the opening and closing leaflet is drawn in two columns with Tollgate's reportlab renderer
  (running header, page numbers, a boxed WARNING callout, a key holder table);
- the schools programme timetable is one landscape reportlab page whose table is laid out in
  columns with no ruled lines at all (a bold header row, then plain rows), as printed rotas
  often are: the one thing here no earlier renderer draws, so `render_unruled` below does,
  reusing Tollgate's paragraph styles for everything but the table;
- DOCX files (the loans policy, the cash handling and till procedure and its superseded 2023
  version) reuse the Harbourview renderer (Markdown subset -> Title/Heading styles, List
  Bullet / List Number paragraphs, grid tables; fixed dates and zip timestamps).

Chromium's output is not byte-identical between runs, so the committed files are the ones
measured: re-run only to change a document, and commit the output.

Needs python-docx and reportlab (a scratch venv such as /tmp/saltvenv with both, and fpdf2
for the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/saltvenv/bin/python samples/amberholt/make_amberholt.py [OUT_DIR]
(default: samples/amberholt)
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "amberholt-src"
sys.path.insert(0, str(HERE.parent / "fernhill"))
sys.path.insert(0, str(HERE.parent / "tollgate"))
sys.path.insert(0, str(HERE.parent / "harbourview"))

import make_fernhill  # noqa: E402  (Chromium PDF printing)
import make_harbourview  # noqa: E402  (the Markdown subset parser)
import make_tollgate  # noqa: E402  (reportlab PDFs in one or more columns)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"pay-overtime-and-allowances-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "opening-and-closing-alone": (
        "Amberholt Museums Trust  |  Staff safety leaflet SS-3  |  October 2026",
        2,
    ),
}
# reportlab PDF whose tables have no rules: name -> its column widths in mm
UNRULED_PDFS = {"schools-programme-spring-2027": (24, 48, 38, 24, 34, 24, 32)}
DOCX_SOURCES = [
    "loans-policy",
    "cash-handling-and-till-procedure",
    "cash-handling-and-till-procedure-2023",
]


def render_unruled(name: str, widths_mm: tuple[int, ...], out: Path) -> None:
    """One landscape A4 page: headings and paragraphs as Tollgate draws them, and each table
    in plain columns, a bold header row and no lines between cells or rows."""
    blocks = make_harbourview.parse((SRC / f"{name}.md").read_text(encoding="utf-8"))
    title = make_harbourview.plain(next(b[2] for b in blocks if b[0] == "h"))
    page = landscape(A4)
    margin = 16 * mm
    story: list = []
    for b in blocks:
        if b[0] != "table":
            story += make_tollgate.flowables([b], page[0] - 2 * margin)
            continue
        head, *body = b[1]
        cells = [[Paragraph(f"<b>{make_tollgate.markup(c)}</b>", make_tollgate.CELL) for c in head]]
        cells += [[Paragraph(make_tollgate.markup(c), make_tollgate.CELL) for c in r] for r in body]
        table = Table(cells, colWidths=[w * mm for w in widths_mm])
        table.setStyle(
            TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
            ])
        )  # fmt: skip
        story += [table, Spacer(1, 8)]
    doc = SimpleDocTemplate(
        str(out / f"{name}.pdf"), pagesize=page, title=title, author="Amberholt Museums Trust",
        leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
    )  # fmt: skip
    doc.build(story)
    print("wrote", out / f"{name}.pdf")


def main(out: Path = HERE) -> None:
    org = "Amberholt Museums Trust"
    make_fernhill.render_set(SRC, CHROMIUM_PDFS, DOCX_SOURCES, org, out)
    make_tollgate.render_sources(SRC, REPORTLAB_PDFS, out)
    for name, widths in UNRULED_PDFS.items():
        render_unruled(name, widths, out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
