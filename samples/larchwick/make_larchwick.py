"""Render the PDF and DOCX documents of the Larchwick held-out corpus (samples/larchwick-src/).

samples/larchwick/ holds the staff shared drive of an invented English family-owned garden
centre with its own plant nursery (Larchwick Garden Centre and Nursery, Mill Lane, Larchwick,
Worcestershire: four glasshouses and six polytunnels, the Potting Shed Café, a Farm Shop, an
Aquatics and Pets section, the Christmas Shop and Santa's Grotto, a delivery service; about 70
staff, more at Easter and Christmas), written blind in session 38 for the held-out question set
bench/answers/larchwick/. The Markdown, text and HTML documents are edited directly in this
folder; the sources of the PDF and DOCX documents live in samples/larchwick-src/ (outside this
folder, so ingesting samples/larchwick does not index them twice) and are rendered here:

- the yard safety sheet is drawn in one column with Tollgate's reportlab renderer;
- DOCX files reuse the Harbourview renderer (Markdown subset -> Title/Heading styles, grid
  tables; fixed dates and zip timestamps).

New in this set, drawn below:

- the pesticides and COSHH procedure carries Word endnotes (`render_endnoted`): each
  `[^label]` mark of the source becomes a superscript run holding a `w:endnoteReference`, and
  the `[^label]: text` lines become the notes of word/endnotes.xml (with its relationship and
  content type); the notes hold conditions the body does not repeat;
- the glasshouse and polytunnel working guide is set as a typesetter sets a booklet
  (`render_justified`): justified lines, long words hyphenated across line ends (a "-" glyph
  at the line's end, the word's rest on the next line) and the "fi" and "fl" ligature glyphs
  (U+FB01, U+FB02, drawn in DejaVu Serif) in place of the letter pairs;
- the Christmas 2026 opening hours and rota sheet is "printed to PDF" in landscape as an
  office printer driver does it (`render_landscape`): each page is an A4 portrait page
  turned with /Rotate 90, its content drawn sideways in the portrait page's space so that it
  shows upright and wide, with two ruled tables (weeks across the top; the days around
  Christmas) and a pay rates table.

Every file is byte-identical between runs (no Chromium PDF in this set; reportlab's invariant
mode).

Needs python-docx and reportlab (a scratch venv such as /tmp/penvenv with both, and fpdf2 for
the Harbourview module's import):
    /tmp/penvenv/bin/python samples/larchwick/make_larchwick.py [OUT_DIR]
(default: samples/larchwick)
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
import zipfile
from pathlib import Path

from docx.oxml import parse_xml
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "larchwick-src"
ORG = "Pellow and Daughters Ltd"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

make_harbourview = make_dunmere.make_fernhill.make_harbourview

# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "yard-forklift-and-manual-handling": ("Larchwick Garden Centre  |  HS-05 Issue 2", 1),
}
DOCX_SOURCES = [
    "delivery-drivers-policy",
    "delivery-drivers-policy-2022",
    "aquatics-and-pets-animal-welfare-procedure",
]
ENDNOTED = "pesticides-and-coshh-procedure"
JUSTIFIED = "glasshouse-and-polytunnel-working-guide"
LANDSCAPE = "christmas-2026-opening-hours-and-rota"
FIXED_ZIP_TIME = (2026, 11, 20, 9, 0, 0)
NOTE_MARK = re.compile(r"\[\^(\w+)\]")
NOTE_TEXT = re.compile(r"^\[\^(\w+)\]:\s*(.*)$")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ENDNOTES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
ENDNOTES_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"
FONTS = "/usr/share/fonts/truetype/dejavu"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Endnotes:
    """Turns `[^label]` marks into numbered endnote references, in reading order."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def add_runs(self, par, text: str) -> None:
        for k, part in enumerate(NOTE_MARK.split(text)):
            if k % 2 == 0:
                if part:
                    ORIGINAL_ADD_RUNS(par, part)
                continue
            number = self.ids.setdefault(part, len(self.ids) + 1)
            par._p.append(
                parse_xml(
                    f'<w:r {W}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:endnoteReference w:id="{number}"/></w:r>'
                )
            )


ORIGINAL_ADD_RUNS = make_harbourview.add_runs


def _endnotes_xml(notes: list[tuple[int, str]]) -> bytes:
    """word/endnotes.xml: Word's separator (-1) and continuation separator (0), then each
    note as a paragraph opening on its superscript w:endnoteRef mark."""
    parts = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:endnotes {W}>',
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>',
        '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:endnote>",
    ]
    for number, text in notes:
        parts.append(
            f'<w:endnote w:id="{number}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:endnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {_esc(text)}'
            "</w:t></w:r></w:p></w:endnote>"
        )
    parts.append("</w:endnotes>")
    return "".join(parts).encode("utf-8")


