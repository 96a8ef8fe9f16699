"""Render the PDF and DOCX documents of the Oakhurst held-out corpus from samples/oakhurst-src/.

samples/oakhurst/ holds the staff and clinical policies of an invented UK group of veterinary
practices (Oakhurst Veterinary Group: nine small-animal practices, a 24-hour Emergency and
Referral Hospital at Brindle Park and an Equine Clinic at Tarrow Farm, about 320 staff: vets,
RVNs, student nurses, client care, kennel assistants, practice managers and a head office),
written blind in session 15 for the held-out question set bench/answers/oakhurst/. The Markdown,
text and HTML documents are edited directly in this folder; the sources of the PDF and DOCX
documents live in samples/oakhurst-src/ (outside this folder, so ingesting samples/oakhurst
does not index them twice) and are rendered here with the existing renderers, not new ones:

- the pay, on-call and allowances summary is printed from HTML by headless Chromium with
  Fernhill's print_pdf, with Chromium's running header and footer and a 29-row salary-scale
  table running over a page break;
- the staff safety leaflet (needlesticks, zoonoses, vaccinations, incident reporting) is drawn
  in two columns with Tollgate's reportlab renderer (running header, page numbers);
- DOCX files (the controlled drugs policy and the superseded 2023 leave and absence policy)
  reuse the Harbourview renderer (Markdown subset -> Title/Heading styles, List Bullet /
  List Number paragraphs, grid tables; fixed dates and zip timestamps).

Chromium's output is not byte-identical between runs, so the committed files are the ones
measured: re-run only to change a document, and commit the output.

Needs python-docx and reportlab (a scratch venv such as /tmp/oakvenv with both, and fpdf2
for the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/oakvenv/bin/python samples/oakhurst/make_oakhurst.py [OUT_DIR]  (default: samples/oakhurst)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "oakhurst-src"
sys.path.insert(0, str(HERE.parent / "fernhill"))
sys.path.insert(0, str(HERE.parent / "tollgate"))

import make_fernhill  # noqa: E402  (Chromium PDF printing)
import make_tollgate  # noqa: E402  (reportlab PDFs in one or more columns)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"pay-on-call-and-allowances-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "staying-safe-at-work": ("Oakhurst Veterinary Group  |  Staff safety leaflet SL-2", 2),
}
DOCX_SOURCES = ["controlled-drugs-policy", "leave-and-absence-policy-2023"]


def main(out: Path = HERE) -> None:
    org = "Oakhurst Veterinary Group"
    make_fernhill.render_set(SRC, CHROMIUM_PDFS, DOCX_SOURCES, org, out)
    make_tollgate.render_sources(SRC, REPORTLAB_PDFS, out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
