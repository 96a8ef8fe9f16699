"""Render the PDF and DOCX documents of the Ravensholt held-out corpus (samples/ravensholt-src/).

samples/ravensholt/ holds the staff shared drive of an invented small high-street solicitors'
firm in the north of England (Ravensholt & Pike LLP: the head office at 18 Kirkgate, Thornleigh,
and a branch at 3 Bridge End, Aldbeck; residential conveyancing, wills and probate, family law
and employment law; about 40 staff), written blind in session 40 for the held-out question set
bench/answers/ravensholt/. The Markdown, text and HTML documents are edited directly in this
folder; the sources of the PDF and DOCX documents live in samples/ravensholt-src/ (outside this
folder, so ingesting samples/ravensholt does not index them twice) and are rendered here:

- the file retention and archiving schedule is drawn in one column with Tollgate's reportlab
  renderer;
- DOCX files reuse the Harbourview renderer (Markdown subset -> Title/Heading styles, List
  Bullet / List Number paragraphs, grid tables; fixed dates and zip timestamps).

New in this set, drawn below:

- the staff handbook (DOCX) changes its column count between sections, as Word does with
  continuous section breaks: the who's who and extensions list sits in a two-column section
  (`w:cols w:num="2"`) between one-column sections (`render_columns`). In the source a
  `[[columns N]]` line starts a section of N columns; in the DOCX it is an empty paragraph
  carrying the ending section's `w:sectPr`;
- the Thornleigh office procedures (DOCX) carry the office's address, main line, supervisor
  and out-of-hours keyholder in a three-column table in the page header
  (`add_header_table`), facts the body does not repeat;
- the fees and billing guide (PDF) has footnotes: superscript numbers in the text, and the
  notes set in small type under a short rule at the foot of the
  page the mark is on (`render_footnoted`). In the source a mark is `[^N]` and a note a
  `[^N]: text` line at the end; the notes hold figures the body does not repeat.

(The other two new structures of this set are edited by hand in samples/ravensholt/: the
client money page is HTML whose key figures are a `<dl>` definition list, and the pay and
grading table is plain text with a hand-aligned table, columns lined up with spaces under a
row of dashes.)

Every file is byte-identical between runs (reportlab's invariant mode; no Chromium PDF).

Needs python-docx and reportlab (a scratch venv such as /tmp/ravenvenv with both, and fpdf2 for
the Harbourview module's import):
    /tmp/ravenvenv/bin/python samples/ravensholt/make_ravensholt.py [OUT_DIR]
(default: samples/ravensholt)
"""

from __future__ import annotations

import copy
import io
import re
import sys
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "ravensholt-src"
ORG = "Ravensholt & Pike LLP"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

make_harbourview = make_dunmere.make_fernhill.make_harbourview
make_tollgate = make_dunmere.make_tollgate

rl_config.invariant = 1  # fixed creation date and document id
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "file-retention-and-archiving": ("Ravensholt & Pike LLP  |  OM-7 issue 3  |  June 2026", 1),
}
DOCX_SOURCES = [
    "file-opening-and-conflict-checks",
    "staff-handbook",
    "thornleigh-office-procedures",
]
COLUMNED = "staff-handbook"
HEADED = "thornleigh-office-procedures"
HEADER_ROWS = [
    ("Thornleigh office", "18 Kirkgate, Thornleigh", "Main line 01632 960 400"),
    ("Office Supervisor", "Denise Haworth", "ext 200, mobile 07700 900 214"),
    ("Out-of-hours keyholder", "Lorraine Battersby", "07700 900 388"),
]
FOOTNOTED = "fees-and-billing-guide"
FIXED_ZIP_TIME = (2026, 9, 1, 9, 0, 0)
MARKER = re.compile(r"^\[\[columns (\d)\]\]$")
NOTE_MARK = re.compile(r"\[\^(\d+)\]")
NOTE_LINE = re.compile(r"^\[\^(\d+)\]: (.+)$", re.M)


def _set_columns(sect_pr, number: int, continuous: bool) -> None:
    """A section's column count (`w:cols`) and, for a section after the first, a continuous
    start (`w:type`), in the order the schema wants (type first, cols after pgMar)."""
    for old in sect_pr.findall(qn("w:cols")) + sect_pr.findall(qn("w:type")):
        sect_pr.remove(old)
    cols = OxmlElement("w:cols")
    cols.set(qn("w:num"), str(number))
    cols.set(qn("w:space"), "567")
    margin = sect_pr.find(qn("w:pgMar"))
    margin.addnext(cols)
    if continuous:
        kind = OxmlElement("w:type")
        kind.set(qn("w:val"), "continuous")
        sect_pr.insert(0, kind)