def render_endnoted(out: Path) -> None:
    """The pesticides and COSHH procedure: Harbourview's DOCX renderer with the source's note
    marks as w:endnoteReference runs and its note lines in word/endnotes.xml."""
    lines = (SRC / f"{ENDNOTED}.md").read_text(encoding="utf-8").splitlines()
    texts = {m.group(1): m.group(2) for m in map(NOTE_TEXT.match, lines) if m}
    body = "\n".join(line for line in lines if not NOTE_TEXT.match(line)) + "\n"
    notes = _Endnotes()
    make_harbourview.add_runs = notes.add_runs
    try:
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / f"{ENDNOTED}.md").write_text(body, encoding="utf-8")
            make_harbourview.render_docx_sources(Path(tmp), [ENDNOTED], out, ORG)
    finally:
        make_harbourview.add_runs = ORIGINAL_ADD_RUNS
    assert set(notes.ids) == set(texts), (sorted(notes.ids), sorted(texts))
    numbered = sorted((number, texts[label]) for label, number in notes.ids.items())
    path = out / f"{ENDNOTED}.docx"
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    files = {info.filename: src.read(info.filename) for info in src.infolist()}
    files["word/endnotes.xml"] = _endnotes_xml(numbered)
    rels = files["word/_rels/document.xml.rels"].decode("utf-8")
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rId91" Type="{ENDNOTES_TYPE}" Target="endnotes.xml"/></Relationships>',
    )
    files["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    types = files["[Content_Types].xml"].decode("utf-8")
    types = types.replace(
        "</Types>",
        f'<Override PartName="/word/endnotes.xml" ContentType="{ENDNOTES_CONTENT}"/></Types>',
    )
    files["[Content_Types].xml"] = types.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files, key=lambda x: x != "[Content_Types].xml"):
            entry = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(entry, files[name])
    print("added", len(numbered), "endnotes to", path)


# --- the justified, hyphenated booklet -------------------------------------------------


def _ligate(text: str) -> str:
    """The letter pairs a typesetter draws as one glyph: fi -> U+FB01, fl -> U+FB02."""
    return text.replace("fi", "\ufb01").replace("fl", "\ufb02")


def _split_point(word: str, room: float, width) -> int:
    """The longest head of `word` that fits in `room` with a hyphen after it, broken between
    two lower-case letters with at least 3 letters either side; 0 if none fits."""
    best = 0
    for p in range(3, len(word) - 2):
        if not (word[p - 1].islower() and word[p].islower()):
            continue
        if width(_ligate(word[:p]) + "-") <= room:
            best = p
    return best


def _justify(words: list[str], measure: float, width, space: float) -> list[list[str]]:
    """Greedy lines of words, a long word hyphenated at a line's end to fill it."""
    lines: list[list[str]] = []
    line: list[str] = []
    used = 0.0
    queue = list(words)
    while queue:
        word = queue.pop(0)
        w = width(_ligate(word))
        gap = space if line else 0.0
        if used + gap + w <= measure:
            line.append(word)
            used += gap + w
            continue
        breakable = len(word) >= 8 and "-" not in word  # else it breaks at its own hyphen
        p = _split_point(word, measure - used - gap, width) if breakable else 0
        if p:
            line.append(word[:p] + "-")
            queue.insert(0, word[p:])
        else:
            queue.insert(0, word)
        lines.append(line)
        line, used = [], 0.0
    if line:
        lines.append(line)
    return lines


