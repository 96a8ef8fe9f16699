"""Render the PDF and DOCX documents of the Brackenfold held-out corpus (samples/brackenfold-src/).

samples/brackenfold/ holds the staff shared drive of an invented group of residential care homes
for older people in Bryncoed, an invented county on the Welsh border (Brackenfold Care: Brackenfold
House and Afonwy Court with nursing, Tŷ Celyn with the Derwen dementia unit, The Larches and
Hollins Lea; a head office at 3 Castle Mews, Llanfedw; about 160 staff: care assistants, senior
carers, nurses, activity coordinators, cooks, housekeepers and home managers), written blind in
session 30 for the held-out question set bench/answers/brackenfold/. The Markdown, text and HTML
documents are edited directly in this folder; the sources of the PDF and DOCX documents live in
samples/brackenfold-src/ (outside this folder, so ingesting samples/brackenfold does not index
them twice) and are rendered here with the existing renderers:

- the moving and handling practice guide is printed from HTML by headless Chromium with
  Fernhill's print_pdf, with Chromium's running header and footer and the equipment register
  running over a page break;
- the falls and incident reporting leaflet is drawn in two columns with Tollgate's reportlab
  renderer (running header, page numbers, a boxed WARNING callout, a who-to-tell table);
- the mandatory training matrix is one reportlab page whose table has merged header cells (the
  two refresher columns under one heading) and full-width section rows, drawn with Fellgate's
  `render_spanning` and Cobbleford's `header_spans`;
- DOCX files (the safeguarding adults and whistleblowing policy and its superseded 2022
  version, and the medication administration policy) reuse the Harbourview renderer (Markdown
  subset -> Title/Heading styles, List Bullet / List Number paragraphs, grid tables; fixed
  dates and zip timestamps). The current safeguarding policy then gets a page header and footer
  and a table of contents from Dunmere's `add_header_footer_and_toc`.

New here, and drawn by `render_form` below: the residents' money and valuables admission form
is a Word form, as a home's administrator fills it in: label cells beside fill-in fields and
tick boxes that are content controls (`w:sdt` with a `w14:checkbox`, showing a ☐ or ☒ glyph,
and plain-text controls holding the entered text or Word's placeholder), in a grid table, with
a page header carrying the form number.

Chromium's output is not byte-identical between runs, so the committed moving and handling PDF
is the one measured: re-run only to change a document, and commit the output. The reportlab and
DOCX files are byte-identical between runs.

Needs python-docx and reportlab (a scratch venv such as /tmp/corrvenv with both, and fpdf2 for
the Harbourview module's import) and Chromium at /usr/bin/chromium:
    /tmp/corrvenv/bin/python samples/brackenfold/make_brackenfold.py [OUT_DIR]
(default: samples/brackenfold)
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "brackenfold-src"
ORG = "Brackenfold Care"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

# Chromium PDF name -> with Chromium's header and footer?
CHROMIUM_PDFS = {"moving-and-handling-guide": True}
# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "falls-and-incident-reporting": (
        "Brackenfold Care  |  Leaflet BC-Q2  |  October 2026",
        2,
    ),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"mandatory-training-matrix": (56, 34, 30, 31, 31)}
DOCX_SOURCES = [
    "safeguarding-and-whistleblowing-policy",
    "safeguarding-and-whistleblowing-policy-2022",
    "medication-administration-policy",
]
# DOCX name -> (page header, page footer); these also get a table of contents
HEADED_DOCX = {
    "safeguarding-and-whistleblowing-policy": (
        "Brackenfold Care  |  Safeguarding Adults and Whistleblowing  |  BC/SG/01 version 3",
        "Uncontrolled when printed. Check the shared drive for the current version.",
    ),
}
FORM = "residents-money-and-valuables-form"
FIXED_ZIP_TIME = (2026, 10, 12, 9, 0, 0)

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
PLACEHOLDER = "Click or tap here to enter text."


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def checkbox(paragraph, checked: bool) -> None:
    """A Word tick box content control (as Developer > Check Box Content Control writes it)."""
    glyph = "\u2612" if checked else "\u2610"
    paragraph._p.append(
        parse_xml(
            f"<w:sdt {W} {W14}><w:sdtPr><w14:checkbox>"
            f'<w14:checked w14:val="{int(checked)}"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
            "</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr>"
            '<w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
            f"<w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"
        )
    )


def text_field(paragraph, alias: str, value: str | None) -> None:
    """A plain-text content control: the entered value, or Word's placeholder if empty."""
    shown = value if value else PLACEHOLDER
    flag = "" if value else "<w:showingPlcHdr/>"
    style = "" if value else '<w:rPr><w:color w:val="808080"/></w:rPr>'
    paragraph._p.append(
        parse_xml(
            f'<w:sdt {W}><w:sdtPr><w:alias w:val="{_esc(alias)}"/><w:tag w:val="{_esc(alias)}"/>'
            f"{flag}<w:text/></w:sdtPr><w:sdtContent><w:r>{style}"
            f'<w:t xml:space="preserve">{_esc(shown)}</w:t></w:r></w:sdtContent></w:sdt>'
        )
    )


