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

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "cobbleford-src"
ORG = "Cobbleford CE Primary School"
for folder in ("fellgate", "fernhill", "tollgate", "harbourview"):
    sys.path.insert(0, str(HERE.parent / folder))

import make_fellgate  # noqa: E402  (merged header cells)
import make_fernhill  # noqa: E402  (Chromium PDF printing)
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


def main(out: Path = HERE) -> None:
    make_fernhill.render_set(SRC, CHROMIUM_PDFS, DOCX_SOURCES, ORG, out)
    make_tollgate.render_sources(SRC, REPORTLAB_PDFS, out)
    for name, widths in SPANNING_PDFS.items():
        make_fellgate.render_spanning(
            name, widths, out, src=SRC, author=ORG, margin_mm=14, header_spans=header_spans
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
