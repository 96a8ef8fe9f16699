"""Render the PDF and DOCX documents of the Kestrel held-out corpus from samples/kestrel-src/.

samples/kestrel/ holds the HR and staff policies of an invented housing association
(Kestrel Community Housing: offices, repairs operatives in vans, a Customer Hub on shifts,
sheltered-housing wardens on call), written blind in session 11 for the held-out question
set bench/answers/kestrel/. The Markdown, text and HTML documents are edited directly in
this folder; the sources of the PDF and DOCX documents live in samples/kestrel-src/
(outside this folder, so ingesting samples/kestrel does not index them twice) and are
rendered here with the existing renderers, not new ones:

- PDFs are printed from HTML by headless Chromium with Fernhill's print_pdf: the pay and
  allowances document with Chromium's own running header and footer (print date and title
  at the top, file URL and "n/m" page numbers at the bottom) and a pay-spine table that
  runs over a page break with its header row repeated; the wardens' lone working guidance
  in two CSS columns with a boxed callout.
- DOCX files reuse the Harbourview renderer (Markdown subset -> Title/Heading styles,
  List Bullet / List Number paragraphs, grid tables; fixed dates and zip timestamps).

Chromium's output is not byte-identical between runs, so the committed files are the ones
measured: re-run only to change a document, and commit the output.

Needs python-docx (any venv with the dev extras) and Chromium at /usr/bin/chromium:
    .venv/bin/python samples/kestrel/make_kestrel.py [OUT_DIR]   (default: samples/kestrel)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "kestrel-src"
sys.path.insert(0, str(HERE.parent / "fernhill"))

import make_fernhill  # noqa: E402  (Chromium PDF printing)

# PDF name -> print with Chromium's header and footer (date, title, URL, page n/m)?
PDF_SOURCES = {
    "pay-and-allowances-2026-27": True,
    "lone-working-and-on-call-guidance-wardens": False,
}
DOCX_SOURCES = [
    "sickness-absence-policy",
    "benefits-and-pensions-summary",
    "flexible-working-policy-2021",
]


def main(out: Path = HERE) -> None:
    make_fernhill.render_set(SRC, PDF_SOURCES, DOCX_SOURCES, "Kestrel Community Housing", out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
