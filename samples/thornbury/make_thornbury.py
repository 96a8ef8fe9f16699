"""Render the PDF and DOCX documents of the Thornbury held-out corpus from samples/thornbury-src/.

samples/thornbury/ holds the staff policies of an invented English multi-academy trust
(Thornbury Learning Trust: five primary schools, two secondary schools, a special school and a
small central team, about 900 staff: teachers, ECTs, teaching assistants, SENCOs, cover
supervisors, exam invigilators, site staff, midday supervisors and office staff), written blind
in session 16 for the held-out question set bench/answers/thornbury/. The Markdown, text and
HTML documents are edited directly in this folder; the sources of the PDF and DOCX documents
live in samples/thornbury-src/ (outside this folder, so ingesting samples/thornbury does not
index them twice) and are rendered here with the existing renderers, not new ones:

- the pay and allowances summary is printed from HTML by headless Chromium with Fernhill's
  print_pdf, with Chromium's running header and footer and a 31-row support staff pay spine
  table running over a page break;
- the lone working, first aid and medicines leaflet is drawn in two columns with Tollgate's
  reportlab renderer (running header, page numbers);
- DOCX files (the safeguarding and child protection policy, the conduct, grievance and
  whistleblowing policy and the superseded 2021 family leave policy) reuse the Harbourview
  renderer (Markdown subset -> Title/Heading styles, List Bullet / List Number paragraphs, grid
  tables; fixed dates and zip timestamps).

Chromium's output is not byte-identical between runs, so the committed files are the ones
measured: re-run only to change a document, and commit the output.

Needs python-docx and reportlab (a scratch venv such as /tmp/thornvenv with both, and fpdf2
for the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/thornvenv/bin/python samples/thornbury/make_thornbury.py [OUT_DIR]
(default: samples/thornbury)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "thornbury-src"
sys.path.insert(0, str(HERE.parent / "fernhill"))
sys.path.insert(0, str(HERE.parent / "tollgate"))

import make_fernhill  # noqa: E402  (Chromium PDF printing)
import make_tollgate  # noqa: E402  (reportlab PDFs in one or more columns)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"pay-and-allowances-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "lone-working-first-aid-and-medicines": (
        "Thornbury Learning Trust  |  Health and safety leaflet HS-4",
        2,
    ),
}
DOCX_SOURCES = [
    "safeguarding-and-child-protection-policy",
    "conduct-grievance-and-whistleblowing",
    "family-leave-policy-2021",
]


def main(out: Path = HERE) -> None:
    org = "Thornbury Learning Trust"
    make_fernhill.render_set(SRC, CHROMIUM_PDFS, DOCX_SOURCES, org, out)
    make_tollgate.render_sources(SRC, REPORTLAB_PDFS, out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
