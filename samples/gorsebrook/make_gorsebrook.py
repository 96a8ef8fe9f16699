"""Render the PDF and DOCX documents of the Gorsebrook held-out corpus (samples/gorsebrook-src/).

samples/gorsebrook/ holds the staff shared drive of an invented regional logistics company in
Kelmshire, an invented county in the English Midlands (Gorsebrook Logistics: the Gorsebrook Park
ambient warehouse with head office in Kelmbury, the Harlowe Cross chilled warehouse, the Ferriby
Moor bulky goods and online orders warehouse and the Stanlow Bridge cross-dock; about 420
staff: warehouse operatives, forklift and reach-truck drivers, HGV drivers, transport planners,
shift leaders and a small head office), written blind in session 31 for the held-out question
set bench/answers/gorsebrook/. The Markdown, text and HTML documents are edited directly in this
folder; the sources of the PDF and DOCX documents live in samples/gorsebrook-src/ (outside this
folder, so ingesting samples/gorsebrook does not index them twice) and are rendered here with
the existing renderers:

- the MHE licences and training guide is printed from HTML by headless Chromium with Fernhill's
  print_pdf, with Chromium's running header and footer and the MHE fleet table running over a
  page break;
- the manual handling and accident reporting leaflet is drawn in two columns with Tollgate's
  reportlab renderer (running header, page numbers, a boxed WARNING callout, a who-to-tell
  table);
- the PPE issue sheet is one reportlab page whose table has merged header cells (two
  replacement columns under one heading) and full-width section rows, drawn with Fellgate's
  `render_spanning` and Cobbleford's `header_spans`;
- DOCX files (the drivers' hours and tachograph policy and its superseded 2023 version, and the
  sickness absence and family leave policy) reuse the Harbourview renderer (Markdown subset ->
  Title/Heading styles, List Bullet / List Number paragraphs, grid tables; fixed dates and zip
  timestamps). The current drivers' hours policy then gets a page header and footer and a
  table of contents from Dunmere's `add_header_footer_and_toc`.

New here, and drawn by `render_tracked` below: the vehicle checks, fuel cards and penalty
notices policy is a Word draft with tracked changes, as the Transport Manager marked it up and
the board approved it "as marked": in the source, `{+text+}` is an insertion (`w:ins`, its runs'
text in `w:t`) and `{-text-}` a deletion (`w:del`, its runs' text in `w:delText`), both
attributed to the Transport Manager with a date, and the document's settings turn on
`w:trackRevisions`. A reader takes the text as amended: insertions in, deletions out.

Chromium's output is not byte-identical between runs, so the committed MHE guide PDF is the one
measured: re-run only to change a document, and commit the output. The reportlab and DOCX files
are byte-identical between runs.

Needs python-docx and reportlab (a scratch venv such as /tmp/corrvenv with both, and fpdf2 for
the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/corrvenv/bin/python samples/gorsebrook/make_gorsebrook.py [OUT_DIR]
(default: samples/gorsebrook)
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

from docx.oxml import parse_xml

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "gorsebrook-src"
ORG = "Gorsebrook Logistics"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

make_harbourview = make_dunmere.make_fernhill.make_harbourview

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"mhe-licences-and-training-guide": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "manual-handling-and-accident-reporting": (
        "Gorsebrook Logistics  |  Leaflet GL-HS3  |  August 2026",
        2,
    ),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"ppe-issue-sheet": (40, 24, 38, 40, 40)}
DOCX_SOURCES = [
    "drivers-hours-and-tachograph-policy",
    "drivers-hours-and-tachograph-policy-2023",
    "sickness-absence-and-family-leave-policy",
]
# DOCX name -> (page header, page footer); these also get a table of contents
HEADED_DOCX = {
    "drivers-hours-and-tachograph-policy": (
        "Gorsebrook Logistics  |  Drivers' Hours and Tachograph Policy  |  GL/TR/02 version 4",
        "Uncontrolled when printed. The current version is on the shared drive.",
    ),
}
TRACKED = "vehicle-checks-fuel-cards-and-penalty-notices-policy"
REVISER = "Dougie Farrant"
REVISED = "2026-11-10T15:20:00Z"
CHANGE = re.compile(r"(\{\+.*?\+\}|\{-.*?-\})")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Tracker:
    """Numbers the revision marks of one document."""

    def __init__(self) -> None:
        self.next_id = 1

    def add_runs(self, par, text: str) -> None:
        """Harbourview's add_runs, with `{+inserted+}` and `{-deleted-}` text as tracked
        changes (w:ins holding w:t runs, w:del holding w:delText runs)."""
        for part in CHANGE.split(text):
            if not part:
                continue
            if CHANGE.fullmatch(part):
                inserted = part.startswith("{+")
                body = _esc(part[2:-2])
                tag, text_tag = ("w:ins", "w:t") if inserted else ("w:del", "w:delText")
                par._p.append(
                    parse_xml(
                        f'<{tag} {W} w:id="{self.next_id}" w:author="{REVISER}" '
                        f'w:date="{REVISED}"><w:r><{text_tag} xml:space="preserve">{body}'
                        f"</{text_tag}></w:r></{tag}>"
                    )
                )
                self.next_id += 1
            else:
                ORIGINAL_ADD_RUNS(par, part)


ORIGINAL_ADD_RUNS = make_harbourview.add_runs


def render_tracked(out: Path) -> None:
    """The vehicle checks, fuel cards and penalty notices policy: Harbourview's DOCX renderer
    with tracked insertions and deletions in its paragraphs, and w:trackRevisions set."""
    tracker = _Tracker()
    make_harbourview.add_runs = tracker.add_runs
    try:
        make_harbourview.render_docx_sources(SRC, [TRACKED], out, ORG)
    finally:
        make_harbourview.add_runs = ORIGINAL_ADD_RUNS
    path = out / f"{TRACKED}.docx"
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/settings.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<w:settings[^>]*>)", r"\1<w:trackRevisions/>", text, count=1)
                data = text.encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(entry, data)
    print("marked", path, f"({tracker.next_id - 1} tracked changes)")


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(
        SRC, ORG, CHROMIUM_PDFS, DOCX_SOURCES, HEADED_DOCX, REPORTLAB_PDFS, SPANNING_PDFS, out
    )
    render_tracked(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
