"""Render the PDF and DOCX documents of the Harbourview held-out corpus from samples/harbourview-src/.

samples/harbourview/ is a third small fictional intranet (Harbourview Port Authority, a public
trust port) written blind for the held-out question set bench/answers/harbourview/. The
Markdown, text and HTML documents are edited directly in this folder; the text of the DOCX and
PDF documents lives in samples/harbourview-src/*.md (outside this folder, so ingesting
samples/harbourview does not index it twice) and is rendered here.

The sources use a small Markdown subset: '#'/'##' headings, paragraphs, '- ' bullets, '1. '
numbered items, pipe tables and **bold**. PDFs get a running header (organisation, title and
document reference) and a "Page n of m" footer on every page; DOCX files get Title/Heading
styles, List Bullet / List Number paragraphs and a grid table.

Output is deterministic (fixed dates, fixed zip timestamps).

Needs python-docx and fpdf2 (any venv):
    python samples/harbourview/make_harbourview.py [OUT_DIR]   (default: samples/harbourview)
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

import docx
from docx.shared import Pt
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "harbourview-src"

# name -> document reference shown in the PDF running header
PDF_SOURCES = {
    "staff-code-of-conduct": "HPA/HR/004 v3.1",
    "shift-and-standby-allowances-2026": "HPA/HR/015",
}
DOCX_SOURCES = ["travel-and-subsistence-procedure-2025", "health-and-safety-policy"]

ORG = "Harbourview Port Authority"
FIXED = dt.datetime(2026, 3, 2, 8, 30, 0, tzinfo=dt.timezone.utc)
BLOCK_START = re.compile(r"^(#{1,3} |\||- |\d+\. )")


def parse(md: str) -> list[tuple]:
    """Blocks: ('h', level, text) | ('p', text) | ('ul', items) | ('ol', items) | ('table', rows)."""
    blocks: list[tuple] = []
    lines = md.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            i += 1
            continue
        m = re.match(r"^(#{1,3}) (.*)$", line)
        if m:
            blocks.append(("h", len(m.group(1)), m.group(2).strip()))
            i += 1
        elif line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            blocks.append(("table", rows))
        elif re.match(r"^(- |\d+\. )", line):
            kind = "ul" if line.startswith("- ") else "ol"
            items = []
            while i < len(lines) and re.match(r"^(- |\d+\. )", lines[i]):
                items.append(re.sub(r"^(- |\d+\. )", "", lines[i]).strip())
                i += 1
            blocks.append((kind, items))
        else:
            para = []
            while i < len(lines) and lines[i].strip() and not BLOCK_START.match(lines[i]):
                para.append(lines[i].strip())
                i += 1
            blocks.append(("p", " ".join(para)))
    return blocks


def plain(text: str) -> str:
    return text.replace("**", "")


def add_runs(par, text: str) -> None:
    for k, part in enumerate(re.split(r"\*\*", text)):
        if part:
            par.add_run(part).bold = k % 2 == 1


def render_docx_sources(src: Path, names: list[str], out: Path, org: str) -> None:
    """Each named Markdown source in `src` rendered to `out/<name>.docx`, authored by `org`
    (the later sets' renderers use this one)."""
    global ORG
    ORG = org  # the DOCX author in core properties
    for name in names:
        blocks = parse((src / f"{name}.md").read_text(encoding="utf-8"))
        title = plain(next(b[2] for b in blocks if b[0] == "h"))
        render_docx(blocks, title, out / f"{name}.docx")
        print("wrote", out / f"{name}.docx")


def render_docx(blocks: list[tuple], title: str, out: Path) -> None:
    d = docx.Document()
    d.styles["Normal"].font.name = "Arial"
    d.styles["Normal"].font.size = Pt(11)
    cp = d.core_properties
    cp.title, cp.author, cp.last_modified_by = title, ORG, "Corporate Services"
    cp.created = cp.modified = FIXED.replace(tzinfo=None)
    cp.revision = 1
    for b in blocks:
        if b[0] == "h":
            d.add_heading(plain(b[2]), level=0 if b[1] == 1 else b[1] - 1)
        elif b[0] == "p":
            add_runs(d.add_paragraph(), b[1])
        elif b[0] in ("ul", "ol"):
            style = "List Bullet" if b[0] == "ul" else "List Number"
            for item in b[1]:
                add_runs(d.add_paragraph(style=style), item)
        elif b[0] == "table":
            rows = b[1]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    t.cell(r, c).text = plain(cell)
                    if r == 0:
                        for run in t.cell(r, c).paragraphs[0].runs:
                            run.bold = True
            d.add_paragraph()
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in sorted(src.infolist(), key=lambda x: x.filename != "[Content_Types].xml"):
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 2, 8, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))


class _PDF(FPDF):
    running_header = ""

    def header(self) -> None:
        self.set_font("helvetica", "I", 8)
        self.cell(0, 6, self.running_header, align="R", new_x="LMARGIN", new_y="NEXT")
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("helvetica", size=8)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")


def render_pdf(blocks: list[tuple], title: str, ref: str, out: Path) -> None:
    pdf = _PDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"  # £ and dashes with the core fonts
    pdf.running_header = f"{ORG}  |  {title}  |  {ref}"
    pdf.set_title(title)
    pdf.set_author(ORG)
    pdf.set_creation_date(FIXED)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(22, 14, 22)
    pdf.add_page()
    w = pdf.epw
    for b in blocks:
        if b[0] == "h":
            size = {1: 16, 2: 12.5, 3: 11}[b[1]]
            pdf.ln(3 if b[1] > 1 else 0)
            pdf.set_font("helvetica", "B", size)
            pdf.multi_cell(w, size * 0.5, plain(b[2]), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif b[0] == "p":
            pdf.set_font("helvetica", size=10.5)
            m = re.match(r"^(\d+\.\d+) (.*)$", plain(b[1]))
            if m:  # numbered clause: hanging number
                pdf.cell(11, 5.2, m.group(1))
                pdf.multi_cell(w - 11, 5.2, m.group(2), new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.multi_cell(w, 5.2, plain(b[1]), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)
        elif b[0] in ("ul", "ol"):
            pdf.set_font("helvetica", size=10.5)
            for n, item in enumerate(b[1], 1):
                mark = "-" if b[0] == "ul" else f"{n}."
                pdf.set_x(pdf.l_margin + 4)
                pdf.cell(6, 5.2, mark)
                pdf.multi_cell(w - 10, 5.2, plain(item), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(0.8)
            pdf.ln(2)
        elif b[0] == "table":
            pdf.set_font("helvetica", size=9)
            with pdf.table(line_height=5, text_align="LEFT", first_row_as_headings=True) as t:
                for row in b[1]:
                    r = t.row()
                    for cell in row:
                        r.cell(plain(cell))
            pdf.ln(3)
    pdf.output(str(out))


def main(out: Path = HERE) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in list(PDF_SOURCES) + DOCX_SOURCES:
        blocks = parse((SRC / f"{name}.md").read_text(encoding="utf-8"))
        title = plain(next(b[2] for b in blocks if b[0] == "h"))
        if name in PDF_SOURCES:
            render_pdf(blocks, title, PDF_SOURCES[name], out / f"{name}.pdf")
            print("wrote", out / f"{name}.pdf")
        else:
            render_docx(blocks, title, out / f"{name}.docx")
            print("wrote", out / f"{name}.docx")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
