"""Render the PDF and DOCX documents of the Saltmarsh held-out corpus from samples/saltmarsh-src/.

samples/saltmarsh/ holds the staff and postgraduate-research handbook of an invented English
university department (the School of Earth and Ocean Sciences of the University of Saltmarsh:
about 140 academics, research staff, technicians and professional services staff, about 90 PhD
students, laboratories, a rock-preparation workshop, two boats and fieldwork), written blind in
session 18 for the held-out question set bench/answers/saltmarsh/. The Markdown, text and HTML
documents are edited directly in this folder; the sources of the PDF and DOCX documents live in
samples/saltmarsh-src/ (outside this folder, so ingesting samples/saltmarsh does not index them
twice) and are rendered here with the existing renderers, not new ones:

- the fieldwork, travel and research rates are printed from HTML by headless Chromium with
  Fernhill's print_pdf, with Chromium's running header and footer and a 32-row overseas
  allowances table running over a page break;
- the boat operations safety leaflet is drawn in two columns with Tollgate's reportlab
  renderer (running header, page numbers, a boxed WARNING callout, a table of the boats);
- DOCX files (the fieldwork safety and approval policy, its superseded 2023 version and the
  research data management policy) reuse the Harbourview renderer (Markdown subset ->
  Title/Heading styles, List Bullet / List Number paragraphs, grid tables; fixed dates and zip
  timestamps).

Chromium's output is not byte-identical between runs, so the committed files are the ones
measured: re-run only to change a document, and commit the output.

Needs python-docx and reportlab (a scratch venv such as /tmp/saltvenv with both, and fpdf2
for the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/saltvenv/bin/python samples/saltmarsh/make_saltmarsh.py [OUT_DIR]
(default: samples/saltmarsh)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "saltmarsh-src"
sys.path.insert(0, str(HERE.parent / "fernhill"))
sys.path.insert(0, str(HERE.parent / "tollgate"))

import make_fernhill  # noqa: E402  (Chromium PDF printing)
import make_tollgate  # noqa: E402  (reportlab PDFs in one or more columns)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"fieldwork-travel-and-research-rates-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "boat-operations-safety-leaflet": (
        "University of Saltmarsh  |  SEOS Marine Operations  |  Safety leaflet SEOS-MO-2",
        2,
    ),
}
DOCX_SOURCES = [
    "fieldwork-safety-and-approval-policy",
    "fieldwork-safety-and-approval-policy-2023",
    "research-data-management-policy",
]


def main(out: Path = HERE) -> None:
    org = "University of Saltmarsh"
    make_fernhill.render_set(SRC, CHROMIUM_PDFS, DOCX_SOURCES, org, out)
    make_tollgate.render_sources(SRC, REPORTLAB_PDFS, out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
