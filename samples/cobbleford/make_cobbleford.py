"""Render the PDF and DOCX documents of the Cobbleford held-out corpus from samples/cobbleford-src/.

samples/cobbleford/ holds the staff shared drive of an invented English primary school
(Cobbleford Church of England Primary School: voluntary aided, in a market town, about 320
pupils aged 4 to 11 in 11 classes and a nursery, about 45 staff, a governing body, a breakfast
and after-school club), written blind in session 22 for the held-out question set
bench/answers/cobbleford/. The Markdown, text and HTML documents are edited directly in this
folder; the sources of the PDF and DOCX documents live in samples/cobbleford-src/ (outside this
folder, so ingesting samples/cobbleford does not index them twice) and are rendered here with
the existing renderers:

- the first aid, allergies and medical needs guide is printed from HTML by headless Chromium
  with Fernhill's print_pdf, with Chromium's running header and footer and a 26-row table of
  first aiders running over a page break;
- the safeguarding, fire and lockdown leaflet for visitors and volunteers is drawn in two
  columns with Tollgate's reportlab renderer (running header, page numbers, a boxed WARNING
  callout, a lanyard table);
- the CPD budget is one reportlab page whose table has merged header cells and a bold totals
  row, drawn as Fellgate's budget summary is (`make_fellgate.spans` for the merged cells),
  with the header cells that have nothing below them also spanning both header rows;
- DOCX files (the staff absence policy and its superseded 2023 version, the administering
  medicines policy and the educational visits policy) reuse the Harbourview renderer
  (Markdown subset -> Title/Heading styles, List Bullet / List Number paragraphs, grid
  tables; fixed dates and zip timestamps).

Chromium's output is not byte-identical between runs, so the committed files are the ones
measured: re-run only to change a document, and commit the output.

Needs python-docx and reportlab (a scratch venv such as /tmp/saltvenv with both, and fpdf2
for the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/saltvenv/bin/python samples/cobbleford/make_cobbleford.py [OUT_DIR]
(default: samples/cobbleford)
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "cobbleford-src"
ORG = "Cobbleford CE Primary School"
for folder in ("fellgate", "fernhill", "tollgate", "harbourview"):
    sys.path.insert(0, str(HERE.parent / folder))

import make_fellgate  # noqa: E402  (merged header cells)
import make_fernhill  # noqa: E402  (Chromium PDF printing)
import make_harbourview  # noqa: E402  (the Markdown subset parser)
import make_tollgate  # noqa: E402  (reportlab PDFs in one or more columns)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"first-aid-allergies-and-medical-needs-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "safeguarding-fire-and-lockdown": (
        "Cobbleford CE Primary School  |  Visitor and volunteer leaflet V-1  |  September 2026",
        2,
    ),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"cpd-budget-2026-27": (44, 27, 21, 18, 16, 26, 22)}
DOCX_SOURCES = [
    "staff-absence-policy",
    "staff-absence-policy-2023",
    "administering-medicines-policy",
    "educational-visits-policy",
]


def header_spans(rows: list[list[str]]) -> list[tuple]:
    """Fellgate's spans, and each later first-row heading with an empty cell below it (and
    not itself spanning columns) spanning both header rows too."""
    out = make_fellgate.spans(rows)
    head, below = rows[0], rows[1]
    for c in range(1, len(head)):
        spans_columns = c + 1 < len(head) and not head[c + 1]
        if head[c] and not below[c] and not spans_columns:
            out.append(("SPAN", (c, 0), (c, 1)))
    return out


def render_spanning(name: str, widths_mm: tuple[int, ...], out: Path) -> None:
    """One portrait A4 page drawn as make_fellgate.render_spanning draws it: two bold header
    rows with merged cells, grey section rows, bold totals rows with a heavier rule above."""
    blocks = make_harbourview.parse((SRC / f"{name}.md").read_text(encoding="utf-8"))
    title = make_harbourview.plain(next(b[2] for b in blocks if b[0] == "h"))
    margin = 14 * mm
    story: list = []
    for b in blocks:
        if b[0] != "table":
            story += make_tollgate.flowables([b], A4[0] - 2 * margin)
            continue
        rows = b[1]
        cells = [
            [Paragraph(make_tollgate.markup(c), make_tollgate.CELL) for c in row] for row in rows
        ]
        for r in (0, 1):  # header rows in bold
            cells[r] = [
                Paragraph(f"<b>{make_tollgate.markup(c)}</b>", make_tollgate.CELL) for c in rows[r]
            ]
        style = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#dddddd")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            *header_spans(rows),
        ]
        for r, row in enumerate(rows[2:], 2):
            if row[0] and not any(row[1:]):
                style.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f0f0f0")))
            elif row[0].startswith("**"):
                style.append(("LINEABOVE", (0, r), (-1, r), 1.5, colors.black))
        table = Table(cells, colWidths=[w * mm for w in widths_mm])
        table.setStyle(TableStyle(style))
        story += [table, Spacer(1, 8)]
    doc = SimpleDocTemplate(
        str(out / f"{name}.pdf"), pagesize=A4, title=title, author=ORG,
        leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
    )  # fmt: skip
    doc.build(story)
    print("wrote", out / f"{name}.pdf")


def main(out: Path = HERE) -> None:
    make_fernhill.render_set(SRC, CHROMIUM_PDFS, DOCX_SOURCES, ORG, out)
    make_tollgate.render_sources(SRC, REPORTLAB_PDFS, out)
    for name, widths in SPANNING_PDFS.items():
        render_spanning(name, widths, out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