def render_justified(out: Path) -> None:
    """The glasshouse guide on A4 pages: headings in bold, paragraphs justified with
    hyphenated line ends and fi/fl ligatures, a running header and "Page X of Y"."""
    pdfmetrics.registerFont(TTFont("LwSerif", f"{FONTS}/DejaVuSerif.ttf"))
    pdfmetrics.registerFont(TTFont("LwSerifBold", f"{FONTS}/DejaVuSerif-Bold.ttf"))
    blocks = make_harbourview.parse((SRC / f"{JUSTIFIED}.md").read_text(encoding="utf-8"))
    title = make_harbourview.plain(next(b[2] for b in blocks if b[0] == "h"))
    width_a4, height_a4 = A4
    left, right, top, bottom = 24 * mm, 24 * mm, 26 * mm, 22 * mm
    measure = width_a4 - left - right
    size, leading = 10.5, 14.2

    def width(text: str) -> float:
        return pdfmetrics.stringWidth(text, "LwSerif", size)

    space = width(" ")
    # lay out first: a list of pages, each a list of (kind, y, payload)
    pages: list[list[tuple]] = [[]]
    y = height_a4 - top
    for block in blocks:
        kind = block[0]
        if kind == "h":
            level, text = block[1], make_harbourview.plain(block[2])
            need = 30 if level > 1 else 34
            if y - need - 3 * leading < bottom:
                pages.append([])
                y = height_a4 - top
            fsize = 16 if level == 1 else 12.5
            y -= fsize + 6
            pages[-1].append(("h", y, (text, fsize)))
            y -= 4
            continue
        text = make_harbourview.plain(block[1] if kind == "p" else " ".join(map(str, block[1:])))
        lines = _justify(text.split(), measure, width, space)
        for k, line in enumerate(lines):
            if y - leading < bottom:
                pages.append([])
                y = height_a4 - top
            y -= leading
            pages[-1].append(("l", y, (line, k == len(lines) - 1)))
        y -= 6
    c = canvas.Canvas(str(out / f"{JUSTIFIED}.pdf"), pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor(ORG)
    for number, page in enumerate(pages, 1):
        c.setFont("LwSerif", 8)
        c.drawString(left, height_a4 - 14 * mm, "Larchwick Nursery  |  NP-01 Issue 4")
        c.drawRightString(width_a4 - right, 12 * mm, f"Page {number} of {len(pages)}")
        for kind, y, payload in page:
            if kind == "h":
                text, fsize = payload
                c.setFont("LwSerifBold", fsize)
                c.drawString(left, y, _ligate(text))
                continue
            words, last = payload
            drawn = [_ligate(w) for w in words]
            widths = [width(w) for w in drawn]
            gap = space
            if not last and len(drawn) > 1:
                gap = (measure - sum(widths)) / (len(drawn) - 1)
            x = left
            c.setFont("LwSerif", size)
            for w, wd in zip(drawn, widths, strict=True):
                c.drawString(x, y, w)
                x += wd + gap
        c.showPage()
    c.save()
    print("wrote", out / f"{JUSTIFIED}.pdf", len(pages), "pages")


# --- the landscape rota, printed to PDF on turned portrait pages ------------------------

WEEKS = ["23 Nov", "30 Nov", "7 Dec", "14 Dec", "21 Dec", "28 Dec"]
WEEK_ROWS = [
    (
        "Mon to Sat opening",
        "09:00-17:30",
        "09:00-17:30",
        "09:00-17:30",
        "09:00-17:30",
        "09:00-17:30",
        "see below",
    ),
    (
        "Sunday opening",
        "10:00-16:00",
        "10:00-16:00",
        "10:00-16:00",
        "10:00-16:00",
        "10:00-16:00",
        "10:00-16:00",
    ),
    ("Late night (Thu)", "none", "to 19:30", "to 19:30", "to 19:30", "none", "none"),
    ("Santa's Grotto", "Sat-Sun", "Sat-Sun", "Sat-Sun", "daily", "daily to 24 Dec", "closed"),
    ("Christmas tree yard", "closed", "daily", "daily", "daily", "to 24 Dec", "closed"),
    ("Delivery last orders", "14:00", "14:00", "14:00", "Fri 18 Dec", "none", "none"),
    (
        "Duty manager (Sat)",
        "G. Ince",
        "S. Vaughan",
        "A. Pritchard",
        "G. Ince",
        "C. Pellow",
        "W. Barratt",
    ),
    ("Extra seasonal staff", "6", "10", "12", "14", "14", "4"),
]
DAY_ROWS = [
    ("Thu 24 Dec", "Christmas Eve", "09:00-15:00", "last visit 12:30", "closes 14:00"),
    ("Fri 25 Dec", "Christmas Day", "closed", "closed", "closed"),
    ("Sat 26 Dec", "Boxing Day", "closed", "closed", "closed"),
    ("Sun 27 Dec", "", "10:00-16:00", "closed", "10:30-15:30"),
    ("Mon 28 to Wed 30 Dec", "", "10:00-16:00", "closed", "10:00-15:30"),
    ("Thu 31 Dec", "New Year's Eve", "09:00-15:00", "closed", "09:00-14:30"),
    ("Fri 1 Jan", "New Year's Day", "closed", "closed", "closed"),
    ("Sat 2 Jan", "", "09:00-17:30", "closed", "09:00-17:00"),
]
PAY_ROWS = [
    ("Seasonal sales assistant, aged 21 and over", "£12.85"),
    ("Seasonal sales assistant, aged 18 to 20", "£11.10"),
    ("Saturday and holiday staff, aged 16 and 17", "£8.25"),
    ("Grotto elf", "£12.85"),
    ("Santa", "£16.50"),
    ("Christmas tree yard (netting and carrying)", "£13.20"),
]


def _grid(c, x: float, y: float, widths: list[float], rows: list[tuple], height: float) -> float:
    """A ruled table from (x, y) down: the first row in bold; returns the y below it."""
    total = sum(widths)
    c.setLineWidth(0.6)
    for r, row in enumerate(rows):
        c.line(x, y, x + total, y)
        c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 8.6)
        cx = x
        for cell, w in zip(row, widths, strict=True):
            c.drawString(cx + 3, y - height + 4.5, str(cell))
            cx += w
        y -= height
    c.line(x, y, x + total, y)
    top = y + height * len(rows)
    cx = x
    for w in [0.0, *widths]:
        cx += w
        c.line(cx, top, cx, y)
    return y


