"""Render the PDF and DOCX documents of the Penrick held-out corpus (samples/penrick-src/).

samples/penrick/ holds the staff and volunteer shared drive of an invented English independent
hospice charity (Penrick Hospice, Wendlecote: a 16-bed inpatient unit, a day hospice,
hospice-at-home nurses, a bereavement service, 12 charity shops and a warehouse, a fundraising
team; about 210 staff and 900 volunteers), written blind in session 34 for the held-out question
set bench/answers/penrick/. The Markdown, text and HTML documents are edited directly in this
folder; the sources of the PDF and DOCX documents live in samples/penrick-src/ (outside this
folder, so ingesting samples/penrick does not index them twice) and are rendered here with the
existing renderers:

- the retail shop manual is drawn in one column and the fire safety and emergencies leaflet in
  two, with Tollgate's reportlab renderer (running header, page numbers, tables; the leaflet has
  a boxed WARNING callout);
- the mandatory training matrix is one reportlab page whose table has merged header cells (two
  refresher columns, staff and volunteers, under one heading) and full-width section rows, drawn
  with Fellgate's `render_spanning` and Cobbleford's `header_spans`;
- DOCX files reuse the Harbourview renderer (Markdown subset -> Title/Heading styles, List
  Bullet / List Number paragraphs, grid tables; fixed dates and zip timestamps).

New in this set, and drawn below:

- the lone working policy and its superseded 2023 version keep their document control (owner,
  version, approval, next review, reference) where many organisations' Word templates put it:
  in a table in the page header (`add_control_table`), above a footer line. The body does not
  repeat those facts;
- the volunteer driver scheme guide holds two text boxes, as Word writes a floating text box: a
  run with `mc:AlternateContent` whose `mc:Choice` is a DrawingML shape (`w:drawing`,
  `wp:anchor`, `wps:wsp`, `wps:txbx`, `w:txbxContent`) and whose `mc:Fallback` is the same box
  as VML (`w:pict`, `v:shape`, `v:textbox`, `w:txbxContent` again), anchored in an empty
  paragraph (`render_boxed`). In the source a box is a `:::box Title` ... `:::` block; its
  lines (the transport desk, the booking deadline, the mileage rate, ...) are not repeated in
  the body.

The reportlab and DOCX files are byte-identical between runs (no Chromium PDF in this set).

Needs python-docx and reportlab (a scratch venv such as /tmp/penvenv with both, and fpdf2 for
the Harbourview module's import):
    /tmp/penvenv/bin/python samples/penrick/make_penrick.py [OUT_DIR]
(default: samples/penrick)
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml
from docx.shared import Cm

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "penrick-src"
ORG = "Penrick Hospice"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

make_harbourview = make_dunmere.make_fernhill.make_harbourview

# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "retail-shop-manual": ("Penrick Hospice Trading Ltd  |  Retail Shop Manual  |  v5", 1),
    "fire-safety-and-emergencies": ("Penrick Hospice  |  Leaflet PH-FS1  |  July 2026", 2),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"mandatory-training-matrix-2026": (52, 50, 30, 25, 25)}
DOCX_SOURCES = ["lone-working-policy-hospice-at-home", "lone-working-policy-hospice-at-home-2023"]
# DOCX name -> (document control rows in the page header's table, page footer)
CONTROLLED_DOCX = {
    "lone-working-policy-hospice-at-home": (
        [
            ("Reference", "PH/CL/11"),
            ("Version", "4.0"),
            ("Document owner", "Jo Penhaligon, Hospice at Home Team Leader"),
            ("Approved by", "Clinical Governance Committee, 14 October 2026"),
            ("Next review", "October 2028"),
        ],
        "Uncontrolled when printed. The current version is on StaffNet.",
    ),
    "lone-working-policy-hospice-at-home-2023": (
        [
            ("Reference", "PH/CL/11"),
            ("Version", "3.2"),
            ("Document owner", "Maureen Coad, Hospice at Home Team Leader"),
            ("Approved by", "Clinical Governance Committee, 9 March 2023"),
            ("Next review", "March 2025"),
        ],
        "Uncontrolled when printed. The current version is on StaffNet.",
    ),
}
BOXED = "volunteer-driver-scheme-guide"
FIXED_ZIP_TIME = (2026, 10, 20, 9, 0, 0)
BOX = re.compile(r"^:::box (.+?)\n(.*?)\n:::$", re.M | re.S)
PLACEHOLDER = "TEXT-BOX-ANCHOR-{}"

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)


def add_control_table(path: Path, rows: list[tuple[str, str]], footer: str) -> None:
    """The document control table in the page header (label | value rows, labels bold), under
    the organisation's name, and a footer line."""
    d = docx.Document(str(path))
    section = d.sections[0]
    section.header.paragraphs[0].text = ORG
    table = section.header.add_table(rows=len(rows), cols=2, width=Cm(16))
    table.style = "Table Grid"
    for r, (label, value) in enumerate(rows):
        table.cell(r, 0).text = label
        table.cell(r, 0).paragraphs[0].runs[0].bold = True
        table.cell(r, 1).text = value
    section.footer.paragraphs[0].text = footer
    buf = io.BytesIO()
    d.save(buf)
    make_dunmere.rezip(buf.getvalue(), path, FIXED_ZIP_TIME)