def fill(cell, spec) -> None:
    """Fill a table cell from a spec: a str (plain text), ("field", alias, value) or
    ("boxes", [(checked, label), ...]) (one tick box and its label per line)."""
    par = cell.paragraphs[0]
    if isinstance(spec, str):
        par.add_run(spec)
    elif spec[0] == "field":
        text_field(par, spec[1], spec[2])
    else:
        for n, (checked, label) in enumerate(spec[1]):
            if n:
                par = cell.add_paragraph()
            checkbox(par, checked)
            par.add_run(" " + label)


FORM_ROWS = [
    (
        "Part A. The resident",
        [
            ("Resident's full name", ("field", "Resident name", "Mrs Gwenda Probert")),
            (
                "Home",
                (
                    "boxes",
                    [
                        (False, "Brackenfold House"),
                        (False, "Tŷ Celyn"),
                        (True, "The Larches"),
                        (False, "Afonwy Court"),
                        (False, "Hollins Lea"),
                    ],
                ),
            ),
            ("Room number", ("field", "Room", "7")),
            ("Date of admission", ("field", "Admission date", "2 November 2026")),
            (
                "How the care is funded",
                (
                    "boxes",
                    [
                        (True, "Self-funding"),
                        (False, "Council funded"),
                        (False, "Council funded with a third-party top-up"),
                        (False, "NHS Continuing Healthcare"),
                    ],
                ),
            ),
        ],
    ),
    (
        "Part B. Who manages the resident's money",
        [
            (
                "Tick one",
                (
                    "boxes",
                    [
                        (False, "The resident manages their own money"),
                        (False, "A family member helps informally (the resident has capacity)"),
                        (
                            True,
                            "Attorney under a lasting power of attorney for property and financial "
                            "affairs (registered copy seen and filed)",
                        ),
                        (
                            False,
                            "Deputy appointed by the Court of Protection (copy of order filed)",
                        ),
                        (
                            False,
                            "Brackenfold Care acts as DWP appointee (needs the Finance Manager's "
                            "written approval)",
                        ),
                    ],
                ),
            ),
            (
                "Name of the person managing the money",
                ("field", "Money manager", "Mr Alun Probert (son)"),
            ),
            ("Their phone number", ("field", "Phone", "01632 960374")),
        ],
    ),
    (
        "Part C. Personal allowance held in the office safe",
        [
            ("Opening cash balance handed in", ("field", "Opening balance", "£80.00")),
            (
                "Top-up arrangement",
                (
                    "boxes",
                    [
                        (True, "Family tops up in person"),
                        (False, "Added to the monthly extras invoice"),
                        (False, "Paid from the resident's benefits"),
                    ],
                ),
            ),
            (
                "What it may be spent on",
                (
                    "boxes",
                    [
                        (True, "Hairdresser"),
                        (True, "Chiropody"),
                        (True, "Outings and cafés"),
                        (False, "Newspapers and magazines"),
                        (True, "Toiletries and small purchases"),
                    ],
                ),
            ),
            ("Countersigned by (home manager or deputy)", ("field", "Countersigned", None)),
        ],
    ),
    (
        "Part D. Valuables handed in for safekeeping",
        [
            (
                "Items handed in (describe, with estimated value)",
                ("field", "Valuables", "Gold wedding ring, engraved G & T 1961 (about £300)"),
            ),
            (
                "Kept in",
                (
                    "boxes",
                    [
                        (True, "Office safe, in a sealed envelope signed across the seal"),
                        (False, "Returned to family on the day"),
                    ],
                ),
            ),
            (
                "Items the resident keeps in their room",
                ("field", "Room items", "Wristwatch, reading glasses, hearing aids"),
            ),
        ],
    ),
    (
        "Part E. Agreement",
        [
            (
                "The resident or their representative confirms",
                (
                    "boxes",
                    [
                        (
                            True,
                            "I have been told that cash over the limit and valuables worth "
                            "more than £500 should be kept at home or by the family",
                        ),
                        (
                            True,
                            "I understand Brackenfold Care is not responsible for items kept "
                            "in the room that were not handed in and listed here",
                        ),
                        (False, "I would like a statement of the personal allowance every quarter"),
                    ],
                ),
            ),
            ("Signed (resident or representative)", ("field", "Signature", "A. Probert")),
            (
                "Completed by (member of staff) and date",
                ("field", "Completed by", "Rhys Tanner, administrator, 2 November 2026"),
            ),
        ],
    ),
]

