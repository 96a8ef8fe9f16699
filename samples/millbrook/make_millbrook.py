"""Render the PDF and DOCX documents of the Millbrook held-out corpus from samples/millbrook-src/.

samples/millbrook/ holds the staff and operating policies of an invented UK housing
association (Millbrook Homes: about 6,000 homes and 220 staff: housing officers, an in-house
repairs team with vans, a customer contact centre, a small head office and an out-of-hours
on-call rota), written blind in session 13 for the held-out question set
bench/answers/millbrook/. The Markdown, text and HTML documents are edited directly in this
folder; the sources of the PDF and DOCX documents live in samples/millbrook-src/ (outside this
folder, so ingesting samples/millbrook does not index them twice) and are rendered here with
the existing renderers, not new ones:

- the pay and allowances summary is printed from HTML by headless Chromium with Fernhill's
  print_pdf, with Chromium's running header and footer and a 30-row pay-spine table running
  over a page break;
- the health and safety leaflet is drawn in two columns with Tollgate's reportlab renderer
  (running header, page numbers);
- DOCX files reuse the Harbourview renderer (Markdown subset -> Title/Heading styles,
  List Bullet / List Number paragraphs, grid tables; fixed dates and zip timestamps).

Chromium's output is not byte-identical between runs, so the committed files are the ones
measured: re-run only to change a document, and commit the output.

Needs python-docx and reportlab (any venv with the dev extras) and Chromium at
/usr/bin/chromium:
    .venv/bin/python samples/millbrook/make_millbrook.py [OUT_DIR]   (default: samples/millbrook)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "millbrook-src"
sys.path.insert(0, str(HERE.parent / "fernhill"))
sys.path.insert(0, str(HERE.parent / "tollgate"))

import make_fernhill  # noqa: E402  (Chromium PDF printing)
import make_tollgate  # noqa: E402  (reportlab PDFs in one or more columns)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"pay-and-allowances-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "health-and-safety-essentials": ("Millbrook Homes  |  Leaflet HS-5  |  Keep in your van", 2),
}
DOCX_SOURCES = [
    "data-protection-policy",
    "vehicle-and-van-policy",
    "annual-leave-and-sickness-policy-2023",
]


def main(out: Path = HERE) -> None:
    org = "Millbrook Homes"
    make_fernhill.render_set(SRC, CHROMIUM_PDFS, DOCX_SOURCES, org, out)
    make_tollgate.render_sources(SRC, REPORTLAB_PDFS, out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
