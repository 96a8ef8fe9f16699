"""Render the PDF and DOCX documents of the Ashgrove held-out corpus from samples/ashgrove-src/.

samples/ashgrove/ holds the staff policies of an invented multi-academy trust of five
schools (Ashgrove Learning Trust: teachers on term-time conditions, teaching assistants,
catering and site staff, a small Trust Office), written blind in session 12 for the
held-out question set bench/answers/ashgrove/. The Markdown, text and HTML documents are
edited directly in this folder; the sources of the PDF and DOCX documents live in
samples/ashgrove-src/ (outside this folder, so ingesting samples/ashgrove does not index
them twice) and are rendered here with the existing renderers, not new ones:

- PDFs are printed from HTML by headless Chromium with Fernhill's print_pdf: the pay and
  conditions summary with Chromium's own running header and footer (print date and title
  at the top, file URL and "n/m" page numbers at the bottom) and a support staff pay-spine
  table that runs over a page break with its header row repeated; the trips and off-site
  visits policy in two CSS columns with a boxed callout and a ratios table.
- DOCX files reuse the Harbourview renderer (Markdown subset -> Title/Heading styles,
  List Bullet / List Number paragraphs, grid tables; fixed dates and zip timestamps).

Chromium's output is not byte-identical between runs, so the committed files are the ones
measured: re-run only to change a document, and commit the output.

Needs python-docx (any venv with the dev extras) and Chromium at /usr/bin/chromium:
    .venv/bin/python samples/ashgrove/make_ashgrove.py [OUT_DIR]   (default: samples/ashgrove)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "ashgrove-src"
sys.path.insert(0, str(HERE.parent / "fernhill"))

import make_fernhill  # noqa: E402  (Chromium PDF printing)

# PDF name -> print with Chromium's header and footer (date, title, URL, page n/m)?
PDF_SOURCES = {
    "pay-and-conditions-2026-27": True,
    "school-trips-and-off-site-visits": False,
}
DOCX_SOURCES = [
    "staff-absence-and-cover-policy",
    "data-protection-and-it-acceptable-use",
    "flexible-working-policy-2020",
]


def main(out: Path = HERE) -> None:
    make_fernhill.render_set(SRC, PDF_SOURCES, DOCX_SOURCES, "Ashgrove Learning Trust", out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