def render_columns(path: Path) -> None:
    """Each `[[columns N]]` paragraph becomes an empty paragraph that ends the section before
    it (its own `w:sectPr`, with that section's column count); the body's last `w:sectPr`
    gets the final section's count."""
    d = docx.Document(str(path))
    body_sect = d.sections[-1]._sectPr
    current, first = 1, True
    for paragraph in list(d.paragraphs):
        m = MARKER.match(paragraph.text.strip())
        if not m:
            continue
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        sect_pr = copy.deepcopy(body_sect)
        _set_columns(sect_pr, current, continuous=not first)
        paragraph._p.get_or_add_pPr().append(sect_pr)
        current, first = int(m.group(1)), False
    _set_columns(body_sect, current, continuous=True)
    buf = io.BytesIO()
    d.save(buf)
    make_dunmere.rezip(buf.getvalue(), path, FIXED_ZIP_TIME)


def add_header_table(path: Path, rows: list[tuple[str, str, str]], footer: str) -> None:
    """A three-column table in the page header (first column bold), under the firm's name,
    and a footer line."""
    d = docx.Document(str(path))
    section = d.sections[0]
    section.header.paragraphs[0].text = ORG
    table = section.header.add_table(rows=len(rows), cols=3, width=Cm(16))
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
        table.cell(r, 0).paragraphs[0].runs[0].bold = True
    section.footer.paragraphs[0].text = footer
    buf = io.BytesIO()
    d.save(buf)
    make_dunmere.rezip(buf.getvalue(), path, FIXED_ZIP_TIME)


class _Notes(Flowable):
    """No height: it hands its notes to the page it lands on (after the paragraph or table
    that marks them)."""

    def __init__(self, notes: list[tuple[str, str]]) -> None:
        super().__init__()
        self.notes = notes

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class _NotedDoc(BaseDocTemplate):
    page_notes: list[tuple[str, str]]

    def afterFlowable(self, flowable) -> None:  # reportlab's hook, after each flowable
        if isinstance(flowable, _Notes):
            self.page_notes += flowable.notes


def render_footnoted(out: Path) -> None:
    """The fees and billing guide: Tollgate's flowables with `[^N]` marks set as superscript
    numbers, and each page's notes drawn at its foot, in 7.5-point type under a 40 mm rule,
    in a band the text frame leaves free."""
    source = (SRC / f"{FOOTNOTED}.md").read_text(encoding="utf-8")
    notes = dict(NOTE_LINE.findall(source))
    blocks = make_harbourview.parse(NOTE_LINE.sub("", source))
    title = make_harbourview.plain(next(b[2] for b in blocks if b[0] == "h"))
    margin, band = 20 * mm, 38 * mm
    width = A4[0] - 2 * margin
    frame = Frame(margin, margin + band, width, A4[1] - 2 * margin - band - 8 * mm)
    story: list = []
    for block in blocks:
        marks = NOTE_MARK.findall(str(block))
        for item in make_tollgate.flowables([block], width):
            if isinstance(item, Paragraph) and "[^" in item.text:
                item = Paragraph(NOTE_MARK.sub(r"<super>\1</super>", item.text), item.style)
            story.append(item)
        if marks:
            story.append(_Notes([(n, notes[n]) for n in marks]))

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica-Oblique", 7.5)
        canvas.drawRightString(A4[0] - margin, A4[1] - 12 * mm, f"{ORG}  |  Fees and billing")
        canvas.setFont("Helvetica", 7.5)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    def foot_notes(canvas, doc) -> None:
        if not doc.page_notes:
            return
        canvas.saveState()
        y = margin + band - 4 * mm
        canvas.setLineWidth(0.5)
        canvas.line(margin, y, margin + 40 * mm, y)
        y -= 4 * mm
        for number, text in doc.page_notes:
            canvas.setFont("Helvetica", 5.5)
            canvas.drawString(margin, y + 2.2, number)
            canvas.setFont("Helvetica", 7.5)
            canvas.drawString(margin + 3 * mm, y, text)
            y -= 3.6 * mm
        canvas.restoreState()
        doc.page_notes = []

    doc = _NotedDoc(str(out / f"{FOOTNOTED}.pdf"), pagesize=A4, title=title, author=ORG)
    doc.page_notes = []
    doc.addPageTemplates([PageTemplate(frames=[frame], onPage=decorate, onPageEnd=foot_notes)])
    doc.build(story)
    print("wrote", out / f"{FOOTNOTED}.pdf")


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(SRC, ORG, {}, DOCX_SOURCES, {}, REPORTLAB_PDFS, {}, out)
    render_columns(out / f"{COLUMNED}.docx")
    print("set the two-column section of", out / f"{COLUMNED}.docx")
    add_header_table(
        out / f"{HEADED}.docx",
        HEADER_ROWS,
        "Thornleigh Office Procedures  |  revised June 2026  |  printed copies are not controlled",
    )
    print("added a table in the page header of", out / f"{HEADED}.docx")
    render_footnoted(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
