"""Render the PDF and DOCX documents of the Holmbrack held-out corpus (samples/holmbrack-src/).

samples/holmbrack/ holds the staff shared drive of an invented English residential outdoor
education centre run by a charity (Holmbrack Outdoor Centre, Brackmere Road, Holmbrack,
Cumbria: climbing wall and Scarbrack Crag, high ropes, kayaking and canoeing on Brackmere and
the River Garrow, gorge walking in Hagg Gill, caving in Hollow Hob Cave, archery, orienteering
and night walks; about 60 staff in season), written blind in session 37 for the held-out
question set bench/answers/holmbrack/. The Markdown, text and HTML documents are edited
directly in this folder; the sources of the reportlab PDFs and DOCX documents live in
samples/holmbrack-src/ (outside this folder, so ingesting samples/holmbrack does not index
them twice) and are rendered here with the existing renderers:

- the PPE inspection and LOLER schedule is drawn in one column and the first aid and
  safeguarding guide in two, with Tollgate's reportlab renderer;
- DOCX files reuse the Harbourview renderer (Markdown subset -> Title/Heading styles, grid
  tables; fixed dates and zip timestamps).

New in this set, drawn below:

- the minibus driving policy keeps some of its values in Word fields, as templates do
  (`render_fields`): `{{FIELD:INSTR|RESULT}}` in the source becomes a simple field
  (`w:fldSimple` with its result run), `{{CFIELD:INSTR|RESULT}}` a complex field (runs with
  `w:fldChar` begin, `w:instrText`, `w:fldChar` separate, the result run, `w:fldChar` end),
  and `{{LINK:URL|TEXT}}` a `w:hyperlink` whose run holds the text;
- the gorge walk activity approval form is a filled PDF form (`render_form`): its printed
  page holds only the labels, and the answers are the values of AcroForm text fields and a
  check box (widget annotations with their own appearance streams), as a form filled in
  Acrobat or a browser is saved.

The third new structure is edited by hand in samples/holmbrack/: the kit store and drying
room notice is plain text saved as UTF-16 little-endian with a byte-order mark and CRLF line
ends (as Windows Notepad's "Unicode" saves), holding en dashes, curly quotes and bullets.

The reportlab and DOCX files are byte-identical between runs (no Chromium PDF in this set;
reportlab's invariant mode for the form).

Needs python-docx and reportlab (a scratch venv such as /tmp/penvenv with both, and fpdf2
for the Harbourview module's import):
    /tmp/penvenv/bin/python samples/holmbrack/make_holmbrack.py [OUT_DIR]
(default: samples/holmbrack)
"""

from __future__ import annotations

import copy
import io
import re
import sys
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "holmbrack-src"
ORG = "Holmbrack Outdoor Trust"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "ppe-inspection-and-loler-schedule": ("Holmbrack Outdoor Centre  |  EQ-01 Issue 3", 1),
    "first-aid-and-safeguarding-guide": ("Holmbrack Outdoor Centre  |  GS-04", 2),
}
FIELDS_DOCX = "minibus-driving-policy"
DOCX_SOURCES = [
    "water-activities-local-operating-procedure",
    "missing-person-procedure",
    "missing-person-procedure-2023",
    FIELDS_DOCX,
]
FIXED_ZIP_TIME = (2026, 11, 30, 9, 0, 0)
MARKER = re.compile(r"\{\{(FIELD|CFIELD|LINK):([^|}]*)\|([^}]*)\}\}")

FORM_NAME = "activity-approval-hagg-gill-winter-gorge-walk"
FORM_TITLE = "Activity Approval Form (non-standard activity)"
# (label, field name, value, lines): the filled-in answers of the form
FORM_FIELDS = [
    ("Group / school", "group", "Kelderby Primary School, Year 6", 1),
    ("Dates of visit", "dates", "8 to 12 February 2027", 1),
    ("Activity", "activity", "Winter gorge walk", 1),
    ("Venue and section", "venue", "Hagg Gill, lower section to the Long Pool only", 1),
    ("Session leader", "leader", "Ellis Dowthwaite", 1),
    ("Leader's award", "award", "Centre gorge leader assessment and Cave Leader Level 2", 1),
    ("Number of participants", "participants", "24 (two groups of 12)", 1),
    ("Number of staff", "staff", "4 instructors and 2 school staff", 1),
    ("Ratio approved", "ratio", "1 to 6", 1),
    ("Ages", "ages", "10 to 11", 1),
    ("Gill gauge limit for this session", "gauge", "0.4 m at the gill foot", 1),
    ("Lowest water temperature allowed", "watertemp", "5°C", 1),
    (
        "Extra controls",
        "controls",
        "Wetsuits, cags, gloves and neoprene socks for all; no jumps; no swims; "
        "a hot drink flask and a group shelter with each group; out of the water after 90 minutes.",
        3,
    ),
    ("Emergency access point", "access", "Gill Foot Farm gate, grid reference NY 4412 1873", 1),
    ("Approved by", "approver", "Tom Ashworth, Technical Adviser", 1),
    ("Date approved", "approved_on", "30 November 2026", 1),
]


