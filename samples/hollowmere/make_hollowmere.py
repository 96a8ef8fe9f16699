"""Render the PDF and DOCX documents of the Hollowmere held-out corpus from samples/hollowmere-src/.

samples/hollowmere/ holds the staff policies of an invented English district council
(Hollowmere District Council, about 650 staff: office staff, planning, environmental health and
housing officers at the Civic Centre, refuse and street-cleansing crews at Stonebridge Depot,
leisure centre staff, a Customer Contact Centre with evening shifts and a Democratic Services
team), written blind in session 17 for the held-out question set bench/answers/hollowmere/. The
Markdown, text and HTML documents are edited directly in this folder; the sources of the PDF and
DOCX documents live in samples/hollowmere-src/ (outside this folder, so ingesting
samples/hollowmere does not index them twice) and are rendered here with the existing
renderers, not new ones:

- the pay and allowances summary is printed from HTML by headless Chromium with Fernhill's
  print_pdf, with Chromium's running header and footer and a 42-row pay spine table running
  over a page break;
- the lone working and home visits leaflet is drawn in two columns with Tollgate's reportlab
  renderer (running header, page numbers, a boxed WARNING callout, a risk-level table);
- DOCX files (the code of conduct for employees, the driving at work and driver handbook and
  the superseded 2022 leave and absence policy) reuse the Harbourview renderer (Markdown
  subset -> Title/Heading styles, List Bullet / List Number paragraphs, grid tables; fixed
  dates and zip timestamps).

Chromium's output is not byte-identical between runs, so the committed files are the ones
measured: re-run only to change a document, and commit the output.

Needs python-docx and reportlab (a scratch venv such as /tmp/hollowvenv with both, and fpdf2
for the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/hollowvenv/bin/python samples/hollowmere/make_hollowmere.py [OUT_DIR]
(default: samples/hollowmere)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "hollowmere-src"
sys.path.insert(0, str(HERE.parent / "fernhill"))
sys.path.insert(0, str(HERE.parent / "tollgate"))

import make_fernhill  # noqa: E402  (Chromium PDF printing)
import make_tollgate  # noqa: E402  (reportlab PDFs in one or more columns)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"pay-and-allowances-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "lone-working-and-home-visits": (
        "Hollowmere District Council  |  Health and safety leaflet HS-6",
        2,
    ),
}
DOCX_SOURCES = [
    "code-of-conduct-for-employees",
    "driving-at-work-and-driver-handbook",
    "leave-and-absence-policy-2022",
]


def main(out: Path = HERE) -> None:
    org = "Hollowmere District Council"
    make_fernhill.render_set(SRC, CHROMIUM_PDFS, DOCX_SOURCES, org, out)
    make_tollgate.render_sources(SRC, REPORTLAB_PDFS, out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
