"""Render the PDF and DOCX documents of the Hazelbrook held-out corpus from samples/hazelbrook-src/.

samples/hazelbrook/ holds the staff shared drive of an invented group of veterinary practices in
an English county (Hazelbrook Vets: Millcombe Hospital, open 24 hours and running the
out-of-hours service, and the Ashworthy, Fennick Cross and Lydbury St Anne surgeries, with a head
office at 2 Wheelwright Yard, Millcombe; about 90 staff: vets, registered veterinary nurses,
student nurses, receptionists and practice managers), written blind in session 29 for the
held-out question set bench/answers/hazelbrook/. The Markdown, text and HTML documents are edited
directly in this folder; the sources of the PDF and DOCX documents live in
samples/hazelbrook-src/ (outside this folder, so ingesting samples/hazelbrook does not index them
twice) and are rendered here with the existing renderers:

- the radiation safety local rules are printed from HTML by headless Chromium with Fernhill's
  print_pdf, with Chromium's running header and footer and the exposure chart running over a
  page break;
- the lone working and home visits leaflet is drawn in two columns with Tollgate's reportlab
  renderer (running header, page numbers, a boxed WARNING callout, a check-in table);
- the clinical waste and sharps chart is one reportlab page whose table has merged header cells
  (the two collection columns under one heading) and full-width section rows, drawn with
  Fellgate's `render_spanning` and Cobbleford's `header_spans`;
- DOCX files (the client payment, estimates and debt policy and its superseded 2023 version, and
  the prescribing and dispensing policy) reuse the Harbourview renderer (Markdown subset ->
  Title/Heading styles, List Bullet / List Number paragraphs, grid tables; fixed dates and zip
  timestamps). The 2026 payment policy then gets a page header and footer and a table of
  contents (a TOC field with cached "TOC 1" entries) from Dunmere's `add_header_footer_and_toc`.

Chromium's output is not byte-identical between runs, so the committed local rules PDF is the
one measured: re-run only to change a document, and commit the output. The reportlab and DOCX
files are byte-identical between runs.

Needs python-docx and reportlab (a scratch venv such as /tmp/corrvenv with both, and fpdf2
for the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/corrvenv/bin/python samples/hazelbrook/make_hazelbrook.py [OUT_DIR]
(default: samples/hazelbrook)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "hazelbrook-src"
ORG = "Hazelbrook Vets"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"radiation-safety-local-rules": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "lone-working-and-home-visits": (
        "Hazelbrook Vets  |  Leaflet HV-S3  |  May 2026",
        2,
    ),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"clinical-waste-and-sharps": (62, 30, 28, 31, 31)}
DOCX_SOURCES = [
    "client-payment-and-debt-policy",
    "client-payment-and-debt-policy-2023",
    "prescribing-and-dispensing-policy",
]
# DOCX name -> (page header, page footer); these also get a table of contents
HEADED_DOCX = {
    "client-payment-and-debt-policy": (
        "Hazelbrook Vets  |  Client Payment, Estimates and Debt  |  HV/FIN/02 version 4",
        "Uncontrolled when printed. Check the shared drive for the current version.",
    ),
}


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(
        SRC, ORG, CHROMIUM_PDFS, DOCX_SOURCES, HEADED_DOCX, REPORTLAB_PDFS, SPANNING_PDFS, out
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