def _run(rpr, text: str):
    r = docx.oxml.OxmlElement("w:r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    t = docx.oxml.OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def _char_run(rpr, kind: str, instr: str = ""):
    r = docx.oxml.OxmlElement("w:r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    if kind == "instr":
        el = docx.oxml.OxmlElement("w:instrText")
        el.set(qn("xml:space"), "preserve")
        el.text = f" {instr} "
    else:
        el = docx.oxml.OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
    r.append(el)
    return r


def render_fields(path: Path) -> None:
    """Turn the source's {{FIELD:..}}, {{CFIELD:..}} and {{LINK:..}} markers into a simple
    field, a complex field and a hyperlink, each holding its result text in a run."""
    d = docx.Document(str(path))
    made = 0
    for par in d.paragraphs:
        text = par.text
        if "{{" not in text:
            continue
        rpr = par.runs[0]._r.find(qn("w:rPr")) if par.runs else None
        for r in list(par._p.findall(qn("w:r"))):
            par._p.remove(r)
        at = 0
        for m in MARKER.finditer(text):
            if m.start() > at:
                par._p.append(_run(rpr, text[at : m.start()]))
            kind, instr, result = m.groups()
            if kind == "FIELD":
                fld = docx.oxml.OxmlElement("w:fldSimple")
                fld.set(qn("w:instr"), f" {instr} \\* MERGEFORMAT ")
                fld.append(_run(rpr, result))
                par._p.append(fld)
            elif kind == "CFIELD":
                par._p.append(_char_run(rpr, "begin"))
                par._p.append(_char_run(rpr, "instr", instr))
                par._p.append(_char_run(rpr, "separate"))
                par._p.append(_run(rpr, result))
                par._p.append(_char_run(rpr, "end"))
            else:
                rid = d.part.relate_to(instr, RT.HYPERLINK, is_external=True)
                link = docx.oxml.OxmlElement("w:hyperlink")
                link.set(qn("r:id"), rid)
                link.set(qn("w:history"), "1")
                run = _run(None, result)
                run_pr = docx.oxml.OxmlElement("w:rPr")
                color = docx.oxml.OxmlElement("w:color")
                color.set(qn("w:val"), "0563C1")
                underline = docx.oxml.OxmlElement("w:u")
                underline.set(qn("w:val"), "single")
                run_pr.append(color)
                run_pr.append(underline)
                run.insert(0, run_pr)
                link.append(run)
                par._p.append(link)
            made += 1
            at = m.end()
        if at < len(text):
            par._p.append(_run(rpr, text[at:]))
    assert made == 6, made
    buf = io.BytesIO()
    d.save(buf)
    make_dunmere.rezip(buf.getvalue(), path, FIXED_ZIP_TIME)
    print("made", made, "fields and links in", path)


def render_form(path: Path) -> None:
    """One A4 page: the form's printed labels and boxes, the answers in filled AcroForm
    text fields (with appearance streams) and a ticked check box."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(FORM_TITLE)
    c.setAuthor(ORG)
    width, height = A4
    left = 18 * mm
    c.setFont("Helvetica-Bold", 15)
    c.drawString(left, height - 22 * mm, "Holmbrack Outdoor Centre")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(left, height - 30 * mm, FORM_TITLE)
    c.setFont("Helvetica", 8.5)
    c.drawString(
        left,
        height - 37 * mm,
        "Form AA-1. Needed for any session outside the normal venues, ratios or conditions. "
        "Signed by the Technical Adviser before the session.",
    )
    y = height - 50 * mm
    label_w = 58 * mm
    field_w = width - left - label_w - 18 * mm
    form = c.acroForm
    for label, name, value, lines in FORM_FIELDS:
        box_h = 7 * mm * lines
        c.setFont("Helvetica-Bold", 9)
        c.drawString(left, y - 5 * mm, label)
        form.textfield(
            name=name,
            tooltip=label,
            value=value,
            x=left + label_w,
            y=y - box_h,
            width=field_w,
            height=box_h,
            fontName="Helvetica",
            fontSize=8.5,
            borderWidth=0.6,
            fieldFlags="multiline" if lines > 1 else "",
        )
        y -= box_h + 3 * mm
    c.setFont("Helvetica-Bold", 9)
    c.drawString(left, y - 5 * mm, "Decision: approved")
    form.checkbox(
        name="approved",
        tooltip="Approved",
        x=left + label_w,
        y=y - 6 * mm,
        size=6 * mm,
        checked=True,
        buttonStyle="check",
    )
    c.setFont("Helvetica", 7.5)
    c.drawString(left, 14 * mm, "Keep the signed form with the group's booking file for 3 years.")
    c.showPage()
    c.save()
    print("wrote", path)


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(SRC, ORG, {}, DOCX_SOURCES, {}, REPORTLAB_PDFS, {}, out)
    render_fields(out / f"{FIELDS_DOCX}.docx")
    render_form(out / f"{FORM_NAME}.pdf")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
