"""Render the PDF and DOCX documents of the Corrington held-out corpus from samples/corrington-src/.

samples/corrington/ holds the staff and volunteer shared drive of an invented English community
transport charity (Corrington Community Transport: a Dial-a-Ride minibus service, a Volunteer
Car Scheme, group hire of accessible minibuses under section 19 permits and a Hospital Shuttle
to Redmarsh General Hospital, run from a depot on Wharf Road with nine minibuses; about 24 paid
staff and about 70 volunteers: drivers, passenger assistants, a bookings office, a small
management team and trustees), written blind in session 26 for the held-out question set
bench/answers/corrington/. The Markdown, text and HTML documents are edited directly in this
folder; the sources of the PDF and DOCX documents live in samples/corrington-src/ (outside this
folder, so ingesting samples/corrington does not index them twice) and are rendered here with
the existing renderers:

- the fares and charges 2026-27 are printed from HTML by headless Chromium with Fernhill's
  print_pdf, with Chromium's running header and footer and the group hire tables running over
  a page break;
- the breakdowns and accidents cab leaflet is drawn in two columns with Tollgate's reportlab
  renderer (running header, page numbers, a boxed WARNING callout, a who-to-ring table);
- the fleet and driving costs budget 2026-27 is one reportlab page whose table has merged
  header cells (the four quarters under one heading), full-width section rows and a bold
  totals row, drawn with Fellgate's `render_spanning` and Cobbleford's `header_spans`;
- DOCX files (the minibus driver policy and its superseded 2023 version, and the safeguarding
  and lone working procedure) reuse the Harbourview renderer (Markdown subset -> Title/Heading
  styles, List Bullet / List Number paragraphs, grid tables; fixed dates and zip timestamps).
  The 2026 minibus driver policy then gets a page header and footer and a table of contents (a
  TOC field with cached "TOC 1" entries) from Dunmere's `add_header_footer_and_toc`.

Chromium's output is not byte-identical between runs, so the committed fares PDF is the one
measured: re-run only to change a document, and commit the output. The reportlab and DOCX
files are byte-identical between runs.

Needs python-docx and reportlab (a scratch venv such as /tmp/corrvenv with both, and fpdf2
for the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/corrvenv/bin/python samples/corrington/make_corrington.py [OUT_DIR]
(default: samples/corrington)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "corrington-src"
ORG = "Corrington Community Transport"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"fares-and-charges-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "breakdowns-and-accidents": (
        "Corrington Community Transport  |  Cab leaflet CCT-D4  |  August 2026",
        2,
    ),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"fleet-budget-2026-27": (52, 28, 19, 19, 19, 19, 26)}
DOCX_SOURCES = [
    "minibus-driver-policy",
    "minibus-driver-policy-2023",
    "safeguarding-and-lone-working-procedure",
]
# DOCX name -> (page header, page footer); these also get a table of contents
HEADED_DOCX = {
    "minibus-driver-policy": (
        "Corrington Community Transport  |  Minibus Driver Policy  |  CCT/OPS/02 version 4",
        "Uncontrolled when printed. Check the shared drive for the current version.",
    ),
}


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(
        SRC, ORG, CHROMIUM_PDFS, DOCX_SOURCES, HEADED_DOCX, REPORTLAB_PDFS, SPANNING_PDFS, out
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
