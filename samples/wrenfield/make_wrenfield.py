"""Render the PDF and DOCX documents of the Wrenfield held-out corpus from samples/wrenfield-src/.

samples/wrenfield/ holds the staff and operating policies of an invented UK bus operator
(Wrenfield Buses: about 180 buses and 650 staff: drivers on shifts out of three depots,
Tanners Lane, Quarry Hill and Eastbrook, engineers and cleaners in the workshops, controllers
in a 24-hour control room, ticket inspectors and a small head office), written blind in
session 14 for the held-out question set bench/answers/wrenfield/. The Markdown, text and HTML
documents are edited directly in this folder; the sources of the PDF and DOCX documents live in
samples/wrenfield-src/ (outside this folder, so ingesting samples/wrenfield does not index them
twice) and are rendered here with the existing renderers, not new ones:

- the pay, shift premiums and allowances summary is printed from HTML by headless Chromium
  with Fernhill's print_pdf, with Chromium's running header and footer and a 30-row table of
  basic hourly rates running over a page break;
- the assaults and body-worn cameras leaflet is drawn in two columns with Tollgate's reportlab
  renderer (running header, page numbers);
- DOCX files reuse the Harbourview renderer (Markdown subset -> Title/Heading styles,
  List Bullet / List Number paragraphs, grid tables; fixed dates and zip timestamps).

Chromium's output is not byte-identical between runs, so the committed files are the ones
measured: re-run only to change a document, and commit the output.

Needs python-docx and reportlab (any venv with the dev extras, or a scratch venv such as
/tmp/wrvenv with both) and Chromium at /usr/bin/chromium:
    .venv/bin/python samples/wrenfield/make_wrenfield.py [OUT_DIR]   (default: samples/wrenfield)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "wrenfield-src"
sys.path.insert(0, str(HERE.parent / "fernhill"))
sys.path.insert(0, str(HERE.parent / "tollgate"))

import make_fernhill  # noqa: E402  (Chromium PDF printing)
import make_tollgate  # noqa: E402  (reportlab PDFs in one or more columns)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"pay-shift-premiums-and-allowances-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "assaults-and-body-worn-cameras": ("Wrenfield Buses  |  Safety leaflet SL-4  |  Cab pack", 2),
}
DOCX_SOURCES = [
    "drivers-hours-and-fatigue-policy",
    "drug-and-alcohol-policy",
    "attendance-and-leave-policy-2022",
]


def main(out: Path = HERE) -> None:
    org = "Wrenfield Buses"
    make_fernhill.render_set(SRC, CHROMIUM_PDFS, DOCX_SOURCES, org, out)
    make_tollgate.render_sources(SRC, REPORTLAB_PDFS, out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
