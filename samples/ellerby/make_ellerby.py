"""Render the PDF and DOCX documents of the Ellerby held-out corpus (samples/ellerby-src/).

samples/ellerby/ holds the staff shared drive of an invented group of veterinary practices on the
Welsh border (Ellerby Vets: seven small-animal practices, two farm-animal practices and a
24-hour hospital around Ellerby, with a small head office; about 180 staff: vets, registered
veterinary nurses, student nurses, receptionists, kennel assistants and practice managers),
written blind in session 33 for the held-out question set bench/answers/ellerby/. The Markdown,
text and HTML documents are edited directly in this folder; the sources of the PDF and DOCX
documents live in samples/ellerby-src/ (outside this folder, so ingesting samples/ellerby does not
index them twice) and are rendered here with the existing renderers:

- the farm visits, practice vehicles and mileage guide is printed from HTML by headless Chromium
  with Fernhill's print_pdf, with Chromium's running header and footer and the vehicle fleet
  table running over a page break;
- the bites, scratches, needlesticks and clinical waste leaflet is drawn in two columns with
  Tollgate's reportlab renderer (running header, page numbers, a boxed WARNING callout, a
  clinical waste table and a who-to-tell table);
- the uniform and PPE issue sheet is one reportlab page whose table has merged header cells (two
  replacement columns under one heading) and full-width section rows, drawn with Fellgate's
  `render_spanning` and Cobbleford's `header_spans`;
- DOCX files (the radiation safety local rules and their superseded 2023 version, and the family
  leave and sickness absence policy) reuse the Harbourview renderer (Markdown subset ->
  Title/Heading styles, List Bullet / List Number paragraphs, grid tables; fixed dates and zip
  timestamps). The current local rules then get a page header and footer and a table of
  contents from Dunmere's `add_header_footer_and_toc`.

New in this set, and not rendered here: the out-of-hours and on-call guide is a Markdown file
with footnotes (`[^label]` marks in the text, `[^label]: text` definitions at the end) whose
notes carry facts the body does not repeat (what the weeknight payment covers, when a call-out
counts twice, the whole day off after a long night, where the 30 minutes are measured to, ...):
a reader takes each note as part of the sentence its mark stands in.

Chromium's output is not byte-identical between runs, so the committed farm guide PDF is the
one measured: re-run only to change a document, and commit the output. The reportlab and DOCX
files are byte-identical between runs.

Needs python-docx and reportlab (a scratch venv such as /tmp/corrvenv with both, and fpdf2 for
the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/corrvenv/bin/python samples/ellerby/make_ellerby.py [OUT_DIR]
(default: samples/ellerby)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "ellerby-src"
ORG = "Ellerby Vets"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"farm-visits-vehicles-and-mileage": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "bites-scratches-sharps-and-clinical-waste": (
        "Ellerby Vets  |  Leaflet EV-HS4  |  October 2026",
        2,
    ),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"uniform-and-ppe-issue-sheet-2026": (40, 50, 28, 34, 30)}
DOCX_SOURCES = [
    "radiation-safety-local-rules",
    "radiation-safety-local-rules-2023",
    "family-leave-and-sickness-absence-policy",
]
# DOCX name -> (page header, page footer); these also get a table of contents
HEADED_DOCX = {
    "radiation-safety-local-rules": (
        "Ellerby Vets  |  Radiation Safety Local Rules  |  EV/CL/02 v3",
        "Uncontrolled when printed. The current version is on the shared drive.",
    ),
}


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(
        SRC, ORG, CHROMIUM_PDFS, DOCX_SOURCES, HEADED_DOCX, REPORTLAB_PDFS, SPANNING_PDFS, out
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
