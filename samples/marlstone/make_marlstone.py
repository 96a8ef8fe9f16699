"""Render the PDF and DOCX documents of the Marlstone held-out corpus from samples/marlstone-src/.

samples/marlstone/ holds the staff and volunteer shared drive of an invented English community
arts centre (Marlstone Arts Centre, in the old Corn Exchange on Quarry Street in Marlstone: a
320-seat Main House, an 80-seat Studio, the 64-seat Kiln Cinema, the Long Gallery, the Quarry
Bar, the Ruskin Room and a Dance Studio; 31 paid staff and about 140 volunteers: ushers,
front-of-house supervisors, bar volunteers, gallery stewards, a box office, technicians, a
small management team and trustees), written blind in session 27 for the held-out question set
bench/answers/marlstone/. The Markdown, text and HTML documents are edited directly in this
folder; the sources of the PDF and DOCX documents live in samples/marlstone-src/ (outside this
folder, so ingesting samples/marlstone does not index them twice) and are rendered here with
the existing renderers:

- the hire rates and technical specification 2026-27 are printed from HTML by headless
  Chromium with Fernhill's print_pdf, with Chromium's running header and footer and the Main
  House technical specification running over a page break;
- the front-of-house emergency procedures leaflet is drawn in two columns with Tollgate's
  reportlab renderer (running header, page numbers, a boxed WARNING callout, an assembly
  points table);
- the operating budget 2026-27 is one reportlab page whose table has merged header cells (the
  four quarters under one heading), full-width section rows and a bold totals row, drawn with
  Fellgate's `render_spanning` and Cobbleford's `header_spans`;
- DOCX files (the safeguarding and child performers policy and its superseded 2023 version,
  and the bar licensing procedure) reuse the Harbourview renderer (Markdown subset ->
  Title/Heading styles, List Bullet / List Number paragraphs, grid tables; fixed dates and zip
  timestamps). The 2026 safeguarding policy then gets a page header and footer and a table of
  contents (a TOC field with cached "TOC 1" entries) from Dunmere's
  `add_header_footer_and_toc`.

Chromium's output is not byte-identical between runs, so the committed hire rates PDF is the
one measured: re-run only to change a document, and commit the output. The reportlab and DOCX
files are byte-identical between runs.

Needs python-docx and reportlab (a scratch venv such as /tmp/corrvenv with both, and fpdf2
for the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/corrvenv/bin/python samples/marlstone/make_marlstone.py [OUT_DIR]
(default: samples/marlstone)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "marlstone-src"
ORG = "Marlstone Arts Centre"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"hire-rates-and-technical-specification-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "emergency-procedures-front-of-house": (
        "Marlstone Arts Centre  |  Leaflet FOH-E2  |  October 2026",
        2,
    ),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"operating-budget-2026-27": (62, 34, 17, 17, 17, 17, 22)}
DOCX_SOURCES = [
    "safeguarding-and-child-performers-policy",
    "safeguarding-and-child-performers-policy-2023",
    "bar-licensing-procedure",
]
# DOCX name -> (page header, page footer); these also get a table of contents
HEADED_DOCX = {
    "safeguarding-and-child-performers-policy": (
        "Marlstone Arts Centre  |  Safeguarding Policy  |  MAC/SG/01 version 3",
        "Uncontrolled when printed. Check the shared drive for the current version.",
    ),
}


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(
        SRC, ORG, CHROMIUM_PDFS, DOCX_SOURCES, HEADED_DOCX, REPORTLAB_PDFS, SPANNING_PDFS, out
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
