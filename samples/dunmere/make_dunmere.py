"""Render the PDF and DOCX documents of the Dunmere held-out corpus from samples/dunmere-src/.

samples/dunmere/ holds the staff shared drive of an invented English community leisure trust
(Dunmere Leisure Trust: a charitable trust running two sites for the district council, Dunmere
Leisure Centre with a 25 m pool, a learner pool, a sports hall, a gym and a café, and the
smaller Brookside Sports Hub with a 3G pitch and squash courts; about 120 staff, many of them
casual), written blind in session 24 for the held-out question set bench/answers/dunmere/. The
Markdown, text and HTML documents are edited directly in this folder; the sources of the PDF
and DOCX documents live in samples/dunmere-src/ (outside this folder, so ingesting
samples/dunmere does not index them twice) and are rendered here with the existing renderers:

- the casual pay rates and qualifications guide is printed from HTML by headless Chromium with
  Fernhill's print_pdf, with Chromium's running header and footer and a 26-row qualification
  matrix running over a page break;
- the emergency procedures leaflet is drawn in two columns with Tollgate's reportlab renderer
  (running header, page numbers, a boxed WARNING callout, a radio calls table);
- the casual staffing budget is one reportlab page whose table has merged header cells (the
  quarters under one heading), full-width section rows and a bold totals row, drawn with
  Fellgate's `render_spanning` and Cobbleford's `header_spans`;
- DOCX files (the cash handling policy and its superseded 2023 version, and the pool normal
  operating procedure) reuse the Harbourview renderer (Markdown subset -> Title/Heading
  styles, List Bullet / List Number paragraphs, grid tables; fixed dates and zip
  timestamps). The normal operating procedure then gets what no earlier renderer writes: a
  page header and footer and a table of contents as Word writes one (a TOC field whose
  cached entries are "TOC 1" paragraphs), added by `add_header_footer_and_toc` below.

Chromium's output is not byte-identical between runs, so the committed files are the ones
measured: re-run only to change a document, and commit the output. The reportlab and DOCX
files are byte-identical between runs.

Needs python-docx and reportlab (a scratch venv such as /tmp/saltvenv with both, and fpdf2
for the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/saltvenv/bin/python samples/dunmere/make_dunmere.py [OUT_DIR]
(default: samples/dunmere)
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "dunmere-src"
ORG = "Dunmere Leisure Trust"
for folder in ("cobbleford", "fellgate", "fernhill", "tollgate", "harbourview"):
    sys.path.insert(0, str(HERE.parent / folder))

import make_cobbleford  # noqa: E402  (header cells with nothing below span both rows)
import make_fellgate  # noqa: E402  (merged header cells)
import make_fernhill  # noqa: E402  (Chromium PDF printing)
import make_tollgate  # noqa: E402  (reportlab PDFs in one or more columns)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"casual-pay-rates-and-qualifications-2026-27": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "emergency-procedures": (
        "Dunmere Leisure Trust  |  Staff leaflet EP-2  |  October 2026",
        2,
    ),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"casual-staffing-budget-2026-27": (44, 30, 21, 21, 21, 21, 24)}
DOCX_SOURCES = [
    "cash-handling-policy",
    "cash-handling-policy-2023",
    "pool-normal-operating-procedure",
]
# DOCX name -> (page header, page footer); these also get a table of contents
HEADED_DOCX = {
    "pool-normal-operating-procedure": (
        "Dunmere Leisure Centre  |  Pool Normal Operating Procedure  |  DLT/AQ/01 version 6",
        "Uncontrolled when printed. Check the shared drive for the current version.",
    ),
}
FIXED_ZIP_TIME = (2026, 10, 5, 9, 0, 0)


def _field_run(paragraph, instruction: str) -> None:
    """A complex field (begin, instruction, separate) whose cached result follows."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None)):
        run = OxmlElement("w:r")
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run.append(instr)
        paragraph._p.append(run)


def _field_end(paragraph) -> None:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    run.append(char)
    paragraph._p.append(run)


def add_header_footer_and_toc(path: Path, header: str, footer: str) -> None:
    """Give a rendered DOCX a page header and footer and, before its first section, a
    "Contents" heading and a TOC field whose cached entries are the level-1 headings (style
    "TOC 1", as Word caches them); then re-zip it with fixed timestamps so that the file is
    reproducible."""
    d = docx.Document(str(path))
    section = d.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer
    headings = [p for p in d.paragraphs if p.style.name == "Heading 1"]
    names = {s.name for s in d.styles}
    if "TOC 1" not in names:
        d.styles.add_style("TOC 1", WD_STYLE_TYPE.PARAGRAPH).base_style = d.styles["Normal"]
    first = headings[0]
    first.insert_paragraph_before("Contents", style="Heading 1")
    for n, heading in enumerate(headings):
        entry = first.insert_paragraph_before(style="TOC 1")
        if n == 0:
            _field_run(entry, 'TOC \\o "1-1" \\h \\z \\u')
        entry.add_run(f"{heading.text}\t{n + 1}")
        if n == len(headings) - 1:
            _field_end(entry)
    buf = io.BytesIO()
    d.save(buf)
    rezip(buf.getvalue(), path, FIXED_ZIP_TIME)


def rezip(data: bytes, path: Path, date_time: tuple[int, int, int, int, int, int]) -> None:
    """Write a saved DOCX with fixed zip timestamps, [Content_Types].xml first: the same
    bytes on every run (the later samples' makers use it too)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in sorted(src.infolist(), key=lambda x: x.filename != "[Content_Types].xml"):
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(entry, src.read(info.filename))


def render_drive(
    src: Path,
    org: str,
    chromium_pdfs: dict[str, bool],
    docx_sources: list[str],
    headed_docx: dict[str, tuple[str, str]],
    reportlab_pdfs: dict[str, tuple[str, int]],
    spanning_pdfs: dict[str, tuple[int, ...]],
    out: Path,
) -> None:
    """A staff shared drive of this shape (Dunmere's, and Wexcombe's and Corrington's after
    it): Chromium-printed PDFs and Harbourview DOCX (make_fernhill.render_set), page headers,
    footers and contents for `headed_docx`, reportlab PDFs in columns (make_tollgate) and
    reportlab tables with merged header cells (make_fellgate with make_cobbleford's spans)."""
    make_fernhill.render_set(src, chromium_pdfs, docx_sources, org, out)
    for name, (header, footer) in headed_docx.items():
        add_header_footer_and_toc(out / f"{name}.docx", header, footer)
        print("added header, footer and contents to", out / f"{name}.docx")
    make_tollgate.render_sources(src, reportlab_pdfs, out)
    for name, widths in spanning_pdfs.items():
        make_fellgate.render_spanning(
            name,
            widths,
            out,
            src=src,
            author=org,
            margin_mm=14,
            header_spans=make_cobbleford.header_spans,
        )


def main(out: Path = HERE) -> None:
    render_drive(
        SRC, ORG, CHROMIUM_PDFS, DOCX_SOURCES, HEADED_DOCX, REPORTLAB_PDFS, SPANNING_PDFS, out
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
