"""Render the PDF and DOCX documents of the Wexcombe held-out corpus from samples/wexcombe-src/.

samples/wexcombe/ holds the staff shared drive of an invented English public library service
(Wexcombe Libraries, the library and local studies service of Wexcombe District Council: a
Central Library with a Local Studies Archive and a Makerspace, seven branch libraries, three of
them one-person branches, a mobile library and a volunteer Home Library Service; about 85 staff
and 150 volunteers), written blind in session 25 for the held-out question set
bench/answers/wexcombe/. The Markdown, text and HTML documents are edited directly in this
folder; the sources of the PDF and DOCX documents live in samples/wexcombe-src/ (outside this
folder, so ingesting samples/wexcombe does not index them twice) and are rendered here with the
existing renderers:

- the fees and charges schedule 2026-27 is printed from HTML by headless Chromium with
  Fernhill's print_pdf, with Chromium's running header and footer and tables running over a
  page break;
- the building emergencies leaflet is drawn in two columns with Tollgate's reportlab renderer
  (running header, page numbers, a boxed WARNING callout, an assembly points table);
- the book fund 2026-27 is one reportlab page whose table has merged header cells (the stock
  categories under one heading), full-width section rows and a bold totals row, drawn with
  Fellgate's `render_spanning` and Cobbleford's `header_spans`;
- DOCX files (the lone working policy and its superseded 2023 version, and the cash handling
  procedure) reuse the Harbourview renderer (Markdown subset -> Title/Heading styles, List
  Bullet / List Number paragraphs, grid tables; fixed dates and zip timestamps). The 2026 lone
  working policy then gets a page header and footer and a table of contents (a TOC field with
  cached "TOC 1" entries) from Dunmere's `add_header_footer_and_toc`.

Chromium's output is not byte-identical between runs, so the committed fees PDF is the one
measured: re-run only to change a document, and commit the output. The reportlab and DOCX
files are byte-identical between runs.

Needs python-docx and reportlab (a scratch venv such as /tmp/saltvenv with both, and fpdf2
for the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/saltvenv/bin/python samples/wexcombe/make_wexcombe.py [OUT_DIR]
(default: samples/wexcombe)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "wexcombe-src"
ORG = "Wexcombe District Council"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"fees-and-charges-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "building-emergencies": (
        "Wexcombe Libraries  |  Staff leaflet LIB-H3  |  October 2026",
        2,
    ),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"book-fund-2026-27": (44, 30, 21, 23, 21, 19, 24)}
DOCX_SOURCES = ["lone-working-policy", "lone-working-policy-2023", "cash-handling-procedure"]
# DOCX name -> (page header, page footer); these also get a table of contents
HEADED_DOCX = {
    "lone-working-policy": (
        "Wexcombe Libraries  |  Lone Working Policy  |  WL/HS/07 version 3",
        "Printed copies are not controlled. The current version is on the intranet.",
    ),
}


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(
        SRC, ORG, CHROMIUM_PDFS, DOCX_SOURCES, HEADED_DOCX, REPORTLAB_PDFS, SPANNING_PDFS, out
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
