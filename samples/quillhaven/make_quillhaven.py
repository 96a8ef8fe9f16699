"""Render the PDF and DOCX documents of the Quillhaven held-out corpus from samples/quillhaven-src/.

samples/quillhaven/ holds the staff shared drive of an invented small English hotel group
(Quillhaven Hotels: The Anchorage at Porthvennor, 58 bedrooms with the Tidewater Spa; Lantern
House at Mardle Bay, 34 bedrooms with the Orangery for weddings; The Old Customs House at Skelby,
46 bedrooms with the Bonded Store for events; a restaurant and bar in each, and a head office at
3 Ropewalk, Porthvennor; front desk, housekeeping, kitchen, restaurant and bar, spa, maintenance,
seasonal and agency staff), written blind in session 28 for the held-out question set
bench/answers/quillhaven/. The Markdown, text and HTML documents are edited directly in this
folder; the sources of the PDF and DOCX documents live in samples/quillhaven-src/ (outside this
folder, so ingesting samples/quillhaven does not index them twice) and are rendered here with
the existing renderers:

- the housekeeping standards and cleaning schedule are printed from HTML by headless Chromium
  with Fernhill's print_pdf, with Chromium's running header and footer and the cleaning
  schedule table running over a page break;
- the fire and evacuation leaflet is drawn in two columns with Tollgate's reportlab renderer
  (running header, page numbers, a boxed WARNING callout, an assembly points table);
- the Tidewater Spa treatment menu and contraindications is one reportlab page whose table has
  merged header cells (the two prices under one heading), full-width section rows, drawn with
  Fellgate's `render_spanning` and Cobbleford's `header_spans`;
- DOCX files (the guest complaints and compensation policy and its superseded 2024 version, and
  the cash handling and key card procedure) reuse the Harbourview renderer (Markdown subset ->
  Title/Heading styles, List Bullet / List Number paragraphs, grid tables; fixed dates and zip
  timestamps). The 2026 complaints policy then gets a page header and footer and a table of
  contents (a TOC field with cached "TOC 1" entries) from Dunmere's `add_header_footer_and_toc`.

Chromium's output is not byte-identical between runs, so the committed housekeeping PDF is the
one measured: re-run only to change a document, and commit the output. The reportlab and DOCX
files are byte-identical between runs.

Needs python-docx and reportlab (a scratch venv such as /tmp/corrvenv with both, and fpdf2
for the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/corrvenv/bin/python samples/quillhaven/make_quillhaven.py [OUT_DIR]
(default: samples/quillhaven)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "quillhaven-src"
ORG = "Quillhaven Hotels"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"housekeeping-standards-and-cleaning-schedule": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "fire-and-evacuation-procedure": (
        "Quillhaven Hotels  |  Leaflet QH-F1  |  September 2026",
        2,
    ),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"spa-treatments-and-contraindications": (52, 17, 22, 22, 69)}
DOCX_SOURCES = [
    "guest-complaints-and-compensation-policy",
    "guest-complaints-and-compensation-policy-2024",
    "cash-handling-and-key-card-procedure",
]
# DOCX name -> (page header, page footer); these also get a table of contents
HEADED_DOCX = {
    "guest-complaints-and-compensation-policy": (
        "Quillhaven Hotels  |  Guest Complaints and Compensation  |  QH/OPS/05 version 3",
        "Uncontrolled when printed. Check the shared drive for the current version.",
    ),
}


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(
        SRC, ORG, CHROMIUM_PDFS, DOCX_SOURCES, HEADED_DOCX, REPORTLAB_PDFS, SPANNING_PDFS, out
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