def _box_paragraphs(title: str, lines: list[str]) -> str:
    bold = "<w:rPr><w:b/></w:rPr>"
    runs = [(bold, title)] + [("", line) for line in lines]
    return "".join(
        f'<w:p><w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
        for props, text in runs
    )


def text_box_run(n: int, title: str, lines: list[str]) -> str:
    """A floating text box as Word writes one: DrawingML in mc:Choice, VML in mc:Fallback,
    each holding the same w:txbxContent."""
    content = _box_paragraphs(title, lines)
    height = 360000 + 228600 * len(lines)
    return (
        f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{251659264 + n}" behindDoc="0" locked="0" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="2743200" cy="{height}"/><wp:effectExtent l="0" t="0" r="19050" b="19050"/>'
        f'<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="{100 + n}" name="Text Box {n}"/>'
        "<wp:cNvGraphicFramePr/><a:graphic><a:graphicData "
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"><a:spLocks noChangeArrowheads="1"/></wps:cNvSpPr>'
        f'<wps:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="2743200" cy="{height}"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill>'
        '<a:srgbClr val="EAF3EA"/></a:solidFill><a:ln w="12700"><a:solidFill>'
        '<a:srgbClr val="2E6B30"/></a:solidFill></a:ln></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" '
        'bIns="45720" anchor="t" anchorCtr="0"><a:spAutoFit/></wps:bodyPr>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shapetype id="_x0000_t{200 + n}" coordsize="21600,21600" '
        'o:spt="202" path="m,l,21600r21600,l21600,xe"><v:path gradientshapeok="t" '
        f'o:connecttype="rect"/></v:shapetype><v:shape id="Text Box {n}" '
        f'o:spid="_x0000_s{1025 + n}" '
        f'type="#_x0000_t{200 + n}" style="position:absolute;margin-left:0;margin-top:0;'
        "width:3in;height:auto;z-index:251659264;mso-position-horizontal:right;"
        'mso-position-horizontal-relative:margin" fillcolor="#eaf3ea" strokecolor="#2e6b30" '
        f'strokeweight="1pt"><v:textbox style="mso-fit-shape-to-text:t"><w:txbxContent>{content}'
        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def render_boxed(out: Path) -> None:
    """The volunteer driver scheme guide: Harbourview's DOCX renderer, then each `:::box`
    block of the source as a floating text box anchored in an empty paragraph where the
    block stood."""
    source = (SRC / f"{BOXED}.md").read_text(encoding="utf-8")
    boxes: list[tuple[str, list[str]]] = []

    def placeholder(m: re.Match) -> str:
        lines = [x.strip() for x in m.group(2).splitlines() if x.strip()]
        boxes.append((m.group(1).strip(), lines))
        return PLACEHOLDER.format(len(boxes))

    body = BOX.sub(placeholder, source)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / f"{BOXED}.md").write_text(body, encoding="utf-8")
        make_harbourview.render_docx_sources(Path(tmp), [BOXED], out, ORG)
    path = out / f"{BOXED}.docx"
    d = docx.Document(str(path))
    placed = 0
    for par in d.paragraphs:
        m = re.fullmatch(PLACEHOLDER.format(r"(\d+)"), par.text)
        if not m:
            continue
        for run in list(par.runs):
            run._r.getparent().remove(run._r)
        n = int(m.group(1))
        par._p.append(parse_xml(text_box_run(n, *boxes[n - 1])))
        placed += 1
    assert placed == len(boxes), (placed, len(boxes))
    buf = io.BytesIO()
    d.save(buf)
    make_dunmere.rezip(buf.getvalue(), path, FIXED_ZIP_TIME)
    print("added", placed, "text boxes to", path)


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(SRC, ORG, {}, DOCX_SOURCES, {}, REPORTLAB_PDFS, SPANNING_PDFS, out)
    for name, (rows, footer) in CONTROLLED_DOCX.items():
        add_control_table(out / f"{name}.docx", rows, footer)
        print("added a document control table in the page header of", out / f"{name}.docx")
    render_boxed(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