def render_landscape(out: Path) -> None:
    """Two landscape pages, each an A4 portrait page (595 x 842) with /Rotate 90 whose
    content is drawn turned a quarter anticlockwise: upright and wide when shown."""
    path = out / f"{LANDSCAPE}.pdf"
    pw, ph = A4  # the portrait page the printer driver writes
    lw, lh = ph, pw  # the landscape sheet as it is shown
    # reportlab takes the size as shown and writes the MediaBox turned back: portrait
    c = canvas.Canvas(str(path), pagesize=(lw, lh), invariant=1)
    c.setTitle("Christmas 2026 opening hours and rota")
    c.setAuthor(ORG)

    def sheet(number: int) -> None:
        c.setPageRotation(90)
        c.saveState()
        # shown point (X, Y) of the landscape sheet -> portrait point (pw - Y, X)
        c.transform(0, 1, -1, 0, pw, 0)
        c.setFont("Helvetica", 7.5)
        c.drawString(15 * mm, 9 * mm, "Printed 2 November 2026 from Rotacloud  |  Larchwick")
        c.drawRightString(lw - 15 * mm, 9 * mm, f"Page {number} of 2")

    left = 15 * mm
    sheet(1)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(left, lh - 18 * mm, "Christmas 2026: opening hours and rota")
    c.setFont("Helvetica", 9)
    c.drawString(
        left,
        lh - 25 * mm,
        "Larchwick Garden Centre and Nursery. Prepared by Fiona Trask and Gareth Ince, "
        "2 November 2026. Rota changes: ask Fiona Trask (ext. 270).",
    )
    c.setFont("Helvetica-Bold", 11)
    c.drawString(left, lh - 35 * mm, "By week (week commencing Monday)")
    rows = [("", *(f"w/c {w}" for w in WEEKS)), *WEEK_ROWS]
    y = _grid(c, left, lh - 39 * mm, [46 * mm] + [36 * mm] * 6, rows, 7.2 * mm)
    c.setFont("Helvetica", 8.5)
    c.drawString(
        left,
        y - 7 * mm,
        "Café: opens 09:00 (Sundays 10:00), closes 30 minutes before the centre. "
        "Farm Shop: same hours as the centre.",
    )
    c.drawString(
        left,
        y - 12 * mm,
        "Orders for delivery before Christmas: last orders Friday 18 December, for delivery "
        "by Wednesday 23 December.",
    )
    c.restoreState()
    c.showPage()

    sheet(2)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(left, lh - 18 * mm, "Christmas and New Year, day by day")
    rows = [("Day", "", "Garden centre", "Santa's Grotto", "Café"), *DAY_ROWS]
    y = _grid(c, left, lh - 22 * mm, [48 * mm, 40 * mm, 40 * mm, 40 * mm, 40 * mm], rows, 7 * mm)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(left, y - 11 * mm, "Seasonal pay rates from 1 November 2026 (per hour)")
    rows = [("Role", "Hourly rate"), *PAY_ROWS]
    y = _grid(c, left, y - 15 * mm, [90 * mm, 35 * mm], rows, 7 * mm)
    c.setFont("Helvetica", 8.5)
    c.drawString(
        left,
        y - 7 * mm,
        "Seasonal staff are paid monthly with everyone else. Overtime and TOIL as in the staff "
        "handbook.",
    )
    c.restoreState()
    c.showPage()
    c.save()
    print("wrote", path)


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(SRC, ORG, {}, DOCX_SOURCES, {}, REPORTLAB_PDFS, {}, out)
    render_endnoted(out)
    render_justified(out)
    render_landscape(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
