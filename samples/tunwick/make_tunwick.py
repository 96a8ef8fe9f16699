"""Render the PDF and DOCX documents of the Tunwick held-out corpus (samples/tunwick-src/).

samples/tunwick/ holds the staff shared drive of an invented English independent brewery
(Tunwick Brewery Co. Ltd, Maltings Lane, Tunwick: a 20-barrel brewhouse with eight fermenting
vessels, a packaging hall with a canning line, keg washer and cask racking, a warehouse and
drivers with three vans and a 7.5-tonne lorry, two pubs with kitchens, the Brewery Tap and the
Cooper's Arms, a Bottle Shop and web shop; about 90 staff, many part-time and seasonal), written
blind in session 35 for the held-out question set bench/answers/tunwick/. The Markdown, text
and HTML documents are edited directly in this folder; the sources of the PDF and DOCX
documents live in samples/tunwick-src/ (outside this folder, so ingesting samples/tunwick does
not index them twice) and are rendered here with the existing renderers:

- the packaging hall and warehouse safety rules are drawn in one column and the pay, holiday
  and tronc guide in two, with Tollgate's reportlab renderer;
- the training matrix is one reportlab page whose table has merged header cells (two refresher
  columns under one heading) and full-width section rows (Fellgate's `render_spanning` with
  Cobbleford's `header_spans`);
- DOCX files reuse the Harbourview renderer (Markdown subset -> Title/Heading styles, grid
  tables; fixed dates and zip timestamps).

New in this set, and drawn below (`render_numbered`): the confined space entry procedure and
its superseded 2023 version number their sections and clauses with Word's automatic multilevel
numbering, as most organisations' Word templates do: the "3.2" or "3.3(b)" a reader cites is
not in the text of any paragraph. A heading paragraph carries `w:numPr` level 0 ("1", "2", ...),
a clause paragraph level 1 ("%1.%2"), a sub-clause level 2 ("(%3)", lower-case letters), all of
one list (`w:num` -> `w:abstractNum` added to `word/numbering.xml`). In the source a clause is a
paragraph starting `{c} ` and a sub-clause one starting `{cc} `; the headings are unnumbered.

Also new (`render_merged`): the winter delivery routes and drivers' rota is a DOCX whose routes
table groups its rows by day with vertically merged cells (`w:vMerge`), as a rota typed in Word
usually is: the day is written once, in the first row of its group; the rows under it hold a
`w:vMerge` continuation cell with no text. In the source the rows under a day leave its cell
empty.

The reportlab and DOCX files are byte-identical between runs (no Chromium PDF in this set).

Needs python-docx and reportlab (a scratch venv such as /tmp/penvenv with both, and fpdf2 for
the Harbourview module's import):
    /tmp/penvenv/bin/python samples/tunwick/make_tunwick.py [OUT_DIR]
(default: samples/tunwick)
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
from docx.oxml import parse_xml

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "tunwick-src"
ORG = "Tunwick Brewery Co. Ltd"
sys.path.insert(0, str(HERE.parent / "dunmere"))

import make_dunmere  # noqa: E402  (renders a shared drive of this shape: render_drive)

# reportlab PDF name -> (running header, columns per page)
REPORTLAB_PDFS = {
    "packaging-and-warehouse-safety": (
        "Tunwick Brewery  |  Packaging Hall and Warehouse Safety Rules  |  Issue 2",
        1,
    ),
    "pay-holiday-and-tronc-guide-2026": ("Tunwick Brewery  |  People team  |  January 2026", 2),
}
# reportlab PDF whose table has merged header cells: name -> its column widths in mm
SPANNING_PDFS = {"training-matrix-2026": (52, 50, 30, 25, 25)}
NUMBERED_DOCX = ["confined-space-entry-procedure", "confined-space-entry-procedure-2023"]
MERGED_DOCX = "delivery-routes-and-drivers-rota-winter-2026"
DOCX_SOURCES = ["licensing-and-responsible-sales-policy", *NUMBERED_DOCX, MERGED_DOCX]
FIXED_ZIP_TIME = (2026, 11, 20, 9, 0, 0)
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ABSTRACT_ID = 40
NUM_ID = 40
LEVELS = [  # (format, text, indent twips, hanging twips)
    ("decimal", "%1", 0, 567),
    ("decimal", "%1.%2", 567, 567),
    ("lowerLetter", "(%3)", 1134, 567),
]


def _abstract_num() -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left + hanging}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
        for i, (fmt, text, left, hanging) in enumerate(LEVELS)
    )
    return (
        f'<w:abstractNum {W_NS} w:abstractNumId="{ABSTRACT_ID}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )


def _num_pr(level: int) -> str:
    return f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{NUM_ID}"/></w:numPr>'


def render_numbered(path: Path) -> None:
    """Number the headings (level 0), `{c} ` clauses (level 1) and `{cc} ` sub-clauses
    (level 2) of a rendered DOCX with one Word multilevel list, the markers removed."""
    d = docx.Document(str(path))
    numbering = d.part.numbering_part.element
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    abstract = parse_xml(_abstract_num())
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {W_NS} w:numId="{NUM_ID}"><w:abstractNumId w:val="{ABSTRACT_ID}"/></w:num>'
        )
    )
    counts = [0, 0, 0]
    for par in d.paragraphs:
        style = par.style.name if par.style is not None else ""
        level = None
        if style.startswith("Heading"):
            level = 0
        else:
            for marker, lv in (("{cc} ", 2), ("{c} ", 1)):
                if par.text.startswith(marker):
                    level = lv
                    first = par.runs[0]
                    assert first.text.startswith(marker), first.text
                    first.text = first.text[len(marker) :]
                    break
        if level is None:
            continue
        counts[level] += 1
        par._p.get_or_add_pPr().insert(0, parse_xml(_num_pr(level)))
    assert all("{c" not in p.text for p in d.paragraphs), path
    buf = io.BytesIO()
    d.save(buf)
    make_dunmere.rezip(buf.getvalue(), path, FIXED_ZIP_TIME)
    print("numbered", counts, "headings, clauses, sub-clauses in", path)


def render_merged(path: Path) -> None:
    """Merge each table's empty first-column cells into the filled cell above them
    (`w:vMerge`): a day written once over its group of rows."""
    d = docx.Document(str(path))
    merged = 0
    for table in d.tables:
        rows = len(table.rows)
        top = None
        for r in range(1, rows + 1):
            text = table.cell(r, 0).text.strip() if r < rows else None
            if text:
                if top is not None and r - 1 > top:
                    table.cell(top, 0).merge(table.cell(r - 1, 0))
                    merged += 1
                top = r
            elif text is None and top is not None and rows - 1 > top:
                table.cell(top, 0).merge(table.cell(rows - 1, 0))
                merged += 1
    buf = io.BytesIO()
    d.save(buf)
    make_dunmere.rezip(buf.getvalue(), path, FIXED_ZIP_TIME)
    print("merged", merged, "groups of first-column cells in", path)


def main(out: Path = HERE) -> None:
    make_dunmere.render_drive(SRC, ORG, {}, DOCX_SOURCES, {}, REPORTLAB_PDFS, SPANNING_PDFS, out)
    for name in NUMBERED_DOCX:
        render_numbered(out / f"{name}.docx")
    render_merged(out / f"{MERGED_DOCX}.docx")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
