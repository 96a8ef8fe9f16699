"""Render the PDF and DOCX documents of the Pennock held-out corpus from samples/pennock-src/.

samples/pennock/ holds the staff shared drive of an invented English GP practice (Pennock Vale
Surgery: a partnership of five GP partners in a small town, with a branch surgery and a
dispensary in a nearby village, about 11,500 registered patients and about 40 staff, in a
primary care network under an integrated care board), written blind in session 23 for the
held-out question set bench/answers/pennock/. The Markdown, text and HTML documents are edited
directly in this folder; the sources of the PDF and DOCX documents live in
samples/pennock-src/ (outside this folder, so ingesting samples/pennock does not index them
twice) and are rendered here with the existing renderers:

- the mandatory training, appraisal and revalidation guide is printed from HTML by headless
  Chromium with Fernhill's print_pdf, with Chromium's running header and footer and a 30-row
  training matrix running over a page break;
- the "Emergencies at work" staff leaflet is drawn in two columns with Tollgate's reportlab
  renderer (running header, page numbers, a boxed WARNING callout, a fire wardens table);
- the training budget is one reportlab page whose table has merged header cells (a budget over
  three columns), full-width section rows and a bold totals row, drawn with Fellgate's
  `render_spanning` and Cobbleford's `header_spans`;
- DOCX files (the sickness absence policy and its superseded 2023 version, and the chaperone
  policy) reuse the Harbourview renderer (Markdown subset -> Title/Heading styles, List
  Bullet / List Number paragraphs, grid tables; fixed dates and zip timestamps).

Chromium's output is not byte-identical between runs, so the committed files are the ones
measured: re-run only to change a document, and commit the output. The reportlab and DOCX
files are byte-identical between runs.

Needs python-docx and reportlab (a scratch venv such as /tmp/saltvenv with both, and fpdf2
for the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/saltvenv/bin/python samples/pennock/make_pennock.py [OUT_DIR]
(default: samples/pennock)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "pennock-src"
ORG = "Pennock Vale Surgery"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"mandatory-training-and-appraisal-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "emergencies-at-work": (
        "Pennock Vale Surgery  |  Staff leaflet E-2  |  October 2026",
        2,
    ),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"training-budget-2026-27": (44, 30, 22, 22, 16, 24, 22)}
DOCX_SOURCES = ["sickness-absence-policy", "sickness-absence-policy-2023", "chaperone-policy"]


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(
        SRC, ORG, CHROMIUM_PDFS, DOCX_SOURCES, {}, REPORTLAB_PDFS, SPANNING_PDFS, out
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
