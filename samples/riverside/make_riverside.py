"""Render the PDF and DOCX documents of the Riverside held-out corpus from samples/riverside-src/.

samples/riverside/ holds the staff and volunteer policies of an invented UK charity
(Riverside Community Food Trust: three food banks, a community kitchen and a delivery van
service, about 40 paid staff and 300 volunteers), written blind at the end of session 12
for the held-out question set bench/answers/riverside/. The Markdown, text and HTML
documents are edited directly in this folder; the sources of the PDF and DOCX documents
live in samples/riverside-src/ (outside this folder, so ingesting samples/riverside does not
index them twice) and are rendered here with the existing renderers, not new ones:

- the pay, expenses and allowances summary is printed from HTML by headless Chromium with
  Fernhill's print_pdf, with Chromium's running header and footer and a 30-row pay-spine
  table running over a page break;
- the food safety and allergen sheet is drawn in two columns with Tollgate's reportlab
  renderer (running header, page numbers);
- DOCX files reuse the Harbourview renderer (Markdown subset -> Title/Heading styles,
  List Bullet / List Number paragraphs, grid tables; fixed dates and zip timestamps).

Chromium's output is not byte-identical between runs, so the committed files are the ones
measured: re-run only to change a document, and commit the output.

Needs python-docx and reportlab (any venv with the dev extras) and Chromium at
/usr/bin/chromium:
    .venv/bin/python samples/riverside/make_riverside.py [OUT_DIR]   (default: samples/riverside)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "riverside-src"
sys.path.insert(0, str(HERE.parent / "fernhill"))
sys.path.insert(0, str(HERE.parent / "tollgate"))

import make_fernhill  # noqa: E402  (Chromium PDF printing)
import make_tollgate  # noqa: E402  (reportlab PDFs in one or more columns)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"pay-expenses-and-allowances-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "food-safety-and-allergens": ("Riverside Community Food Trust  |  Food safety sheet FS-1", 2),
}
DOCX_SOURCES = [
    "van-drivers-policy",
    "data-protection-and-client-records",
    "annual-leave-toil-and-sickness-2022",
]


def main(out: Path = HERE) -> None:
    org = "Riverside Community Food Trust"
    make_fernhill.render_set(SRC, CHROMIUM_PDFS, DOCX_SOURCES, org, out)
    make_tollgate.render_sources(SRC, REPORTLAB_PDFS, out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
