"""Render the PDF and DOCX documents of the Kingsmere held-out corpus from samples/kingsmere-src/.

samples/kingsmere/ holds the staff handbook and shared drive of an invented English NHS general
practice (Kingsmere Medical Practice: two sites, about 45 staff: GP partners and salaried GPs,
practice nurses, healthcare assistants, a clinical pharmacist, receptionists and care
navigators, secretaries, admin staff and the practice manager), written blind in session 19 for
the held-out question set bench/answers/kingsmere/. The Markdown, text and HTML documents are
edited directly in this folder; the sources of the PDF and DOCX documents live in
samples/kingsmere-src/ (outside this folder, so ingesting samples/kingsmere does not index them
twice) and are rendered here with the existing renderers, not new ones:

- the pay, hours and rota guide is printed from HTML by headless Chromium with Fernhill's
  print_pdf, with Chromium's running header and footer and a 36-row pay scale table running
  over a page break;
- the lone working and home visits leaflet is drawn in two columns with Tollgate's reportlab
  renderer (running header, page numbers, a boxed WARNING callout, a risk-level table);
- DOCX files (the sickness absence policy, its superseded 2023 version, the CPD, study leave
  and appraisal policy and the chaperone policy) reuse the Harbourview renderer (Markdown
  subset -> Title/Heading styles, List Bullet / List Number paragraphs, grid tables; fixed
  dates and zip timestamps).

Chromium's output is not byte-identical between runs, so the committed files are the ones
measured: re-run only to change a document, and commit the output.

Needs python-docx and reportlab (a scratch venv such as /tmp/saltvenv with both, and fpdf2
for the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/saltvenv/bin/python samples/kingsmere/make_kingsmere.py [OUT_DIR]
(default: samples/kingsmere)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "kingsmere-src"
sys.path.insert(0, str(HERE.parent / "fernhill"))
sys.path.insert(0, str(HERE.parent / "tollgate"))

import make_fernhill  # noqa: E402  (Chromium PDF printing)
import make_tollgate  # noqa: E402  (reportlab PDFs in one or more columns)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"pay-hours-and-rota-guide-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "lone-working-and-home-visits": (
        "Kingsmere Medical Practice  |  Staff safety leaflet LW-1  |  November 2026",
        2,
    ),
}
DOCX_SOURCES = [
    "sickness-absence-policy",
    "sickness-absence-policy-2023",
    "cpd-study-leave-and-appraisal-policy",
    "chaperone-policy",
]


def main(out: Path = HERE) -> None:
    org = "Kingsmere Medical Practice"
    make_fernhill.render_set(SRC, CHROMIUM_PDFS, DOCX_SOURCES, org, out)
    make_tollgate.render_sources(SRC, REPORTLAB_PDFS, out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
