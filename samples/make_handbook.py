"""Render the PDF and DOCX policies of the sample handbook from samples/handbook-src/.

The sample handbook (samples/handbook/) must hold real multi-page PDFs and DOCX files with
heading styles and tables, so the loaders are exercised on the formats people actually
upload. Their text lives as a small Markdown subset in samples/handbook-src/ (outside the
ingested folder, so `pocketrag ingest samples/handbook` does not count it twice) and this
script renders it. The output is byte-for-byte deterministic: fixed creation dates in the
PDFs and fixed zip timestamps in the DOCX files, so re-running it leaves git clean.

Usage: .venv/bin/python samples/make_handbook.py [OUT_DIR]   (default: samples/handbook)
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.shared import Pt
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
SRC = HERE / "handbook-src"
OUT = HERE / "handbook"
COMPANY = "Larkfield Analytics Ltd"
FIXED_DATE = dt.datetime(2026, 1, 5, 9, 0, 0, tzinfo=dt.timezone.utc)

# Which source renders to which format. Everything else in samples/handbook is hand-written.
PDF_SOURCES = ["expenses", "travel", "it-security", "health-and-safety"]
DOCX_SOURCES = ["benefits", "parental-leave", "company-car-and-mileage"]


@dataclass
class Block:
    """One element of the Markdown subset: heading (level 1-3), paragraph, bullet or table."""

    kind: str
    text: str = ""
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)


def parse(text: str) -> list[Block]:
    """Parse the tiny Markdown subset used by the sources (#, ##, ###, -, |tables|, paragraphs)."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("para", " ".join(para)))
            para.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("#"):
            flush()
            level = len(line) - len(line.lstrip("#"))
            blocks.append(Block("heading", line[level:].strip(), level=level))
        elif line.startswith("- "):
            flush()
            blocks.append(Block("bullet", line[2:].strip()))
        elif line.startswith("|"):
            flush()
            cells = [c.strip() for c in line.strip("|").split("|")]
            if all(set(c) <= set("-: ") for c in cells):
                continue  # header separator row
            if not blocks or blocks[-1].kind != "table":
                blocks.append(Block("table"))
            blocks[-1].rows.append(cells)
        else:
            para.append(line)
    flush()
    return blocks


class HandbookPDF(FPDF):
    """A4 PDF with a running header and 'Page X of Y' footer, like an exported handbook."""

    def __init__(self, title: str) -> None:
        super().__init__(format="A4")
        self.doc_title = title
        self.set_title(title)
        self.set_author(COMPANY)
        self.set_creator("samples/make_handbook.py")
        self.set_creation_date(FIXED_DATE)
        self.set_margins(22, 22, 22)
        self.set_auto_page_break(True, margin=22)
        self.alias_nb_pages()

    def header(self) -> None:
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 6, f"{COMPANY} - Employee Handbook - {self.doc_title}", align="R")
        self.ln(10)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def latin1(text: str) -> str:
    """Core PDF fonts are Latin-1 only; the sources are ASCII plus the pound sign."""
    return text.encode("latin-1", "replace").decode("latin-1")


def render_pdf(blocks: list[Block], path: Path) -> None:
    title = blocks[0].text
    pdf = HandbookPDF(title)
    pdf.add_page()
    sizes = {1: 18, 2: 14, 3: 12}
    for b in blocks:
        if b.kind == "heading":
            pdf.ln(3 if b.level > 1 else 0)
            pdf.set_font("Helvetica", "B", sizes.get(b.level, 12))
            pdf.multi_cell(0, 8, latin1(b.text), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif b.kind == "para":
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 6, latin1(b.text), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif b.kind == "bullet":
            pdf.set_font("Helvetica", "", 11)
            pdf.set_x(pdf.l_margin + 4)
            pdf.multi_cell(0, 6, latin1("- " + b.text), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif b.kind == "table":
            pdf.set_font("Helvetica", "", 10)
            with pdf.table(line_height=6) as table:
                for row in b.rows:
                    r = table.row()
                    for cell in row:
                        r.cell(latin1(cell))
            pdf.ln(3)
    path.write_bytes(bytes(pdf.output()))


def render_docx(blocks: list[Block], path: Path) -> None:
    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    props = document.core_properties
    props.title = blocks[0].text
    props.author = COMPANY
    props.last_modified_by = COMPANY
    props.created = props.modified = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1
    for b in blocks:
        if b.kind == "heading":
            # "#" is the document title; "##" and "###" become Heading 1 and Heading 2.
            document.add_heading(b.text, level=b.level - 1)
        elif b.kind == "para":
            document.add_paragraph(b.text)
        elif b.kind == "bullet":
            document.add_paragraph(b.text, style="List Bullet")
        elif b.kind == "table":
            table = document.add_table(rows=0, cols=len(b.rows[0]))
            table.style = "Table Grid"
            for i, row in enumerate(b.rows):
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
                    if i == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
    buf = io.BytesIO()
    document.save(buf)
    path.write_bytes(_normalise_zip(buf.getvalue()))


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the DOCX zip with fixed timestamps so repeated runs give identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 5, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main(
    out: Path = OUT,
    src: Path = SRC,
    pdf_sources: list[str] = PDF_SOURCES,
    docx_sources: list[str] = DOCX_SOURCES,
) -> None:
    """Render every PDF and DOCX into `out` (samples/handbook by default; tests use a temp dir).
    samples/larkfield/make_larkfield.py renders its own sources with it."""
    out.mkdir(parents=True, exist_ok=True)
    for name in pdf_sources:
        blocks = parse((src / f"{name}.md").read_text(encoding="utf-8"))
        render_pdf(blocks, out / f"{name}.pdf")
        print(f"wrote {out / name}.pdf")
    for name in docx_sources:
        blocks = parse((src / f"{name}.md").read_text(encoding="utf-8"))
        render_docx(blocks, out / f"{name}.docx")
        print(f"wrote {out / name}.docx")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
