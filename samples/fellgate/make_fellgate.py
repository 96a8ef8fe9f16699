"""Render the PDF and DOCX documents of the Fellgate held-out corpus from samples/fellgate-src/.

samples/fellgate/ holds the shared drive of an invented English housing co-operative
(Fellgate Housing Co-operative Ltd: a fully mutual co-op with 140 homes on three estates,
houses, flats and a sheltered block, about 300 members and tenants, 12 paid staff and a
volunteer management committee), written blind in session 21 for the held-out question set
bench/answers/fellgate/. The Markdown, text and HTML documents are edited directly in this
folder; the sources of the PDF and DOCX documents live in samples/fellgate-src/ (outside
this folder, so ingesting samples/fellgate does not index them twice) and are rendered here
with the existing renderers where one fits:

- the rent, service charges and repairs responsibilities guide is printed from HTML by
  headless Chromium with Fernhill's print_pdf, with Chromium's running header and footer,
  a 23-row rent table and a 29-row responsibilities table running over page breaks;
- the damp, mould and condensation leaflet is drawn in two columns with Tollgate's reportlab
  renderer (running header, page numbers, a boxed WARNING callout, an equipment table);
- the annual budget summary is one reportlab page whose table has merged header cells (a
  year spanning its Budget and Actual columns, the first column's heading spanning two
  header rows), section rows spanning the whole width and bold totals rows: the one thing
  here no earlier renderer draws, so `render_spanning` below does, reusing Tollgate's
  paragraph styles for everything but the table;
- DOCX files (the rent arrears policy and its superseded 2022 version, the anti-social
  behaviour policy and the allocations and lettings policy) reuse the Harbourview renderer
  (Markdown subset -> Title/Heading styles, List Bullet / List Number paragraphs, grid
  tables; fixed dates and zip timestamps).

Chromium's output is not byte-identical between runs, so the committed files are the ones
measured: re-run only to change a document, and commit the output.

Needs python-docx and reportlab (a scratch venv such as /tmp/saltvenv with both, and fpdf2
for the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/saltvenv/bin/python samples/fellgate/make_fellgate.py [OUT_DIR]
(default: samples/fellgate)
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "fellgate-src"
sys.path.insert(0, str(HERE.parent / "fernhill"))
sys.path.insert(0, str(HERE.parent / "tollgate"))
sys.path.insert(0, str(HERE.parent / "harbourview"))

import make_fernhill  # noqa: E402  (Chromium PDF printing)
import make_harbourview  # noqa: E402  (the Markdown subset parser)
import make_tollgate  # noqa: E402  (reportlab PDFs in one or more columns)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"rent-service-charges-and-repairs-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "damp-mould-and-condensation": (
        "Fellgate Housing Co-operative  |  Member leaflet M-3  |  November 2026",
        2,
    ),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"annual-budget-summary-2026-27": (66, 26, 26, 26, 30)}
DOCX_SOURCES = [
    "rent-arrears-policy",
    "rent-arrears-policy-2022",
    "anti-social-behaviour-policy",
    "allocations-and-lettings-policy",
]


def spans(rows: list[list[str]]) -> list[tuple]:
    """SPAN commands: in the first header row a cell followed by empty cells spans them; a
    first-column heading with an empty cell below it spans both header rows; a body row with
    only its first cell filled (a section heading) spans the whole width."""
    out: list[tuple] = []
    head = rows[0]
    for c, cell in enumerate(head):
        end = c
        while cell and end + 1 < len(head) and not head[end + 1]:
            end += 1
        if end > c:
            out.append(("SPAN", (c, 0), (end, 0)))
    if head[0] and not rows[1][0]:
        out.append(("SPAN", (0, 0), (0, 1)))
    for r, row in enumerate(rows[2:], 2):
        if row[0] and not any(row[1:]):
            out.append(("SPAN", (0, r), (-1, r)))
    return out


def render_spanning(
    name: str,
    widths_mm: tuple[int, ...],
    out: Path,
    *,
    src: Path = SRC,
    author: str = "Fellgate Housing Co-operative Ltd",
    margin_mm: int = 16,
    header_spans: Callable[[list[list[str]]], list[tuple]] = spans,
) -> None:
    """One portrait A4 page: headings and paragraphs as Tollgate draws them, and each table
    ruled, with two header rows whose cells are merged as `header_spans` says, grey section
    rows and bold totals rows (cells written **...**) with a heavier rule above. Other sets
    draw their budget pages with it (make_cobbleford)."""
    blocks = make_harbourview.parse((src / f"{name}.md").read_text(encoding="utf-8"))
    title = make_harbourview.plain(next(b[2] for b in blocks if b[0] == "h"))
    margin = margin_mm * mm
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
        str(out / f"{name}.pdf"), pagesize=A4, title=title, author=author,
        leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
    )  # fmt: skip
    doc.build(story)
    print("wrote", out / f"{name}.pdf")


def main(out: Path = HERE) -> None:
    org = "Fellgate Housing Co-operative Ltd"
    make_fernhill.render_set(SRC, CHROMIUM_PDFS, DOCX_SOURCES, org, out)
    make_tollgate.render_sources(SRC, REPORTLAB_PDFS, out)
    for name, widths in SPANNING_PDFS.items():
        render_spanning(name, widths, out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
