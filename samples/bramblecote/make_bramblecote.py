"""Render the PDF and DOCX documents of the Bramblecote held-out corpus (samples/bramblecote-src/).

samples/bramblecote/ holds the staff shared drive of an invented small group of three dental
practices in the English West Midlands (Bramblecote Dental Care: the head practice at 14 Church
Street, Halesford, and practices at Wyrley Green and Cradmoor; dentists, hygienists and
therapists, dental nurses, receptionists and a practice office; NHS and private patients; about
45 staff), written blind in session 41 for the held-out question set bench/answers/bramblecote/.
The Markdown, text and HTML documents are edited directly in this folder; the sources of the PDF
and DOCX documents live in samples/bramblecote-src/ (outside this folder, so ingesting
samples/bramblecote does not index them twice) and are rendered here:

- the radiography local rules are drawn in one column with Tollgate's reportlab renderer;
- the infection control and medical emergencies procedures reuse the Harbourview DOCX renderer
  (Markdown subset -> Title/Heading styles, List Bullet / List Number paragraphs, grid tables;
  fixed dates and zip timestamps).

New in this set, drawn below:

- the staff handbook (DOCX) has lists nested three levels deep, as Word keeps them: every item
  a "List Paragraph" with a numbering reference (`w:numPr`: `w:ilvl` 0, 1 or 2 and a `w:numId`)
  to one of two list definitions added to the numbering part, all bullets, or a decimal first
  level over bullets (`render_nested`). In the source an item's level is its indent, two spaces
  a level. Its uniform table's cells hold bulleted lists, one paragraph an item, each with the
  same numbering reference at level 0 (in the source a cell `• a • b`);
- the NHS charges and private fee list (PDF) is printed on landscape A4 pages, its fee table
  ten columns wide, with a grey header row and ruled cells, on page 1, and the notes for
  reception on page 2 (`render_landscape`).

(The other three new structures of this set are edited by hand in samples/bramblecote/: the
booking and cancellations page is HTML whose questions are `<details>`/`<summary>` pairs, the
pay and grading note and the CPD page are Markdown tables with alignment colons and inline code,
and the memo is plain text with To:/From:/Date:/Re: headers and indented numbered paragraphs.)

Every file is byte-identical between runs (reportlab's invariant mode; no Chromium PDF).

Needs python-docx and reportlab (a scratch venv such as /tmp/ravenvenv with both, and fpdf2 for
the Harbourview module's import):
    /tmp/ravenvenv/bin/python samples/bramblecote/make_bramblecote.py [OUT_DIR]
(default: samples/bramblecote)
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "bramblecote-src"
ORG = "Bramblecote Dental Care"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

make_harbourview = make_dunmere.make_fernhill.make_harbourview
make_tollgate = make_dunmere.make_tollgate

rl_config.invariant = 1  # fixed creation date and document id
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "radiography-local-rules": ("Bramblecote Dental Care  |  Local rules LR-6  |  March 2026", 1),
}
DOCX_SOURCES = ["infection-control-and-decontamination", "medical-emergencies-and-drills"]
NESTED = "staff-handbook"
LANDSCAPE = "fees-nhs-and-private-2026-27"
# the fee table's column widths in mm (landscape A4 less 12 mm margins: 273 mm)
FEE_WIDTHS = (48, 14, 30, 22, 24, 24, 22, 26, 24, 23)
FIXED_ZIP_TIME = (2026, 8, 3, 9, 0, 0)
ITEM = re.compile(r"^( *)(- |\d+\. )(.*)$")
BULLETS, MIXED = 90, 91  # our list definitions' ids (the template's own are 1-9)


def _level(ilvl: int, fmt: str, text: str) -> OxmlElement:
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), str(ilvl))
    for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        lvl.append(el)
    ppr = OxmlElement("w:pPr")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), str(720 * (ilvl + 1)))
    ind.set(qn("w:hanging"), "360")
    ppr.append(ind)
    lvl.append(ppr)
    return lvl


def _add_list_definitions(d) -> None:
    """Two list definitions, as Word writes them: an abstractNum of three levels and a num
    pointing at it (abstractNums before nums, as the schema wants)."""
    numbering = d.part.numbering_part.element
    levels = {
        BULLETS: [("bullet", "\u2022"), ("bullet", "o"), ("bullet", "\u25aa")],
        MIXED: [("decimal", "%1."), ("bullet", "\u2022"), ("bullet", "o")],
    }
    first_num = numbering.find(qn("w:num"))
    for ident, spec in levels.items():
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(ident))
        for ilvl, (fmt, text) in enumerate(spec):
            abstract.append(_level(ilvl, fmt, text))
        first_num.addprevious(abstract)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(ident))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(ident))
        num.append(ref)
        numbering.append(num)


def _list_item(paragraph, ilvl: int, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", ilvl), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(value))
        num_pr.append(el)
    ppr.append(num_pr)


def render_nested(name: str, out: Path) -> None:
    """The handbook: headings, paragraphs and tables as Harbourview draws them, but lists as
    List Paragraphs with numbering references three levels deep, and table cells written
    `• a • b` as one bulleted paragraph an item."""
    lines = (SRC / f"{name}.md").read_text(encoding="utf-8").splitlines()
    d = docx.Document()
    d.styles["Normal"].font.name = "Arial"
    d.styles["Normal"].font.size = Pt(11)
    cp = d.core_properties
    cp.title, cp.author, cp.last_modified_by = "Staff Handbook", ORG, "Rebecca Lyle"
    cp.created = cp.modified = make_harbourview.FIXED.replace(tzinfo=None)
    cp.revision = 1
    _add_list_definitions(d)
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            i += 1
        elif m := re.match(r"^(#{1,3}) (.*)$", line):
            level = len(m.group(1))
            d.add_heading(m.group(2), level=0 if level == 1 else level - 1)
            i += 1
        elif line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            table = d.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    if not text.startswith("\u2022"):
                        cell.text = text
                        if r == 0:
                            cell.paragraphs[0].runs[0].bold = True
                        continue
                    items = [t.strip() for t in text.split("\u2022") if t.strip()]
                    for k, item in enumerate(items):
                        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                        p.style = d.styles["List Paragraph"]
                        p.add_run(item)
                        _list_item(p, 0, BULLETS)
            d.add_paragraph()
        elif ITEM.match(line):
            numbered = bool(re.match(r"^\d+\. ", line))
            num_id = MIXED if numbered else BULLETS
            while i < len(lines) and (m := ITEM.match(lines[i].rstrip())):
                p = d.add_paragraph(style="List Paragraph")
                make_harbourview.add_runs(p, m.group(3))
                indent = len(m.group(1))  # bullets 2 spaces a level; under "1. ", 3 then 5
                _list_item(p, (indent + 1) // 3 if numbered else indent // 2, num_id)
                i += 1
        else:
            make_harbourview.add_runs(d.add_paragraph(), line.strip())
            i += 1
    buf = io.BytesIO()
    d.save(buf)
    make_dunmere.rezip(buf.getvalue(), out / f"{name}.docx", FIXED_ZIP_TIME)
    print("wrote", out / f"{name}.docx")


def render_landscape(name: str, widths_mm: tuple[int, ...], out: Path) -> None:
    """Landscape A4 pages: headings and paragraphs as Tollgate draws them, and the fee table
    ten columns wide, ruled, with a grey bold header row repeated on any later page."""
    blocks = make_harbourview.parse((SRC / f"{name}.md").read_text(encoding="utf-8"))
    title = make_harbourview.plain(next(b[2] for b in blocks if b[0] == "h"))
    page = landscape(A4)
    margin = 12 * mm
    story: list = []
    for b in blocks:
        if b[0] != "table":
            story += make_tollgate.flowables([b], page[0] - 2 * margin)
            continue
        head, *body = b[1]
        cell = make_tollgate.CELL
        cells = [[Paragraph(f"<b>{make_tollgate.markup(c)}</b>", cell) for c in head]]
        cells += [[Paragraph(make_tollgate.markup(c), cell) for c in row] for row in body]
        table = Table(cells, colWidths=[w * mm for w in widths_mm], repeatRows=1)
        table.setStyle(
            TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ])
        )  # fmt: skip
        story += [table, Spacer(1, 6)]

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica-Oblique", 7.5)
        canvas.drawRightString(page[0] - margin, page[1] - 8 * mm, f"{ORG}  |  Fees 2026-27")
        canvas.setFont("Helvetica", 7.5)
        canvas.drawCentredString(page[0] / 2, 6 * mm, f"Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(out / f"{name}.pdf"), pagesize=page, title=title, author=ORG,
        leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
    )  # fmt: skip
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    print("wrote", out / f"{name}.pdf")


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(SRC, ORG, {}, DOCX_SOURCES, {}, REPORTLAB_PDFS, {}, out)
    render_nested(NESTED, out)
    render_landscape(LANDSCAPE, FEE_WIDTHS, out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