FORM_NOTES = [
    "How to use this form: the home's administrator or the home manager completes this form "
    "with the resident or their representative on the day of admission, and updates it "
    "whenever the arrangements change. File the original in the resident's finance folder in "
    "the office and send a scan to fees@brackenfold.example.com.",
    "Personal allowance: the home holds no more than £200 in cash for any one resident. Every "
    "amount paid in or taken out is written on the resident's allowance sheet and signed by two "
    "staff, with a receipt for every purchase. The home manager checks each balance against "
    "the sheet once a month, and the Finance Manager audits every home's allowance sheets "
    "every quarter.",
    "Valuables: we accept jewellery and other small valuables for the office safe, but not "
    "items worth more than £500 or bank cards and PIN numbers. Our insurance covers residents' "
    "belongings up to £1,000 per resident. Staff must never keep a resident's money or "
    "valuables themselves, even for a moment.",
]


def render_form(out: Path) -> None:
    """The residents' money and valuables admission form: a filled-in Word form whose
    fields and tick boxes are content controls, in one grid table with a section row per
    part, and a page header carrying the form number."""
    d = docx.Document()
    d.styles["Normal"].font.name = "Arial"
    d.styles["Normal"].font.size = Pt(10)
    cp = d.core_properties
    cp.title = "Resident's Money and Valuables: Admission Record"
    cp.author, cp.last_modified_by = ORG, "Rhys Tanner"
    cp.created = cp.modified = make_dunmere.make_fernhill.make_harbourview.FIXED.replace(
        tzinfo=None
    )
    cp.revision = 1
    d.sections[0].header.paragraphs[
        0
    ].text = "Brackenfold Care  |  Form BC/FIN/07  |  Resident's money and valuables  |  rev. 2026"
    d.add_heading("Resident's Money and Valuables: Admission Record", level=0)
    for note in FORM_NOTES:
        d.add_paragraph(note)
    rows = sum(1 + len(fields) for _, fields in FORM_ROWS)
    t = d.add_table(rows=rows, cols=2)
    t.style = "Table Grid"
    r = 0
    for part, fields in FORM_ROWS:
        a, b = t.cell(r, 0), t.cell(r, 1)
        merged = a.merge(b)
        merged.paragraphs[0].add_run(part).bold = True
        r += 1
        for label, spec in fields:
            t.cell(r, 0).paragraphs[0].add_run(label)
            fill(t.cell(r, 1), spec)
            r += 1
    d.add_paragraph()
    d.add_paragraph("Office use: allowance sheet opened  ").add_run()
    checkbox(d.paragraphs[-1], True)
    par = d.add_paragraph("Scan sent to head office  ")
    checkbox(par, False)
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    path = out / f"{FORM}.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in sorted(src.infolist(), key=lambda x: x.filename != "[Content_Types].xml"):
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(entry, src.read(info.filename))
    print("wrote", path)


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(
        SRC, ORG, CHROMIUM_PDFS, DOCX_SOURCES, HEADED_DOCX, REPORTLAB_PDFS, SPANNING_PDFS, out
    )
    render_form(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
